"""The rules that read date and time phrases, English and Chinese: text normalising,
calendar arithmetic, numbers, the table of date rules, the time rules, and the shapes of a
date that is meant but does not exist.

``salestui.core.dates`` holds the public functions that apply them.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, time, timedelta

# English names the parser reads (``fri``, ``5 dec``). Dates are shown in the language's
# CLDR forms instead (``salestui.i18n.format_date``).
_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

# --- normalising -------------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold to ASCII; length is kept,
# so an index into the normalised text is an index into the original.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise(text: str) -> str:
    folded = text.translate(_FOLD)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# --- calendar helpers ----------------------------------------------------------------------


def _monday(day: date, weeks_ahead: int = 0) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks_ahead)


def _on_or_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _add_months(day: date, months: int) -> date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))


def _end_of_month(day: date) -> date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_occurrence(today: date, month: int, day: int) -> date | None:
    """The first ``month``/``day`` on or after today (Feb 29 waits for a leap year)."""
    for year in range(today.year, today.year + 9):
        found = _make_date(year, month, day)
        if found and found >= today:
            return found
    return None


def _shift(today: date, amount: int, unit: str) -> date:
    if unit[0] in "d天日":
        return today + timedelta(days=amount)
    if unit[0] in "w周星礼":
        return today + timedelta(weeks=amount)
    return _add_months(today, amount)


# --- numbers -----------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_NUM = r"[0-9]{1,3}|[零〇一二两三四五六七八九十]{1,3}"


def _number(text: str) -> int | None:
    """An ASCII or Chinese number up to 99 (``3``, ``三``, ``两``, ``十五``, ``二十``)."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in ones:
            return None
        high = _CN_DIGITS.get(tens) if tens else 1
        low = _CN_DIGITS.get(ones) if ones else 0
        return None if high is None or low is None else high * 10 + low
    return _CN_DIGITS.get(text) if len(text) == 1 else None


# --- the date rules ----------------------------------------------------------------------

_Handler = Callable[[re.Match[str], date], date | None]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


_EN_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
EN_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_EN_DAYS = tuple(name.lower() for name in _WEEKDAY_ABBR)
_EN_MONTHS = tuple(name.lower() for name in _MONTH_ABBR)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>[0-9]{4}))?"
_CN_WEEKDAY = r"(?P<wd>[一二三四五六日天1-7])"
_CN_WEEK = r"(?:周|星期|礼拜)"
_CN_THIS = r"本|这个?"
_CN_NEXT = r"下+个?"
_SIMPLE = {"today": 0, "tod": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "yesterday": -1,
           "今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
           "昨天": -1, "昨日": -1, "前天": -2}  # fmt: skip


def _ahead(prefix: str | None) -> int:
    """Weeks or months ahead named by a Chinese prefix: 本/这 0, 下 1, 下下 2."""
    return (prefix or "").count("下")


@_rule("|".join(sorted(_SIMPLE, key=len, reverse=True)))
def _simple(m: re.Match[str], today: date) -> date:
    return today + timedelta(days=_SIMPLE[m[0]])


@_rule(rf"(?:(?P<rel>this|next)\s+)?{_EN_WEEKDAY}")
def _en_weekday(m: re.Match[str], today: date) -> date:
    weekday = _EN_DAYS.index(m["wd"][:3])
    if m["rel"] == "next":
        return _monday(today, 1) + timedelta(days=weekday)
    return _on_or_after(today, weekday)


@_rule(r"next\s+(?P<unit>week|month)")
def _en_next_period(m: re.Match[str], today: date) -> date:
    if m["unit"] == "week":
        return _monday(today, 1)
    return _add_months(today.replace(day=1), 1)


@_rule(r"end\s+of\s+(?:the\s+)?(?P<unit>week|month)|eo(?P<abbr>[wm])")
def _en_end_of(m: re.Match[str], today: date) -> date:
    if (m["unit"] or m["abbr"])[0] == "m":
        return _end_of_month(today)
    friday = _monday(today) + timedelta(days=4)
    return friday if today <= friday else friday + timedelta(weeks=1)


@_rule(r"in\s+(?P<n>[0-9]{1,3}|an?|one)\s+(?P<unit>days?|weeks?|wks?|months?|mos?)"
       r"|\+(?P<n2>[0-9]{1,3})\s*(?P<unit2>[dwm])")  # fmt: skip
def _en_relative(m: re.Match[str], today: date) -> date:
    count = m["n"] or m["n2"]
    amount = int(count) if count.isdigit() else 1
    return _shift(today, amount, m["unit"] or m["unit2"])


@_rule(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})")
def _iso(m: re.Match[str], today: date) -> date | None:
    return _make_date(int(m["y"]), int(m["m"]), int(m["d"]))


@_rule(r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})")
def _month_slash_day(m: re.Match[str], today: date) -> date | None:
    return _next_occurrence(today, int(m["m"]), int(m["d"]))


@_rule(rf"(?P<d>[0-9]{{1,2}}){_ORD}\s+{EN_MONTH}\.?{_YEAR}"
       rf"|{EN_MONTH.replace('mon>', 'mon2>')}\.?\s+(?P<d2>[0-9]{{1,2}}){_ORD}"
       rf"{_YEAR.replace('y>', 'y2>')}")  # fmt: skip
def _en_day_month(m: re.Match[str], today: date) -> date | None:
    month = _EN_MONTHS.index((m["mon"] or m["mon2"])[:3]) + 1
    day = int(m["d"] or m["d2"])
    year = m["y"] or m["y2"]
    if year:
        return _make_date(int(year), month, day)
    return _next_occurrence(today, month, day)


