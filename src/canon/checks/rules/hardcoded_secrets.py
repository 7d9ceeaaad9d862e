"""The `hardcoded-secrets` check.

No credentials in code: secret-named names never bound to string literals.
"""

from re import IGNORECASE
from re import compile as re_compile
from typing import ClassVar, override

from libcst import AnnAssign, Arg, Assign, BaseExpression, CSTNode, Param, SimpleString

from canon.checks.base import Check, dotted

__all__ = ["HardcodedSecrets"]


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
    summary: ClassVar[str] = (
        "A secret-looking name bound to a string literal, or a token-shaped literal."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Judges by names and token shapes: placeholders can be flagged, secrets missed."
    )
    opportunity: ClassVar[str] = (
        'Judge `password = "..."`. Judge `password: str = "..."`. Judge '
        '`connect(password="...")`. Judge `def connect(password="...")`.'
    )

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
