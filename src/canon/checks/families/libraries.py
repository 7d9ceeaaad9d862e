"""Library checks: SQLAlchemy 2.0 style, structlog, hardcoded secrets."""

from re import IGNORECASE
from re import compile as re_compile
from typing import ClassVar, override

from libcst import (
    AnnAssign,
    Annotation,
    Arg,
    Assign,
    Attribute,
    BaseExpression,
    Call,
    ClassDef,
    CSTNode,
    IndentedBlock,
    Param,
    SimpleStatementLine,
    SimpleString,
    Subscript,
)

from canon.checks.base import Check, dotted

__all__ = [
    "CHECKS",
    "HardcodedSecrets",
    "SqlalchemyBackPopulates",
    "SqlalchemyDeclarativeBase",
    "SqlalchemyMappedColumn",
    "SqlalchemySelect",
    "SqlalchemyTypedRelationship",
    "Structlog",
]


def _last(qualified: str) -> str:
    return qualified.rpartition(".")[2]


def _from_sqlalchemy(qualified: str, name: str) -> bool:
    """`sqlalchemy...name`, or a bare `name` (snippets often omit imports)."""
    return qualified == name or (qualified.startswith("sqlalchemy") and _last(qualified) == name)


class SqlalchemyDeclarativeBase(Check):
    """Models derive from a `DeclarativeBase` subclass, never `declarative_base()`."""

    check_id: ClassVar[str] = "sqlalchemy-declarative-base"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `declarative_base()`."""
        if _from_sqlalchemy(self.context.qualified(node.func), "declarative_base"):
            self.flag(node, "`declarative_base()`; subclass `sqlalchemy.orm.DeclarativeBase`")

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Count `class Base(DeclarativeBase)`."""
        for base in node.bases:
            if _from_sqlalchemy(self.context.qualified(base.value), "DeclarativeBase"):
                self.ok()


def _class_assignments(node: ClassDef) -> list[Assign | AnnAssign]:
    body = node.body.body if isinstance(node.body, IndentedBlock) else ()
    found: list[Assign | AnnAssign] = []
    for statement in body:
        if isinstance(statement, SimpleStatementLine):
            found.extend(s for s in statement.body if isinstance(s, Assign | AnnAssign))
    return found


def _called(context_qualified: str) -> str:
    return _last(context_qualified)


def _mapped(annotation: Annotation | None) -> bool:
    if annotation is None:
        return False
    value = annotation.annotation
    if isinstance(value, Subscript):
        value = value.value
    return _last(dotted(value)) == "Mapped"


class SqlalchemyMappedColumn(Check):
    """Mapped attributes are `name: Mapped[T] = mapped_column(...)`, never `Column(...)`."""

    check_id: ClassVar[str] = "sqlalchemy-mapped-column"

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge the column attributes of a class."""
        for assignment in _class_assignments(node):
            value = assignment.value
            if not isinstance(value, Call):
                continue
            called = _called(self.context.qualified(value.func))
            annotation = assignment.annotation if isinstance(assignment, AnnAssign) else None
            if called == "Column":
                self.flag(value, "`Column()` in a model; write `x: Mapped[T] = mapped_column()`")
            elif called == "mapped_column":
                if _mapped(annotation):
                    self.ok()
                else:
                    self.flag(value, "`mapped_column()` without a `Mapped[T]` annotation")


class SqlalchemyTypedRelationship(Check):
    """Relationships are annotated `Mapped[...]`."""

    check_id: ClassVar[str] = "sqlalchemy-typed-relationship"

    @override
    def visit_ClassDef(self, node: ClassDef) -> None:
        """Judge the relationship attributes of a class."""
        for assignment in _class_assignments(node):
            value = assignment.value
            if not isinstance(value, Call):
                continue
            if _called(self.context.qualified(value.func)) != "relationship":
                continue
            annotation = assignment.annotation if isinstance(assignment, AnnAssign) else None
            if _mapped(annotation):
                self.ok()
            else:
                self.flag(value, "`relationship()` without a `Mapped[...]` annotation")


class SqlalchemyBackPopulates(Check):
    """Relationships name their other side with `back_populates`, never `backref`."""

    check_id: ClassVar[str] = "sqlalchemy-back-populates"

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge `relationship(...)`."""
        if _called(self.context.qualified(node.func)) != "relationship":
            return
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        if "backref" in keywords:
            self.flag(node, "`backref=`; declare both sides with `back_populates=`")
        else:
            self.ok()


