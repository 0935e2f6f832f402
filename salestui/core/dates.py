"""Natural-language dates and times, English and Chinese, relative to an injected today.

Every phrase is matched by this module's own rules (a table of regular expressions over
normalised text: lower case, full-width ASCII folded to half-width). ``dateparser`` is
only a last resort in ``parse_date`` / ``parse_datetime``, and only for texts holding a
digit or an English month name; the split functions never use it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from salestui.core.errors import InvalidInput
from salestui.i18n import N_, _, format_date

DEFAULT_TIME = time(9, 0)
"""The time given to a date that comes without one."""

_MAX_PHRASE = 32  # no date phrase is longer than this; bounds the split search

_UNKNOWN_DATE = N_(
    "Unknown date: {text!r}. Try today, tomorrow, fri, next friday, in 3 days, +3d, "
    "2026-12-05, 12/5, end of month, eow, 明天, 下周五, 3天后, 12月5日, 月底"
)
_UNKNOWN_DATETIME = N_(
    "Unknown date or time: {text!r}. Try 14:30, 9am, tomorrow 9:00, fri 2:30pm, "
    "明天上午9点, 下午3点"
)
_NO_SUCH_DATE = N_("No such date: {text!r}")
_NO_SUCH_TIME = N_("No such time: {text!r}")

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


def _normalise(text: str) -> str:
    folded = text.translate(_FOLD)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_word(ch: str) -> bool:
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
_EN_MONTH = (
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


@_rule(rf"(?P<d>[0-9]{{1,2}}){_ORD}\s+{_EN_MONTH}\.?{_YEAR}"
       rf"|{_EN_MONTH.replace('mon>', 'mon2>')}\.?\s+(?P<d2>[0-9]{{1,2}}){_ORD}"
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


def _rule_date(s: str, today: date) -> tuple[bool, date | None]:
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


def _rule_time(s: str) -> tuple[bool, time | None]:
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


# --- dateparser fallback --------------------------------------------------------------------

_FALLBACK_OK = re.compile(rf"[0-9]|\b{_EN_MONTH}\b")


def _fallback(s: str, base: datetime) -> tuple[datetime, bool] | None:
    """dateparser's reading of ``s`` as (moment, has a time), or None; never a guess."""
    if not _FALLBACK_OK.search(s):
        return None
    try:
        from dateparser.date import DateDataParser

        parser = DateDataParser(
            languages=["en", "zh"],
            settings={
                "RELATIVE_BASE": base.replace(tzinfo=None),
                "PREFER_DATES_FROM": "future",
                "RETURN_TIME_AS_PERIOD": True,
                "REQUIRE_PARTS": ["day", "month"],
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
        data = parser.get_date_data(s)
    except Exception:  # dateparser is a guest here: any failure of it means "not a date"
        return None
    found = data.date_obj
    if found is None or data.period not in ("day", "time"):
        return None
    if abs(found.year - base.year) > 10:
        return None
    return found.replace(tzinfo=None), data.period == "time"


# --- public API ----------------------------------------------------------------------------


def parse_date(text: str, today: date) -> date:
    """The date named by the whole of ``text`` (e.g. ``fri``, ``下周五``, ``2026-12-05``).

    Surrounding whitespace and case are ignored; full-width digits are accepted. Raises
    ``InvalidInput`` naming ``text`` when it is not a date phrase or names no real date.
    """
    s = _normalise(text).strip()
    matched, found = _rule_date(s, today)
    if found is not None:
        return found
    if matched or any(shape.fullmatch(s) for shape in _DATE_SHAPES):
        raise InvalidInput(_(_NO_SUCH_DATE).format(text=text))
    fallback = _fallback(s, datetime.combine(today, DEFAULT_TIME))
    if fallback is not None:
        return fallback[0].date()
    raise InvalidInput(_(_UNKNOWN_DATE).format(text=text))


def parse_datetime(text: str, now: datetime) -> datetime:
    """The moment named by ``text``: a date phrase and/or a time, in either order.

    ``明天 9:00``, ``tomorrow 9am``, ``周五 下午2点半``, ``2026-12-07T09:30``; a time alone
    is today at that time, a date alone is at ``DEFAULT_TIME``. The result carries
    ``now.tzinfo``. Raises ``InvalidInput`` naming ``text`` when it cannot be read.
    """
    s = _normalise(text).strip()
    if not s:
        raise InvalidInput(_(_UNKNOWN_DATETIME).format(text=text))
    s = re.sub(r"^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])", r"\1 ", s)
    today = now.date()
    problem: str | None = None
    candidates: list[tuple[str, str]] = [(s, ""), ("", s)]
    for i in range(1, len(s) if len(s) <= 2 * _MAX_PHRASE else 0):
        if not (_is_word(s[i - 1]) and _is_word(s[i])):
            left, right = s[:i].strip(" ,"), s[i:].strip(" ,")
            candidates += [(left, right), (right, left)]
    for date_part, time_part in candidates:
        time_part = re.sub(r"^(?:at|@)\s+", "", time_part)
        d_matched, day = _rule_date(date_part, today) if date_part else (True, today)
        t_matched, at = _rule_time(time_part) if time_part else (True, DEFAULT_TIME)
        if not (d_matched and t_matched):
            continue
        if day is not None and at is not None:
            return datetime.combine(day, at, tzinfo=now.tzinfo)
        problem = problem or (_NO_SUCH_DATE if day is None else _NO_SUCH_TIME)
    if problem:
        raise InvalidInput(_(problem).format(text=text))
    fallback = _fallback(s, now)
    if fallback is not None:
        moment, has_time = fallback
        if not has_time:
            moment = datetime.combine(moment.date(), DEFAULT_TIME)
        return moment.replace(tzinfo=now.tzinfo)
    raise InvalidInput(_(_UNKNOWN_DATETIME).format(text=text))


def _cut_ok(left: str, right: str, phrase: str) -> bool:
    """May a date phrase end (or start) between the characters ``left`` and ``right``?"""
    if not left or not right or left.isspace() or right.isspace():
        return True
    is_cjk_phrase = any(_is_cjk(ch) for ch in phrase)
    return is_cjk_phrase and not (_is_word(left) and _is_word(right))


# Shapes a person uses to write a date, with the numbers left open so that a date that does
# not exist (month 13, day 40, 30 February, weekday 8) is still recognised as *meant* to be a
# date: those are errors at the input, never text and never a guess of the part that parsed.
_CN_NUM_CHARS = "0-9零〇一二两三四五六七八九十"
_DATE_SHAPES = (
    re.compile(r"[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}"),
    re.compile(r"[0-9]{1,2}/[0-9]{1,2}"),
    re.compile(
        rf"(?:[0-9]{{4}}\s*年\s*)?[{_CN_NUM_CHARS}]{{1,3}}\s*月\s*[{_CN_NUM_CHARS}]{{1,3}}"
        r"\s*[日号]"
    ),  # fmt: skip
    re.compile(rf"(?:{_CN_THIS}|{_CN_NEXT})?{_CN_WEEK}[{_CN_NUM_CHARS}]"),
    re.compile(rf"[0-9]{{1,3}}{_ORD}\s+{_EN_MONTH}\.?{_YEAR}"),
    re.compile(rf"{_EN_MONTH}\.?\s+[0-9]{{1,3}}{_ORD}{_YEAR}"),
)
# The shapes that can only be dates wherever they stand in a title (not ``24/7`` or ``周八次``).
_UNAMBIGUOUS_SHAPES = (_DATE_SHAPES[0], _DATE_SHAPES[2], _DATE_SHAPES[4], _DATE_SHAPES[5])


def _no_such_date(phrase: str) -> InvalidInput:
    return InvalidInput(_(_NO_SUCH_DATE).format(text=phrase))


def _date_of(phrase: str, today: date, strict: bool = False) -> date | None:
    """The date ``phrase`` names, or None when it is not a date phrase.

    ``strict``: a phrase shaped like a date that names no real date raises ``InvalidInput``.
    """
    if not phrase or phrase[0].isspace():
        return None
    matched, found = _rule_date(phrase, today)
    if found is not None or not strict:
        return found
    if matched or any(shape.fullmatch(phrase) for shape in _DATE_SHAPES):
        raise _no_such_date(phrase)
    return None


def check_dates_in(text: str, today: date) -> None:
    """Raise ``InvalidInput`` naming the first token in ``text`` that can only be meant as a
    date (``2026-02-30``, ``2月30日``, ``31 Nov``) but names no real date."""
    s = _normalise(text)
    for shape in _UNAMBIGUOUS_SHAPES:
        for m in re.finditer(shape.pattern, s):
            before = s[m.start() - 1] if m.start() else ""
            after = s[m.end()] if m.end() < len(s) else ""
            if (before and _is_word(before) and _is_word(s[m.start()])) or (
                after and _is_word(after) and _is_word(s[m.end() - 1])
            ):
                continue  # part of a longer word or number
            if _rule_date(m.group(), today)[1] is None:
                raise _no_such_date(text[m.start() : m.end()])


def split_leading_date(text: str, today: date, strict: bool = False) -> tuple[date | None, str]:
    """Split a date phrase off the start of ``text``: ``'下周五 提交计划'`` -> (date, '提交计划').

    English phrases must be followed by whitespace or the end; a Chinese phrase may be
    glued to the text after it. The longest phrase wins. Returns ``(None, text)`` when
    ``text`` does not start with a date. Never raises, unless ``strict``: then a phrase
    shaped like a date that names none (``2026-02-30``, ``下周八``) raises ``InvalidInput``
    instead of being left as text (or of a shorter phrase, ``下周``, being taken).
    """
    stripped = text.strip()
    s = _normalise(stripped)
    for end in range(min(len(s), _MAX_PHRASE), 0, -1):
        phrase = s[:end]
        after = s[end] if end < len(s) else ""
        if _cut_ok(phrase[-1], after, phrase):
            found = _date_of(phrase, today, strict)
            if found is not None:
                return found, stripped[end:].strip()
    return None, text


def split_trailing_date(text: str, today: date, strict: bool = False) -> tuple[date | None, str]:
    """Split a date phrase off the end of ``text``: ``'send deck fri'`` -> (fri, 'send deck').

    English phrases must follow whitespace (no word is cut in half); a Chinese phrase may
    be glued to the text before it. The longest phrase wins; a text that is only a date
    gives ``(date, '')``. Returns ``(None, text)`` otherwise. Never raises, unless
    ``strict`` (see ``split_leading_date``).
    """
    stripped = text.strip()
    s = _normalise(stripped)
    for start in range(max(0, len(s) - _MAX_PHRASE), len(s)):
        phrase = s[start:]
        before = s[start - 1] if start else ""
        if _cut_ok(before, phrase[0], phrase):
            found = _date_of(phrase, today, strict)
            if found is not None:
                return found, stripped[:start].strip()
    return None, text


def format_due(due: date, today: date) -> str:
    """A short label for a due date in lists: today, tomorrow, 3d overdue, Fri, 4 Dec,
    4 Dec 2027 (周五, 12月4日, 2027年12月4日 in Chinese)."""
    days = (due - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days < 0:
        return _("{n}d overdue").format(n=-days)
    if days <= 6:
        return format_date(due, "EEE")
    return format_date(due, "MMMd" if due.year == today.year else "yMMMd")


def format_day(day: date, today: date) -> str:
    """A date in full for a preview: ``Fri 4 Dec`` (``Fri, 4 Dec 2027`` in another year;
    ``12月4日周五`` in Chinese)."""
    return format_date(day, "MMMEd" if day.year == today.year else "yMMMEd")
