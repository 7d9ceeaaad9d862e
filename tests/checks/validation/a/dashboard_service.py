# path: src/dashboard/service.py
# expect: task-group=compliant cancelled-error=compliant async-blocking=compliant specific-imports=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: structlog=compliant type-checking-imports=compliant union-operator=compliant repr=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: function-length=compliant parameter-count=compliant abc-imports=compliant timezone-aware=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: value-object-equality=compliant
"""Assemble the dashboard from several backends, concurrently and within a deadline."""

from __future__ import annotations

from asyncio import CancelledError, TaskGroup, timeout
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from structlog import get_logger

if TYPE_CHECKING:
    from dashboard.backends import BillingBackend, SupportBackend, UsageBackend

__all__ = ["Dashboard", "DashboardService"]

log = get_logger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Dashboard:
    """What the account's dashboard shows.

    Attributes:
        account_id: The account.
        balance_cents: The open balance.
        open_tickets: Support tickets not yet closed.
        api_calls_today: Calls made today.
        built_at: When the dashboard was assembled.
    """

    account_id: int
    balance_cents: int
    open_tickets: int
    api_calls_today: int
    built_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class DashboardService:
    """Queries the backends in parallel.

    Attributes:
        billing: The billing backend.
        support: The support backend.
        usage: The usage backend.
        deadline_seconds: How long the whole dashboard may take.
    """

    billing: BillingBackend
    support: SupportBackend
    usage: UsageBackend
    deadline_seconds: float = 2.0

    async def build(self, account_id: int) -> Dashboard:
        """Query every backend at once and assemble the dashboard.

        Args:
            account_id: The account.

        Returns:
            The dashboard.

        Raises:
            CancelledError: The request was cancelled; the backend calls are cancelled too.
        """
        try:
            async with timeout(self.deadline_seconds), TaskGroup() as group:
                balance = group.create_task(self.billing.balance_cents(account_id))
                tickets = group.create_task(self.support.open_tickets(account_id))
                calls = group.create_task(self.usage.calls_today(account_id))
        except CancelledError:
            log.info("dashboard.cancelled", account_id=account_id)
            raise
        return Dashboard(
            account_id=account_id,
            balance_cents=balance.result(),
            open_tickets=tickets.result(),
            api_calls_today=calls.result(),
            built_at=datetime.now(UTC),
        )
