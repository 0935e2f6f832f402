"""The demo's calendar: which meetings happen when, and what is special about each.

Pure planning - nothing is written here. ``MeetingPlanner.plan()`` returns one
``MeetingSpec`` per meeting: eight weeks of history ending now, a meeting later today
with its agenda circulated, a draft in the next days and a few more upcoming ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from salestui.core.models import (
    AgendaKind,
    AgendaStatus,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
)
from salestui.demo import data as data

HISTORY_WEEKS = 8
DAILY_DAYS = 14  # the 早会 only for the last two weeks, so counts stay small

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


class MeetingPlanner:
    """Local times around ``now`` and the list of meetings to write."""

    def __init__(self, now: datetime, series: dict[str, int]) -> None:
        self.now = now
        self.today = now.date()
        self.series = series  # series key (weekly, leadership, daily) -> id
        # Build local times with the system zone (DST-correct) when the clock is local.
        naive_now = now.replace(tzinfo=None)
        self._system_local = naive_now.astimezone().utcoffset() == now.utcoffset()

    def local(self, day: date, hour: int, minute: int = 0) -> datetime:
        naive = datetime.combine(day, time(hour, minute))
        tz = self.now.tzinfo
        if isinstance(tz, ZoneInfo) or not self._system_local:
            return naive.replace(tzinfo=tz)
        return naive.astimezone()

    @staticmethod
    def weekly_people() -> list[tuple[str, bool]]:
        optional = {"黄婷", "Emily Zhang"}
        return [(p[0], p[0] not in optional) for p in data.PEOPLE]

    @staticmethod
    def leadership_people() -> list[tuple[str, bool]]:
        return [(n, True) for n in (data.DIRECTOR, data.DEPUTY, *data.LEADS)]

    # -- which meetings -----------------------------------------------------------------------

    def plan(self) -> list[MeetingSpec]:
        today = self.today
        specs: list[MeetingSpec] = []
        director = data.DIRECTOR
        weekly_people = self.weekly_people()
        leadership_people = self.leadership_people()
        quarter = (today.month - 1) // 3 + 1
        next_quarter = quarter % 4 + 1

        # The 周例会: the same weekday as today, eight weeks back, then today and next week.
        for weeks in range(HISTORY_WEEKS, 0, -1):
            spec = MeetingSpec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self.local(today - timedelta(weeks=weeks), 9),
                minutes=60,
                chair=director,
                location=data.WEEKLY_LOCATION,
                items=list(data.WEEKLY_ITEMS),
                attendees=weekly_people,
                series_id=self.series["weekly"],
                actions=data.WEEKLY_ACTIONS,
                action_range=(2, 3),
                overrun_items=("各销售员业绩",),
                key=f"weekly-{weeks}",
            )
            if weeks == 1:  # last week: an extra item ran out of time and was parked
                spec.items.insert(3, data.CARRIED_ITEM)
                spec.item_status[data.CARRIED_ITEM[0]] = AgendaStatus.PARKED
                spec.forced_attendance = {
                    "赵磊": AttendanceStatus.LATE,
                    "周杰": AttendanceStatus.ABSENT,
                    "Emily Zhang": AttendanceStatus.EXCUSED,
                }
                spec.speaking = "dominated"
            if weeks == 2:
                spec.speaking = "balanced"
                spec.forced_attendance = {"钱进": AttendanceStatus.LATE}
            if weeks == 3:
                spec.reject_first_decision = True
                spec.forced_attendance = {"何军": AttendanceStatus.ABSENT}
            specs.append(spec)
        today_items = [
            (title, minutes, presenter, kind)
            for (title, _m, presenter, kind), minutes in zip(
                data.WEEKLY_ITEMS, (10, 20, 15, 5), strict=True
            )
        ]
        today_items.insert(3, data.CARRIED_ITEM)
        specs.append(
            MeetingSpec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self.later_today(),
                minutes=60,
                chair=director,
                location=data.WEEKLY_LOCATION,
                items=today_items,
                attendees=weekly_people,
                series_id=self.series["weekly"],
                past=False,
                status=MeetingStatus.CIRCULATED,
                circulated_at=self.local(today - timedelta(days=1), 17, 30),
                carried_from_key="weekly-1",
                key="weekly-today",
            )
        )
        specs.append(
            MeetingSpec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self.local(today + timedelta(weeks=1), 9),
                minutes=60,
                chair=director,
                location=data.WEEKLY_LOCATION,
                items=list(data.WEEKLY_ITEMS),
                attendees=weekly_people,
                series_id=self.series["weekly"],
                past=False,
                status=MeetingStatus.DRAFT,
                key="weekly-next",
            )
        )

        # 营销干部会议, every other week.
        last_leadership = workday_on_or_before(today - timedelta(days=3))
        for n in range(3, -1, -1):
            day = workday_on_or_before(last_leadership - timedelta(weeks=2 * n))
            spec = MeetingSpec(
                title=data.LEADERSHIP_TITLE,
                kind=MeetingKind.LEADERSHIP,
                purpose=data.LEADERSHIP_PURPOSE,
                start=self.local(day, 14),
                minutes=90,
                chair=director,
                location="总监办公室",
                items=list(data.LEADERSHIP_ITEMS),
                attendees=leadership_people,
                series_id=self.series["leadership"],
                actions=data.LEADERSHIP_ACTIONS,
                action_range=(2, 3),
                decision_range=(1, 3),
                key=f"leadership-{n}",
            )
            if n == 1:  # time ran out: the last item was skipped
                spec.item_status["人员与培训"] = AgendaStatus.SKIPPED
                spec.overrun_items = ("回款与应收账款",)
            if n == 0:
                spec.speaking = "balanced"
                spec.forced_attendance = {"Sarah Chen": AttendanceStatus.EXCUSED}
            specs.append(spec)
        next_leadership = last_leadership + timedelta(weeks=2)
        specs.append(
            MeetingSpec(
                title=data.LEADERSHIP_TITLE,
                kind=MeetingKind.LEADERSHIP,
                purpose=data.LEADERSHIP_PURPOSE,
                start=self.local(workday_on_or_after(next_leadership), 14),
                minutes=90,
                chair=director,
                location="总监办公室",
                items=list(data.LEADERSHIP_ITEMS),
                attendees=leadership_people,
                series_id=self.series["leadership"],
                past=False,
                status=MeetingStatus.DRAFT,
                key="leadership-next",
            )
        )

        # 与生产部门的协调会议, as needed; the first one never had its agenda sent out.
        coordination_people = [
            (n, True) for n in (director, data.DEPUTY, "王芳", "李明", "刘洋")
        ] + [("何军", False)]
        for n, days in enumerate((45, 24, 10)):
            specs.append(
                MeetingSpec(
                    title=data.COORDINATION_TITLE,
                    kind=MeetingKind.COORDINATION,
                    purpose=data.COORDINATION_PURPOSE,
                    start=self.local(workday_on_or_before(today - timedelta(days=days)), 15),
                    minutes=60,
                    chair=data.DEPUTY,
                    location="生产部会议室",
                    items=list(data.COORDINATION_ITEMS),
                    attendees=coordination_people,
                    actions=data.COORDINATION_ACTIONS,
                    key=f"coordination-{n}",
                )
            )
        specs.append(  # the draft: planned, agenda not sent yet
            MeetingSpec(
                title=data.COORDINATION_TITLE,
                kind=MeetingKind.COORDINATION,
                purpose=data.COORDINATION_PURPOSE,
                start=self.local(workday_on_or_after(today + timedelta(days=2)), 14),
                minutes=45,
                chair=data.DEPUTY,
                location="生产部会议室",
                items=list(data.COORDINATION_ITEMS[:2]),
                attendees=coordination_people,
                past=False,
                status=MeetingStatus.DRAFT,
                key="coordination-draft",
            )
        )

        # One consultation and two English-titled meetings.
        specs.append(
            MeetingSpec(
                title=data.CONSULTATION_TITLE,
                kind=MeetingKind.CONSULTATION,
                purpose=data.CONSULTATION_PURPOSE,
                start=self.local(workday_on_or_before(today - timedelta(days=17)), 10),
                minutes=60,
                chair=data.DEPUTY,
                location="2楼小会议室",
                items=list(data.CONSULTATION_ITEMS),
                attendees=[
                    (n, True) for n in (data.DEPUTY, "Sarah Chen", "黄婷", "王芳", "李明", "刘洋")
                ]
                + [("Emily Zhang", False)],
                actions=data.CONSULTATION_ACTIONS,
                key="consultation",
            )
        )
        specs.append(
            MeetingSpec(
                title=f"Q{next_quarter} pricing review",
                kind=MeetingKind.OTHER,
                purpose=data.PRICING_PURPOSE,
                start=self.local(workday_on_or_before(today - timedelta(days=20)), 16),
                minutes=50,
                chair="Sarah Chen",
                location="Zoom",
                items=list(data.PRICING_ITEMS),
                attendees=[
                    (n, True)
                    for n in (director, data.DEPUTY, "Sarah Chen", "Emily Zhang", "David Li")
                ]
                + [("李明", False)],
                language="en",
                actions=data.PRICING_ACTIONS,
                action_range=(2, 3),
                reject_first_decision=True,
                speaking="balanced",
                key="pricing",
            )
        )
        specs.append(
            MeetingSpec(
                title=data.CRM_TITLE,
                kind=MeetingKind.OTHER,
                purpose=data.CRM_PURPOSE,
                start=self.local(workday_on_or_before(today - timedelta(days=1)), 16, 30),
                minutes=30,
                chair="Sarah Chen",
                location="Zoom",
                items=list(data.CRM_ITEMS),
                attendees=[(n, True) for n in ("Sarah Chen", "David Li", "Emily Zhang", "郑雪")]
                + [("周杰", False)],
                language="en",
                actions=data.CRM_ACTIONS,
                overrun_items=("Data quality issues",),
                key="crm",
            )
        )
        specs.append(
            MeetingSpec(
                title=f"Q{next_quarter} channel strategy workshop",
                kind=MeetingKind.OTHER,
                purpose=data.WORKSHOP_PURPOSE,
                start=self.local(workday_on_or_after(today + timedelta(days=4)), 10),
                minutes=60,
                chair="Sarah Chen",
                location="3楼大会议室",
                items=list(data.WORKSHOP_ITEMS),
                attendees=[
                    (n, True)
                    for n in (director, data.DEPUTY, "Sarah Chen", "David Li", "李明", "刘洋")
                ]
                + [("Emily Zhang", False)],
                past=False,
                status=MeetingStatus.CIRCULATED,
                circulated_at=self.local(today - timedelta(days=1), 17),
                key="workshop",
            )
        )

        # The 早会 of 销售一部: weekdays of the last two weeks (and today once it is over).
        for back in range(DAILY_DAYS, -1, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            start = self.local(day, 8, 30)
            if back == 0 and start + timedelta(minutes=25) > self.now:
                continue  # not over yet (or not begun): the next one is scheduled below
            specs.append(self._daily_spec(start, past=True, key=f"daily-{back}"))
        next_daily = today if self.now < self.local(today, 8, 30) else today + timedelta(days=1)
        specs.append(
            self._daily_spec(
                self.local(workday_on_or_after(next_daily), 8, 30), past=False, key="daily-next"
            )
        )

        # The two most recent past meetings have ended but are not confirmed yet.
        past = sorted((s for s in specs if s.past), key=lambda s: (s.start, s.title))
        for spec in past[-2:]:
            spec.status = MeetingStatus.ENDED
        return specs

    def _daily_spec(self, start: datetime, past: bool, key: str) -> MeetingSpec:
        return MeetingSpec(
            title=data.DAILY_TITLE,
            kind=MeetingKind.DAILY,
            purpose=data.DAILY_PURPOSE,
            start=start,
            minutes=15,
            chair="王芳",
            location="销售一部办公区",
            items=list(data.DAILY_ITEMS),
            attendees=[(n, True) for n in data.SALES_ONE],
            series_id=self.series["daily"],
            past=past,
            status=MeetingStatus.CONFIRMED if past else MeetingStatus.CIRCULATED,
            circulated_at=None if past else self.local(self.today - timedelta(days=1), 18),
            language="daily",
            actions=data.DAILY_ACTIONS,
            action_range=(0, 1),
            decision_range=(0, 0),
            key=key,
        )

    def later_today(self) -> datetime:
        """At least an hour from now, today if at all possible."""
        earliest = self.now + timedelta(hours=1)
        for hour in (9, 10, 11, 14, 15, 16, 17, 19, 20, 21, 22):
            slot = self.local(self.today, hour)
            if slot >= earliest:
                return slot
        slot = self.local(self.today, 23, 30)
        if slot >= earliest:
            return slot
        return self.local(self.today + timedelta(days=1), 9)
