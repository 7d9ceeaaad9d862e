"""The scorer: extract the code, run canon's checks on it, run the task's tests, count.

What it writes (score keys, score details, the metrics) is `canon.evals.contract`'s.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inspect_ai.scorer import Metric, SampleScore, Score, Scorer, Target, metric, scorer
from inspect_ai.solver import TaskState

from canon.checks import CheckResult, Finding
from canon.evals.contract import (
    MEASURES,
    FindingRecord,
    Measure,
    SampleMetadata,
    ScoreDetails,
    ScoreKey,
    applicable_key,
)
from canon.evals.extract import extract_loose, extract_strict
from canon.evals.functional import DEFAULT_TIMEOUT, run_tests

__all__ = ["canon_scorer", "measure_metric", "score_code"]

_FINDINGS_KEPT = 50


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
        code = result.answer or ""
        if metadata.tests:
            outcome = await run_tests(
                code=code, tests=metadata.tests, module=metadata.module, timeout=test_timeout
            )
            assert isinstance(result.value, dict)
            result.value[ScoreKey.FUNCTIONAL] = int(outcome.passed and bool(code))
            result.value[ScoreKey.FUNCTIONAL_APPLICABLE] = 1
            assert result.metadata is not None
            result.metadata["functional_output"] = outcome.output
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
        rules: Rule id to check id.
        metadata: The sample's metadata (`exercises` and `path` are read).

    Returns:
        The score, shaped as `canon.evals.contract` documents; functional keys are 0.
    """
    sample = metadata if isinstance(metadata, SampleMetadata) else SampleMetadata(**dict(metadata))
    exercises = sample.exercises
    path = sample.path or "snippet.py"
    strict, loose = _extract(completion, path=path, select=frozenset(rules.values()))
    strict_outcome = _exercised(exercises, rules, strict.checked)
    value = _values(rules, exercises, strict=strict, loose=loose)
    findings = _findings(strict, loose)
    targeted = {rules[rule] for rule in exercises}
    value[ScoreKey.INCIDENTAL] = sum(1 for finding in findings if finding.check not in targeted)
    details = _details(exercises, strict_outcome, findings, strict=strict, loose=loose)
    answer = strict.code if strict.parsed else loose.code if loose.parsed else strict.code
    return Score(
        value={str(key): entry for key, entry in value.items()},
        answer=answer or "",
        explanation=_explain(strict_outcome, details),
        metadata=details.model_dump(exclude={"functional_output"}),
    )


def _rule_values(
    value: dict[str, int], rules: Mapping[str, str], result: CheckResult | None
) -> None:
    for rule, check in rules.items():
        opportunities, violations = _tally(result, check)
        value[rule] = int(opportunities > 0 and violations == 0)
        value[applicable_key(rule)] = int(opportunities > 0)


def _tally(result: CheckResult | None, check: str) -> tuple[int, int]:
    if result is None:
        return 0, 0
    tally = result.tally.get(check)
    if tally is None:
        return 0, 0
    return int(tally.opportunities), int(tally.violations)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Exercised:
    followed: int
    applicable: int
    violated: tuple[str, ...]
    not_applicable: tuple[str, ...]

    @property
    def prompt(self) -> int:
        """1 when an exercised rule applied and every applicable one was followed."""
        return int(self.applicable > 0 and self.followed == self.applicable)


def _concerns(exercises: Sequence[str], rules: Mapping[str, str]) -> list[str]:
    """The exercised rules, one per concern: rules that share a check restate one concern.

    One `Optional` breaks both `typing.union-operator` and `deprecated.optional`; it is one
    concern, counted once, under the first of them the task exercises.
    """
    seen: set[str] = set()
    concerns: list[str] = []
    for rule in exercises:
        if rules[rule] not in seen:
            seen.add(rules[rule])
            concerns.append(rule)
    return concerns


