"""The `hardcoded-secrets` check.

No credentials in code: secret-named names never bound to string literals.
"""

from __future__ import annotations

from re import IGNORECASE
from re import compile as re_compile
from typing import TYPE_CHECKING, ClassVar, override

from libcst import (
    Index,
    SimpleString,
)

from canon.checks.base import Check, dotted

if TYPE_CHECKING:
    from libcst import (
        AnnAssign,
        Arg,
        Assign,
        BaseExpression,
        Call,
        CSTNode,
        Param,
        Subscript,
    )

__all__ = ["HardcodedSecrets"]


_SECRET_NAME = re_compile(
    r"(pass(wd|word)?|secret|token|api_?key|apikey|private_?key|access_?key|credential|auth_?key)$",
    IGNORECASE,
)


_TOKEN_SHAPE = re_compile(
    r"^(sk-[A-Za-z0-9_-]{16,}|sk_live_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|"
    r"AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]+)"
)


# A name for a key of some service (`FLAGS_SDK_KEY`, `SIGNING_KEY`): secret only when its value
# looks random, since `CACHE_KEY = "orders"` is not one.
_KEY_NAME = re_compile(r"(^|_)key$", IGNORECASE)


_RANDOM_CHUNK = re_compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # a UUID
    r"|(?=[A-Za-z0-9]*[0-9][A-Za-z0-9]*[0-9][A-Za-z0-9]*[0-9])"  # three digits and
    r"(?=[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*[A-Za-z])"  # three letters
    r"[A-Za-z0-9]{16,}",  # in a run of 16
    IGNORECASE,
)


# `scheme://user:password@host`, the password a literal.
_URL_PASSWORD = re_compile(r"^[a-z][a-z0-9+.-]*://(?P<user>[^:/@\s]*):(?P<password>[^@/\s]+)@")


_PLACEHOLDERS = frozenset(
    {
        "admin",
        "changeme",
        "change-me",
        "change_me",
        "dummy",
        "example",
        "guest",
        "pass",
        "passwd",
        "password",
        "placeholder",
        "postgres",
        "pwd",
        "root",
        "secret",
        "test",
        "user",
    }
)


def _url_password(text: str) -> str | None:
    """The literal password of a `scheme://user:password@host` URL; None for a placeholder."""
    match = _URL_PASSWORD.match(text)
    if match is None:
        return None
    user, password = match["user"], match["password"]
    templated = any(mark in password for mark in "{}<>$%*") or password.strip("x.") == ""
    placeholder = password.lower() in _PLACEHOLDERS or password == user
    return None if templated or placeholder else password


_ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get", "os.environ.pop"})


_SECRET_VARIABLE = re_compile(r"(secret|sdk|signing)_?key$", IGNORECASE)


def _secret_variable(name: str | None) -> bool:
    """Whether an environment variable's name is a secret's (`API_TOKEN`, `APP_SECRET_KEY`)."""
    return bool(name) and bool(_SECRET_NAME.search(name) or _SECRET_VARIABLE.search(name))


def _looks_random(text: str) -> bool:
    return " " not in text and _RANDOM_CHUNK.search(text) is not None


def _literal(node: BaseExpression | None) -> str | None:
    if isinstance(node, SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class HardcodedSecrets(Check):
    """No credentials in code: secret-named names never bound to string literals."""

    check_id: ClassVar[str] = "hardcoded-secrets"
    summary: ClassVar[str] = (
        "A secret-looking name bound to a string literal, a token-shaped literal, or a URL "
        "with a password in it."
    )
    heuristic: ClassVar[bool] = True
    caveat: ClassVar[str] = (
        "Judges by names and token shapes: placeholders can be flagged, secrets missed. A "
        "`*_KEY` name counts only when its value looks random; a URL's password is not "
        "flagged when it is a placeholder (`password`, the user name, `{...}`, `${...}`)."
    )
    opportunity: ClassVar[str] = (
        'Judge `password = "..."`. Judge `password: str = "..."`. Judge '
        '`connect(password="...")`. Judge `def connect(password="...")`. Judge '
        'a URL literal with a password (`"postgresql://user:pw@host/db"`). Count a secret '
        'taken from the environment (`environ["API_TOKEN"]`, `getenv("API_TOKEN")`).'
    )

    def _judge(self, name: str, value: BaseExpression | None, where: CSTNode) -> None:
        text = _literal(value)
        if _SECRET_NAME.search(name):
            if text:
                self.flag(where, f"`{name}` is a hardcoded secret; read it from the environment")
            else:
                self.ok()
        elif text and (
            _TOKEN_SHAPE.match(text) or (_KEY_NAME.search(name) and _looks_random(text))
        ):
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
    def visit_SimpleString(self, node: SimpleString) -> None:
        """Judge a URL literal with a password (`"postgresql://user:pw@host/db"`)."""
        text = _literal(node)
        if not text or "://" not in text or "@" not in text:
            return
        if _url_password(text) is None:
            if _URL_PASSWORD.match(text):
                self.ok()
            return
        self.flag(node, "password in a URL literal; read it (or the URL) from the environment")

    @override
    def visit_Subscript(self, node: Subscript) -> None:
        """Count a secret taken from the environment (`environ["API_TOKEN"]`)."""
        if self.context.qualified(node.value) != "os.environ" or len(node.slice) != 1:
            return
        index = node.slice[0].slice
        if isinstance(index, Index) and _secret_variable(_literal(index.value)):
            self.ok()

    @override
    def visit_Call(self, node: Call) -> None:
        """Count a secret taken from the environment (`getenv("API_TOKEN")`)."""
        if self.context.qualified(node.func) not in _ENVIRONMENT_READS or not node.args:
            return
        if _secret_variable(_literal(node.args[0].value)):
            self.ok()

    @override
    def visit_Param(self, node: Param) -> None:
        """Judge `def connect(password="...")`."""
        if node.default is not None:
            self._judge(node.name.value, node.default, node)
