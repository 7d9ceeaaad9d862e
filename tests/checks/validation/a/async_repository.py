# path: src/accounts/async_repository.py
# expect: sqlalchemy-select=compliant docstrings=compliant google-docstrings=violation dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant type-checking-imports=compliant
# expect: repr=violation function-length=compliant parameter-count=compliant abc-imports=compliant async-blocking=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: session-scalars=compliant async-session=compliant
"""Async data access for accounts, on SQLAlchemy's asyncio extension."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update

from accounts.models import Account, AccountStatus

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["AccountRepository"]


class AccountRepository:
    """Reads and writes accounts through an async session."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind to a session."""
        self._session = session

    async def get(self, account_id: int) -> Account | None:
        """The account with an id, if any."""
        return await self._session.get(Account, account_id)

    async def by_owner(self, owner_id: int) -> Sequence[Account]:
        """The accounts an owner holds, oldest first."""
        result = await self._session.scalars(
            select(Account).where(Account.owner_id == owner_id).order_by(Account.opened_at)
        )
        return result.all()

    async def suspend(self, account_id: int) -> int:
        """Suspend an account; returns the rows changed."""
        result = await self._session.execute(
            update(Account).where(Account.id == account_id).values(status=AccountStatus.SUSPENDED)
        )
        return result.rowcount

    async def purge_closed(self) -> int:
        """Delete closed accounts; returns the rows deleted."""
        result = await self._session.execute(
            delete(Account).where(Account.status == AccountStatus.CLOSED)
        )
        return result.rowcount
