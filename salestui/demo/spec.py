"""One meeting of the demo's calendar as planned (``MeetingSpec``: its planned fields,
plus what happened in a past one), and the workday arithmetic the calendar uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from salestui.core.models import (
    AgendaKind,
    AgendaStatus,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
)
from salestui.demo import data as data

ItemSpec = tuple[str, int, str | None, AgendaKind]


@dataclass
class MeetingSpec:
    """One meeting to write: planned fields, plus what happened for past ones."""

    title: str
    kind: MeetingKind
    purpose: str
    start: datetime
    minutes: int
    chair: str
    location: str | None
    items: list[ItemSpec]
    attendees: list[tuple[str, bool]]  # (name, required)
    series_id: int | None = None
    past: bool = True
    status: MeetingStatus = MeetingStatus.CONFIRMED
    circulated_at: datetime | None = None
    language: str = "zh"  # zh | en | daily: which note pool
    actions: tuple[data.ActionTemplate, ...] = ()
    action_range: tuple[int, int] = (1, 2)
    decision_range: tuple[int, int] = (1, 2)
    item_status: dict[str, AgendaStatus] = field(default_factory=dict)
    overrun_items: tuple[str, ...] = ()
    forced_attendance: dict[str, AttendanceStatus] = field(default_factory=dict)
    reject_first_decision: bool = False
    speaking: str | None = None  # None | balanced | dominated
    carried_from_key: str | None = None  # the item carried from the previous meeting
    key: str = ""


def workday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def workday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
