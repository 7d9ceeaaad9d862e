"""`canon compile` as a service: plan, then write or compare, with the cache and exit codes.

The command line parses options into a `CompileRun` and prints the `CompileOutcome` this
returns; nothing here prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from canon.errors import CanonError

if TYPE_CHECKING:
    from pathlib import Path

    from canon.compiler.request import CompileRequest
    from canon.compiler.writer import Plan

__all__ = ["CompileOutcome", "CompileRun", "Said", "compile_project"]

DRIFT_EXIT = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class CompileRun:
    """A `canon compile` as asked.

    Attributes:
        request: What to compile.
        check: Write nothing; report drift (exit 1) instead.
        cache: Answer a whole-project `--check` from the cache when nothing changed, and
            remember a clean run for the next one.
    """

    request: CompileRequest
    check: bool = False
    cache: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Said:
    """One thing to print, in order.

    Attributes:
        text: A diff for stdout, or a message for stderr (without `canon: `).
        data: Whether the text is data for stdout.
        always: Whether it is printed even with `--quiet` (warnings, drift).
    """

    text: str
    data: bool = False
    always: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CompileOutcome:
    """What a compile did: what to print, then how to exit.

    Attributes:
        said: The output, in order.
        exit_code: 0 written or up to date, 1 drift, 2 an error.
        error: The error that stopped the run after some output, if any.
    """

    said: tuple[Said, ...]
    exit_code: int = 0
    error: CanonError | None = None


def compile_project(run: CompileRun) -> CompileOutcome:
    """Run `canon compile`.

    Args:
        run: The request and what to do with it.

    Returns:
        The output and the exit code; an input error found after some output was produced
        (a write refused) is returned with that output rather than raised.

    Raises:
        CanonError: The request cannot be planned (nothing was said yet).
    """
    request = run.request
    whole_project = (
        not request.standards
        and not request.targets
        and request.out is None
        and request.variant == "full"
        and not request.allow_oversize
        and not request.adopt
    )
    if run.check and whole_project and run.cache:
        fresh = _fresh_from_cache(request.start)
        if fresh is not None:
            return CompileOutcome(said=fresh)
    from canon.compiler.project import plan_compile

    planned = plan_compile(request)
    notes = tuple(str(note) for note in planned.notes)
    said = [Said(text=f"warning: {note}", always=True) for note in notes]
    try:
        exit_code = _drift(planned.plan, said) if run.check else _write(planned.plan, said)
    except CanonError as exc:
        return CompileOutcome(said=tuple(said), exit_code=exc.exit_code, error=exc)
    if exit_code == 0 and whole_project and run.cache:
        from canon.compiler.freshness import remember

        remember(planned.plan.root, planned.plan.files, notes)
    return CompileOutcome(said=tuple(said), exit_code=exit_code)


def _fresh_from_cache(start: Path) -> tuple[Said, ...] | None:
    from canon.compiler.freshness import cached_verdict
    from canon.compiler.layout import find_root

    try:
        root = find_root(start)
    except CanonError:
        return None
    fresh = cached_verdict(root)
    if fresh is None:
        return None
    warnings = [Said(text=f"warning: {note}", always=True) for note in fresh.notes]
    return (*warnings, Said(text=f"{fresh.files} generated file(s) up to date"))


def _write(plan: Plan, said: list[Said]) -> int:
    from canon.compiler.writer import apply_plan

    applied = apply_plan(plan)
    said.extend(Said(text=f"wrote {path}") for path in applied.written)
    said.extend(Said(text=f"deleted {path} (its source is gone)") for path in applied.deleted)
    summary = f"{len(applied.written)} written, {len(applied.unchanged)} unchanged"
    said.append(Said(text=f"{summary}, {len(applied.deleted)} deleted"))
    return 0


def _drift(plan: Plan, said: list[Said]) -> int:
    from canon.compiler.writer import claim_problems, find_drift

    drift = find_drift(plan)
    for item in drift:
        said.append(Said(text=item.diff, data=True))
        said.append(Said(text=f"{item.kind}: {item.path}", always=True))
    said.extend(Said(text=f"warning: {problem}", always=True) for problem in claim_problems(plan))
    if drift:
        message = f"{len(drift)} generated file(s) out of date; run `canon compile`"
        said.append(Said(text=message, always=True))
        return DRIFT_EXIT
    said.append(Said(text=f"{len(plan.files)} generated file(s) up to date"))
    return 0
