"""The score contract: what the scorer writes into inspect logs and the reports read back.

One `Score` per sample, under `sample.scores["canon_scorer"]`. `Score.value` is a flat mapping
of numbers, with every key present in every sample so that inspect's reducers and dataframes
never meet a missing key:

Rules that share a check state one concern (`concerns`): one `Optional` is one finding of one
check, however many bullets of the standard restate "use `X | None`". Per-rule keys exist for
each concern's primary rule (the first, in the standard's order, that names the check) only:

- `<rule-id>`: 1 when the concern had an opportunity in the strictly extracted code and no
  violation, else 0.
- `<rule-id>@applicable` (`applicable_key(rule)`): 1 when the concern had an opportunity, else 0
  ("not applicable" is never a pass). A concern's compliance over samples is sum(`<rule-id>`) /
  sum(`@applicable`).
- `<rule-id>@avoided` (`avoided_key(rule)`): 1 when the task requires the concern (every
  correct solution meets it) and the code gave it no opportunity: the answer avoided the
  construct instead of following the rule. An avoided concern is not applicable in the per-rule
  rate, but counts as broken in the instruction level and fails the prompt level.
- `ScoreKey` names the other keys: `instruction_followed`, `instruction_applicable` (over the
  concerns the task exercises: how many were followed, and how many had an opportunity or were
  avoided, strict extraction); their `_loose` twins on loose extraction; `prompt_strict`,
  `prompt_loose` (1 when the code parsed, at least one exercised concern applied, and every
  applicable one was followed and none avoided: IFEval's prompt-level accuracy); `parsed`,
  `parsed_loose` (1 when code was found and parsed); `required`, `avoided` (required concerns,
  and those avoided); `check_errors` (checks that raised on the code: their concerns count as
  applicable and not followed, never as "not applicable"); `functional`,
  `functional@applicable` (1 when the task's tests passed on the strictly extracted code;
  applicable when the task has tests); `incidental` (findings, in the strictly extracted code,
  of checks the task does not exercise).

Code that does not parse counts the same way everywhere: every exercised concern is applicable
and broken (instruction level, and each exercised concern's per-rule rate), the prompt level
fails, `parsed` is 0, and the functional tests fail.

Because every value is additive, inspect's per-key `mean` epoch reducer keeps the ratios
right: rates are always ratios of sums, as each `Measure` states. The log keeps one
`EvalSample` per task and epoch (`sample.id` is the task id, `sample.epoch` the epoch), each
with its own unreduced score, so two configurations pair up on (task id, epoch). In
`inspect_ai.analysis.samples_df` the value is the one column `score_canon_scorer` (a mapping).

`Score.answer` is the extracted code; `Score.metadata` is a `ScoreDetails`. Sample metadata is
a `SampleMetadata` (the dataset sets the task's fields, the solver the instructions'); task
metadata (`EvalLog.eval.metadata`) is a `TaskMetadata`; the task is named after the
configuration. Token usage per sample is inspect's own (`EvalSample.model_usage`); the
calibration providers estimate it from lengths.

This module imports neither inspect nor libcst: the reports and the scorer both start here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "APPLICABLE",
    "AVOIDED",
    "AVOIDED_RATE",
    "CHECK_ERRORS",
    "FUNCTIONAL_PASS_RATE",
    "INCIDENTAL_FINDINGS",
    "INSTRUCTION_LEVEL",
    "INSTRUCTION_LEVEL_LOOSE",
    "MEASURES",
    "PARSE_RATE",
    "PROMPT_LEVEL_LOOSE",
    "PROMPT_LEVEL_STRICT",
    "SCORER",
    "DatasetFields",
    "FindingRecord",
    "InstructionFields",
    "Measure",
    "SampleMetadata",
    "ScoreDetails",
    "ScoreKey",
    "TaskMetadata",
    "applicable_key",
    "avoided_key",
    "concerns",
]

SCORER = "canon_scorer"
APPLICABLE = "@applicable"
AVOIDED = "@avoided"


def applicable_key(key: str) -> str:
    """The key counting a rule's (or the functional tests') opportunities.

    Args:
        key: A rule id, or `functional`.

    Returns:
        `<key>@applicable`.
    """
    return f"{key}{APPLICABLE}"


def avoided_key(rule: str) -> str:
    """The key counting a required concern's avoidances.

    Args:
        rule: A concern's rule id.

    Returns:
        `<rule>@avoided`.
    """
    return f"{rule}{AVOIDED}"


def concerns(rules: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Group the rules by check: each concern's primary rule, with every rule stating it.

    Args:
        rules: Rule id to check id, in the standard's order.

    Returns:
        The primary rule (the first naming the check) to all the rules naming it, primary first.
    """
    by_check: dict[str, list[str]] = {}
    for rule, check in rules.items():
        by_check.setdefault(check, []).append(rule)
    return {members[0]: tuple(members) for members in by_check.values()}


