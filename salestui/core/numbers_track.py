"""On or off track, and by how much: the rules of the scorecard, one place for every front
end.

The variance is the actual minus the plan (实绩 - 预估), whatever the direction: a
lower-is-better number above its goal has a positive variance and is off track. A band's
variance is how far the actual lies outside the band (0 inside it), measured from the
bound it crossed; its percentage is relative to that bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from salestui.core.models.numbers import Direction, Goal, ScorecardRow, TrackStatus
from salestui.core.numbers_amounts import percent
from salestui.i18n import N_, _


def status(direction: Direction, goal: Goal | None, actual: Decimal | None) -> TrackStatus:
    if actual is None:
        return TrackStatus.NO_VALUE
    if goal is None:
        return TrackStatus.NO_GOAL
    if direction == Direction.HIGHER:
        on = actual >= goal.target
    elif direction == Direction.LOWER:
        on = actual <= goal.target
    else:
        on = actual >= goal.target and (goal.high is None or actual <= goal.high)
    return TrackStatus.ON_TRACK if on else TrackStatus.OFF_TRACK


def _reference(direction: Direction, goal: Goal, actual: Decimal) -> Decimal | None:
    """The bound the actual is measured from (None: inside a band)."""
    if direction != Direction.BAND:
        return goal.target
    if actual < goal.target:
        return goal.target
    if goal.high is not None and actual > goal.high:
        return goal.high
    return None


def variance(direction: Direction, goal: Goal | None, actual: Decimal | None) -> Decimal | None:
    if goal is None or actual is None:
        return None
    reference = _reference(direction, goal, actual)
    return Decimal(0) if reference is None else actual - reference


def variance_pct(direction: Direction, goal: Goal | None, actual: Decimal | None) -> Decimal | None:
    """The variance as a percentage of the plan, one decimal (None without a plan, or
    when the plan is zero)."""
    if goal is None or actual is None:
        return None
    reference = _reference(direction, goal, actual)
    if reference is None:
        return Decimal(0)
    return percent(actual - reference, reference)


# -- words and marks the front ends show --------------------------------------------------

STATUS_LABELS = {
    TrackStatus.ON_TRACK: N_("on track"),
    TrackStatus.OFF_TRACK: N_("off track"),
    TrackStatus.NO_GOAL: N_("no goal"),
    TrackStatus.NO_VALUE: N_("no value"),
}
DIRECTION_LABELS = {
    Direction.HIGHER: N_("higher is better"),
    Direction.LOWER: N_("lower is better"),
    Direction.BAND: N_("within a band"),
}
_BARS = "▁▂▃▄▅▆▇█"


def status_label(value: TrackStatus) -> str:
    return _(STATUS_LABELS[value])


def scorecard_status(row: ScorecardRow) -> str:
    """``off track``, ``off track (3 running)``, ``on track``... - in every front end."""
    label = status_label(row.status)
    if row.status == TrackStatus.OFF_TRACK and row.off_track_streak >= 2:
        label = _("{status} ({count} running)").format(status=label, count=row.off_track_streak)
    return label


def direction_label(value: Direction) -> str:
    return _(DIRECTION_LABELS[value])


def sparkline(values: Sequence[Decimal | None]) -> str:
    """One character per period, its height scaled between the window's lowest and
    highest value; a space where nothing was entered."""
    present = [v for v in values if v is not None]
    if not present:
        return " " * len(values)
    low, high = min(present), max(present)
    span = high - low
    marks = []
    for value in values:
        if value is None:
            marks.append(" ")
        elif span == 0:
            marks.append(_BARS[len(_BARS) // 2])
        else:
            marks.append(_BARS[int((value - low) / span * (len(_BARS) - 1))])
    return "".join(marks)
