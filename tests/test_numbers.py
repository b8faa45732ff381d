"""Interval arithmetic and verdicts: exact, explained by rounding, or wrong."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from auditor.numbers import Figure, Interval, Verdict, judge, round_to


def fig(text: str, places: int | None = None, unit: str = "万元") -> Figure:
    printed = len(text.split(".")[1]) if "." in text else 0
    return Figure(D(text), printed if places is None else places, unit, text, printed)


def test_interval_of_a_figure():
    assert fig("1.78").interval == Interval(D("1.775"), D("1.785"))
    assert fig("2360.7", places=2).interval == Interval(D("2360.695"), D("2360.705"))


def test_sum_verdicts():
    parts = [fig("0.40"), fig("1.15"), fig("0.24")]
    point = sum(p.value for p in parts)
    allowed = sum((p.interval for p in parts), Interval(D(0), D(0)))
    assert judge(fig("1.79"), point, allowed) is Verdict.EXACT
    assert judge(fig("1.78"), point, allowed) is Verdict.ROUNDING
    assert judge(fig("1.75"), point, allowed) is Verdict.ERROR


def test_ratio_verdicts():
    allowed = fig("90.70").interval.ratio(fig("2360.70").interval).scale(D(100))
    point = D("90.70") / D("2360.70") * 100
    assert judge(fig("3.8", unit="%"), point, allowed) is Verdict.EXACT
    assert judge(fig("3.9", unit="%"), point, allowed) is Verdict.ERROR


def test_coarse_percentage_is_rounding_not_error():
    point = D(90) / D(80) * 100  # 112.5
    allowed = Interval(point, point)
    assert judge(fig("113", places=2, unit="%"), point, allowed) is Verdict.ROUNDING


def test_ratio_against_zero_is_undefined():
    assert fig("1.00").interval.ratio(fig("0.00").interval) is None


@given(
    st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8),
)
def test_rounded_parts_never_contradict_their_rounded_total(mills):
    """Amounts known to 0.001 and shown to 0.01: the shown total is never an error."""
    exact = [D(m) / 1000 for m in mills]
    shown = [round_to(x, 2) for x in exact]
    parts = [fig(f"{s:.2f}") for s in shown]
    total = fig(f"{round_to(sum(exact), 2):.2f}")
    allowed = sum((p.interval for p in parts), Interval(D(0), D(0)))
    assert judge(total, sum(shown), allowed) is not Verdict.ERROR