class ScoreKey(StrEnum):
    """The keys of `Score.value` besides the per-rule ones (see the module's description)."""

    INSTRUCTION_FOLLOWED = "instruction_followed"
    INSTRUCTION_APPLICABLE = "instruction_applicable"
    PROMPT_STRICT = "prompt_strict"
    INSTRUCTION_FOLLOWED_LOOSE = "instruction_followed_loose"
    INSTRUCTION_APPLICABLE_LOOSE = "instruction_applicable_loose"
    PROMPT_LOOSE = "prompt_loose"
    PARSED = "parsed"
    PARSED_LOOSE = "parsed_loose"
    REQUIRED = "required"
    AVOIDED = "avoided"
    CHECK_ERRORS = "check_errors"
    FUNCTIONAL = "functional"
    FUNCTIONAL_APPLICABLE = "functional@applicable"
    INCIDENTAL = "incidental"


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    """One figure of the eval: a ratio of sums of two score keys over scored samples.

    Attributes:
        metric: The inspect metric's name (as logs and inspect's display show it).
        summary: Its key in `summary.json`.
        numerator: The key summed as successes.
        denominator: The key summed as trials; None for the number of scored samples (a mean).
        description: What it measures (the metric's docstring).
    """

    metric: str
    summary: str
    numerator: ScoreKey
    denominator: ScoreKey | None
    description: str


INSTRUCTION_LEVEL = Measure(
    metric="instruction_level",
    summary="instruction_level",
    numerator=ScoreKey.INSTRUCTION_FOLLOWED,
    denominator=ScoreKey.INSTRUCTION_APPLICABLE,
    description=(
        "Exercised concerns followed over exercised concerns with an opportunity or avoided "
        "(strict)."
    ),
)
PROMPT_LEVEL_STRICT = Measure(
    metric="prompt_level_strict",
    summary="prompt_level_strict",
    numerator=ScoreKey.PROMPT_STRICT,
    denominator=None,
    description="Share of samples following every exercised rule (strict extraction).",
)
INSTRUCTION_LEVEL_LOOSE = Measure(
    metric="instruction_level_loose",
    summary="instruction_level_loose",
    numerator=ScoreKey.INSTRUCTION_FOLLOWED_LOOSE,
    denominator=ScoreKey.INSTRUCTION_APPLICABLE_LOOSE,
    description="Instruction-level accuracy on loosely extracted code.",
)
PROMPT_LEVEL_LOOSE = Measure(
    metric="prompt_level_loose",
    summary="prompt_level_loose",
    numerator=ScoreKey.PROMPT_LOOSE,
    denominator=None,
    description="Share of samples following every exercised rule (loose extraction).",
)
PARSE_RATE = Measure(
    metric="parse_rate",
    summary="parse_rate",
    numerator=ScoreKey.PARSED,
    denominator=None,
    description="Share of samples whose strictly extracted code parses.",
)
FUNCTIONAL_PASS_RATE = Measure(
    metric="functional_pass_rate",
    summary="functional_pass_rate",
    numerator=ScoreKey.FUNCTIONAL,
    denominator=ScoreKey.FUNCTIONAL_APPLICABLE,
    description="Share of samples with tests whose tests passed.",
)
AVOIDED_RATE = Measure(
    metric="avoided_rate",
    summary="avoided_rate",
    numerator=ScoreKey.AVOIDED,
    denominator=ScoreKey.REQUIRED,
    description="Required concerns the code gave no opportunity, over required concerns.",
)
CHECK_ERRORS = Measure(
    metric="check_errors",
    summary="check_errors_per_sample",
    numerator=ScoreKey.CHECK_ERRORS,
    denominator=None,
    description="Mean checks per sample that raised on the code (their concerns count broken).",
)
INCIDENTAL_FINDINGS = Measure(
    metric="incidental_findings",
    summary="incidental_per_sample",
    numerator=ScoreKey.INCIDENTAL,
    denominator=None,
    description="Mean findings per sample on rules the task did not target.",
)

