"""Each measure's metric computed directly: ratios of sums, means, and empty runs (mutants).

The eval builds its metrics once at import, out of reach of mutmut's trampolines; these tests
build them again at run time so a wrong sum, ratio or default is caught.
"""

from __future__ import annotations

from inspect_ai.scorer import SampleScore, Score

from canon.evals.contract import INCIDENTAL_FINDINGS, INSTRUCTION_LEVEL
from canon.evals.scorer import measure_metric


def _sample(value: object) -> SampleScore:
    return SampleScore(score=Score(value=value), sample_id="s")


def test_ratio_of_sums_not_mean_of_ratios():
    metric = measure_metric(INSTRUCTION_LEVEL)
    scores = [
        _sample({"instruction_followed": 1, "instruction_applicable": 4}),
        _sample({"instruction_followed": 2, "instruction_applicable": 2}),
        _sample({"instruction_followed": 0, "instruction_applicable": 0}),
    ]
    assert metric(scores) == 3 / 6


def test_no_trials_is_zero_and_odd_values_count_nothing():
    metric = measure_metric(INSTRUCTION_LEVEL)
    assert metric([_sample({"instruction_followed": 0, "instruction_applicable": 0})]) == 0.0
    odd = [
        _sample("not a mapping"),
        _sample({"instruction_followed": "2", "instruction_applicable": 2}),
        _sample({"instruction_followed": 1.5, "instruction_applicable": 3}),
    ]
    assert metric(odd) == 1.5 / 5


def test_mean_over_samples_and_empty_run():
    metric = measure_metric(INCIDENTAL_FINDINGS)
    assert metric([_sample({"incidental": 3}), _sample({"incidental": 0})]) == 1.5
    assert metric([]) == 0.0


def test_measure_metric_registered_under_its_name() -> None:
    from inspect_ai._util.registry import registry_info

    from canon.evals.contract import MEASURES
    from canon.evals.scorer import measure_metric

    for measure in MEASURES:
        metric = measure_metric(measure)
        assert registry_info(metric).name == f"canon/{measure.metric}"
