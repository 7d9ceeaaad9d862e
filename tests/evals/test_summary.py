from __future__ import annotations

from dataclasses import replace

from pytest import approx, mark

from canon.evals.contract import INSTRUCTION_LEVEL, PROMPT_LEVEL_STRICT
from canon.reports.analysis import configuration_stats
from canon.reports.document import configuration_json
from canon.reports.logs import ConfigurationLog, SampleRecord
from canon.reports.stats import wilson


@mark.parametrize(
    ("successes", "trials", "expected"),
    [(5, 10, (0.2366, 0.7634)), (0, 10, (0.0, 0.2775)), (10, 10, (0.7225, 1.0))],
)
def test_wilson_known_values(successes: int, trials: int, expected: tuple[float, float]) -> None:
    assert wilson(successes, trials) == approx(expected, abs=1e-4)


def test_wilson_no_trials_is_none() -> None:
    assert wilson(0, 0) is None


def _sample(task_id: str, values: dict[str, float]) -> SampleRecord:
    return SampleRecord(
        task_id=task_id,
        epoch=1,
        values=values,
        input_tokens=0,
        output_tokens=0,
        seconds=0.0,
        instruction_chars=0,
        instruction_tokens=0,
    )


def _log(samples: tuple[SampleRecord, ...]) -> ConfigurationLog:
    return ConfigurationLog(
        name="c",
        model="m",
        instructions="none",
        leave_out=(),
        calibration=False,
        epochs=1,
        expected=3,
        status="success",
        location="c.eval",
        run=".",
        created="",
        wall_seconds=0.0,
        rules=("r",),
        restated={},
        samples=samples,
        errors=0,
    )


def test_configuration_stats_ratio_of_sums_per_rule() -> None:
    shared = {"instruction_applicable": 2, "prompt_strict": 0}
    samples = (
        _sample("a", {"r": 1, "r@applicable": 1, "instruction_followed": 2, **shared}),
        _sample("b", {"r": 0, "r@applicable": 1, "instruction_followed": 1, **shared}),
        _sample("c", {"r": 0, "r@applicable": 0, "instruction_followed": 0, **shared}),
    )
    stats = configuration_stats(_log(samples))
    assert stats.scored == 3
    assert stats.totals["instruction_followed"] == 3
    assert (stats.rules["r"].trials, stats.rules["r"].successes) == (2, 1)
    assert stats.rules["r"].value == 0.5
    assert stats.rate(INSTRUCTION_LEVEL).value == 0.5
    assert stats.rate(PROMPT_LEVEL_STRICT).value == 0.0


def _labelled(task_id: str, values: dict[str, float], expected: dict[str, str]) -> SampleRecord:
    return replace(_sample(task_id, values), expected=expected)


def test_calibration_verdicts_off_labels_named_in_mark_and_summary() -> None:
    samples = (
        _labelled("a", {"r": 1, "r@applicable": 1}, {"r": "followed"}),
        _labelled("b", {"r": 0, "r@applicable": 0}, {"r": "na"}),
        _labelled("c", {"r": 0, "r@applicable": 1}, {"r": "na"}),
    )
    stats = configuration_stats(replace(_log(samples), calibration=True))
    assert [sample.verdict("r") for sample in samples] == ["followed", "na", "broken"]
    assert (stats.labelled, stats.off_labels) == (3, ("c",))
    assert stats.calibration_mark == " (calibration: 1 off labels)"
    entry = configuration_json(stats)["calibration_verdicts"]
    assert entry == {"as_labelled": False, "labelled": 3, "off_labels": ["c"]}


def test_calibration_verdicts_as_labelled_or_absent() -> None:
    labelled = (_labelled("a", {"r": 0, "r@applicable": 1}, {"r": "broken"}),)
    stats = configuration_stats(replace(_log(labelled), calibration=True))
    assert stats.calibration_mark == " (calibration)"
    assert configuration_json(stats)["calibration_verdicts"] == {
        "as_labelled": True,
        "labelled": 1,
        "off_labels": [],
    }
    model = configuration_stats(_log((_sample("a", {"r": 1, "r@applicable": 1}),)))
    assert (model.calibration_mark, configuration_json(model)["calibration_verdicts"]) == ("", None)
