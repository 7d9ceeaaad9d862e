from pytest import approx, mark

from canon.evals.summary import summarise_samples, wilson


@mark.parametrize(
    ("successes", "trials", "expected"),
    [(5, 10, (0.2366, 0.7634)), (0, 10, (0.0, 0.2775)), (10, 10, (0.7225, 1.0))],
)
def test_wilson_known_values(successes: int, trials: int, expected: tuple[float, float]) -> None:
    assert wilson(successes, trials) == approx(expected, abs=1e-4)


def test_wilson_no_trials_is_none() -> None:
    assert wilson(0, 0) is None


def test_summarise_samples_ratio_of_sums_per_rule() -> None:
    values = [
        {"r": 1, "r@applicable": 1, "instruction_followed": 2},
        {"r": 0, "r@applicable": 1, "instruction_followed": 1},
        {"r": 0, "r@applicable": 0, "instruction_followed": 0},
    ]
    scored, totals, rules = summarise_samples(values, ("r",))
    assert scored == 3
    assert totals["instruction_followed"] == 3
    assert (rules["r"].opportunities, rules["r"].compliant) == (2, 1)
    assert rules["r"].as_json()["rate"] == 0.5