MEASURES: tuple[Measure, ...] = (
    INSTRUCTION_LEVEL,
    PROMPT_LEVEL_STRICT,
    INSTRUCTION_LEVEL_LOOSE,
    PROMPT_LEVEL_LOOSE,
    PARSE_RATE,
    AVOIDED_RATE,
    FUNCTIONAL_PASS_RATE,
    INCIDENTAL_FINDINGS,
    CHECK_ERRORS,
)
"""The scorer's metrics, in the order inspect shows them."""


class FindingRecord(BaseModel):
    """A finding as `ScoreDetails` keeps it (1-based line and column)."""

    model_config = ConfigDict(frozen=True)

    check: str
    line: int
    column: int
    message: str


class ScoreDetails(BaseModel):
    """`Score.metadata`: how the answer was read and what the checks found.

    Attributes:
        exercised: The rules the task exercises.
        violated: Exercised concerns broken (strict extraction).
        not_applicable: Exercised concerns without an opportunity, not required.
        avoided: Required concerns without an opportunity.
        errored: Exercised concerns whose check raised on the code.
        extraction: `strict`, `loose` or `none`: the extraction whose code parsed.
        findings: Up to 50 findings on the code scored.
        syntax_error: The parser's complaint about the strictly extracted code, if any.
        functional_output: The tail of pytest's output; only for tasks with tests.
    """

    model_config = ConfigDict(frozen=True)

    exercised: list[str]
    violated: list[str]
    not_applicable: list[str]
    avoided: list[str] = []
    errored: list[str] = []
    extraction: str
    findings: list[FindingRecord]
    syntax_error: FindingRecord | None
    functional_output: str | None = None


class DatasetFields(BaseModel):
    """The sample metadata the dataset sets, one task of the bank.

    Attributes:
        task_id: The task of the bank.
        path: Where the task's module goes (instructions and path-based checks use it).
        exercises: The rules the task exercises.
        requires: The exercised rules whose concern every correct solution meets.
        module: The module name the task's tests import.
        tests: The task's pytest tests ("" without tests).
        expected: For a calibration provider, the verdict its answer should get on each
            exercised rule (`followed`, `broken` or `na`); empty for a model.
    """

    model_config = ConfigDict(frozen=True)

    task_id: str = ""
    path: str = ""
    exercises: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    module: str = ""
    tests: str = ""
    expected: dict[str, str] = {}


class InstructionFields(BaseModel):
    """The sample metadata the solver sets: the instructions the model was given.

    Attributes:
        instructions_sha256: The instructions' SHA-256.
        instructions_files: The instruction files they came from.
        instructions_chars: Their size in characters.
        instructions_tokens: Their size in tokens (estimated, four characters a token).
        instructions_label: The instructions' label.
    """

    model_config = ConfigDict(frozen=True)

    instructions_sha256: str = ""
    instructions_files: tuple[str, ...] = ()
    instructions_chars: int = 0
    instructions_tokens: int = 0
    instructions_label: str = ""


class SampleMetadata(DatasetFields, InstructionFields):
    """A sample's metadata as the scorer and the reports read it (`metadata_as`).

    Every field has a default so that reports read logs written before a field existed.
    """

    model_config = ConfigDict(frozen=True)


class TaskMetadata(BaseModel):
    """A task's metadata (`EvalLog.eval.metadata`): the configuration that ran.

    The task sets the instructions' fields and the rules; `canon eval` adds the rest.

    Attributes:
        instructions: The label: `none`, `copilot:full`, `copilot:full-without:<section>`...
        variant: The instructions' variant.
        target: The assistant format they are delivered in.
        leave_out: Sections left out.
        rules: Rule id to check id, for every checked rule of the standard.
        configuration: The configuration's name (the task is named after it).
        model: The model or calibration provider.
        calibration: True for the calibration providers (`canon/reference`, ...), not models;
            None when the log does not say.
        epochs: Runs per task; None when the log does not say.
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    instructions: str = ""
    variant: str = ""
    target: str = ""
    leave_out: tuple[str, ...] = ()
    rules: dict[str, str] = {}
    configuration: str = ""
    model: str = ""
    calibration: bool | None = None
    epochs: int | None = None
