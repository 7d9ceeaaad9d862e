"""The scorer: extract the code, run canon's checks on it, run the task's tests, count.

What it writes (score keys, score details, the metrics) is `canon.evals.contract`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

# inspect calls `get_type_hints` on a metric's function: `SampleScore` must exist at run time
from inspect_ai.scorer import (
    SampleScore,  # noqa: TC002 # canon: ignore[imports.type-checking] read at run time
    Score,
    Scorer,
    metric,
    scorer,
)

from canon.evals.contract import (
    MEASURES,
    FindingRecord,
    SampleMetadata,
    ScoreDetails,
    ScoreKey,
    applicable_key,
    avoided_key,
    concerns,
)
from canon.evals.extract import extract_loose, extract_strict
from canon.evals.functional import DEFAULT_TIMEOUT, run_tests

if TYPE_CHECKING:
    from collections.abc import Sequence

    from inspect_ai.scorer import Metric, Target
    from inspect_ai.solver import TaskState

    from canon.checks import CheckResult, Finding
    from canon.evals.contract import (
        Measure,
    )

__all__ = ["canon_scorer", "measure_metric", "score_code"]

_FINDINGS_KEPT = 50
_NO_CODE = "not run: the answer has no strictly extracted code that parses"


def measure_metric(measure: Measure) -> Metric:
    """The inspect metric of a measure, registered under the measure's metric name.

    Args:
        measure: The measure.

    Returns:
        The metric: a ratio of sums over the samples (0.0 without trials).
    """

    def factory() -> Metric:
        def compute(scores: list[SampleScore]) -> float:
            top = sum(_number(item, measure.numerator) for item in scores)
            if measure.denominator is None:
                return top / len(scores) if scores else 0.0
            bottom = sum(_number(item, measure.denominator) for item in scores)
            return top / bottom if bottom else 0.0

        return compute

    factory.__doc__ = measure.description
    return metric(name=measure.metric)(factory)()


def _number(item: SampleScore, key: str) -> float:
    value = item.score.value
    if isinstance(value, Mapping):
        entry = value.get(key)
        return float(entry) if isinstance(entry, int | float) else 0.0
    return 0.0


@scorer(metrics=[measure_metric(measure) for measure in MEASURES])
def canon_scorer(rules: dict[str, str], test_timeout: float = DEFAULT_TIMEOUT) -> Scorer:
    """Score a completion against the standard's rules and the task's tests.

    Args:
        rules: Rule id to check id, for every checked rule of the standard.
        test_timeout: Seconds the task's tests may run.

    Returns:
        The scorer.
    """

    async def score(state: TaskState, target: Target) -> Score:
        metadata = state.metadata_as(SampleMetadata)
        result = score_code(state.output.completion, rules=rules, metadata=metadata)
        if not metadata.tests:
            return result
        assert isinstance(result.value, dict)
        assert result.metadata is not None
        code = result.answer or ""
        passed, output = False, _NO_CODE
        if result.value[ScoreKey.PARSED]:
            outcome = await run_tests(
                code=code, tests=metadata.tests, module=metadata.module, timeout=test_timeout
            )
            passed, output = outcome.passed, outcome.output
        result.value[ScoreKey.FUNCTIONAL] = int(passed)
        result.value[ScoreKey.FUNCTIONAL_APPLICABLE] = 1
        result.metadata["functional_output"] = output
        return result

    return score


def score_code(
    completion: str,
    *,
    rules: Mapping[str, str],
    metadata: SampleMetadata | Mapping[str, object],
) -> Score:
    """Score a completion's code against the rules, without running tests.

    Args:
        completion: The model's answer.
        rules: Rule id to check id, in the standard's order.
        metadata: The sample's metadata (`exercises`, `requires` and `path` are read).

    Returns:
        The score, shaped as `canon.evals.contract` documents; functional keys are 0.
    """
    sample = metadata if isinstance(metadata, SampleMetadata) else SampleMetadata(**dict(metadata))
    path = sample.path or "snippet.py"
    strict, loose = _extract(completion, path=path, select=frozenset(rules.values()))
    task = _TaskConcerns.of(rules, exercises=sample.exercises, requires=sample.requires)
    strict_outcome = _outcome(task, strict)
    loose_outcome = _outcome(task, loose)
    value = _concern_values(task, strict) | _totals(strict_outcome, loose_outcome)
    targeted = {rules[rule] for rule in sample.exercises}
    value[ScoreKey.INCIDENTAL] = sum(
        1 for finding in strict.findings if finding.check not in targeted
    )
    details = _details(sample.exercises, strict_outcome, strict=strict, loose=loose)
    return Score(
        value={str(key): entry for key, entry in value.items()},
        answer=strict.code or "",
        explanation=_explain(strict_outcome, details),
        metadata=details.model_dump(exclude={"functional_output"}),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _TaskConcerns:
    """The concerns of the standard, and those a task exercises and requires.

    Attributes:
        checks: Concern (primary rule) to check id, for every concern of the standard.
        exercised: The task's exercised concerns, in the task's order.
        required: The task's required concerns.
    """

    checks: Mapping[str, str]
    exercised: tuple[str, ...]
    required: frozenset[str]

    @classmethod
    def of(
        cls, rules: Mapping[str, str], *, exercises: Sequence[str], requires: Sequence[str]
    ) -> Self:
        """The concerns of a task: rules that share a check restate one concern.

        One `Optional` breaks both `typing.union-operator` and `deprecated.optional`: one
        concern, counted once, under its primary rule (the first naming the check).

        Args:
            rules: Rule id to check id, in the standard's order.
            exercises: The task's exercised rules.
            requires: The task's required rules.

        Returns:
            The concerns.
        """
        grouped = concerns(rules)
        primary = {rule: head for head, members in grouped.items() for rule in members}
        return cls(
            checks={head: rules[head] for head in grouped},
            exercised=tuple(dict.fromkeys(primary[rule] for rule in exercises)),
            required=frozenset(primary[rule] for rule in requires),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Extraction:
    code: str | None = None
    result: CheckResult | None = None

    @property
    def parsed(self) -> bool:
        """Whether code was found and parsed."""
        return self.result is not None and self.result.syntax_error is None

    @property
    def failed(self) -> frozenset[str]:
        """The checks that raised on the code when it parsed, else none."""
        return self.result.failed if self.result is not None and self.parsed else frozenset()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings on the code when it parsed, else none."""
        return self.result.findings if self.result is not None and self.parsed else ()

    def verdict(self, check: str) -> str:
        """What the checks say of one concern in this code.

        Args:
            check: The concern's check id.

        Returns:
            `unparsed`, `error` (the check raised), `na` (no opportunity), `broken` or
            `followed`.
        """
        if self.result is None or not self.parsed:
            return "unparsed"
        if check in self.result.failed:
            return "error"
        tally = self.result.tally.get(check)
        if tally is None or not tally.opportunities:
            return "na"
        return "broken" if tally.violations else "followed"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Outcome:
    """The exercised concerns of one extraction, by verdict."""

    parsed: bool
    followed: tuple[str, ...] = ()
    violated: tuple[str, ...] = ()
    avoided: tuple[str, ...] = ()
    errored: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()

    @property
    def applicable(self) -> int:
        """Concerns judged: with an opportunity, avoided, or whose check raised."""
        return len(self.followed) + len(self.violated) + len(self.avoided) + len(self.errored)

    @property
    def prompt(self) -> int:
        """1 when the code parsed, a concern applied, and every applicable one was followed."""
        return int(self.parsed and self.applicable > 0 and len(self.followed) == self.applicable)