@_rule(rf"(?P<pre>{_CN_THIS}|{_CN_NEXT})?(?:{_CN_WEEK}{_CN_WEEKDAY}|周末)")
def _cn_weekday(m: re.Match[str], today: date) -> date:
    """周五 is the coming Friday; 本周五 this week's, even if past; 下周五 next week's."""
    if m["wd"] is None:  # 周末: Saturday
        weekday = 5
    else:
        weekday = 6 if m["wd"] in "日天7" else "一二三四五六123456".index(m["wd"]) % 6
    if m["pre"] is None:
        return _on_or_after(today, weekday)
    return _monday(today, _ahead(m["pre"])) + timedelta(days=weekday)


@_rule(rf"(?P<pre>{_CN_NEXT})(?:(?P<week>{_CN_WEEK})|月)")
def _cn_next_period(m: re.Match[str], today: date) -> date:
    """下周 is next week's Monday, 下个月 the 1st of next month."""
    if m["week"]:
        return _monday(today, _ahead(m["pre"]))
    return _add_months(today.replace(day=1), _ahead(m["pre"]))


@_rule(rf"(?P<pre>{_CN_THIS}|{_CN_NEXT})?月[底末]")
def _cn_end_of_month(m: re.Match[str], today: date) -> date:
    return _end_of_month(_add_months(today.replace(day=1), _ahead(m["pre"])))


@_rule(rf"(?P<n>{_NUM})\s*个?\s*(?P<unit>天|日|周|星期|礼拜|月)\s*[之以]?后")
def _cn_relative(m: re.Match[str], today: date) -> date | None:
    amount = _number(m["n"])
    return None if amount is None else _shift(today, amount, m["unit"])


@_rule(rf"(?:(?P<y>[0-9]{{4}})\s*年\s*)?(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]")
def _cn_month_day(m: re.Match[str], today: date) -> date | None:
    month, day = _number(m["m"]), _number(m["d"])
    if month is None or day is None:
        return None
    if m["y"]:
        return _make_date(int(m["y"]), month, day)
    return _next_occurrence(today, month, day)


def rule_date(s: str, today: date) -> tuple[bool, date | None]:
    """(a rule matched the whole of ``s``, its date or None when no such date exists)."""
    for pattern, handler in _RULES:
        m = pattern.fullmatch(s)
        if m:
            return True, handler(m, today)
    return False, None


# --- times ------------------------------------------------------------------------------

_PERIOD = r"(?:(?P<per>上午|早上|早晨|凌晨|中午|下午|晚上|傍晚)\s*)?"
_AMPM = r"(?P<ap>[ap])\.?m\.?"
_TIME_RULES = (
    re.compile(rf"{_PERIOD}(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?::[0-9]{{2}})?(?:\s*{_AMPM})?"),
    re.compile(rf"(?P<h>[0-9]{{1,2}})\s*{_AMPM}"),
    re.compile(
        rf"{_PERIOD}(?P<h>{_NUM})\s*[点时]\s*(?:(?P<half>半)|(?P<q>[一三])刻|整"
        rf"|(?P<mi>{_NUM})\s*分?)?"
    ),  # fmt: skip
    re.compile(r"(?P<noon>noon|中午)"),
)


def rule_time(s: str) -> tuple[bool, time | None]:
    """(a time rule matched the whole of ``s``, the time or None when it cannot exist)."""
    for pattern in _TIME_RULES:
        m = pattern.fullmatch(s)
        if m:
            return True, _build_time(m)
    return False, None


def _build_time(m: re.Match[str]) -> time | None:
    groups = m.groupdict()
    if groups.get("noon"):
        return time(12, 0)
    hour = _number(m["h"])
    minute = _number(groups.get("mi") or "0")
    if groups.get("half"):
        minute = 30
    elif groups.get("q"):
        minute = 15 if groups["q"] == "一" else 45
    if hour is None or minute is None:
        return None
    if groups.get("ap"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if groups["ap"] == "p" else 0)
    elif groups.get("per") in ("下午", "晚上", "傍晚") and hour < 12:
        hour += 12
    elif groups.get("per") == "中午" and 1 <= hour <= 5:
        hour += 12
    elif groups.get("per") in ("晚上", "凌晨") and hour == 12:
        return None  # midnight belongs to another day: ask for a date and 0:00 instead
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


# Shapes a person uses to write a date, with the numbers left open so that a date that does
# not exist (month 13, day 40, 30 February, weekday 8) is still recognised as *meant* to be a
# date: those are errors at the input, never text and never a guess of the part that parsed.
_CN_NUM_CHARS = "0-9零〇一二两三四五六七八九十"
DATE_SHAPES = (
    re.compile(r"[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}"),
    re.compile(r"[0-9]{1,2}/[0-9]{1,2}"),
    re.compile(
        rf"(?:[0-9]{{4}}\s*年\s*)?[{_CN_NUM_CHARS}]{{1,3}}\s*月\s*[{_CN_NUM_CHARS}]{{1,3}}"
        r"\s*[日号]"
    ),  # fmt: skip
    re.compile(rf"(?:{_CN_THIS}|{_CN_NEXT})?{_CN_WEEK}[{_CN_NUM_CHARS}]"),
    re.compile(rf"[0-9]{{1,3}}{_ORD}\s+{EN_MONTH}\.?{_YEAR}"),
    re.compile(rf"{EN_MONTH}\.?\s+[0-9]{{1,3}}{_ORD}{_YEAR}"),
)
# The shapes that can only be dates wherever they stand in a title (not ``24/7`` or ``周八次``).
UNAMBIGUOUS_SHAPES = (DATE_SHAPES[0], DATE_SHAPES[2], DATE_SHAPES[4], DATE_SHAPES[5])
