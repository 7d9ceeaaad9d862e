# path: src/loyalty/points.py
# expect: async-session=violation repr=violation self-type=violation specific-imports=violation
# expect: value-object-equality=violation annotations=compliant async-blocking=compliant
# expect: builtin-generics=compliant class-length=compliant constructor-injection=compliant
# expect: context-managers=compliant docstrings=compliant domain-hierarchy=compliant
# expect: dunder-all=compliant f-strings=compliant function-length=compliant
# expect: google-docstrings=compliant module-length=compliant no-any=compliant
# expect: no-star-args=compliant parameter-count=compliant relative-imports=compliant
# expect: session-scalars=compliant sqlalchemy-select=compliant type-checking-imports=compliant
# expect: union-operator=compliant wildcard-import=compliant
"""Loyalty points: earning, redeeming and the audit trail."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy import select

from loyalty.models import PointsEntry

if TYPE_CHECKING:
    from types import TracebackType

    from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["LoyaltyError", "Points", "PointsLedger", "Stopwatch"]


class LoyaltyError(Exception):
    """Base of the loyalty errors."""


class InsufficientPointsError(LoyaltyError):
    """Raised when a member redeems more points than they hold."""


class Points:
    """A number of loyalty points."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Points):
            return NotImplemented
        return self.value == other.value

    def __repr__(self) -> str:
        return f"Points({self.value})"


class Stopwatch:
    """Measures how long a block takes."""

    def __enter__(self) -> "Stopwatch":
        self.started = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.elapsed = time.perf_counter() - self.started


class PointsLedger:
    """The points each member holds."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def __repr__(self) -> str:
        return "PointsLedger()"

    async def balance(self, member_id: int) -> Points:
        """The points a member holds.

        Args:
            member_id: The member.

        Returns:
            Their balance.
        """
        entries = await self._session.scalars(
            select(PointsEntry.delta).where(PointsEntry.member_id == member_id)
        )
        return Points(sum(entries))

    async def redeem(self, member_id: int, points: Points) -> None:
        """Spend points.

        Args:
            member_id: The member.
            points: How many to spend.

        Raises:
            InsufficientPointsError: The member holds fewer points.
        """
        if (await self.balance(member_id)).value < points.value:
            raise InsufficientPointsError(f"member {member_id} cannot spend {points.value}")
        self._session.add(PointsEntry(member_id=member_id, delta=-points.value))
        self._session.commit()
