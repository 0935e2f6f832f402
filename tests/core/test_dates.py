"""Tests for salestui.core.dates: natural-language dates and times, en + zh."""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

import pytest
from babel.messages.catalog import Catalog
from hypothesis import given, settings
from hypothesis import strategies as st

from salestui import i18n
from salestui.core import dates
from salestui.core.dates import (
    DEFAULT_TIME,
    format_due,
    parse_date,
    parse_datetime,
    split_leading_date,
    split_trailing_date,
)
from salestui.core.errors import InvalidInput

WED = date(2026, 12, 2)  # Wednesday; its week runs Mon 30 Nov .. Sun 6 Dec
FRI = date(2026, 12, 4)  # Friday
SAT = date(2026, 12, 5)  # Saturday
SUN = date(2026, 12, 6)  # Sunday
LATE_DEC = date(2026, 12, 28)  # Monday; its week runs into January 2027
NOW = datetime(2026, 12, 4, 10, 0)  # Friday morning


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


@pytest.fixture
def lang() -> Iterator[None]:
    """Restore the language chosen before the test."""
    before = i18n.current_language()
    yield
    i18n.set_language(before)


@pytest.fixture
def en(lang: None) -> None:
    i18n.set_language("en")


@pytest.fixture
def zh(lang: None) -> None:
    i18n.set_language("zh-CN")


# --- parse_date: English ---------------------------------------------------------------------

ENGLISH = [
    ("today", FRI, d(12, 4)),
    ("tod", SUN, d(12, 6)),
    ("tomorrow", FRI, d(12, 5)),
    ("tmr", LATE_DEC, d(12, 29)),
    ("TOMORROW", FRI, d(12, 5)),
    ("yesterday", FRI, d(12, 3)),
    # a weekday is the next such day on or after today
    ("fri", FRI, d(12, 4)),
    ("friday", SUN, d(12, 11)),
    ("fri", LATE_DEC, d(1, 1, 2027)),
    ("mon", FRI, d(12, 7)),
    ("monday", SUN, d(12, 7)),
    ("tue", FRI, d(12, 8)),
    ("tues", FRI, d(12, 8)),
    ("tuesday", FRI, d(12, 8)),
    ("wed", FRI, d(12, 9)),
    ("wednesday", WED, d(12, 2)),
    ("thu", WED, d(12, 3)),
    ("thursday", FRI, d(12, 10)),
    ("sat", FRI, d(12, 5)),
    ("saturday", SUN, d(12, 12)),
    ("sun", FRI, d(12, 6)),
    ("sunday", SUN, d(12, 6)),
    # next <weekday> is that day in the next calendar week (weeks start Monday)
    ("next friday", FRI, d(12, 11)),
    ("next friday", WED, d(12, 11)),
    ("next friday", SUN, d(12, 11)),
    ("next mon", SUN, d(12, 7)),
    ("next monday", LATE_DEC, d(1, 4, 2027)),
    ("this friday", WED, d(12, 4)),
    ("this friday", FRI, d(12, 4)),
    ("  Next   Friday ", FRI, d(12, 11)),
    ("in 3 days", FRI, d(12, 7)),
    ("in 2 weeks", FRI, d(12, 18)),
    ("in 1 month", FRI, d(1, 4, 2027)),
    ("in 1 month", date(2027, 1, 31), d(2, 28, 2027)),
    ("in a week", SUN, d(12, 13)),
    ("in 3 days", LATE_DEC, d(12, 31)),
    ("+3d", FRI, d(12, 7)),
    ("+2w", FRI, d(12, 18)),
    ("+1m", FRI, d(1, 4, 2027)),
    ("+1m", LATE_DEC, d(1, 28, 2027)),
    ("2026-12-05", FRI, d(12, 5)),
    ("2026/12/05", FRI, d(12, 5)),
    ("2027-1-5", FRI, d(1, 5, 2027)),
    ("２０２６－１２－０５", FRI, d(12, 5)),
    # month/day: the next occurrence on or after today
    ("12/5", FRI, d(12, 5)),
    ("12/4", FRI, d(12, 4)),
    ("12/3", FRI, d(12, 3, 2027)),
    ("1/5", LATE_DEC, d(1, 5, 2027)),
    ("１２/５", FRI, d(12, 5)),
    ("5 dec", FRI, d(12, 5)),
    ("dec 5", FRI, d(12, 5)),
    ("december 5", FRI, d(12, 5)),
    ("5 December 2027", FRI, d(12, 5, 2027)),
    ("Dec 5th, 2026", FRI, d(12, 5)),
    ("1 jan", LATE_DEC, d(1, 1, 2027)),
    ("end of month", FRI, d(12, 31)),
    ("eom", date(2027, 2, 10), d(2, 28, 2027)),
    # end of week = this week's Friday; on a weekend, the next Friday
    ("end of week", WED, d(12, 4)),
    ("eow", FRI, d(12, 4)),
    ("eow", SAT, d(12, 11)),
    ("eow", SUN, d(12, 11)),
    ("next week", FRI, d(12, 7)),
    ("next week", SUN, d(12, 7)),
    ("next week", LATE_DEC, d(1, 4, 2027)),
    ("next month", FRI, d(1, 1, 2027)),
    ("next month", date(2026, 1, 31), d(2, 1)),
]


