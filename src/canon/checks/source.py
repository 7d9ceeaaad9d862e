"""Check one source string in this process: the entry point of the evals and the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from canon.checks.catalog import CHECK_IDS

if TYPE_CHECKING:
    from canon.checks.model import CheckResult

__all__ = ["check_source", "resolve_selection"]


def resolve_selection(select: frozenset[str] | None) -> tuple[str, ...]:
    """The check ids to run, in a stable order.

    Args:
        select: Check ids, or None for all.

    Returns:
        The known ids among them, sorted.

    Raises:
        ValueError: An id is not a known check.
    """
    if select is None:
        return tuple(sorted(CHECK_IDS))
    unknown = select - CHECK_IDS
    if unknown:
        raise ValueError(f"unknown check id(s): {', '.join(sorted(unknown))}")
    return tuple(sorted(select))


def check_source(
    source: str, *, path: str = "snippet.py", select: frozenset[str] | None = None
) -> CheckResult:
    """Check one source against the selected checks, in this process.

    Args:
        source: Python code.
        path: Its path, for checks that look at file names (tests, `__main__`).
        select: Check ids to run; None for all.

    Returns:
        Findings, one tally per selected check id, and the syntax error if the code does not
        parse.

    Raises:
        ValueError: `select` names an unknown check id.
    """
    from canon.checks.engine import run_checks

    return run_checks(source, path=path, check_ids=resolve_selection(select))
