"""The checks' plain data: what a check is, and what a run produces (findings, tallies)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "SPECIAL_CHECKS",
    "CheckInfo",
    "CheckResult",
    "Finding",
    "Settings",
    "Tally",
    "ValidationFigures",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInfo:
    """What one check is, without its code (the catalog holds one per check).

    Attributes:
        id: The check id rules name in `check:`.
        implementation: `module.Class` of the check, imported only when it runs.
        summary: What a violation is, in one sentence.
        heuristic: Whether it can be wrong; `caveat` says how.
        fixable: Whether `--fix` repairs (some of) its findings.
        caveat: How a heuristic check can be wrong.
        opportunity: Where the check's rule applies: what it counts, followed or broken.
    """

    id: str
    implementation: str
    summary: str
    heuristic: bool = False
    fixable: bool = False
    caveat: str = ""
    opportunity: str = ""


SPECIAL_CHECKS: Mapping[str, str] = MappingProxyType(
    {
        "syntax": "The file does not parse.",
        "too-deep": "The file nests too deeply for the parser's tree walk (recursion limit).",
        "check-error": "A check failed on this file; the other checks' results stand.",
        "unreadable": "The file could not be read.",
        "bad-suppression": "A `# canon:` comment that is not `# canon: ignore[ID,...]`; it "
        "silences nothing.",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One violation of a check, at a place in the source (1-based lines and columns).

    Attributes:
        check: The check id (`union-operator`), or `syntax`, `too-deep`, `check-error`.
        line: First line of the offending code.
        column: First column of the offending code.
        end_line: Last line of the offending code.
        end_column: Column just past the offending code.
        message: What is wrong and what to write instead.
        fixable: Whether `canon check --fix` repairs it.
    """

    check: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fixable: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    """Where a check applied and how often it was broken.

    Attributes:
        opportunities: Places the check's rule applied to.
        violations: Those of them that break the rule.
    """

    opportunities: int = 0
    violations: int = 0

    @property
    def applicable(self) -> bool:
        """Whether the rule applied at all (no opportunity means not applicable).

        Returns:
            True when there was at least one opportunity.
        """
        return self.opportunities > 0

    def __add__(self, other: Self) -> Self:
        """Sum two tallies (of one check over several files).

        Args:
            other: The tally to add.

        Returns:
            The sum.
        """
        return type(self)(
            opportunities=self.opportunities + other.opportunities,
            violations=self.violations + other.violations,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckResult:
    """The result of checking one source.

    Attributes:
        findings: Every finding, sorted by position then check id.
        tally: One tally per selected check id.
        syntax_error: The parser's complaint when the source does not parse, else None.
        failed: The check ids that raised on the source (each also a `check-error` finding;
            their tallies are empty, which must not be read as "no opportunity").
    """

    findings: tuple[Finding, ...] = ()
    tally: Mapping[str, Tally] = field(default_factory=dict)
    syntax_error: Finding | None = None
    failed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What the checks can be told (the standard's numbers by default).

    Attributes:
        function_lines: Longest function, in lines (docstring excluded).
        parameters: Most parameters a function takes (`self`/`cls` not counted).
        class_lines: Longest class, in lines.
        module_lines: Longest module, in lines.
        runtime_evaluated_base_classes: Qualified bases whose subclasses' annotations are read
            at run time (their imports must stay outside `if TYPE_CHECKING:`).
        runtime_evaluated_decorators: Qualified decorators whose functions' and classes'
            annotations are read at run time.
    """

    function_lines: int = 30
    parameters: int = 5
    class_lines: int = 200
    module_lines: int = 500
    runtime_evaluated_base_classes: tuple[str, ...] = ("pydantic.BaseModel",)
    runtime_evaluated_decorators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidationFigures:
    """How a check fares on the labelled validation corpus (`tests/checks/validation/`).

    Attributes:
        precision: Share of the files it reported that are labelled `violation` (None when it
            reported none).
        recall: Share of the `violation` files it reported (None when none is labelled so).
        files: Corpus files where the rule's concern arises.
        violations: Those labelled `violation`.
    """

    precision: float | None
    recall: float | None
    files: int
    violations: int
