"""From configuration logs to the numbers a report shows.

Every rate is a ratio of sums over scored samples (each epoch counts), as the scorer's
metrics define it. Paired comparisons match samples on (task, epoch).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from canon.evals.contract import (
    INSTRUCTION_LEVEL,
    PROMPT_LEVEL_STRICT,
    applicable_key,
    avoided_key,
)
from canon.reports.stats import paired_difference, wilson

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from canon.evals.contract import (
        Measure,
    )
    from canon.reports.logs import ConfigurationLog, SampleRecord
    from canon.reports.stats import PairedDifference

__all__ = [
    "Comparison",
    "ConfigurationStats",
    "Lift",
    "Rate",
    "compare",
    "configuration_stats",
    "find_lifts",
    "latest_by_name",
    "pairs_to_compare",
]

_NONE = "none"


@dataclass(frozen=True, slots=True, kw_only=True)
class Rate:
    """A count of successes over trials, with its Wilson 95% interval.

    Attributes:
        successes: Successes.
        trials: Trials.
    """

    successes: float
    trials: float

    @property
    def value(self) -> float | None:
        """The rate, or None without trials.

        Returns:
            successes / trials.
        """
        return self.successes / self.trials if self.trials else None

    @property
    def ci95(self) -> tuple[float, float] | None:
        """The Wilson 95% interval.

        Returns:
            (low, high), or None without trials.
        """
        return wilson(round(self.successes), round(self.trials))


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfigurationStats:
    """What one configuration achieved in its latest log.

    Attributes:
        log: The log.
        totals: Every score key summed over the scored samples.
        rules: Per concern: compliant samples over samples with an opportunity.
        avoided: Per concern: samples of tasks requiring it whose code gave it no opportunity.
    """

    log: ConfigurationLog
    totals: Mapping[str, float]
    rules: Mapping[str, Rate]
    avoided: Mapping[str, int]

    @property
    def scored(self) -> int:
        """Samples scored.

        Returns:
            The count.
        """
        return len(self.log.samples)

    @property
    def labelled(self) -> int:
        """Samples whose verdicts the bank labels (a calibration provider's, in new logs).

        Returns:
            The count.
        """
        return sum(1 for sample in self.log.samples if sample.expected)

    @property
    def off_labels(self) -> tuple[str, ...]:
        """The tasks where canon's verdicts differ from the bank's labels.

        Returns:
            Their ids, each once, in task order.
        """
        off = (sample.task_id for sample in self.log.samples if not sample.as_labelled)
        return tuple(dict.fromkeys(off))

    @property
    def calibration_mark(self) -> str:
        """What reports write after the configuration's name to mark a calibration.

        Returns:
            "" for a model; ` (calibration)` for a calibration provider, with the number of
            tasks off their labels when canon's verdicts differ from the bank's.
        """
        if not self.log.calibration:
            return ""
        off = self.off_labels
        return f" (calibration: {len(off)} off labels)" if off else " (calibration)"

    @property
    def complete(self) -> bool:
        """Whether the run finished and scored every sample it should have.

        Returns:
            True when complete.
        """
        return self.log.status == "success" and self.scored >= self.log.expected

    def rate(self, measure: Measure) -> Rate:
        """A measure: a ratio of two totals, or a total over the scored samples.

        Args:
            measure: The measure.

        Returns:
            The rate.
        """
        top, bottom = measure.numerator, measure.denominator
        trials = self.totals.get(bottom, 0.0) if bottom else float(self.scored)
        return Rate(successes=self.totals.get(top, 0.0), trials=trials)

    def mean(self, field: str) -> float:
        """The mean of a sample attribute over the scored samples.

        Args:
            field: `input_tokens`, `output_tokens`, `seconds` or `instruction_tokens`.

        Returns:
            The mean; 0.0 without samples.
        """
        samples = self.log.samples
        return (
            sum(float(getattr(item, field)) for item in samples) / len(samples) if samples else 0.0
        )

    def total(self, field: str) -> float:
        """The sum of a sample attribute over the scored samples.

        Args:
            field: `input_tokens`, `output_tokens` or `seconds`.

        Returns:
            The sum.
        """
        return sum(float(getattr(item, field)) for item in self.log.samples)


def configuration_stats(log: ConfigurationLog) -> ConfigurationStats:
    """Add up a configuration's scored samples.

    Args:
        log: The configuration's log.

    Returns:
        Its totals and per-rule compliance.
    """
    totals: dict[str, float] = {}
    for sample in log.samples:
        for key, value in sample.values.items():
            totals[key] = totals.get(key, 0.0) + value
    rules = {
        rule: Rate(successes=totals.get(rule, 0.0), trials=totals.get(applicable_key(rule), 0.0))
        for rule in log.rules
    }
    avoided = {rule: round(totals.get(avoided_key(rule), 0.0)) for rule in log.rules}
    return ConfigurationStats(log=log, totals=totals, rules=rules, avoided=avoided)


def latest_by_name(logs: Sequence[ConfigurationLog]) -> tuple[ConfigurationLog, ...]:
    """Each configuration's latest log (a completed one when the latest run has one).

    Args:
        logs: Logs, oldest run first.

    Returns:
        One log per configuration name, sorted by name.
    """
    latest: dict[str, ConfigurationLog] = {}
    for log in logs:
        held = latest.get(log.name)
        if (
            held is None
            or held.run != log.run
            or log.status == "success"
            or held.status != "success"
        ):
            latest[log.name] = log
    return tuple(latest[name] for name in sorted(latest))


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """Two configurations on the samples they share: overall and rule by rule.

    Attributes:
        a: The first configuration's name (the reference side).
        b: The second configuration's name (the side judged better or worse).
        instruction_level: Exercised rules followed, b against a.
        prompt_level: Samples following every exercised rule, b against a.
        rules: Per rule, over the units where the rule applied on both sides.
    """

    a: str
    b: str
    instruction_level: PairedDifference
    prompt_level: PairedDifference
    rules: Mapping[str, PairedDifference]


def compare(a: ConfigurationLog, b: ConfigurationLog) -> Comparison:
    """Compare two configurations on the (task, epoch) units both scored.

    Args:
        a: The reference side.
        b: The side judged.

    Returns:
        The paired comparison.
    """
    a_units, b_units = a.units, b.units
    shared = sorted(a_units.keys() & b_units.keys())
    left = [a_units[key] for key in shared]
    right = [b_units[key] for key in shared]
    instruction = paired_difference(
        _measured(left, INSTRUCTION_LEVEL), _measured(right, INSTRUCTION_LEVEL)
    )
    prompt = paired_difference(
        _measured(left, PROMPT_LEVEL_STRICT), _measured(right, PROMPT_LEVEL_STRICT)
    )
    rules = _rule_differences((*a.rules, *b.rules), left, right)
    return Comparison(
        a=a.name, b=b.name, instruction_level=instruction, prompt_level=prompt, rules=rules
    )


def _rule_differences(
    names: Sequence[str], left: Sequence[SampleRecord], right: Sequence[SampleRecord]
) -> dict[str, PairedDifference]:
    rules: dict[str, PairedDifference] = {}
    for rule in dict.fromkeys(names):
        marker = applicable_key(rule)
        both = [
            (x, y)
            for x, y in zip(left, right, strict=True)
            if x.values.get(marker) and y.values.get(marker)
        ]
        if both:
            rules[rule] = paired_difference(
                _columns([x for x, _ in both], rule, marker),
                _columns([y for _, y in both], rule, marker),
            )
    return rules


def _measured(samples: Sequence[SampleRecord], measure: Measure) -> tuple[list[float], list[float]]:
    return _columns(samples, measure.numerator, measure.denominator)


def _columns(
    samples: Sequence[SampleRecord], top: str, bottom: str | None
) -> tuple[list[float], list[float]]:
    return (
        [sample.values.get(top, 0.0) for sample in samples],
        [sample.values.get(bottom, 0.0) if bottom else 1.0 for sample in samples],
    )


def pairs_to_compare(
    logs: Sequence[ConfigurationLog],
) -> list[tuple[ConfigurationLog, ConfigurationLog]]:
    """Every pair of configurations that scored at least one common (task, epoch).

    Args:
        logs: The configurations' latest logs.

    Returns:
        The pairs, in name order within and across pairs.
    """
    return [(a, b) for a, b in combinations(logs, 2) if a.units.keys() & b.units.keys()]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lift:
    """What instructions buy: two configurations of one model differing only in instructions.

    Attributes:
        model: The model.
        what: What the richer side adds (`copilot:full`, `section Errors`...).
        comparison: The paired comparison, lean side first.
        token_cost: Instruction tokens the richer side adds per sample (estimated).
    """

    model: str
    what: str
    comparison: Comparison
    token_cost: float

    @property
    def per_thousand_tokens(self) -> float | None:
        """Instruction-level points bought per 1,000 instruction tokens.

        Returns:
            The ratio, or None when the cost or the difference is undefined.
        """
        delta = self.comparison.instruction_level.delta
        if delta is None or self.token_cost <= 0:
            return None
        return delta / self.token_cost * 1000


def find_lifts(stats: Sequence[ConfigurationStats]) -> list[Lift]:
    """The instruction lifts among configurations of the same model.

    `none` against each instruction variant, and each variant against the same variant with
    sections left out (what those sections buy).

    Args:
        stats: The configurations' statistics.

    Returns:
        The lifts, in model and configuration name order.
    """
    lifts: list[Lift] = []
    for lean, rich in combinations(stats, 2):
        for first, second in ((lean, rich), (rich, lean)):
            what = _adds(first.log, second.log)
            if what is not None and first.log.model == second.log.model:
                cost = second.mean("instruction_tokens") - first.mean("instruction_tokens")
                comparison = compare(first.log, second.log)
                lifts.append(
                    Lift(model=first.log.model, what=what, comparison=comparison, token_cost=cost)
                )
    return sorted(lifts, key=lambda lift: (lift.model, lift.comparison.a, lift.comparison.b))


def _adds(lean: ConfigurationLog, rich: ConfigurationLog) -> str | None:
    if lean.instructions == _NONE and rich.instructions != _NONE and not rich.leave_out:
        return rich.instructions
    base = _without_leave_out(lean.instructions)
    if rich.instructions == base and lean.leave_out and not rich.leave_out:
        return "section " + ", ".join(lean.leave_out)
    return None


def _without_leave_out(label: str) -> str:
    return label.split("-without:", 1)[0]
