# path: src/accounts/legacy_service.py
# expect: sqlalchemy-select=violation union-operator=violation builtin-generics=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation annotations=violation specific-imports=violation
# expect: structlog=violation raise-from=violation repr=violation hardcoded-secrets=violation
# expect: timezone-aware=violation function-length=compliant parameter-count=compliant f-strings=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant
"""User account operations (legacy module, kept for the admin panel)."""

import hashlib
import logging
from datetime import datetime
from typing import List, Optional

from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from accounts.models import User

log = logging.getLogger(__name__)

SECRET_KEY = "s4lt-9f8e7d6c5b4a"


class UserNotFound(Exception):
    pass


class UserService:
    def __init__(self, db: Session):
        self.db = db

    def hash_password(self, password: str) -> str:
        return hashlib.sha256((SECRET_KEY + password).encode()).hexdigest()

    def get(self, user_id: int) -> User:
        try:
            return self.db.query(User).filter(User.id == user_id).one()
        except NoResultFound:
            raise UserNotFound("user %d not found" % user_id)

    def find(self, email: Optional[str] = None, active: Optional[bool] = None) -> List[User]:
        query = self.db.query(User)
        if email:
            query = query.filter(User.email == email)
        if active is not None:
            query = query.filter(User.is_active == active)
        return query.all()

    def authenticate(self, email: str, password: str) -> Optional[User]:
        user = self.db.query(User).filter_by(email=email).first()
        if user is None or user.password_hash != self.hash_password(password):
            log.info("failed login for %s", email)
            return None
        user.last_login = datetime.now()
        self.db.commit()
        return user

    def count_active(self) -> int:
        return self.db.query(User).filter(User.is_active.is_(True)).count()
