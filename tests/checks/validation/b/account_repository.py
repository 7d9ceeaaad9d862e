# path: src/accounts/repository.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant class-length=compliant repr=compliant union-operator=compliant
# expect: sqlalchemy-select=compliant google-docstrings=compliant function-length=compliant
# expect: parameter-count=compliant builtin-generics=compliant abc-imports=compliant
# expect: type-checking-imports=compliant relative-imports=compliant no-any=compliant
# expect: comprehensions=compliant timezone-aware=compliant
# expect: f-strings=compliant
# expect: session-scalars=violation
"""Data access for user accounts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from .models import ApiToken, User

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

__all__ = ["UserRepository"]


class UserRepository:
    """Loads and stores users through one SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        """Wrap a session.

        Args:
            session: The unit-of-work session to use.
        """
        self._session = session

    def __repr__(self) -> str:
        """Name the repository and its session."""
        return f"UserRepository(session={self._session!r})"

    def by_email(self, email: str) -> User | None:
        """Find a user by e-mail address.

        Args:
            email: The address, compared case-insensitively.

        Returns:
            The user, or None when nobody has that address.
        """
        stmt = select(User).where(User.email == email.lower())
        return self._session.scalars(stmt).one_or_none()

    def active(self, limit: int = 100) -> Sequence[User]:
        """List active users, newest first.

        Args:
            limit: The most users to return.

        Returns:
            The users.
        """
        stmt = select(User).where(User.is_active).order_by(User.created_at.desc()).limit(limit)
        return self._session.scalars(stmt).all()

    def token_labels(self, user_id: int) -> list[str]:
        """List the labels of a user's tokens.

        Args:
            user_id: The user's primary key.

        Returns:
            The labels, sorted.
        """
        rows = self._session.execute(select(ApiToken.label).where(ApiToken.user_id == user_id))
        return sorted(label for (label,) in rows)

    def purge_expired_tokens(self) -> int:
        """Delete every expired token.

        Returns:
            How many tokens were deleted.
        """
        now = datetime.now(UTC)
        result = self._session.execute(delete(ApiToken).where(ApiToken.expires_at <= now))
        return result.rowcount
