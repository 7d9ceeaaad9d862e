"""The `timezone-aware` check.

Datetimes are timezone-aware: `datetime.now(UTC)`, never `utcnow()` or a naive one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import Attribute, Call, SimpleString

from canon.checks.base import Check

if TYPE_CHECKING:
    from canon.checks.base import FileContext

__all__ = ["TimezoneAware"]


_NAIVE = {
    "datetime.datetime.now": "tz",
    "datetime.datetime.fromtimestamp": "tz",
    "datetime.datetime": "tzinfo",
    "datetime.datetime.utcnow": "",
    "datetime.datetime.utcfromtimestamp": "",
    "datetime.datetime.today": "",
    "datetime.date.today": "",
}


_TZ_POSITION = {"datetime.datetime.now": 0, "datetime.datetime.fromtimestamp": 1}


class TimezoneAware(Check):
    """Datetimes are timezone-aware: `datetime.now(UTC)`, never `utcnow()` or a naive one."""

    check_id: ClassVar[str] = "timezone-aware"
    summary: ClassVar[str] = "A naive datetime: `now()`/`datetime()` without a timezone."
    opportunity: ClassVar[str] = (
        "Every datetime constructor (`now`, `fromtimestamp`, `datetime(...)`, `strptime`, "
        "`utcnow`, `today`...). Followed: it is given a timezone (`tz=`, `tzinfo=`, `%z`), "
        "or its result is made aware on the spot (`.replace(tzinfo=...)`, `.astimezone(...)`). "
        "Broken: it makes a naive datetime."
    )

    def __init__(self, context: FileContext) -> None:
        """Create the check.

        Args:
            context: The file's context.
        """
        super().__init__(context)
        self.made_aware: set[int] = set()

    @override
    def visit_Call(self, node: Call) -> None:
        """Judge datetime constructors."""
        self._note_made_aware(node)
        if id(node) in self.made_aware:
            if self._constructor(node):
                self.ok()
            return
        qualified = self.context.qualified(node.func)
        if qualified.count(".") == 1 and "datetime" not in self.context.aliases:
            qualified = f"datetime.{qualified}"  # a snippet without its import
        if qualified == "datetime.datetime.strptime":
            self._strptime(node)
            return
        if qualified not in _NAIVE:
            return
        keyword = _NAIVE[qualified]
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        positional = sum(1 for arg in node.args if arg.keyword is None and not arg.star)
        aware = bool(keyword) and (
            keyword in keywords or positional > _TZ_POSITION.get(qualified, 7)
        )
        if aware:
            self.ok()
        else:
            name = qualified.removeprefix("datetime.")
            self.flag(node, f"`{name}()` makes a naive datetime; pass a timezone (`UTC`)")

    def _note_made_aware(self, node: Call) -> None:
        """Note the call whose result `node` makes aware: `x(...).replace(tzinfo=...)`."""
        func = node.func
        if isinstance(func, Attribute) and isinstance(func.value, Call):
            keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
            if func.attr.value == "astimezone" or (
                func.attr.value == "replace" and "tzinfo" in keywords
            ):
                self.made_aware.add(id(func.value))

    def _constructor(self, node: Call) -> bool:
        """Whether a call is one of the datetime constructors judged."""
        qualified = self.context.qualified(node.func)
        if qualified.count(".") == 1 and "datetime" not in self.context.aliases:
            qualified = f"datetime.{qualified}"
        return qualified in _NAIVE or qualified == "datetime.datetime.strptime"

    def _strptime(self, node: Call) -> None:
        fmt = node.args[1].value if len(node.args) > 1 else None
        if isinstance(fmt, SimpleString) and "%z" in fmt.value:
            self.ok()
        else:
            self.flag(
                node, "`strptime()` without `%z` makes a naive datetime; add `.replace(tzinfo=...)`"
            )
