# path: src/reports/queries.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: sqlalchemy-select=violation union-operator=compliant builtin-generics=compliant no-any=compliant
# expect: timezone-aware=compliant relative-imports=compliant type-checking-imports=violation
# expect: comprehensions=compliant f-strings=compliant
"""Queries behind the admin dashboard widgets."""

from datetime import UTC, date, datetime, timedelta

from flask_sqlalchemy.session import Session
from sqlalchemy import func

from .extensions import db
from .models import Order, User

__all__ = ["new_users_per_day", "top_customers", "user_by_email"]


def new_users_per_day(days: int = 30) -> list[tuple[date, int]]:
    """Count sign-ups per day for the last `days` days."""
    since = datetime.now(UTC) - timedelta(days=days)
    rows = (
        db.session.query(func.date(User.created_at), func.count(User.id))
        .filter(User.created_at >= since)
        .group_by(func.date(User.created_at))
        .order_by(func.date(User.created_at))
        .all()
    )
    return [(day, count) for day, count in rows]


def top_customers(limit: int = 10) -> list[tuple[str, float]]:
    """The customers with the highest lifetime spend."""
    rows = (
        db.session.query(User.email, func.sum(Order.total))
        .join(Order, Order.user_id == User.id)
        .group_by(User.email)
        .order_by(func.sum(Order.total).desc())
        .limit(limit)
        .all()
    )
    return [(email, float(total)) for email, total in rows]


def user_by_email(session: Session, email: str) -> User | None:
    """Look a user up by e-mail address.

    Args:
        session: The session to query with.
        email: The address.

    Returns:
        The user, or None.
    """
    user = session.query(User).filter(User.email == email.lower()).one_or_none()
    if user is not None:
        log_line = f"found user {user.id} for {email}"
        db.session.info.setdefault("lookups", []).append(log_line)
    return user
