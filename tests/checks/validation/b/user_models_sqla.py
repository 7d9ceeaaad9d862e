# path: src/accounts/models.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant class-length=compliant repr=compliant union-operator=compliant
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-typed-relationship=compliant sqlalchemy-back-populates=compliant
# expect: timezone-aware=compliant builtin-generics=compliant google-docstrings=compliant
# expect: function-length=compliant parameter-count=compliant no-any=compliant
# expect: f-strings=compliant
# expect: type-checking-imports=compliant
"""ORM models for user accounts and their API tokens."""

from datetime import UTC, datetime

from sqlalchemy import ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["ApiToken", "Base", "User"]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base shared by every account model."""

    def __repr__(self) -> str:
        """Show the class name and primary key."""
        return f"<{type(self).__name__} id={getattr(self, 'id', None)!r}>"


class User(Base):
    """A registered user."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True, index=True)
    display_name: Mapped[str | None] = mapped_column(String(120))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    tokens: Mapped[list["ApiToken"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        """Show the id and e-mail, which identify a user in logs."""
        return f"User(id={self.id!r}, email={self.email!r})"


class ApiToken(Base):
    """A hashed API token belonging to one user."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    label: Mapped[str] = mapped_column(String(80), default="default")
    expires_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens")

    def is_expired(self, now: datetime) -> bool:
        """Tell whether the token has expired.

        Args:
            now: The current, timezone-aware time.

        Returns:
            True when the token has an expiry in the past.
        """
        return self.expires_at is not None and self.expires_at <= now