@pytest.mark.parametrize(("text", "today", "expected"), ENGLISH)
def test_parse_date_english(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


# --- parse_date: Chinese ---------------------------------------------------------------------

CHINESE = [
    ("今天", FRI, d(12, 4)),
    ("明天", FRI, d(12, 5)),
    ("明天", LATE_DEC, d(12, 29)),
    ("后天", FRI, d(12, 6)),
    ("大后天", FRI, d(12, 7)),
    ("昨天", FRI, d(12, 3)),
    # a bare weekday: this week's if not yet past, else next week's
    ("周五", FRI, d(12, 4)),
    ("周五", SUN, d(12, 11)),
    ("星期五", WED, d(12, 4)),
    ("礼拜五", SUN, d(12, 11)),
    ("周日", FRI, d(12, 6)),
    ("星期天", SUN, d(12, 6)),
    ("周一", FRI, d(12, 7)),
    ("周五", LATE_DEC, d(1, 1, 2027)),
    # 本/这: this calendar week, even when the day is past
    ("本周五", SUN, d(12, 4)),
    ("这周五", WED, d(12, 4)),
    ("本周一", FRI, d(11, 30)),
    # 下: the next calendar week; 下下: the one after
    ("下周五", FRI, d(12, 11)),
    ("下周五", SUN, d(12, 11)),
    ("下星期五", WED, d(12, 11)),
    ("下个星期一", FRI, d(12, 7)),
    ("下周日", SUN, d(12, 13)),
    ("下下周一", FRI, d(12, 14)),
    ("3天后", FRI, d(12, 7)),
    ("三天后", FRI, d(12, 7)),
    ("两天后", FRI, d(12, 6)),
    ("十天后", FRI, d(12, 14)),
    ("３天后", FRI, d(12, 7)),
    ("3天后", LATE_DEC, d(12, 31)),
    ("2周后", FRI, d(12, 18)),
    ("两周后", FRI, d(12, 18)),
    ("一个月后", FRI, d(1, 4, 2027)),
    ("12月5日", FRI, d(12, 5)),
    ("12月5号", FRI, d(12, 5)),
    ("12月3日", FRI, d(12, 3, 2027)),
    ("1月5日", LATE_DEC, d(1, 5, 2027)),
    ("十二月五日", FRI, d(12, 5)),
    ("2026年12月5日", FRI, d(12, 5)),
    ("2027年1月5日", FRI, d(1, 5, 2027)),
    ("月底", FRI, d(12, 31)),
    ("本月底", FRI, d(12, 31)),
    ("月底", date(2028, 2, 3), d(2, 29, 2028)),
    ("下月底", FRI, d(1, 31, 2027)),
    # 周末 = this Saturday (on a Sunday, the coming one)
    ("周末", WED, d(12, 5)),
    ("周末", FRI, d(12, 5)),
    ("周末", SUN, d(12, 12)),
    ("下周", FRI, d(12, 7)),
    ("下周", SUN, d(12, 7)),
    ("下个月", FRI, d(1, 1, 2027)),
    ("下月", LATE_DEC, d(1, 1, 2027)),
]


@pytest.mark.parametrize(("text", "today", "expected"), CHINESE)
def test_parse_date_chinese(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


def test_dateparser_fallback_reads_what_the_rules_do_not() -> None:
    assert parse_date("5 days ago", FRI) == d(11, 29)


# --- parse_datetime --------------------------------------------------------------------------

TIMES = [
    ("9:00", time(9, 0)),
    ("14:30", time(14, 30)),
    ("14：30", time(14, 30)),
    ("9am", time(9, 0)),
    ("2:30pm", time(14, 30)),
    ("12pm", time(12, 0)),
    ("12am", time(0, 0)),
    ("9点", time(9, 0)),
    ("9点半", time(9, 30)),
    ("九点半", time(9, 30)),
    ("9点15分", time(9, 15)),
    ("上午10点", time(10, 0)),
    ("下午3点", time(15, 0)),
    ("晚上8点", time(20, 0)),
    ("中午12点", time(12, 0)),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_time_alone_is_today(text: str, expected: time) -> None:
    assert parse_datetime(text, NOW) == datetime.combine(FRI, expected)


DATETIMES = [
    ("明天 9:00", datetime(2026, 12, 5, 9, 0)),
    ("明天上午9点", datetime(2026, 12, 5, 9, 0)),
    ("mon 14:30", datetime(2026, 12, 7, 14, 30)),
    ("2026-12-07 09:30", datetime(2026, 12, 7, 9, 30)),
    ("2026-12-07T09:30", datetime(2026, 12, 7, 9, 30)),
    ("tomorrow 9am", datetime(2026, 12, 5, 9, 0)),
    ("tomorrow at 3pm", datetime(2026, 12, 5, 15, 0)),
    ("9am tomorrow", datetime(2026, 12, 5, 9, 0)),
    ("周五 下午2点半", datetime(2026, 12, 4, 14, 30)),
    ("周五下午2点半", datetime(2026, 12, 4, 14, 30)),
    ("下周五 14：00", datetime(2026, 12, 11, 14, 0)),
    ("fri", datetime(2026, 12, 4, 9, 0)),
    ("下周五", datetime(2026, 12, 11, 9, 0)),
]


@pytest.mark.parametrize(("text", "expected"), DATETIMES)
def test_parse_datetime(text: str, expected: datetime) -> None:
    assert parse_datetime(text, NOW) == expected


def test_a_date_alone_gets_the_default_time() -> None:
    assert DEFAULT_TIME == time(9, 0)
    assert parse_datetime("tomorrow", NOW).time() == DEFAULT_TIME


def test_parse_datetime_keeps_the_timezone_of_now() -> None:
    cst = timezone(timedelta(hours=8))
    moment = parse_datetime("明天 9:00", NOW.replace(tzinfo=cst))
    assert moment == datetime(2026, 12, 5, 9, 0, tzinfo=cst)
    assert moment.tzinfo is cst
    assert parse_datetime("明天 9:00", NOW).tzinfo is None


# --- errors ---------------------------------------------------------------------------------

BAD_DATES = ["", "   ", "2026-02-30", "someday-never", "2/30", "13/45", "next", "5", "fri day"]
BAD_DATETIMES = ["", "25:00", "13pm", "2026-02-30", "someday-never", "9:75", "tomorrow 25:00"]


@pytest.mark.parametrize("text", BAD_DATES)
def test_parse_date_rejects(en: None, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, FRI)
    assert repr(text) in str(caught.value)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("text", BAD_DATETIMES)
def test_parse_datetime_rejects(en: None, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_datetime(text, NOW)
    assert repr(text) in str(caught.value)


def test_error_messages_are_translated(zh: None) -> None:
    with pytest.raises(InvalidInput, match="无法识别的日期") as caught:
        parse_date("someday-never", FRI)
    assert "'someday-never'" in str(caught.value)
    with pytest.raises(InvalidInput, match="不存在这个日期"):
        parse_date("2026-02-30", FRI)
    with pytest.raises(InvalidInput, match="不存在这个时间"):
        parse_datetime("25:00", NOW)


# --- splitting ----------------------------------------------------------------------------

LEADING = [
    ("下周五 提交回款计划", d(12, 11), "提交回款计划"),
    ("下周五提交回款计划", d(12, 11), "提交回款计划"),
    ("12月5日前完成报价", d(12, 5), "前完成报价"),
    ("3天后 交报价", d(12, 7), "交报价"),
    ("明天 send deck", d(12, 5), "send deck"),
    ("fri send deck", d(12, 4), "send deck"),
    ("next friday review deck", d(12, 11), "review deck"),
    ("end of month close books", d(12, 31), "close books"),
    ("2026-12-05 send", d(12, 5), "send"),
    ("+3d chase client", d(12, 7), "chase client"),
    ("  fri  ", d(12, 4), ""),
    ("today", d(12, 4), ""),
]


@pytest.mark.parametrize(("text", "due", "rest"), LEADING)
def test_split_leading_date(text: str, due: date, rest: str) -> None:
    assert split_leading_date(text, FRI) == (due, rest)


NO_LEADING = [
    "send deck fri",
    "friday2 plan",
    "today's numbers",
    "monthly report",
    "sunday-school visit",
    "12/5/2026 invoice",
    "fri提交",
    "提交计划",
    "",
]


@pytest.mark.parametrize("text", NO_LEADING)
def test_split_leading_without_a_date(text: str) -> None:
    assert split_leading_date(text, FRI) == (None, text)


TRAILING = [
    ("send deck fri", d(12, 4), "send deck"),
    ("send deck friday", d(12, 4), "send deck"),
    ("plan in 3 days", d(12, 7), "plan"),
    ("plan next friday", d(12, 11), "plan"),
    ("close books eom", d(12, 31), "close books"),
    ("review 12/5", d(12, 5), "review"),
    ("提交回款计划下周五", d(12, 11), "提交回款计划"),
    ("提交回款计划 下周五", d(12, 11), "提交回款计划"),
    ("交报价3天后", d(12, 7), "交报价"),
    ("send deck 明天", d(12, 5), "send deck"),
    ("fri", d(12, 4), ""),
    ("下周五", d(12, 11), ""),
]


@pytest.mark.parametrize(("text", "due", "rest"), TRAILING)
def test_split_trailing_date(text: str, due: date, rest: str) -> None:
    assert split_trailing_date(text, FRI) == (due, rest)


NO_TRAILING = ["call sunday-school", "mon-fri", "checkfri", "v23天后", "提交fri", "send deck", ""]


@pytest.mark.parametrize("text", NO_TRAILING)
def test_split_trailing_without_a_date(text: str) -> None:
    assert split_trailing_date(text, FRI) == (None, text)


# --- format_due ---------------------------------------------------------------------------

DUE_LABELS = [
    (d(12, 4), "today", "今天"),
    (d(12, 5), "tomorrow", "明天"),
    (d(12, 3), "1d overdue", "逾期1天"),
    (d(12, 1), "3d overdue", "逾期3天"),
    (d(12, 6), "Sun", "周日"),
    (d(12, 10), "Thu", "周四"),
    (d(12, 11), "11 Dec", "12月11日"),
    (d(12, 31), "31 Dec", "12月31日"),
    (d(1, 5, 2027), "5 Jan 2027", "2027年1月5日"),
    (d(12, 5, 2027), "5 Dec 2027", "2027年12月5日"),
]


@pytest.mark.parametrize(("due", "english", "chinese"), DUE_LABELS)
def test_format_due(lang: None, due: date, english: str, chinese: str) -> None:
    i18n.set_language("en")
    assert format_due(due, FRI) == english
    i18n.set_language("zh-CN")
    assert format_due(due, FRI) == chinese


def test_every_message_has_a_chinese_translation_with_the_same_placeholders(
    zh_catalog: Catalog,
) -> None:
    used = [
        dates._UNKNOWN_DATE,
        dates._UNKNOWN_DATETIME,
        dates._NO_SUCH_DATE,
        dates._NO_SUCH_TIME,
        "today",
        "tomorrow",
        "{n}d overdue",
    ]
    formatter = string.Formatter()
    for msgid in used:
        message = zh_catalog.get(msgid)
        assert message is not None and message.string, msgid
        translated = message.string
        fields = {(f, c) for _t, f, _s, c in formatter.parse(msgid) if f is not None}
        assert fields == {(f, c) for _t, f, _s, c in formatter.parse(translated) if f is not None}


# --- properties -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_date_returns_a_date_or_raises_invalid_input(text: str) -> None:
    try:
        result = parse_date(text, FRI)
    except InvalidInput:
        return
    assert isinstance(result, date)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([FRI, SUN, LATE_DEC]))
def test_splits_never_raise_and_keep_part_of_the_text(text: str, today: date) -> None:
    for split in (split_leading_date, split_trailing_date):
        due, rest = split(text, today)
        assert due is None or isinstance(due, date)
        assert rest in text
        if due is None:
            assert rest == text


PHRASES = [text for text, _today, _expected in ENGLISH + CHINESE if text == text.strip()]
WORDS = st.text(alphabet="xyz 提交计划", min_size=1).filter(lambda s: s.strip() != "")


@settings(max_examples=200, deadline=None)
@given(WORDS, st.sampled_from(PHRASES))
def test_a_phrase_after_words_is_found(words: str, phrase: str) -> None:
    due, rest = split_trailing_date(f"{words} {phrase}", FRI)
    assert due == parse_date(phrase, FRI)
    assert rest == words.strip()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PHRASES), WORDS)
def test_a_phrase_before_words_is_found(phrase: str, words: str) -> None:
    due, rest = split_leading_date(f"{phrase} {words}", FRI)
    assert due == parse_date(phrase, FRI)
    assert rest == words.strip()
