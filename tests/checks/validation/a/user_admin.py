# path: src/admin/user_admin.py
# expect: class-length=violation module-length=compliant docstrings=compliant google-docstrings=violation
# expect: dunder-all=compliant annotations=compliant specific-imports=compliant structlog=compliant
# expect: union-operator=compliant timezone-aware=compliant raise-from=compliant repr=compliant
# expect: function-length=compliant parameter-count=compliant no-star-args=compliant sqlalchemy-select=compliant
# expect: wildcard-import=compliant relative-imports=compliant type-checking-imports=violation
# expect: builtin-generics=compliant abc-imports=compliant
# expect: no-any=compliant comprehensions=compliant
# expect: session-scalars=violation domain-hierarchy=compliant
"""Administrative operations on user accounts, used by the back-office."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from structlog import get_logger

from accounts.models import AuditLog, Role, User

__all__ = ["AdminError", "UserAdmin"]

log = get_logger(__name__)


class AdminError(Exception):
    """An administrative action is not allowed."""


class UserAdmin:
    """Everything the back-office can do to user accounts; every action is audited."""

    def __init__(self, session: Session, *, admin_id: int) -> None:
        """Act for an administrator.

        Args:
            session: The database session.
            admin_id: The administrator's user id, recorded in the audit log.
        """
        self._session = session
        self._admin_id = admin_id

    def __repr__(self) -> str:
        """Show who acts.

        Returns:
            `UserAdmin(admin_id=...)`.
        """
        return f"UserAdmin(admin_id={self._admin_id})"

    def _audit(self, action: str, user: User, detail: str = "") -> None:
        self._session.add(
            AuditLog(
                admin_id=self._admin_id,
                user_id=user.id,
                action=action,
                detail=detail,
                at=datetime.now(UTC),
            )
        )
        log.info("admin.action", action=action, user_id=user.id, admin_id=self._admin_id)

    def _user(self, user_id: int) -> User:
        user = self._session.get(User, user_id)
        if user is None:
            raise AdminError(f"no user {user_id}")
        return user

    def suspend(self, user_id: int, reason: str) -> User:
        """Suspend a user's account.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.suspended_at = datetime.now(UTC)
        self._audit("suspend", user, reason)
        return user

    def reactivate(self, user_id: int, reason: str) -> User:
        """Lift a suspension.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.suspended_at = None
        self._audit("reactivate", user, reason)
        return user

    def verify_email(self, user_id: int, reason: str) -> User:
        """Mark the e-mail address verified by hand.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.email_verified = True
        self._audit("verify_email", user, reason)
        return user

    def force_password_reset(self, user_id: int, reason: str) -> User:
        """Require a new password at the next sign-in.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.must_reset_password = True
        self._audit("force_reset", user, reason)
        return user

    def revoke_sessions(self, user_id: int, reason: str) -> User:
        """Sign the user out everywhere.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.session_version += 1
        self._audit("revoke_sessions", user, reason)
        return user

    def disable_mfa(self, user_id: int, reason: str) -> User:
        """Turn off two-factor authentication after an identity check.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.mfa_secret = None
        self._audit("disable_mfa", user, reason)
        return user

    def unlock(self, user_id: int, reason: str) -> User:
        """Clear failed sign-in attempts.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.failed_logins = 0
        self._audit("unlock", user, reason)
        return user

    def anonymise(self, user_id: int, reason: str) -> User:
        """Replace personal data after an erasure request.

        Args:
            user_id: The user.
            reason: Why, for the audit log.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.email = f"erased-{user.id}@invalid"
        self._audit("anonymise", user, reason)
        return user

    def grant_role(self, user_id: int, role_name: str) -> User:
        """Give a user a role.

        Args:
            user_id: The user.
            role_name: The role's name.

        Returns:
            The changed user.

        Raises:
            AdminError: No role has the name, or the user has it already.
        """
        user = self._user(user_id)
        role = self._session.execute(select(Role).where(Role.name == role_name)).scalar_one_or_none()
        if role is None:
            raise AdminError(f"no role {role_name!r}")
        if role in user.roles:
            raise AdminError(f"user {user_id} already has {role_name!r}")
        user.roles.append(role)
        self._audit("grant_role", user, role_name)
        return user

    def revoke_role(self, user_id: int, role_name: str) -> User:
        """Take a role away.

        Args:
            user_id: The user.
            role_name: The role's name.

        Returns:
            The changed user.
        """
        user = self._user(user_id)
        user.roles = [role for role in user.roles if role.name != role_name]
        self._audit("revoke_role", user, role_name)
        return user

    def inactive_since(self, days: int) -> Sequence[User]:
        """Users who have not signed in for a while."""
        cutoff = datetime.now(UTC) - timedelta(days=days)
        return self._session.scalars(
            select(User).where(User.last_login_at < cutoff).order_by(User.last_login_at)
        ).all()

    def counts_by_role(self) -> dict[str, int]:
        """How many users hold each role."""
        rows = self._session.execute(
            select(Role.name, func.count(User.id)).join(Role.users).group_by(Role.name)
        ).all()
        return {name: count for name, count in rows}

    def search(self, text: str, limit: int = 50) -> Sequence[User]:
        """Users whose name or e-mail contains a text."""
        pattern = f"%{text.lower()}%"
        return self._session.scalars(
            select(User)
            .where(func.lower(User.email).like(pattern) | func.lower(User.name).like(pattern))
            .limit(limit)
        ).all()
