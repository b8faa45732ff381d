"""Interval arithmetic and verdicts: exact, explained by rounding, a last-place slip, or wrong."""

from decimal import ROUND_DOWN
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.numbers import Figure, Interval, Rounding, Verdict, judge, round_to

HALF, TRUNC, EITHER = Rounding.HALF_UP, Rounding.TRUNCATE, Rounding.EITHER
ZERO = Interval(D(0), D(0))


def fig(text: str, places: int | None = None, unit: str = "万元") -> Figure:
    printed = len(text.split(".")[1]) if "." in text else 0
    return Figure(D(text), printed if places is None else places, unit, text, printed)


def test_bounds_by_rounding_mode():
    assert fig("1.78").bounds(HALF) == Interval(D("1.775"), D("1.785"))
    assert fig("1.78").bounds(TRUNC) == Interval(D("1.78"), D("1.79"))
    assert fig("1.78").bounds(EITHER) == Interval(D("1.775"), D("1.79"))
    assert fig("-1.78").bounds(TRUNC) == Interval(D("-1.79"), D("-1.78"))
    assert fig("2360.7", places=2).bounds(HALF) == Interval(D("2360.695"), D("2360.705"))


def test_sum_verdicts():
    parts = [fig("0.40"), fig("1.15"), fig("0.24")]
    point = sum(p.value for p in parts)
    allowed = sum((p.bounds(HALF) for p in parts), ZERO)
    assert judge(fig("1.79"), point, allowed, HALF) is Verdict.EXACT
    assert judge(fig("1.78"), point, allowed, HALF) is Verdict.ROUNDING
    assert judge(fig("1.77"), point, allowed, HALF) is Verdict.ROUNDING  # 1.765–1.775 reaches it
    assert judge(fig("1.76"), point, allowed, HALF) is Verdict.ERROR  # 0.015 below 1.775


def test_ratio_verdicts():
    allowed = fig("90.70").bounds(HALF).ratio(fig("2360.70").bounds(HALF)).scale(D(100))
    point = D("90.70") / D("2360.70") * 100  # 3.842…
    assert judge(fig("3.8", unit="%"), point, allowed, HALF) is Verdict.EXACT
    assert judge(fig("3.9", unit="%"), point, allowed, HALF) is Verdict.LAST_PLACE
    assert judge(fig("4.0", unit="%"), point, allowed, HALF) is Verdict.ERROR


def test_truncated_share_is_exact_only_when_truncation_is_allowed():
    point = D("9746.50") / D("9759.38") * 100  # 99.868…
    allowed = Interval(point, point)
    assert judge(fig("99.86", unit="%"), point, allowed, TRUNC) is Verdict.EXACT
    assert judge(fig("99.86", unit="%"), point, allowed, EITHER) is Verdict.EXACT
    assert judge(fig("99.86", unit="%"), point, allowed, HALF) is Verdict.LAST_PLACE
    assert judge(fig("99.87", unit="%"), point, allowed, TRUNC) is Verdict.LAST_PLACE


def test_coarse_percentage_is_exact_to_what_it_prints():
    # 92.46 rounded to the one decimal printed is 92.5: right as printed, nothing to say
    point = D("92.46")
    assert (
        judge(fig("92.5", places=2, unit="%"), point, Interval(point, point), HALF) is Verdict.EXACT
    )


def test_coarse_percentage_is_rounding_not_error():
    # 92.44 printed 92.5 is off as printed, but the inputs' rounding can explain it
    point = D("92.44")
    allowed = Interval(D("92.44"), D("92.46"))
    assert judge(fig("92.5", places=2, unit="%"), point, allowed, HALF) is Verdict.ROUNDING


def test_ratio_against_zero_is_undefined():
    assert fig("1.00").bounds(HALF).ratio(fig("0.00").bounds(HALF)) is None


MODES = {HALF: [HALF, EITHER], TRUNC: [TRUNC, EITHER]}
ROUNDERS = {HALF: lambda x: round_to(x, 2), TRUNC: lambda x: round_to(x, 2, ROUND_DOWN)}


@pytest.mark.parametrize("made", [HALF, TRUNC], ids=lambda m: m.value)
@given(mills=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8))
def test_rounded_parts_never_contradict_their_rounded_total(made, mills):
    """Amounts known to 0.001 and printed to 0.01 as `made` rounds: never an error in a mode
    that allows that rounding; moved by more than one unit in the last place: an error."""
    exact = [D(m) / 1000 for m in mills]
    shown = [ROUNDERS[made](x) for x in exact]
    total = ROUNDERS[made](sum(exact))
    for mode in MODES[made]:
        parts = [fig(f"{s:.2f}") for s in shown]
        allowed = sum((p.bounds(mode) for p in parts), ZERO)
        assert judge(fig(f"{total:.2f}"), sum(shown), allowed, mode) in (
            Verdict.EXACT,
            Verdict.ROUNDING,
        )
        slack = allowed.hi - allowed.lo
        moved = total + slack + D("0.02")
        assert judge(fig(f"{moved:.2f}"), sum(shown), allowed, mode) is Verdict.ERROR


@pytest.mark.parametrize("made", [HALF, TRUNC], ids=lambda m: m.value)
@given(
    part=st.integers(min_value=1, max_value=10**8),
    rest=st.integers(min_value=0, max_value=10**8),
)
def test_rounded_ratio_is_never_an_error(made, part, rest):
    """A share computed from exact amounts and printed by `made` fits the printed amounts."""
    whole_exact, part_exact = D(part + rest) / 1000, D(part) / 1000
    rate = ROUNDERS[made](part_exact / whole_exact * 100)
    p, w = fig(f"{ROUNDERS[made](part_exact):.2f}"), fig(f"{ROUNDERS[made](whole_exact):.2f}")
    for mode in MODES[made]:
        allowed = p.bounds(mode).ratio(w.bounds(mode))
        if allowed is None or w.value == 0:
            continue
        verdict = judge(
            fig(f"{rate:.2f}", unit="%"), p.value / w.value * 100, allowed.scale(D(100)), mode
        )
        assert verdict in (Verdict.EXACT, Verdict.ROUNDING)
