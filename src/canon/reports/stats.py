"""The statistics behind the reports: intervals for rates and paired tests for differences.

- `wilson`: the Wilson score interval of a proportion (scipy's `binomtest`), which keeps
  its coverage near 0 and 1 where the normal interval collapses.
- `mcnemar_exact`: the exact McNemar test of two paired binary outcomes: under the null
  hypothesis the discordant pairs split 50/50, so the p-value is a two-sided binomial test.
- `paired_bootstrap`: a percentile bootstrap interval of the difference of two ratios of sums
  over the same units (task and epoch), resampling the units with their pairing kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy import float64
    from numpy.typing import NDArray

    type Column = NDArray[float64]

__all__ = [
    "ALPHA",
    "PairedDifference",
    "mcnemar_exact",
    "paired_bootstrap",
    "paired_difference",
    "wilson",
]

ALPHA = 0.05
_RESAMPLES = 2000
_SEED = 20260101


def wilson(successes: int, trials: int, *, confidence: float = 0.95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion.

    Args:
        successes: Trials that succeeded.
        trials: All trials.
        confidence: The confidence level.

    Returns:
        (low, high), or None without trials.
    """
    if trials <= 0:
        return None
    from scipy.stats import binomtest

    interval = binomtest(successes, trials).proportion_ci(
        confidence_level=confidence, method="wilson"
    )
    return (float(interval.low), float(interval.high))


def mcnemar_exact(a_only: int, b_only: int) -> float:
    """The exact McNemar test: two-sided p-value from the discordant pairs.

    Args:
        a_only: Pairs where only the first configuration succeeded.
        b_only: Pairs where only the second configuration succeeded.

    Returns:
        The p-value (1.0 without discordant pairs).
    """
    discordant = a_only + b_only
    if discordant == 0:
        return 1.0
    from scipy.stats import binomtest

    return float(binomtest(a_only, discordant, 0.5).pvalue)


def paired_bootstrap(
    a: tuple[Sequence[float], Sequence[float]],
    b: tuple[Sequence[float], Sequence[float]],
    *,
    confidence: float = 0.95,
) -> tuple[float, float] | None:
    """A percentile bootstrap interval of ratio(b) - ratio(a) over paired units.

    Each unit carries, for both sides, a numerator and a denominator (e.g. rules followed
    and rules applicable on one task and epoch); a resample draws units with replacement and
    keeps each unit's two sides together. The resampling is seeded, so reports are stable.

    Args:
        a: The first side's numerators and denominators, one entry per unit.
        b: The second side's, in the same unit order.
        confidence: The confidence level.

    Returns:
        (low, high), or None with fewer than two units.
    """
    if len(a[0]) < 2:
        return None
    from numpy import asarray, float64

    data = tuple(asarray(column, dtype=float64) for column in (*a, *b))
    if all((column == column[0]).all() for column in data):
        value = float(_difference(*data, axis=-1))
        return (value, value)
    return _bootstrap(data, confidence)


def _bootstrap(data: tuple[Column, ...], confidence: float) -> tuple[float, float]:
    from numpy.random import default_rng
    from scipy.stats import bootstrap

    result = bootstrap(
        data,
        _difference,
        paired=True,
        vectorized=True,
        n_resamples=_RESAMPLES,
        confidence_level=confidence,
        method="percentile",
        rng=default_rng(_SEED),
    )
    interval = result.confidence_interval
    return (float(interval.low), float(interval.high))


def _difference(
    a_top: Column, a_bottom: Column, b_top: Column, b_bottom: Column, axis: int
) -> Column:
    return _ratio_of_sums(b_top, b_bottom, axis) - _ratio_of_sums(a_top, a_bottom, axis)


def _ratio_of_sums(top: Column, bottom: Column, axis: int) -> Column:
    from numpy import divide, zeros_like
    from numpy import sum as total

    below = total(bottom, axis=axis)
    above = total(top, axis=axis)
    return divide(above, below, out=zeros_like(below, dtype=float), where=below > 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PairedDifference:
    """Two configurations on the same units: the rates, the difference and its tests.

    Attributes:
        units: Paired units (task and epoch) counted.
        rate_a: The first configuration's rate over those units.
        rate_b: The second configuration's rate.
        ci95: The bootstrap interval of rate_b - rate_a.
        a_only: Units only the first got right (binary outcomes).
        b_only: Units only the second got right.
        p_value: The exact McNemar p-value.
    """

    units: int
    rate_a: float | None
    rate_b: float | None
    ci95: tuple[float, float] | None
    a_only: int
    b_only: int
    p_value: float

    @property
    def delta(self) -> float | None:
        """The difference rate_b - rate_a.

        Returns:
            The difference, or None when either rate is undefined.
        """
        if self.rate_a is None or self.rate_b is None:
            return None
        return self.rate_b - self.rate_a

    @property
    def verdict(self) -> str:
        """`better`, `worse` (the second against the first, significantly) or `same`.

        Returns:
            The verdict at the 5% level of the McNemar test.
        """
        if self.p_value >= ALPHA or self.a_only == self.b_only:
            return "same"
        return "better" if self.b_only > self.a_only else "worse"


def paired_difference(
    a: tuple[Sequence[float], Sequence[float]],
    b: tuple[Sequence[float], Sequence[float]],
) -> PairedDifference:
    """Compare two configurations over the same units.

    A unit's binary outcome (for McNemar) is "every applicable item followed": numerator
    equal to a positive denominator.

    Args:
        a: The first side's numerators and denominators per unit.
        b: The second side's, in the same unit order.

    Returns:
        The rates, the bootstrap interval of the difference and the McNemar test.

    Raises:
        ValueError: The four columns do not have one entry per unit each.
    """
    lengths = {len(column) for column in (*a, *b)}
    if len(lengths) > 1:
        raise ValueError(f"paired columns differ in length: {sorted(lengths)}")
    a_ok = [bottom > 0 and top == bottom for top, bottom in zip(*a, strict=True)]
    b_ok = [bottom > 0 and top == bottom for top, bottom in zip(*b, strict=True)]
    a_only = sum(1 for left, right in zip(a_ok, b_ok, strict=True) if left and not right)
    b_only = sum(1 for left, right in zip(a_ok, b_ok, strict=True) if right and not left)
    return PairedDifference(
        units=len(a[0]),
        rate_a=_ratio(a),
        rate_b=_ratio(b),
        ci95=paired_bootstrap(a, b),
        a_only=a_only,
        b_only=b_only,
        p_value=mcnemar_exact(a_only, b_only),
    )


def _ratio(side: tuple[Sequence[float], Sequence[float]]) -> float | None:
    bottom = sum(side[1])
    return sum(side[0]) / bottom if bottom else None
