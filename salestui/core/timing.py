"""The one rule that turns seconds into the whole minutes people read.

Every figure shown in minutes - an item's actual time, its overrun, the meeting's length,
a late start, the projected finish - is rounded from *seconds* here, half up, and an
overrun is the difference of two figures already rounded this way. So the figures on one
line always add up: never "planned 1, actual 1, over by 1 min". The summary, the minutes,
the live console and the CLI all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from salestui.core.models import AgendaItem

WARN_AT = 0.8  # share of an item's time after which the timer turns to a warning colour


def whole_minutes(duration: timedelta | float) -> int:
    """``duration`` (a timedelta or seconds) in whole minutes, rounded half up: 89 s is 1,
    90 s is 2. Negative durations round symmetrically (-90 s is -2)."""
    seconds = duration.total_seconds() if isinstance(duration, timedelta) else float(duration)
    sign = -1 if seconds < 0 else 1
    return sign * int((abs(seconds) + 30) // 60)


def minutes_over(actual: timedelta | float, allowed_minutes: int) -> int:
    """By how many whole minutes ``actual`` went past ``allowed_minutes`` (0 when it did
    not, as shown): the shown actual minus the allowance, never more."""
    return max(0, whole_minutes(actual) - allowed_minutes)


@dataclass
class ItemTime:
    """One agenda item with its time derived at ``now``.

    ``planned`` is the timebox as planned; ``extended`` what the meeting added (or took)
    live; the item runs over when it passes the two together (``allowed``): the room agreed
    to the extension. The record shows all three, so planned vs actual stays honest.
    """

    item: AgendaItem
    elapsed: timedelta

    @property
    def planned(self) -> timedelta:
        return timedelta(minutes=self.item.timebox_minutes)

    @property
    def extended(self) -> timedelta:
        return timedelta(minutes=self.item.extended_minutes)

    @property
    def allowed_minutes(self) -> int:
        return self.item.timebox_minutes + self.item.extended_minutes

    @property
    def allowed(self) -> timedelta:
        return timedelta(minutes=self.allowed_minutes)

    @property
    def allowed_label(self) -> str:
        """``10``, or ``10+5`` once extended (``10-2`` when shortened): the plan stays in
        sight."""
        extended = self.item.extended_minutes
        return (
            f"{self.item.timebox_minutes}{extended:+d}"
            if extended
            else str(self.item.timebox_minutes)
        )

    @property
    def remaining(self) -> timedelta:
        return self.allowed - self.elapsed

    @property
    def overrun(self) -> bool:
        return self.elapsed > self.allowed

    @property
    def actual_minutes(self) -> int:
        return whole_minutes(self.elapsed)

    @property
    def over_minutes(self) -> int:
        """Whole minutes past planned + extended, as shown (``core.timing``)."""
        return minutes_over(self.elapsed, self.allowed_minutes)

    @property
    def over_plan_minutes(self) -> int:
        """Whole minutes past the original plan, extensions not counted."""
        return minutes_over(self.elapsed, self.item.timebox_minutes)

    @property
    def phase(self) -> str:
        """'ok', 'warn' (past 80 %) or 'over' - shown as colour *and* text."""
        if self.overrun:
            return "over"
        if self.elapsed >= self.allowed * WARN_AT:
            return "warn"
        return "ok"