_SESSIONISH = re_compile(r"(^|_)(session|db|sess)$", IGNORECASE)


class SqlalchemySelect(Check):
    """Queries use `select()` with `Session.execute`/`scalars`, never `session.query()`."""

    check_id: ClassVar[str] = "sqlalchemy-select"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `session.query(...)`, count `select(...)`."""
        func = node.func
        if isinstance(func, Attribute) and func.attr.value == "query":
            receiver = dotted(func.value).rpartition(".")[2]
            if _SESSIONISH.search(receiver):
                self.flag(node, "`session.query()`; use `session.scalars(select(...))`")
                return
        if _from_sqlalchemy(self.context.qualified(func), "select"):
            self.ok()


_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})


class Structlog(Check):
    """Logging goes through structlog: no `print()`, no standard `logging`."""

    check_id: ClassVar[str] = "structlog"

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `print()` and `logging` calls; count structlog loggers."""
        qualified = self.context.qualified(node.func)
        module, _, name = qualified.rpartition(".")
        if qualified == "print":
            self.flag(node, "`print()`; log with structlog (`log.info(...)`)")
        elif module == "logging" and (name in _LOG_METHODS or name == "getLogger"):
            self.flag(node, f"`logging.{name}()`; use `structlog.get_logger()`")
        elif qualified.startswith("structlog.") and name in {"get_logger", "getLogger"}:
            self.ok()


_SECRET_NAME = re_compile(
    r"(pass(wd|word)?|secret|token|api_?key|apikey|private_?key|access_?key|credential|auth_?key)$",
    IGNORECASE,
)
_TOKEN_SHAPE = re_compile(
    r"^(sk-[A-Za-z0-9_-]{16,}|sk_live_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|"
    r"AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]+)"
)


def _literal(node: BaseExpression | None) -> str | None:
    if isinstance(node, SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class HardcodedSecrets(Check):
    """No credentials in code: secret-named names never bound to string literals."""

    check_id: ClassVar[str] = "hardcoded-secrets"

    def _judge(self, name: str, value: BaseExpression | None, where: CSTNode) -> None:
        text = _literal(value)
        if _SECRET_NAME.search(name):
            if text:
                self.flag(where, f"`{name}` is a hardcoded secret; read it from the environment")
            else:
                self.ok()
        elif text and _TOKEN_SHAPE.match(text):
            self.flag(where, "token-shaped string literal; read secrets from the environment")

    @override
    def visit_Assign(self, node: Assign) -> None:
        """Judge `password = "..."`."""
        for target in node.targets:
            self._judge(dotted(target.target).rpartition(".")[2], node.value, node)

    @override
    def visit_AnnAssign(self, node: AnnAssign) -> None:
        """Judge `password: str = "..."`."""
        self._judge(dotted(node.target).rpartition(".")[2], node.value, node)

    @override
    def visit_Arg(self, node: Arg) -> None:
        """Judge `connect(password="...")`."""
        if node.keyword is not None:
            self._judge(node.keyword.value, node.value, node)

    @override
    def visit_Param(self, node: Param) -> None:
        """Judge `def connect(password="...")`."""
        if node.default is not None:
            self._judge(node.name.value, node.default, node)


CHECKS: dict[str, type[Check]] = {
    cls.check_id: cls
    for cls in (
        SqlalchemyDeclarativeBase,
        SqlalchemyMappedColumn,
        SqlalchemySelect,
        SqlalchemyBackPopulates,
        SqlalchemyTypedRelationship,
        Structlog,
        HardcodedSecrets,
    )
}
