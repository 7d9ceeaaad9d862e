"""The task's `test_timeout` cuts a solution whose tests never finish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytest import fixture

from tests.evals.scripted import fenced, run_scripted

if TYPE_CHECKING:
    from inspect_ai.log import EvalLog
    from pytest import TempPathFactory

# The task's test calls `convert`, which sleeps for two minutes (long enough to fail every
# bound below, short enough that a run ignoring every timeout still ends).
SLEEPER = '''\
"""Convert units, eventually."""

from time import sleep

__all__ = ["UnitConverter"]


class UnitConverter:
    """Sleeps instead of converting."""

    def convert(self, value: float, source: str, target: str) -> float:
        """Never returns."""
        sleep(120)
        return value

    def __repr__(self) -> str:
        """The class name."""
        return "UnitConverter()"
'''

TIMEOUT = 2
# The default timeout is 30 s: a run that ignores the task's 2 s takes at least that long.
BOUND = 15


@fixture(scope="module")
def log(tmp_path_factory: TempPathFactory) -> EvalLog:
    return run_scripted(
        tmp_path_factory.mktemp("timeout"),
        tasks=["unit-conversions"],
        answers={"unit conversion helper": [fenced(SLEEPER)]},
        task_args={"test_timeout": TIMEOUT},
    )


def test_timeout_hanging_tests_fail_functional(log: EvalLog) -> None:
    (sample,) = log.samples or ()
    score = sample.scores["canon_scorer"]
    assert (score.value["functional"], score.value["functional@applicable"]) == (0, 1)
    assert score.metadata["functional_output"] == f"timed out after {TIMEOUT}s"
    assert (score.value["instruction_followed"], score.value["instruction_applicable"]) == (4, 4)
    assert log.results.scores[0].metrics["functional_pass_rate"].value == 0.0


def test_timeout_cuts_the_sample_well_before_the_default(log: EvalLog) -> None:
    (sample,) = log.samples or ()
    assert TIMEOUT <= sample.total_time < BOUND
