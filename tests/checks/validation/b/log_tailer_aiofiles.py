# path: src/agent/tailer.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant cancelled-error=compliant structlog=compliant pathlib=compliant
# expect: orjson=compliant contextlib-suppress=compliant abc-imports=compliant builtin-generics=compliant
# expect: no-any=compliant type-checking-imports=compliant union-operator=compliant
# expect: bare-except=compliant
# expect: no-pickle=compliant
# expect: keyword-only=compliant
"""Follow a JSON-lines log file and yield each new record."""

from __future__ import annotations

from asyncio import CancelledError, sleep
from contextlib import suppress
from typing import TYPE_CHECKING

from aiofiles import open as aio_open
from orjson import JSONDecodeError, loads
from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

__all__ = ["follow"]

log = get_logger(__name__)


async def follow(
    path: Path, *, poll_interval: float = 0.5, from_start: bool = False
) -> AsyncIterator[dict[str, object]]:
    """Yield records appended to a JSON-lines file, like `tail -f`.

    Args:
        path: The log file.
        poll_interval: Seconds to wait when no new line is available.
        from_start: Read existing lines first instead of only new ones.

    Yields:
        Each decoded record; undecodable lines are skipped.
    """
    async with aio_open(path, "rb") as handle:
        if not from_start:
            await handle.seek(0, 2)
        try:
            while True:
                line = await handle.readline()
                if not line:
                    await sleep(poll_interval)
                    continue
                record: dict[str, object] | None = None
                with suppress(JSONDecodeError):
                    record = loads(line)
                if record is None:
                    log.warning("undecodable_line", path=str(path), size=len(line))
                    continue
                yield record
        except CancelledError:
            log.info("tail_stopped", path=str(path))
            raise