def _outcome(task: _TaskConcerns, extraction: _Extraction) -> _Outcome:
    if not extraction.parsed:
        return _Outcome(parsed=False, violated=task.exercised)
    buckets: dict[str, list[str]] = {
        "followed": [],
        "broken": [],
        "error": [],
        "avoided": [],
        "na": [],
    }
    for concern in task.exercised:
        verdict = extraction.verdict(task.checks[concern])
        if verdict == "na" and concern in task.required:
            verdict = "avoided"
        buckets[verdict].append(concern)
    return _Outcome(
        parsed=True,
        followed=tuple(buckets["followed"]),
        violated=tuple(buckets["broken"]),
        avoided=tuple(buckets["avoided"]),
        errored=tuple(buckets["error"]),
        not_applicable=tuple(buckets["na"]),
    )


def _concern_values(task: _TaskConcerns, strict: _Extraction) -> dict[str, int]:
    """Per concern: followed, applicable and avoided, on the strictly extracted code."""
    value: dict[str, int] = {}
    for concern, check in task.checks.items():
        verdict = strict.verdict(check)
        if verdict == "unparsed":
            applicable = concern in task.exercised
        else:
            applicable = verdict in {"followed", "broken", "error"}
        value[concern] = int(verdict == "followed")
        value[applicable_key(concern)] = int(applicable)
        avoided = verdict == "na" and concern in task.required
        value[avoided_key(concern)] = int(avoided)
    value[ScoreKey.REQUIRED] = len(task.required)
    value[ScoreKey.CHECK_ERRORS] = len(strict.failed)
    return value


