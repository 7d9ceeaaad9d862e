"""SQLAlchemy names, mapped classes and their assignments."""

from __future__ import annotations

from re import IGNORECASE
from re import compile as re_compile
from typing import TYPE_CHECKING

from libcst import (
    AnnAssign,
    Assign,
    IndentedBlock,
    SimpleStatementLine,
    Subscript,
)

from canon.checks.base import dotted

if TYPE_CHECKING:
    from libcst import (
        Annotation,
        ClassDef,
    )

__all__ = [
    "SESSIONISH",
    "called_name",
    "class_assignments",
    "from_sqlalchemy",
    "is_mapped",
    "last_part",
]

# The names a session goes by: `session`, `db`, `self.db_session`, `sess`.
SESSIONISH = re_compile(r"(^|_)(session|db|sess)$", IGNORECASE)


def last_part(qualified: str) -> str:
    """The last part of a dotted name.

    Args:
        qualified: A dotted name.

    Returns:
        `c` for `a.b.c`.
    """
    return qualified.rpartition(".")[2]


def from_sqlalchemy(qualified: str, name: str) -> bool:
    """`sqlalchemy...name`, or a bare `name` (snippets often omit imports).

    Args:
        qualified: A qualified name.
        name: The SQLAlchemy name.

    Returns:
        True when `qualified` names it.
    """
    return qualified == name or (
        qualified.startswith("sqlalchemy") and last_part(qualified) == name
    )


def class_assignments(node: ClassDef) -> list[Assign | AnnAssign]:
    """The assignments directly in a class body.

    Args:
        node: The class.

    Returns:
        Its plain and annotated assignments.
    """
    body = node.body.body if isinstance(node.body, IndentedBlock) else ()
    found: list[Assign | AnnAssign] = []
    for statement in body:
        if isinstance(statement, SimpleStatementLine):
            found.extend(s for s in statement.body if isinstance(s, Assign | AnnAssign))
    return found


def called_name(context_qualified: str) -> str:
    """The name a call calls, from its qualified name.

    Args:
        context_qualified: The callee's qualified name.

    Returns:
        Its last part.
    """
    return last_part(context_qualified)


def is_mapped(annotation: Annotation | None) -> bool:
    """Whether an annotation is `Mapped[...]`.

    Args:
        annotation: The annotation, if any.

    Returns:
        True for `Mapped[...]`.
    """
    if annotation is None:
        return False
    value = annotation.annotation
    if isinstance(value, Subscript):
        value = value.value
    return last_part(dotted(value)) == "Mapped"
