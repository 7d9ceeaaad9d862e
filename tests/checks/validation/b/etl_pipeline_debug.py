# path: src/etl/pipeline.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: fstring-debug=compliant structlog=violation comprehensions=compliant pathlib=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant f-strings=compliant
# expect: orjson=compliant contextlib-suppress=na raise-from=compliant bare-except=compliant
# expect: type-checking-imports=compliant union-operator=compliant
# expect: class-length=compliant
# expect: no-pickle=compliant
# expect: keyword-only=violation domain-hierarchy=compliant
"""Extract rows from NDJSON exports, transform them and load them in batches."""

from __future__ import annotations

from itertools import batched
from logging import getLogger
from typing import TYPE_CHECKING

from orjson import JSONDecodeError, loads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

__all__ = ["PipelineError", "extract", "run"]

log = getLogger(__name__)


class PipelineError(RuntimeError):
    """A row could not be processed."""


def extract(path: Path) -> Iterator[dict[str, object]]:
    """Read one JSON object per line.

    Args:
        path: The NDJSON file.

    Yields:
        The decoded rows.

    Raises:
        PipelineError: If a line is not valid JSON.
    """
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                yield loads(line)
            except JSONDecodeError as exc:
                raise PipelineError(f"{path}:{number}: invalid JSON") from exc


def run(
    path: Path,
    transform: Callable[[dict[str, object]], dict[str, object] | None],
    load: Callable[[list[dict[str, object]]], int],
    batch_size: int = 500,
) -> int:
    """Run the pipeline over one file.

    Args:
        path: The NDJSON export.
        transform: Maps a row, or returns None to drop it.
        load: Writes a batch and returns how many rows it stored.
        batch_size: Rows per batch.

    Returns:
        How many rows were loaded.
    """
    loaded = 0
    rows = (transform(row) for row in extract(path))
    for batch in batched((row for row in rows if row is not None), batch_size):
        stored = load(list(batch))
        log.debug(f"{batch_size=} {stored=} {loaded=}")
        loaded += stored
    log.info("pipeline finished: %s rows from %s", loaded, path.name)
    return loaded
