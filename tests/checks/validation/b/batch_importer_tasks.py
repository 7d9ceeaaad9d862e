# path: src/catalog/importer.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=compliant cancelled-error=compliant structlog=compliant
# expect: no-star-args=compliant pep695-generics=compliant abc-imports=compliant builtin-generics=compliant
# expect: no-any=compliant raise-from=compliant bare-except=compliant comprehensions=compliant
# expect: type-checking-imports=compliant
# expect: class-length=compliant
# expect: f-strings=compliant
# expect: keyword-only=compliant domain-hierarchy=compliant
"""Import catalogue products in bounded concurrent batches."""

from __future__ import annotations

from asyncio import CancelledError, Semaphore, TaskGroup, to_thread
from typing import TYPE_CHECKING

from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence

__all__ = ["ImportFailedError", "import_all", "run_bounded"]

log = get_logger(__name__)


class ImportFailedError(RuntimeError):
    """At least one product failed to import."""


async def run_bounded[T, R](
    items: Sequence[T], work: Callable[[T], Awaitable[R]], *, limit: int = 10
) -> list[R]:
    """Run `work` on every item with at most `limit` running at once.

    Args:
        items: The inputs.
        work: The coroutine function applied to each input.
        limit: The most concurrent calls.

    Returns:
        The results, in input order.
    """
    gate = Semaphore(limit)

    async def guarded(item: T) -> R:
        async with gate:
            return await work(item)

    async with TaskGroup() as group:
        tasks = [group.create_task(guarded(item)) for item in items]
    return [task.result() for task in tasks]


async def import_all(
    skus: Sequence[str], fetch: Callable[[str], Awaitable[dict[str, str]]], *, dry_run: bool = False
) -> int:
    """Fetch and store every product.

    Args:
        skus: The products to import.
        fetch: Loads one product's data from the supplier.
        dry_run: Fetch but do not store.

    Returns:
        How many products were stored.

    Raises:
        ImportFailedError: If any fetch failed.
    """
    try:
        products = await run_bounded(skus, fetch, limit=8)
    except* OSError as group:
        raise ImportFailedError(f"{len(group.exceptions)} products failed") from group
    except* CancelledError:
        log.warning("import_cancelled", total=len(skus))
        raise
    if dry_run:
        return 0
    stored = await to_thread(_store_products, products)
    log.info("import_finished", stored=stored)
    return stored


def _store_products(products: list[dict[str, str]]) -> int:
    return len([product for product in products if product.get("sku")])
