"""Periods of the numbers review: ISO weeks (``2026-W48``) and calendar months
(``2026-11``), their arithmetic, and the words people use for them.

A ``Period`` is immutable and ordered; ``key`` is what the database stores and what every
front end shows. ``parse_period`` reads keys (``2026-W48``, ``2026w48``, ``2026-11``,
``2026/11``, ``2026年11月``), a day inside the period (``2026-11-24``) and the relative words
``this week / last week / next week / this month / last month / next month`` and
``本周 这周 上周 下周 本月 这个月 上月 上个月 下月 下个月``. Anything else is an
``InvalidInput``, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from salestui.core.errors import InvalidInput
from salestui.i18n import _, format_date

WINDOW = 13  # periods in a scorecard's sparkline: a quarter of weeks


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, order=True)
class Period:
    """An ISO week (``number`` 1-53 of ISO ``year``) or a month (``number`` 1-12)."""

    kind: PeriodKind
    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9998 or not 1 <= self.number <= _count(self.kind, self.year):
            raise InvalidInput(_("No such period: {key}").format(key=self._raw_key()))

    def _raw_key(self) -> str:
        if self.kind == PeriodKind.WEEK:
            return f"{self.year:04d}-W{self.number:02d}"
        return f"{self.year:04d}-{self.number:02d}"

    @property
    def key(self) -> str:
        """``2026-W48`` or ``2026-11``: stored, sorted as text, shown as it is."""
        return self._raw_key()

    def __str__(self) -> str:
        return self.key

    @property
    def start(self) -> date:
        if self.kind == PeriodKind.WEEK:
            return date.fromisocalendar(self.year, self.number, 1)
        return date(self.year, self.number, 1)

    @property
    def end(self) -> date:
        """The period's last day (Sunday of the week, the month's last day)."""
        return self.next().start - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def shift(self, steps: int) -> Period:
        """The period ``steps`` later (earlier when negative)."""
        if self.kind == PeriodKind.WEEK:
            return period_of(self.start + timedelta(weeks=steps), PeriodKind.WEEK)
        index = self.year * 12 + (self.number - 1) + steps
        return Period(PeriodKind.MONTH, index // 12, index % 12 + 1)

    def next(self) -> Period:
        return self.shift(1)

    def previous(self) -> Period:
        return self.shift(-1)

    def window(self, size: int = WINDOW) -> list[Period]:
        """The ``size`` periods ending with this one, oldest first."""
        return [self.shift(-back) for back in range(size - 1, -1, -1)]

    def label(self) -> str:
        """``2026-W48 · Nov 23-29`` / ``2026-W48 · 11月23日-29日``; a month shows its name
        (``November 2026`` / ``2026年11月``)."""
        if self.kind == PeriodKind.MONTH:
            return format_date(self.start, "yMMMM")
        first, last = format_date(self.start, "MMMd"), format_date(self.end, "MMMd")
        return f"{self.key} · {first}–{last}"


def _count(kind: PeriodKind, year: int) -> int:
    if kind == PeriodKind.MONTH:
        return 12
    return date(year, 12, 28).isocalendar()[1]  # 52 or 53


def period_of(day: date, kind: PeriodKind | str) -> Period:
    """The week or month ``day`` falls in."""
    if PeriodKind(kind) == PeriodKind.WEEK:
        year, week, _day = day.isocalendar()
        return Period(PeriodKind.WEEK, year, week)
    return Period(PeriodKind.MONTH, day.year, day.month)


_WEEK_KEY = re.compile(r"^(\d{4})\s*-?\s*w\s*(\d{1,2})$")
_MONTH_KEY = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$|^(\d{4})年(\d{1,2})月$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# word -> (kind, steps from the period of today)
_RELATIVE: dict[str, tuple[PeriodKind, int]] = {
    **{w: (PeriodKind.WEEK, 0) for w in ("this week", "本周", "这周", "本星期", "这星期")},
    **{w: (PeriodKind.WEEK, -1) for w in ("last week", "previous week", "上周", "上星期")},
    **{w: (PeriodKind.WEEK, 1) for w in ("next week", "下周", "下星期")},
    **{w: (PeriodKind.MONTH, 0) for w in ("this month", "本月", "这个月")},
    **{w: (PeriodKind.MONTH, -1) for w in ("last month", "previous month", "上月", "上个月")},
    **{w: (PeriodKind.MONTH, 1) for w in ("next month", "下月", "下个月")},
}


def parse_key(text: str) -> Period | None:
    """The period a key writes (``2026-W48``, ``2026-11`` and their variants), or None
    when ``text`` is not a key. A key of a period that does not exist raises."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    week = _WEEK_KEY.match(folded)
    if week:
        return Period(PeriodKind.WEEK, int(week.group(1)), int(week.group(2)))
    month = _MONTH_KEY.match(folded)
    if month:
        year, number = (month.group(1), month.group(2)) if month.group(1) else month.group(3, 4)
        return Period(PeriodKind.MONTH, int(year), int(number))
    return None


def parse_period(text: object, today: date, kind: PeriodKind | str | None = None) -> Period:
    """The period ``text`` names, relative to ``today``.

    ``kind`` (the measurable's) is needed for a day (``2026-11-24``) and is checked against
    a key or word that names the other kind: ``2026-11`` for a weekly measurable is an
    error, not a guess. A ``date`` or ``datetime`` (a spreadsheet cell) is a day.
    """
    wanted = PeriodKind(kind) if kind is not None else None
    found = _read(text, today, wanted)
    if wanted is not None and found.kind != wanted:
        raise InvalidInput(_kind_mismatch(found, wanted))
    return found


def _read(text: object, today: date, wanted: PeriodKind | None) -> Period:
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        return period_of(text, wanted or PeriodKind.WEEK)
    raw = str(text).strip()
    folded = " ".join(unicodedata.normalize("NFKC", raw).lower().split())
    if folded in _RELATIVE:
        kind, steps = _RELATIVE[folded]
        return period_of(today, kind).shift(steps)
    if _DAY.match(folded):
        try:
            day = date.fromisoformat(folded)
        except ValueError as error:
            raise InvalidInput(_("No such period: {key}").format(key=raw)) from error
        return period_of(day, wanted or PeriodKind.WEEK)
    key = parse_key(folded)
    if key is None:
        raise InvalidInput(
            _("{text} is not a period (write 2026-W48 for a week, 2026-11 for a month)").format(
                text=raw or "''"
            )
        )
    return key


def _kind_mismatch(found: Period, wanted: PeriodKind) -> str:
    if wanted == PeriodKind.WEEK:
        return _("{key} is a month; this number is counted by week").format(key=found.key)
    return _("{key} is a week; this number is counted by month").format(key=found.key)


def kind_label(kind: PeriodKind | str) -> str:
    """``week`` / ``周``, ``month`` / ``月``."""
    return _("week") if PeriodKind(kind) == PeriodKind.WEEK else _("month")
