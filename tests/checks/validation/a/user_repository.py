# path: src/accounts/repository.py
# expect: sqlalchemy-select=compliant union-operator=compliant docstrings=compliant google-docstrings=compliant
# expect: dunder-all=compliant annotations=compliant specific-imports=compliant repr=violation
# expect: function-length=compliant parameter-count=compliant builtin-generics=compliant abc-imports=compliant
# expect: type-checking-imports=compliant raise-from=compliant timezone-aware=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: session-scalars=violation domain-hierarchy=compliant
"""Persistence of user accounts with SQLAlchemy 2.0 sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from accounts.errors import DuplicateEmailError
from accounts.models import User

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["UserRepository"]


class UserRepository:
    """Reads and writes `User` rows through one session."""

    def __init__(self, session: Session) -> None:
        """Bind the repository to a session.

        Args:
            session: The unit of work the repository reads and writes through.
        """
        self._session = session

    def get(self, user_id: int) -> User | None:
        """Fetch one user by primary key.

        Args:
            user_id: The user's id.

        Returns:
            The user, or None when no row has this id.
        """
        return self._session.get(User, user_id)

    def by_email(self, email: str) -> User | None:
        """Fetch one user by e-mail address, case-insensitively.

        Args:
            email: The address to look up.

        Returns:
            The user, or None.
        """
        statement = select(User).where(func.lower(User.email) == email.lower())
        return self._session.execute(statement).scalar_one_or_none()

    def active(self, *, limit: int = 100, offset: int = 0) -> Sequence[User]:
        """List active users, newest first.

        Args:
            limit: Most rows to return.
            offset: Rows to skip.

        Returns:
            The users of the page.
        """
        statement = (
            select(User)
            .where(User.is_active.is_(True))
            .order_by(User.created_at.desc())
            .limit(limit)
            .offset(offset)
        )
        return self._session.scalars(statement).all()

    def add(self, user: User) -> User:
        """Insert a new user.

        Args:
            user: The user to insert.

        Returns:
            The user, with its id assigned.

        Raises:
            DuplicateEmailError: Another user has the same e-mail address.
        """
        user.created_at = datetime.now(UTC)
        self._session.add(user)
        try:
            self._session.flush()
        except IntegrityError as exc:
            self._session.rollback()
            raise DuplicateEmailError(user.email) from exc
        return user

    def deactivate(self, user: User) -> None:
        """Mark a user inactive without deleting the row.

        Args:
            user: The user to deactivate.
        """
        user.is_active = False
        user.deactivated_at = datetime.now(UTC)
        self._session.flush()
