# path: src/crawler/engine.py
# expect: module-length=compliant docstrings=compliant specific-imports=violation annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=violation task-group=violation cancelled-error=compliant structlog=compliant
# expect: class-length=compliant repr=compliant builtin-generics=compliant
# expect: no-any=compliant f-strings=compliant bare-except=compliant pathlib=compliant
# expect: dataclass-options=violation dataclass-frozen=compliant dataclass-kw-only=violation comprehensions=compliant
# expect: type-checking-imports=violation
"""Breadth-first crawler for a single site."""

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from httpx import AsyncClient, HTTPError
from selectolax.parser import HTMLParser
from structlog import get_logger

__all__ = ["CrawlStats", "Crawler"]

log = get_logger(__name__)


@dataclass
class CrawlStats:
    """Counters updated while the crawl runs."""

    fetched: int = 0
    failed: int = 0
    skipped: int = 0
    seen: set[str] = field(default_factory=set)


class Crawler:
    """Crawls pages of one host and saves their HTML."""

    def __init__(self, root_url: str, out_dir: Path, max_pages: int = 200) -> None:
        """Prepare a crawl.

        Args:
            root_url: Where to start; only this host is crawled.
            out_dir: Directory that receives one HTML file per page.
            max_pages: Stop after this many pages.
        """
        self.root_url = root_url
        self.host = urlparse(root_url).netloc
        self.out_dir = out_dir
        self.max_pages = max_pages
        self.stats = CrawlStats()

    def __repr__(self) -> str:
        """Show the crawl's root and progress."""
        return f"Crawler(root_url={self.root_url!r}, fetched={self.stats.fetched})"

    async def crawl(self, workers: int = 8) -> CrawlStats:
        """Crawl until the frontier is empty or the page limit is reached.

        Args:
            workers: How many pages to fetch at once.

        Returns:
            The crawl's counters.
        """
        queue: asyncio.Queue[str] = asyncio.Queue()
        await queue.put(self.root_url)
        async with AsyncClient(follow_redirects=True, timeout=15) as client:
            tasks = [asyncio.create_task(self._worker(client, queue)) for _ in range(workers)]
            await queue.join()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return self.stats

    async def _worker(self, client: AsyncClient, queue: asyncio.Queue[str]) -> None:
        while True:
            url = await queue.get()
            try:
                if url in self.stats.seen or len(self.stats.seen) >= self.max_pages:
                    self.stats.skipped += 1
                    continue
                self.stats.seen.add(url)
                try:
                    response = await client.get(url)
                    response.raise_for_status()
                except HTTPError as exc:
                    self.stats.failed += 1
                    log.warning("fetch_failed", url=url, error=str(exc))
                    continue
                except asyncio.CancelledError:
                    log.info("worker_cancelled", url=url)
                    raise
                self.stats.fetched += 1
                target = self.out_dir / f"{self.stats.fetched:05d}.html"
                target.write_text(response.text, encoding="utf-8")
                for node in HTMLParser(response.text).css("a[href]"):
                    link = urljoin(url, node.attributes.get("href") or "")
                    if urlparse(link).netloc == self.host:
                        queue.put_nowait(link.split("#")[0])
            finally:
                queue.task_done()
