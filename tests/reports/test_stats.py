"""Statistics against published and closed-form values."""

from __future__ import annotations

from pytest import approx, mark, raises

from canon.reports.stats import mcnemar_exact, paired_bootstrap, paired_difference, wilson


@mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_newcombe_examples_match_published(successes, trials, low, high):
    interval = wilson(successes, trials)
    assert interval is not None
    assert interval[0] == approx(low, abs=5e-5)
    assert interval[1] == approx(high, abs=5e-5)


def test_wilson_no_trials_none():
    assert wilson(0, 0) is None


def test_mcnemar_exact_one_against_nine_matches_binomial():
    # Two-sided exact test: 2 * P(X <= 1 | n=10, p=1/2) = 2 * 11 / 1024.
    assert mcnemar_exact(1, 9) == approx(22 / 1024)


def test_mcnemar_exact_five_discordant_one_way_matches_binomial():
    assert mcnemar_exact(0, 5) == approx(2 / 32)


def test_mcnemar_exact_balanced_is_one():
    assert mcnemar_exact(4, 4) == approx(1.0)
    assert mcnemar_exact(0, 0) == 1.0


def test_paired_difference_ten_improved_pairs_better():
    before = ([0.0] * 10 + [1.0] * 5, [1.0] * 15)
    after = ([1.0] * 15, [1.0] * 15)
    difference = paired_difference(before, after)
    assert difference.b_only == 10
    assert difference.a_only == 0
    assert difference.p_value == approx(2 / 1024)
    assert difference.verdict == "better"
    assert difference.delta == approx(10 / 15)
    low, high = difference.ci95
    assert 0 < low <= 10 / 15 <= high <= 1


def test_paired_difference_reversed_worse():
    before = ([1.0] * 15, [1.0] * 15)
    after = ([0.0] * 10 + [1.0] * 5, [1.0] * 15)
    assert paired_difference(before, after).verdict == "worse"


def test_paired_difference_three_pairs_not_significant_same():
    difference = paired_difference(([0.0] * 3, [1.0] * 3), ([1.0] * 3, [1.0] * 3))
    assert difference.p_value == approx(0.25)
    assert difference.verdict == "same"


def test_paired_bootstrap_ratio_of_sums_seeded_stable():
    a = ([1.0, 2.0, 0.0, 3.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0, 2.0, 4.0])
    b = ([2.0, 3.0, 1.0, 3.0, 2.0, 4.0], [2.0, 3.0, 2.0, 3.0, 2.0, 4.0])
    first = paired_bootstrap(a, b)
    assert first == paired_bootstrap(a, b)
    observed = 15 / 16 - 9 / 16
    assert first[0] <= observed <= first[1]
    # the seeded interval itself (scipy pinned by uv.lock): it excludes 0, so "better"
    assert first == approx((0.2, 0.5))


def test_paired_bootstrap_identical_sides_zero_width():
    side = ([1.0, 0.0, 1.0], [1.0, 1.0, 1.0])
    assert paired_bootstrap(side, side) == (0.0, 0.0)


def test_paired_bootstrap_one_unit_none():
    assert paired_bootstrap(([1.0], [1.0]), ([0.0], [1.0])) is None


def test_paired_difference_columns_of_different_lengths_refused():
    with raises(ValueError, match=r"paired columns differ in length: \[2, 3\]"):
        paired_difference(([1.0, 1.0, 0.0], [1.0, 1.0, 1.0]), ([1.0, 1.0], [1.0, 1.0]))


def test_paired_difference_counts_each_sides_wins_and_units_exactly():
    difference = paired_difference(([1.0, 1.0, 0.0], [1.0, 1.0, 1.0]), ([0.0, 1.0, 0.0], [1.0] * 3))
    assert (difference.units, difference.a_only, difference.b_only) == (3, 1, 0)
    assert (difference.rate_a, difference.rate_b) == (approx(2 / 3), approx(1 / 3))


def test_paired_difference_unit_without_opportunity_is_no_win():
    # 0 of 0 applicable is not "every applicable item followed"
    assert paired_difference(([0.0, 1.0], [0.0, 1.0]), ([1.0, 1.0], [1.0, 1.0])).b_only == 1
    assert paired_difference(([1.0, 1.0], [1.0, 1.0]), ([0.0, 1.0], [0.0, 1.0])).a_only == 1


def test_paired_difference_no_trials_no_rate():
    difference = paired_difference(([0.0, 0.0], [0.0, 0.0]), ([0.0, 0.0], [0.0, 0.0]))
    assert (difference.rate_a, difference.rate_b, difference.delta) == (None, None, None)


def test_wilson_single_success_and_other_confidence():
    # Wilson's formula by hand: 1/1 at 95% is (0.2065, 1); 5/10 at 50% is (0.3957, 0.6043)
    assert wilson(1, 1) == approx((0.20655, 1.0), abs=1e-4)
    assert wilson(5, 10, confidence=0.5) == approx((0.39570, 0.60430), abs=1e-4)


def test_paired_bootstrap_two_units_give_an_interval():
    assert paired_bootstrap(([1.0, 0.0], [1.0, 1.0]), ([1.0, 1.0], [1.0, 1.0])) is not None


def test_paired_bootstrap_constant_units_exact_ratio_of_sums():
    assert paired_bootstrap(([1.0] * 3, [2.0] * 3), ([2.0] * 3, [2.0] * 3)) == (0.5, 0.5)
    # a side's denominators summing to 1, and to 0 (its ratio is 0, never undefined)
    assert paired_bootstrap(([0.5, 0.5], [0.5, 0.5]), ([0.0, 0.0], [0.5, 0.5])) == (-1.0, -1.0)
    assert paired_bootstrap(([0.0, 0.0], [0.0, 0.0]), ([1.0, 1.0], [1.0, 1.0])) == (1.0, 1.0)


CONTINUOUS_A = ([0.3, 1.7, 0.2, 2.9, 1.1, 0.4, 2.2, 0.8], [1.0, 2.0, 1.0, 3.0, 2.0, 1.0, 3.0, 1.0])
CONTINUOUS_B = ([0.9, 1.8, 0.7, 2.6, 1.9, 0.5, 2.8, 0.9], [1.0, 2.0, 1.0, 3.0, 2.0, 1.0, 3.0, 1.0])


def test_paired_bootstrap_confidence_level_is_used():
    wide = paired_bootstrap(CONTINUOUS_A, CONTINUOUS_B)
    narrow = paired_bootstrap(CONTINUOUS_A, CONTINUOUS_B, confidence=0.5)
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


def test_paired_bootstrap_seeded_continuous_interval_pinned():
    # seeded, with 2,000 resamples (scipy pinned by uv.lock): the same interval every run
    interval = paired_bootstrap(CONTINUOUS_A, CONTINUOUS_B)
    assert interval == paired_bootstrap(CONTINUOUS_A, CONTINUOUS_B)
    assert interval == approx((0.0388782051, 0.35), rel=1e-8)
