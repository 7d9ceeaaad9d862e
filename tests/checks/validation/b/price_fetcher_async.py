# path: src/pricing/fetcher.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=compliant function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant task-group=compliant cancelled-error=compliant structlog=compliant
# expect: class-length=compliant repr=compliant raise-from=compliant bare-except=compliant
# expect: builtin-generics=compliant abc-imports=compliant no-any=compliant
# expect: dataclass-options=compliant dataclass-frozen=compliant dataclass-kw-only=compliant
# expect: comprehensions=compliant type-checking-imports=violation
# expect: f-strings=compliant
# expect: domain-hierarchy=compliant value-object-equality=compliant
# expect: constructor-injection=compliant
"""Fetch prices for many symbols concurrently."""

from __future__ import annotations

from asyncio import CancelledError, TaskGroup
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from httpx import AsyncClient, HTTPError
from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["PriceFetcher", "Quote", "QuoteUnavailableError"]

log = get_logger(__name__)


class QuoteUnavailableError(RuntimeError):
    """The price service could not quote a symbol."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A price for one symbol."""

    symbol: str
    price: Decimal
    currency: str


class PriceFetcher:
    """Reads quotes from the pricing HTTP API."""

    def __init__(self, client: AsyncClient) -> None:
        """Use an HTTP client already pointed at the pricing API.

        Args:
            client: The client, with base URL and auth set.
        """
        self._client = client

    def __repr__(self) -> str:
        """Show the API the fetcher reads from."""
        return f"PriceFetcher(base_url={self._client.base_url!s})"

    async def quote(self, symbol: str) -> Quote:
        """Fetch one quote.

        Args:
            symbol: The ticker symbol.

        Returns:
            The current quote.

        Raises:
            QuoteUnavailableError: If the API fails or answers with an error.
        """
        try:
            response = await self._client.get(f"/quotes/{symbol}")
            response.raise_for_status()
        except HTTPError as exc:
            raise QuoteUnavailableError(symbol) from exc
        body = response.json()
        return Quote(symbol=symbol, price=Decimal(body["price"]), currency=body["currency"])

    async def quotes(self, symbols: Iterable[str]) -> dict[str, Quote]:
        """Fetch quotes for many symbols at once.

        Args:
            symbols: The ticker symbols.

        Returns:
            The quotes by symbol.
        """
        try:
            async with TaskGroup() as group:
                tasks = {symbol: group.create_task(self.quote(symbol)) for symbol in symbols}
        except CancelledError:
            log.info("quote_batch_cancelled", count=len(tasks))
            raise
        return {symbol: task.result() for symbol, task in tasks.items()}
