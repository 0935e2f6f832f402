"""Periods of the numbers review: ISO weeks and months, their arithmetic and their names."""

from __future__ import annotations

from datetime import date

import pytest

from salestui import i18n
from salestui.core.errors import InvalidInput
from salestui.core.periods import Period, PeriodKind, parse_period, period_of

TODAY = date(2026, 11, 27)  # a Friday in ISO week 48
W, M = PeriodKind.WEEK, PeriodKind.MONTH


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2026-W48", "2026-W48"),
        ("2026w48", "2026-W48"),
        ("2026-w5", "2026-W05"),
        ("２０２６-Ｗ４８", "2026-W48"),  # full-width, as a Chinese IME types it
        ("2026-11", "2026-11"),
        ("2026/1", "2026-01"),
        ("2026年11月", "2026-11"),
        ("this week", "2026-W48"),
        ("Last  Week", "2026-W47"),
        ("next week", "2026-W49"),
        ("上周", "2026-W47"),
        ("本周", "2026-W48"),
        ("下周", "2026-W49"),
        ("本月", "2026-11"),
        ("上个月", "2026-10"),
        ("下月", "2026-12"),
        ("last month", "2026-10"),
    ],
)
def test_keys_and_words_name_a_period(text: str, key: str) -> None:
    assert parse_period(text, TODAY).key == key


def test_a_day_is_the_period_it_falls_in_of_the_kind_asked() -> None:
    assert parse_period("2026-11-30", TODAY, W).key == "2026-W49"
    assert parse_period("2026-11-30", TODAY, M).key == "2026-11"
    assert parse_period(date(2027, 1, 1), TODAY, W).key == "2026-W53"  # ISO year 2026


@pytest.mark.parametrize("text", ["2026-W54", "2025-W53", "2026-13", "2026-00", "2026-02-30"])
def test_periods_that_do_not_exist_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="No such period"):
        parse_period(text, TODAY, W if "W" in text else None)


@pytest.mark.parametrize("text", ["", "abc", "W48", "48", "2026", "next year", "1.5"])
def test_anything_else_is_not_a_period(text: str) -> None:
    with pytest.raises(InvalidInput, match="not a period"):
        parse_period(text, TODAY)


def test_the_kind_of_the_measurable_is_checked() -> None:
    with pytest.raises(InvalidInput, match="is a month"):
        parse_period("2026-11", TODAY, W)
    with pytest.raises(InvalidInput, match="is a week"):
        parse_period("上周", TODAY, M)


def test_week_arithmetic_crosses_years_and_53_week_years() -> None:
    w53 = Period(W, 2026, 53)
    assert w53.start == date(2026, 12, 28) and w53.end == date(2027, 1, 3)
    assert w53.next() == Period(W, 2027, 1)
    assert Period(W, 2027, 1).previous() == w53
    assert Period(W, 2026, 1).start == date(2025, 12, 29)  # ISO week 1 starts in 2025
    assert Period(W, 2026, 48).shift(-52) == Period(W, 2025, 48)
    assert period_of(date(2026, 11, 29), W) == Period(W, 2026, 48)  # a Sunday
    assert period_of(date(2026, 11, 30), W) == Period(W, 2026, 49)


def test_month_arithmetic() -> None:
    assert Period(M, 2026, 1).previous() == Period(M, 2025, 12)
    assert Period(M, 2026, 12).next() == Period(M, 2027, 1)
    assert Period(M, 2026, 2).end == date(2026, 2, 28)
    assert Period(M, 2026, 11).shift(-13) == Period(M, 2025, 10)


def test_the_window_is_thirteen_periods_ending_with_this_one() -> None:
    window = Period(W, 2027, 2).window()
    assert len(window) == 13
    assert window[-1].key == "2027-W02"
    assert window[0].key == "2026-W43"
    assert [p.key for p in window].count("2026-W53") == 1
    assert window == sorted(window)
    assert [p.key for p in Period(M, 2026, 3).window(4)] == [
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]


def test_keys_sort_as_text_in_period_order() -> None:
    weeks = Period(W, 2026, 48).window(60)
    assert sorted(p.key for p in weeks) == [p.key for p in weeks]


def test_labels_in_both_languages() -> None:
    assert Period(W, 2026, 48).label() == "2026-W48 · 23 Nov–29 Nov"
    assert Period(M, 2026, 11).label() == "November 2026"
    i18n.set_language("zh-CN")
    assert Period(W, 2026, 48).label() == "2026-W48 · 11月23日–11月29日"
    assert Period(M, 2026, 11).label() == "2026年11月"