def _exercised(
    exercises: Sequence[str], rules: Mapping[str, str], result: CheckResult | None
) -> _Exercised:
    exercises = _concerns(exercises, rules)
    if result is None:
        return _Exercised(
            followed=0, applicable=len(exercises), violated=tuple(exercises), not_applicable=()
        )
    violated: list[str] = []
    not_applicable: list[str] = []
    for rule in exercises:
        opportunities, violations = _tally(result, rules[rule])
        if not opportunities:
            not_applicable.append(rule)
        elif violations:
            violated.append(rule)
    applicable = len(exercises) - len(not_applicable)
    return _Exercised(
        followed=applicable - len(violated),
        applicable=applicable,
        violated=tuple(violated),
        not_applicable=tuple(not_applicable),
    )


def _finding(finding: Finding) -> FindingRecord:
    return FindingRecord(
        check=finding.check, line=finding.line, column=finding.column, message=finding.message
    )


def _explain(outcome: _Exercised, details: ScoreDetails) -> str:
    parts = [f"{outcome.followed}/{outcome.applicable} exercised rules followed"]
    if details.violated:
        parts.append(f"broken: {', '.join(details.violated)}")
    if details.not_applicable:
        parts.append(f"no opportunity: {', '.join(details.not_applicable)}")
    parts.append(f"extraction: {details.extraction}")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Extraction:
    code: str | None = None
    result: CheckResult | None = None

    @property
    def parsed(self) -> bool:
        """Whether code was found and parsed."""
        return self.result is not None and self.result.syntax_error is None

    @property
    def checked(self) -> CheckResult | None:
        """The check result when the code parsed, else None."""
        return self.result if self.parsed else None


def _values(
    rules: Mapping[str, str],
    exercises: Sequence[str],
    *,
    strict: _Extraction,
    loose: _Extraction,
) -> dict[str, int]:
    value: dict[str, int] = {}
    _rule_values(value, rules, strict.checked)
    strict_outcome = _exercised(exercises, rules, strict.checked)
    loose_outcome = _exercised(exercises, rules, loose.checked)
    return value | {
        ScoreKey.INSTRUCTION_FOLLOWED: strict_outcome.followed,
        ScoreKey.INSTRUCTION_APPLICABLE: strict_outcome.applicable,
        ScoreKey.PROMPT_STRICT: strict_outcome.prompt,
        ScoreKey.INSTRUCTION_FOLLOWED_LOOSE: loose_outcome.followed,
        ScoreKey.INSTRUCTION_APPLICABLE_LOOSE: loose_outcome.applicable,
        ScoreKey.PROMPT_LOOSE: loose_outcome.prompt,
        ScoreKey.PARSED: int(strict.parsed),
        ScoreKey.PARSED_LOOSE: int(loose.parsed),
        ScoreKey.FUNCTIONAL: 0,
        ScoreKey.FUNCTIONAL_APPLICABLE: 0,
    }


def _extract(
    completion: str, *, path: str, select: frozenset[str]
) -> tuple[_Extraction, _Extraction]:
    from canon.checks import check_source

    strict = extract_strict(completion)
    loose = extract_loose(completion)
    strict_result = None if strict is None else check_source(strict, path=path, select=select)
    if loose is not None and loose == strict:
        loose_result = strict_result
    elif loose is not None:
        loose_result = check_source(loose, path=path, select=select)
    else:
        loose_result = None
    strict_extraction = _Extraction(code=strict, result=strict_result)
    return strict_extraction, _Extraction(code=loose, result=loose_result)


def _findings(strict: _Extraction, loose: _Extraction) -> list[Finding]:
    used = strict.checked if strict.parsed else loose.checked
    return [] if used is None else list(used.findings)


def _details(
    exercises: Sequence[str],
    outcome: _Exercised,
    findings: Sequence[Finding],
    *,
    strict: _Extraction,
    loose: _Extraction,
) -> ScoreDetails:
    error = None if strict.result is None else strict.result.syntax_error
    return ScoreDetails(
        exercised=list(exercises),
        violated=list(outcome.violated),
        not_applicable=list(outcome.not_applicable),
        extraction="strict" if strict.parsed else "loose" if loose.parsed else "none",
        findings=[_finding(finding) for finding in findings[:_FINDINGS_KEPT]],
        syntax_error=None if error is None else _finding(error),
    )
