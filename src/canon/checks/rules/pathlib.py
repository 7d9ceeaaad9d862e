"""The `pathlib` check.

Paths are `pathlib.Path`s, never `os.path`, `os` file functions or `open()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Attribute, Divide, SimpleString

from canon.checks.base import Check

if TYPE_CHECKING:
    from libcst import BinaryOperation, Call

__all__ = ["Pathlib"]


_OS_PATH_FUNCTIONS = frozenset(
    {
        "abspath", "basename", "dirname", "exists", "expanduser", "getatime", "getctime",
        "getmtime", "getsize", "isabs", "isdir", "isfile", "islink", "ismount", "join",
        "lexists", "normpath", "readlink", "realpath", "relpath", "samefile", "split",
        "splitext", "commonpath",
    }
)  # fmt: skip


_OS_FUNCTIONS = frozenset(
    {
        "chmod", "getcwd", "listdir", "lstat", "makedirs", "mkdir", "readlink", "remove",
        "removedirs", "rename", "replace", "rmdir", "scandir", "stat", "symlink", "unlink",
        "walk",
    }
)  # fmt: skip


def _path_violation(qualified: str) -> str:
    module, _, name = qualified.rpartition(".")
    if module in {"os.path", "posixpath", "ntpath"} and name in _OS_PATH_FUNCTIONS:
        return f"`{qualified}()`; use `pathlib.Path`"
    if module == "os" and name in _OS_FUNCTIONS:
        return f"`os.{name}()`; use the `pathlib.Path` method"
    if qualified in {"glob.glob", "glob.iglob"}:
        return f"`{qualified}()`; use `Path.glob()`"
    if qualified == "open":
        return "builtin `open()`; use `Path.open()` or `Path.read_text()`"
    return ""


_PATH_METHODS = frozenset(
    {
        "exists", "is_file", "is_dir", "read_text", "write_text", "read_bytes", "write_bytes",
        "mkdir", "iterdir", "glob", "rglob", "resolve", "with_suffix", "relative_to",
    }
)  # fmt: skip


class Pathlib(Check):
    """Paths are `pathlib.Path`s, never `os.path`, `os` file functions or `open()`."""

    check_id: ClassVar[str] = "pathlib"
    summary: ClassVar[str] = (
        "`os.path`, `os` file functions, `glob` or `open()` instead of pathlib."
    )
    opportunity: ClassVar[str] = (
        "Flag `os.path.join(...)` and friends; count `Path(...)`. Count `base / "
        '"name"`, a path built with pathlib.'
    )

    @override
    def visit_Call(self, node: Call) -> None:
        """Flag `os.path.join(...)` and friends; count `Path(...)`."""
        qualified = self.context.qualified(node.func)
        if not qualified:
            return
        message = _path_violation(qualified)
        if message:
            self.flag(node, message)
        elif qualified in {"pathlib.Path", "pathlib.PurePath", "Path"} or (
            isinstance(node.func, Attribute) and node.func.attr.value in _PATH_METHODS
        ):
            self.ok()

    @override
    def visit_BinaryOperation(self, node: BinaryOperation) -> None:
        """Count `base / "name"`, a path built with pathlib."""
        if isinstance(node.operator, Divide) and (
            isinstance(node.left, SimpleString) or isinstance(node.right, SimpleString)
        ):
            self.ok()