def _totals(strict: _Outcome, loose: _Outcome) -> dict[str, int]:
    return {
        ScoreKey.INSTRUCTION_FOLLOWED: len(strict.followed),
        ScoreKey.INSTRUCTION_APPLICABLE: strict.applicable,
        ScoreKey.PROMPT_STRICT: strict.prompt,
        ScoreKey.INSTRUCTION_FOLLOWED_LOOSE: len(loose.followed),
        ScoreKey.INSTRUCTION_APPLICABLE_LOOSE: loose.applicable,
        ScoreKey.PROMPT_LOOSE: loose.prompt,
        ScoreKey.PARSED: int(strict.parsed),
        ScoreKey.PARSED_LOOSE: int(loose.parsed),
        ScoreKey.AVOIDED: len(strict.avoided),
        ScoreKey.FUNCTIONAL: 0,
        ScoreKey.FUNCTIONAL_APPLICABLE: 0,
    }


def _finding(finding: Finding) -> FindingRecord:
    return FindingRecord(
        check=finding.check, line=finding.line, column=finding.column, message=finding.message
    )


def _explain(outcome: _Outcome, details: ScoreDetails) -> str:
    parts = [f"{len(outcome.followed)}/{outcome.applicable} exercised concerns followed"]
    labelled = (
        ("broken", details.violated),
        ("avoided", details.avoided),
        ("check raised", details.errored),
        ("no opportunity", details.not_applicable),
    )
    parts.extend(f"{label}: {', '.join(rules)}" for label, rules in labelled if rules)
    parts.append(f"extraction: {details.extraction}")
    return "; ".join(parts)


def _extract(
    completion: str, *, path: str, select: frozenset[str]
) -> tuple[_Extraction, _Extraction]:
    from canon.checks import check_source

    strict = extract_strict(completion, path)
    loose = extract_loose(completion, path)
    strict_result = None if strict is None else check_source(strict, path=path, select=select)
    if loose is not None and loose == strict:
        loose_result = strict_result
    elif loose is not None:
        loose_result = check_source(loose, path=path, select=select)
    else:
        loose_result = None
    strict_extraction = _Extraction(code=strict, result=strict_result)
    return strict_extraction, _Extraction(code=loose, result=loose_result)


def _details(
    exercises: Sequence[str],
    outcome: _Outcome,
    *,
    strict: _Extraction,
    loose: _Extraction,
) -> ScoreDetails:
    error = None if strict.result is None else strict.result.syntax_error
    shown = strict if strict.parsed else loose
    return ScoreDetails(
        exercised=list(exercises),
        violated=list(outcome.violated),
        not_applicable=list(outcome.not_applicable),
        avoided=list(outcome.avoided),
        errored=list(outcome.errored),
        extraction="strict" if strict.parsed else "loose" if loose.parsed else "none",
        findings=[_finding(finding) for finding in shown.findings[:_FINDINGS_KEPT]],
        syntax_error=None if error is None else _finding(error),
    )
