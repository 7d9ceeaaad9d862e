# path: src/crawler/fetch.py
# expect: task-group=violation async-blocking=violation specific-imports=violation structlog=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: builtin-generics=compliant union-operator=compliant cancelled-error=compliant f-strings=compliant
# expect: fstring-debug=compliant function-length=compliant parameter-count=compliant abc-imports=compliant
# expect: pathlib=violation contextlib-suppress=compliant
# expect: module-length=compliant no-star-args=compliant bare-except=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Fetch many pages concurrently and store their bodies."""

import asyncio
import logging
import time
from collections.abc import Iterable
from pathlib import Path

import httpx
import requests

logger = logging.getLogger(__name__)

USER_AGENT = "canon-crawler/1.0"


async def fetch_one(client: httpx.AsyncClient, url: str) -> tuple[str, str | None]:
    try:
        response = await client.get(url, timeout=15.0)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        logger.warning("failed %s: %s", url, exc)
        return url, None
    return url, response.text


async def fetch_all(urls: Iterable[str], concurrency: int = 10) -> dict[str, str | None]:
    semaphore = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}) as client:

        async def bounded(url: str) -> tuple[str, str | None]:
            async with semaphore:
                return await fetch_one(client, url)

        results = await asyncio.gather(*(bounded(url) for url in urls))
    return dict(results)


async def fetch_robots(domain: str) -> str | None:
    response = requests.get(f"https://{domain}/robots.txt", timeout=5)
    if response.status_code != 200:
        return None
    return response.text


async def polite_crawl(urls: list[str], delay: float = 1.0) -> dict[str, str | None]:
    pages: dict[str, str | None] = {}
    for url in urls:
        _, body = await fetch_one(httpx.AsyncClient(), url)
        pages[url] = body
        time.sleep(delay)
    return pages


async def save_pages(pages: dict[str, str | None], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    saved = 0
    for index, body in enumerate(pages.values()):
        if body is None:
            continue
        with open(folder / f"page-{index}.html", "w", encoding="utf-8") as handle:
            handle.write(body)
        saved += 1
    return saved


def main(urls: list[str]) -> None:
    pages = asyncio.run(fetch_all(urls))
    count = asyncio.run(save_pages(pages, Path("pages")))
    logger.info("saved %d of %d pages", count, len(urls))
