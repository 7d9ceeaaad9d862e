# path: src/core/repository.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: pep695-generics=violation sqlalchemy-select=compliant class-length=compliant repr=violation
# expect: union-operator=violation builtin-generics=violation abc-imports=violation no-any=violation
# expect: type-checking-imports=violation no-star-args=violation
# expect: session-scalars=compliant
"""Generic SQLAlchemy repository shared by the feature packages."""

from typing import Any, Generic, List, Optional, Sequence, Type, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Session

__all__ = ["Repository"]

ModelT = TypeVar("ModelT", bound=DeclarativeBase)


class Repository(Generic[ModelT]):
    """CRUD helpers for one mapped class."""

    model: Type[ModelT]

    def __init__(self, session: Session, model: Type[ModelT]) -> None:
        """Bind the repository to a session and a model."""
        self.session = session
        self.model = model

    def get(self, pk: Any) -> Optional[ModelT]:
        """Load by primary key."""
        return self.session.get(self.model, pk)

    def list(self, *, offset: int = 0, limit: int = 100, **filters: Any) -> List[ModelT]:
        """List rows matching equality filters."""
        stmt = select(self.model).filter_by(**filters).offset(offset).limit(limit)
        return list(self.session.scalars(stmt))

    def add(self, instance: ModelT) -> ModelT:
        """Stage a new row and flush it to get its key."""
        self.session.add(instance)
        self.session.flush()
        return instance

    def add_many(self, instances: Sequence[ModelT]) -> int:
        """Stage many rows."""
        self.session.add_all(instances)
        self.session.flush()
        return len(instances)

    def delete(self, instance: ModelT) -> None:
        """Delete a row."""
        self.session.delete(instance)
