"""The scorer: extract the code, run canon's checks on it, run the task's tests, count.

Score shape (one `Score` per sample; `canon report` reads it, so it is a contract):

`Score.value` is a flat mapping of numbers, with every key present in every sample so that
inspect's reducers and dataframes never meet a missing key:

- `<rule-id>`: 1 when the rule had an opportunity in the strictly extracted code and no
  violation, else 0 (for every rule of the standard that has a check, exercised or not).
- `<rule-id>@applicable`: 1 when the rule had an opportunity, else 0 ("not applicable" is
  never a pass). A rule's compliance over samples is sum(`<rule-id>`) / sum(`@applicable`).
- `instruction_followed`, `instruction_applicable`: over the rules the task exercises, how
  many had an opportunity and were followed, and how many had an opportunity (strict
  extraction). Code that does not parse counts every exercised rule as applicable and broken.
- `instruction_followed_loose`, `instruction_applicable_loose`: the same on loose extraction.
- `prompt_strict`, `prompt_loose`: 1 when the code parsed, at least one exercised rule had an
  opportunity, and every exercised rule with an opportunity was followed (IFEval's
  prompt-level accuracy, strict and loose extraction).
- `parsed`, `parsed_loose`: 1 when code was found and parsed.
- `functional`, `functional@applicable`: 1 when the task's tests passed; applicable when the
  task has tests.
- `incidental`: findings of checks the task does not exercise (rules it did not target).

Because every value is additive, inspect's per-key `mean` epoch reducer keeps the ratios
right: rates are always computed as ratio of sums. The log keeps one `EvalSample` per task and
epoch (`sample.id` is the task id, `sample.epoch` the epoch), each with its own unreduced score
under `sample.scores["canon_scorer"]`, so two configurations pair up on (task id, epoch). In
`inspect_ai.analysis.samples_df` the value is the one column `score_canon_scorer` (a mapping).

`Score.answer` is the extracted code; `Score.metadata` holds `extraction` (`strict`, `loose`
or `none`), `exercised` (rule ids), `violated` and `not_applicable` (exercised rule ids),
`findings` (up to 50 of `{check, line, column, message}`), `syntax_error`, and
`functional_output` (the tail of pytest's output).

Sample metadata (set by the dataset) holds `task_id`, `path`, `exercises`, `module`,
`tests`, and, after the solver, `instructions_sha256`, `instructions_files`,
`instructions_chars`, `instructions_tokens` (estimated, four characters a token) and
`instructions_label`.

Task metadata (`EvalLog.eval.metadata`) holds `configuration`, `model`, `calibration` (True for
`canon/reference` and `canon/legacy`, which are not models), `epochs`, `instructions` (the
label: `none`, `copilot:full`, `copilot:full-without:<section>`...), `variant`, `target`,
`leave_out` and `rules` (rule id to check id). The task is named after the configuration.
Token usage per sample is inspect's own (`EvalSample.model_usage`); the calibration providers
estimate it from lengths.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inspect_ai.scorer import Metric, SampleScore, Score, Scorer, Target, metric, scorer
from inspect_ai.solver import TaskState

from canon.checks import CheckResult, Finding
from canon.evals.extract import extract_loose, extract_strict
from canon.evals.functional import DEFAULT_TIMEOUT, run_tests

__all__ = [
    "canon_scorer",
    "functional_pass_rate",
    "incidental_findings",
    "instruction_level",
    "instruction_level_loose",
    "parse_rate",
    "prompt_level_loose",
    "prompt_level_strict",
    "ratio",
    "score_code",
]

_FINDINGS_KEPT = 50


def ratio(scores: Sequence[SampleScore], numerator: str, denominator: str) -> float:
    """Sum one key over sum of another across samples.

    Args:
        scores: The sample scores.
        numerator: The key counted as successes.
        denominator: The key counted as opportunities.

    Returns:
        The ratio; 0.0 when there is no opportunity at all.
    """
    top = sum(_number(item, numerator) for item in scores)
    bottom = sum(_number(item, denominator) for item in scores)
    return top / bottom if bottom else 0.0


def _ratio_metric(numerator: str, denominator: str) -> Metric:
    def compute(scores: list[SampleScore]) -> float:
        return ratio(scores, numerator, denominator)

    return compute


def _mean_metric(key: str) -> Metric:
    def compute(scores: list[SampleScore]) -> float:
        return _mean(scores, key)

    return compute


def _mean(scores: Sequence[SampleScore], key: str) -> float:
    return sum(_number(item, key) for item in scores) / len(scores) if scores else 0.0


def _number(item: SampleScore, key: str) -> float:
    value = item.score.value
    if isinstance(value, Mapping):
        entry = value.get(key)
        return float(entry) if isinstance(entry, int | float) else 0.0
    return 0.0


@metric
def instruction_level() -> Metric:
    """Exercised rules followed over exercised rules with an opportunity (strict).

    Returns:
        The metric.
    """
    return _ratio_metric("instruction_followed", "instruction_applicable")


@metric
def instruction_level_loose() -> Metric:
    """Instruction-level accuracy on loosely extracted code.

    Returns:
        The metric.
    """
    return _ratio_metric("instruction_followed_loose", "instruction_applicable_loose")


@metric
def prompt_level_strict() -> Metric:
    """Share of samples following every exercised rule (strict extraction).

    Returns:
        The metric.
    """
    return _mean_metric("prompt_strict")


@metric
def prompt_level_loose() -> Metric:
    """Share of samples following every exercised rule (loose extraction).

    Returns:
        The metric.
    """
    return _mean_metric("prompt_loose")


@metric
def parse_rate() -> Metric:
    """Share of samples whose strictly extracted code parses.

    Returns:
        The metric.
    """
    return _mean_metric("parsed")


@metric
def functional_pass_rate() -> Metric:
    """Share of samples with tests whose tests passed.

    Returns:
        The metric.
    """
    return _ratio_metric("functional", "functional@applicable")


@metric
def incidental_findings() -> Metric:
    """Mean findings per sample on rules the task did not target.

    Returns:
        The metric.
    """
    return _mean_metric("incidental")


@scorer(
    metrics=[
        instruction_level(),
        prompt_level_strict(),
        instruction_level_loose(),
        prompt_level_loose(),
        parse_rate(),
        functional_pass_rate(),
        incidental_findings(),
    ]
)
def canon_scorer(rules: dict[str, str], test_timeout: float = DEFAULT_TIMEOUT) -> Scorer:
    """Score a completion against the standard's rules and the task's tests.

    Args:
        rules: Rule id to check id, for every checked rule of the standard.
        test_timeout: Seconds the task's tests may run.

    Returns:
        The scorer.
    """

    async def score(state: TaskState, target: Target) -> Score:
        metadata = state.metadata
        result = score_code(state.output.completion, rules=rules, metadata=metadata)
        tests = str(metadata.get("tests") or "")
        code = result.answer or ""
        if tests:
            outcome = await run_tests(
                code=code, tests=tests, module=str(metadata["module"]), timeout=test_timeout
            )
            assert isinstance(result.value, dict)
            result.value["functional"] = int(outcome.passed and bool(code))
            result.value["functional@applicable"] = 1
            assert result.metadata is not None
            result.metadata["functional_output"] = outcome.output
        return result

    return score


def score_code(
    completion: str, *, rules: Mapping[str, str], metadata: Mapping[str, object]
) -> Score:
    """Score a completion's code against the rules, without running tests.

    Args:
        completion: The model's answer.
        rules: Rule id to check id.
        metadata: The sample's metadata (`exercises`, `path`).

    Returns:
        The score, shaped as the module documents; functional keys are 0.
    """
    exercises = tuple(str(rule) for rule in metadata.get("exercises", ()))  # type: ignore[union-attr]
    path = str(metadata.get("path") or "snippet.py")
    strict, loose = _extract(completion, path=path, select=frozenset(rules.values()))
    value: dict[str, int] = {}
    _rule_values(value, rules, strict.checked)
    strict_outcome = _exercised(exercises, rules, strict.checked)
    loose_outcome = _exercised(exercises, rules, loose.checked)
    value |= {
        "instruction_followed": strict_outcome.followed,
        "instruction_applicable": strict_outcome.applicable,
        "prompt_strict": strict_outcome.prompt,
        "instruction_followed_loose": loose_outcome.followed,
        "instruction_applicable_loose": loose_outcome.applicable,
        "prompt_loose": loose_outcome.prompt,
        "parsed": int(strict.parsed),
        "parsed_loose": int(loose.parsed),
        "functional": 0,
        "functional@applicable": 0,
    }
    findings = _findings(strict, loose)
    targeted = {rules[rule] for rule in exercises}
    value["incidental"] = sum(1 for finding in findings if finding.check not in targeted)
    details = _details(exercises, strict_outcome, findings, strict=strict, loose=loose)
    answer = strict.code if strict.parsed else loose.code if loose.parsed else strict.code
    explanation = _explain(value, details)
    return Score(value=dict(value), answer=answer or "", explanation=explanation, metadata=details)


def _rule_values(value: dict[str, int], rules: Mapping[str, str], result: object | None) -> None:
    for rule, check in rules.items():
        opportunities, violations = _tally(result, check)
        value[rule] = int(opportunities > 0 and violations == 0)
        value[f"{rule}@applicable"] = int(opportunities > 0)


def _tally(result: object | None, check: str) -> tuple[int, int]:
    if result is None:
        return 0, 0
    tally = result.tally.get(check)  # type: ignore[attr-defined]
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


def _exercised(
    exercises: Sequence[str], rules: Mapping[str, str], result: object | None
) -> _Exercised:
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


def _finding(finding: object) -> dict[str, object]:
    return {
        "check": getattr(finding, "check", ""),
        "line": getattr(finding, "line", 0),
        "column": getattr(finding, "column", 0),
        "message": getattr(finding, "message", ""),
    }


def _explain(value: Mapping[str, int], details: Mapping[str, object]) -> str:
    followed = value["instruction_followed"]
    applicable = value["instruction_applicable"]
    parts = [f"{followed}/{applicable} exercised rules followed"]
    if details.get("violated"):
        parts.append(f"broken: {', '.join(details['violated'])}")  # type: ignore[arg-type]
    if details.get("not_applicable"):
        parts.append(f"no opportunity: {', '.join(details['not_applicable'])}")  # type: ignore[arg-type]
    parts.append(f"extraction: {details['extraction']}")
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
) -> dict[str, object]:
    error = None if strict.result is None else strict.result.syntax_error
    return {
        "exercised": list(exercises),
        "violated": list(outcome.violated),
        "not_applicable": list(outcome.not_applicable),
        "extraction": "strict" if strict.parsed else "loose" if loose.parsed else "none",
        "findings": [_finding(finding) for finding in findings[:_FINDINGS_KEPT]],
        "syntax_error": None if error is None else _finding(error),
    }
