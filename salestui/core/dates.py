"""Natural-language dates and times, English and Chinese, relative to an injected today.

Every phrase is matched by the rules of ``dates_rules`` (a table of regular expressions over
normalised text: lower case, full-width ASCII folded to half-width). ``dateparser`` is
only a last resort in ``parse_date`` / ``parse_datetime``, and only for texts holding a
digit or an English month name; the split functions never use it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from salestui.core.date_labels import format_day, format_due
from salestui.core.dates_rules import (
    DATE_SHAPES,
    EN_MONTH,
    UNAMBIGUOUS_SHAPES,
    is_cjk,
    is_word,
    normalise,
    rule_date,
    rule_time,
)
from salestui.core.errors import InvalidInput
from salestui.i18n import N_, _

__all__ = [
    "DEFAULT_TIME",
    "check_dates_in",
    "format_day",
    "format_due",
    "parse_date",
    "parse_datetime",
    "split_leading_date",
    "split_trailing_date",
]

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

# --- dateparser fallback --------------------------------------------------------------------

_FALLBACK_OK = re.compile(rf"[0-9]|\b{EN_MONTH}\b")


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
    s = normalise(text).strip()
    matched, found = rule_date(s, today)
    if found is not None:
        return found
    if matched or any(shape.fullmatch(s) for shape in DATE_SHAPES):
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
    s = normalise(text).strip()
    if not s:
        raise InvalidInput(_(_UNKNOWN_DATETIME).format(text=text))
    s = re.sub(r"^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])", r"\1 ", s)
    today = now.date()
    problem: str | None = None
    candidates: list[tuple[str, str]] = [(s, ""), ("", s)]
    for i in range(1, len(s) if len(s) <= 2 * _MAX_PHRASE else 0):
        if not (is_word(s[i - 1]) and is_word(s[i])):
            left, right = s[:i].strip(" ,"), s[i:].strip(" ,")
            candidates += [(left, right), (right, left)]
    for date_part, time_part in candidates:
        time_part = re.sub(r"^(?:at|@)\s+", "", time_part)
        d_matched, day = rule_date(date_part, today) if date_part else (True, today)
        t_matched, at = rule_time(time_part) if time_part else (True, DEFAULT_TIME)
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
    is_cjk_phrase = any(is_cjk(ch) for ch in phrase)
    return is_cjk_phrase and not (is_word(left) and is_word(right))


def _no_such_date(phrase: str) -> InvalidInput:
    return InvalidInput(_(_NO_SUCH_DATE).format(text=phrase))


def _date_of(phrase: str, today: date, strict: bool = False) -> date | None:
    """The date ``phrase`` names, or None when it is not a date phrase.

    ``strict``: a phrase shaped like a date that names no real date raises ``InvalidInput``.
    """
    if not phrase or phrase[0].isspace():
        return None
    matched, found = rule_date(phrase, today)
    if found is not None or not strict:
        return found
    if matched or any(shape.fullmatch(phrase) for shape in DATE_SHAPES):
        raise _no_such_date(phrase)
    return None


def check_dates_in(text: str, today: date) -> None:
    """Raise ``InvalidInput`` naming the first token in ``text`` that can only be meant as a
    date (``2026-02-30``, ``2月30日``, ``31 Nov``) but names no real date."""
    s = normalise(text)
    for shape in UNAMBIGUOUS_SHAPES:
        for m in re.finditer(shape.pattern, s):
            before = s[m.start() - 1] if m.start() else ""
            after = s[m.end()] if m.end() < len(s) else ""
            if (before and is_word(before) and is_word(s[m.start()])) or (
                after and is_word(after) and is_word(s[m.end() - 1])
            ):
                continue  # part of a longer word or number
            if rule_date(m.group(), today)[1] is None:
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
    s = normalise(stripped)
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
    s = normalise(stripped)
    for start in range(max(0, len(s) - _MAX_PHRASE), len(s)):
        phrase = s[start:]
        before = s[start - 1] if start else ""
        if _cut_ok(before, phrase[0], phrase):
            found = _date_of(phrase, today, strict)
            if found is not None:
                return found, stripped[:start].strip()
    return None, text
