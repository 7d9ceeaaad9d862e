# path: src/api/routes/users.py
# expect: raise-from=violation union-operator=violation docstrings=violation google-docstrings=violation
# expect: dunder-all=violation annotations=compliant specific-imports=compliant builtin-generics=violation
# expect: type-checking-imports=compliant function-length=compliant parameter-count=compliant
# expect: fstring-debug=violation structlog=violation repr=compliant f-strings=compliant sqlalchemy-select=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: domain-hierarchy=compliant
"""User endpoints of the public API."""

from logging import getLogger
from typing import List, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, EmailStr
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.deps import get_db
from api.models import User

router = APIRouter(prefix="/users", tags=["users"])
logger = getLogger(__name__)


class UserIn(BaseModel):
    email: EmailStr
    name: str
    team_id: Optional[int] = None


class UserOut(BaseModel):
    id: int
    email: EmailStr
    name: str
    team_id: Optional[int] = None

    model_config = {"from_attributes": True}


@router.get("", response_model=List[UserOut])
def list_users(
    team_id: Optional[int] = Query(default=None),
    limit: int = Query(default=50, le=200),
    db: Session = Depends(get_db),
) -> List[User]:
    users = db.query(User)
    if team_id is not None:
        users = users.filter(User.team_id == team_id)
    return users.limit(limit).all()


@router.post("", response_model=UserOut, status_code=status.HTTP_201_CREATED)
def create_user(body: UserIn, db: Session = Depends(get_db)) -> User:
    user = User(email=body.email, name=body.name, team_id=body.team_id)
    db.add(user)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(status_code=409, detail="email already registered")
    db.refresh(user)
    logger.info(f"created user email={body.email}")
    return user


@router.get("/{user_id}", response_model=UserOut)
def get_user(user_id: int, db: Session = Depends(get_db)) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="user not found")
    return user
