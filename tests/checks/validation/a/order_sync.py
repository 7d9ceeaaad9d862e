# path: src/shop/sync/orders.py
# expect: relative-imports=violation specific-imports=compliant docstrings=compliant google-docstrings=compliant
# expect: dunder-all=compliant annotations=compliant structlog=compliant raise-from=violation
# expect: sqlalchemy-select=compliant timezone-aware=compliant type-checking-imports=violation
# expect: function-length=compliant parameter-count=compliant repr=violation union-operator=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant no-any=compliant
# expect: session-scalars=violation domain-hierarchy=compliant constructor-injection=compliant
"""Synchronise orders from the marketplace into the shop database."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from structlog import get_logger

from ..db.models import Order, SyncCursor
from ..marketplace.client import MarketplaceClient, MarketplaceError
from .mapping import order_from_payload

__all__ = ["OrderSync", "SyncFailed"]

log = get_logger(__name__)


class SyncFailed(RuntimeError):
    """The marketplace could not be read; nothing was stored."""


class OrderSync:
    """Pulls new marketplace orders since the last cursor."""

    def __init__(self, session: Session, client: MarketplaceClient) -> None:
        """Create the synchroniser.

        Args:
            session: The database session.
            client: The marketplace client.
        """
        self._session = session
        self._client = client

    def _cursor(self) -> SyncCursor:
        cursor = self._session.execute(
            select(SyncCursor).where(SyncCursor.name == "orders")
        ).scalar_one_or_none()
        return cursor or SyncCursor(name="orders", position=None)

    def run(self) -> int:
        """Fetch and store the orders placed since the last run.

        Returns:
            How many orders were stored.

        Raises:
            SyncFailed: The marketplace failed to answer.
        """
        cursor = self._cursor()
        try:
            page = self._client.orders_since(cursor.position)
        except MarketplaceError as exc:
            log.error("sync.failed", error=str(exc))
            raise SyncFailed(f"marketplace unavailable: {exc}")
        for payload in page.items:
            order: Order = order_from_payload(payload)
            self._session.merge(order)
        cursor.position = page.next_position
        cursor.synced_at = datetime.now(UTC)
        self._session.add(cursor)
        self._session.commit()
        log.info("sync.done", stored=len(page.items))
        return len(page.items)
