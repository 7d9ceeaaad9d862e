"""The `bare-except` check: handlers name what they catch; never a bare `except:`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, override

from libcst import ExceptHandler, ExceptStarHandler, Name, SimpleWhitespace

from canon.checks.base import Check
from canon.checks.helpers.handlers import caught_names, reraises

if TYPE_CHECKING:
    from libcst import CSTNode

    from canon.checks.helpers.handlers import Handler

__all__ = ["BareExcept"]


def _catch_exception(node: CSTNode) -> CSTNode:
    """`except:` as `except Exception:`."""
    if not isinstance(node, ExceptHandler) or node.type is not None:
        return node
    return node.with_changes(type=Name("Exception"), whitespace_after_except=SimpleWhitespace(" "))


class BareExcept(Check):
    """Handlers name what they catch; never a bare `except:`."""

    check_id: ClassVar[str] = "bare-except"
    summary: ClassVar[str] = "A bare `except:`, or `except BaseException:` that does not re-raise."
    opportunity: ClassVar[str] = (
        "Flag `except:` unless it re-raises (clean-up then `raise`, as ruff's E722 allows). "
        "Flag `except BaseException:` (`except*` too) unless it re-raises: a bare `except:` "
        "in all but spelling."
    )
    fixable: ClassVar[bool] = True

    @override
    def visit_ExceptHandler(self, node: ExceptHandler) -> None:
        """Flag `except:` unless it re-raises (clean-up then `raise`, as ruff's E722 allows)."""
        if node.type is None and not reraises(node.body, ""):
            message = "bare `except:`; catch `Exception` or something narrower"
            self.flag(node, message, fix=_catch_exception)
        else:
            self._judge_base_exception(node)

    @override
    def visit_ExceptStarHandler(self, node: ExceptStarHandler) -> None:
        """Flag `except* BaseException:` unless it re-raises."""
        self._judge_base_exception(node)

    def _judge_base_exception(self, node: Handler) -> None:
        bound = node.name.name.value if node.name and isinstance(node.name.name, Name) else ""
        if "BaseException" in caught_names(node) and not reraises(node.body, bound):
            star = "*" if isinstance(node, ExceptStarHandler) else ""
            message = (
                f"`except{star} BaseException` swallows like a bare `except:` (exits, "
                "cancellation); catch `Exception` or something narrower, or re-raise"
            )
            self.flag(node, message)
        else:
            self.ok()
