"""A realistic demo organisation: people, eight weeks of meetings, decisions and actions.

``generate_demo(store, clock, seed, scale)`` fills an empty database. The same seed and
the same clock give the same rows, byte for byte: every random choice comes from one
``random.Random(seed)`` and every moment is derived from ``clock.now()``.

The base org (about 16 people, 40 meetings, 70 action items) is written through the
store's typed methods, so the pydantic models validate it. ``scale=N`` then adds N
action items (and about N/20 meetings) with ``Store.bulk_insert`` - see ``demo_scale``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from salestui.core import demo_data as data
from salestui.core.clock import Clock
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaKind,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Cadence,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUp,
    FollowUpKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Series,
    SpeakingTurn,
)
from salestui.core.store import Store
from salestui.i18n import _

__all__ = ["DEMO_TODAY_MEETING_TITLE", "DemoSummary", "generate_demo"]

DEMO_TODAY_MEETING_TITLE = data.WEEKLY_TITLE
HISTORY_WEEKS = 8
DAILY_DAYS = 14  # the 早会 only for the last two weeks, so counts stay small
MAX_CARRIED = 4

ItemSpec = tuple[str, int, str | None, AgendaKind]


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the database holds after ``generate_demo``."""

    people: int
    series: int
    meetings: int
    agenda_items: int
    entries: int
    decisions: int
    actions: int
    follow_ups: int


def generate_demo(store: Store, clock: Clock, seed: int = 1, scale: int = 0) -> DemoSummary:
    """Fill an empty database with the demo org; ``scale`` adds that many action items."""
    if scale < 0:
        raise InvalidInput(_("The scale must be zero or more"))
    if any(store.count(t) for t in ("people", "meetings", "action_items")):
        raise Conflict(_("The database already holds data; demo data needs an empty one"))
    with store.transaction():
        _Builder(store, clock, random.Random(seed)).build()
        if scale:
            from salestui.core.demo_scale import add_scale_rows

            # A separate stream: the base org is the same whatever the scale.
            add_scale_rows(store, clock.now(), random.Random(seed * 7_919 + 104_729), scale)
    return DemoSummary(
        people=store.count("people"),
        series=store.count("series"),
        meetings=store.count("meetings"),
        agenda_items=store.count("agenda_items"),
        entries=store.count("entries"),
        decisions=store.count("decisions"),
        actions=store.count("action_items"),
        follow_ups=store.count("follow_ups"),
    )


# -- planning ------------------------------------------------------------------------------


@dataclass
class _Spec:
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


@dataclass
class _Plan:
    """One base action item before it is written."""

    title: str
    tags: tuple[str, ...]
    candidates: tuple[str, ...]
    owners: list[int]
    created: datetime
    due: date
    priority: int
    meeting_id: int | None
    agenda_item_id: int | None
    decision_id: int | None
    series_id: int | None
    fresh: bool  # from a meeting that has ended but is not confirmed yet
    status: ActionStatus = ActionStatus.OPEN
    carried: int = 0
    completed: datetime | None = None
    closed: datetime | None = None
    waiting_on: str | None = None
    blocked_by: str | None = None
    next_follow_up: date | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class _Held:
    """A past meeting of a series, as action reviews need it."""

    start: datetime
    meeting_id: int
    chair_id: int | None


def _workday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _workday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class _Builder:
    def __init__(self, store: Store, clock: Clock, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.now = clock.now()
        self.today = self.now.date()
        # Build local times with the system zone (DST-correct) when the clock is local.
        naive_now = self.now.replace(tzinfo=None)
        self._system_local = naive_now.astimezone().utcoffset() == self.now.utcoffset()
        self.history_start = self._local(self.today - timedelta(weeks=HISTORY_WEEKS + 2), 9)
        self.ids: dict[str, int] = {}
        self.people: dict[int, Person] = {}
        self.plans: list[_Plan] = []
        self.held: dict[int, list[_Held]] = {}
        self.series: dict[str, int] = {}
        self.meeting_ids: dict[str, int] = {}
        self._decks: dict[int, list[data.ActionTemplate]] = {}

    # -- helpers --------------------------------------------------------------------------

    def _local(self, day: date, hour: int, minute: int = 0) -> datetime:
        naive = datetime.combine(day, time(hour, minute))
        tz = self.now.tzinfo
        if isinstance(tz, ZoneInfo) or not self._system_local:
            return naive.replace(tzinfo=tz)
        return naive.astimezone()

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            amt=rng.randrange(40, 400, 5),
            pct=rng.randint(62, 118),
            cust=rng.choice(data.BASE_CUSTOMERS),
            n=rng.randint(2, 9),
        )

    def _draw(self, pool: tuple[data.ActionTemplate, ...]) -> data.ActionTemplate:
        """Action templates are dealt like cards, so a pool repeats only when used up."""
        deck = self._decks.setdefault(id(pool), [])
        if not deck:
            deck.extend(pool)
            self.rng.shuffle(deck)
        return deck.pop()

    # -- the whole build ------------------------------------------------------------------------

    def build(self) -> None:
        self._people()
        self._series()
        specs = sorted(self._plan_meetings(), key=lambda s: (s.start, s.title))
        for spec in specs:
            if spec.past:
                self._hold(spec)
            else:
                self._schedule(spec)
        self._standalone_actions()
        self._settle_actions()
        self._write_actions()

    # -- people and series ----------------------------------------------------------------------

    def _people(self) -> None:
        for name, role, team, manager, email in data.PEOPLE:
            person = Person(
                name=name,
                role=role,
                team=team,
                reports_to=self.ids[manager] if manager else None,
                email=email,
            )
            saved = self.store.add_person(person, self.history_start)
            assert saved.id is not None
            self.ids[name] = saved.id
            self.people[saved.id] = saved

    def _series(self) -> None:
        director = self.ids[data.DIRECTOR]
        setups = (
            ("weekly", data.WEEKLY_TITLE, MeetingKind.WEEKLY, Cadence.WEEKLY, director, 60,
             data.WEEKLY_LOCATION, data.WEEKLY_PURPOSE, data.WEEKLY_ITEMS, self._weekly_people()),
            ("leadership", data.LEADERSHIP_TITLE, MeetingKind.LEADERSHIP, Cadence.BIWEEKLY,
             director, 90, "总监办公室", data.LEADERSHIP_PURPOSE, data.LEADERSHIP_ITEMS,
             self._leadership_people()),
            ("daily", data.DAILY_TITLE, MeetingKind.DAILY, Cadence.DAILY, self.ids["王芳"], 15,
             "销售一部办公区", data.DAILY_PURPOSE, data.DAILY_ITEMS,
             [(n, True) for n in data.SALES_ONE]),
        )
        for key, title, kind, cadence, chair, minutes, where, purpose, items, people in setups:
            series = self.store.add_series(
                Series(
                    title=title,
                    kind=kind,
                    cadence=cadence,
                    chair_id=chair,
                    planned_minutes=minutes,
                    location=where,
                    purpose=purpose,
                ),
                self.history_start,
            )
            assert series.id is not None
            self.series[key] = series.id
            self.held[series.id] = []
            for name, required in people:
                self.store.set_series_attendee(series.id, self.ids[name], required)
            for item_title, timebox, presenter, item_kind in items:
                self.store.add_series_item(
                    series.id,
                    item_title,
                    timebox,
                    self.ids[presenter] if presenter else None,
                    item_kind.value,
                )

    @staticmethod
    def _weekly_people() -> list[tuple[str, bool]]:
        optional = {"黄婷", "Emily Zhang"}
        return [(p[0], p[0] not in optional) for p in data.PEOPLE]

    @staticmethod
    def _leadership_people() -> list[tuple[str, bool]]:
        return [(n, True) for n in (data.DIRECTOR, data.DEPUTY, *data.LEADS)]

    # -- which meetings -----------------------------------------------------------------------

    def _plan_meetings(self) -> list[_Spec]:
        today = self.today
        specs: list[_Spec] = []
        director = data.DIRECTOR
        weekly_people = self._weekly_people()
        leadership_people = self._leadership_people()
        quarter = (today.month - 1) // 3 + 1
        next_quarter = quarter % 4 + 1

        # The 周例会: the same weekday as today, eight weeks back, then today and next week.
        for weeks in range(HISTORY_WEEKS, 0, -1):
            spec = _Spec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self._local(today - timedelta(weeks=weeks), 9),
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
            _Spec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self._later_today(),
                minutes=60,
                chair=director,
                location=data.WEEKLY_LOCATION,
                items=today_items,
                attendees=weekly_people,
                series_id=self.series["weekly"],
                past=False,
                status=MeetingStatus.CIRCULATED,
                circulated_at=self._local(today - timedelta(days=1), 17, 30),
                carried_from_key="weekly-1",
                key="weekly-today",
            )
        )
        specs.append(
            _Spec(
                title=data.WEEKLY_TITLE,
                kind=MeetingKind.WEEKLY,
                purpose=data.WEEKLY_PURPOSE,
                start=self._local(today + timedelta(weeks=1), 9),
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
        last_leadership = _workday_on_or_before(today - timedelta(days=3))
        for n in range(3, -1, -1):
            day = _workday_on_or_before(last_leadership - timedelta(weeks=2 * n))
            spec = _Spec(
                title=data.LEADERSHIP_TITLE,
                kind=MeetingKind.LEADERSHIP,
                purpose=data.LEADERSHIP_PURPOSE,
                start=self._local(day, 14),
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
            _Spec(
                title=data.LEADERSHIP_TITLE,
                kind=MeetingKind.LEADERSHIP,
                purpose=data.LEADERSHIP_PURPOSE,
                start=self._local(_workday_on_or_after(next_leadership), 14),
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
                _Spec(
                    title=data.COORDINATION_TITLE,
                    kind=MeetingKind.COORDINATION,
                    purpose=data.COORDINATION_PURPOSE,
                    start=self._local(_workday_on_or_before(today - timedelta(days=days)), 15),
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
            _Spec(
                title=data.COORDINATION_TITLE,
                kind=MeetingKind.COORDINATION,
                purpose=data.COORDINATION_PURPOSE,
                start=self._local(_workday_on_or_after(today + timedelta(days=2)), 14),
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
            _Spec(
                title=data.CONSULTATION_TITLE,
                kind=MeetingKind.CONSULTATION,
                purpose=data.CONSULTATION_PURPOSE,
                start=self._local(_workday_on_or_before(today - timedelta(days=17)), 10),
                minutes=60,
                chair=data.DEPUTY,
                location="2楼小会议室",
                items=list(data.CONSULTATION_ITEMS),
                attendees=[
                    (n, True) for n in (data.DEPUTY, "Sarah Chen", "黄婷", "王芳", "李明", "刘洋")
                ] + [("Emily Zhang", False)],
                actions=data.CONSULTATION_ACTIONS,
                key="consultation",
            )
        )
        specs.append(
            _Spec(
                title=f"Q{next_quarter} pricing review",
                kind=MeetingKind.OTHER,
                purpose=data.PRICING_PURPOSE,
                start=self._local(_workday_on_or_before(today - timedelta(days=20)), 16),
                minutes=50,
                chair="Sarah Chen",
                location="Zoom",
                items=list(data.PRICING_ITEMS),
                attendees=[
                    (n, True)
                    for n in (director, data.DEPUTY, "Sarah Chen", "Emily Zhang", "David Li")
                ] + [("李明", False)],
                language="en",
                actions=data.PRICING_ACTIONS,
                action_range=(2, 3),
                reject_first_decision=True,
                speaking="balanced",
                key="pricing",
            )
        )
        specs.append(
            _Spec(
                title=data.CRM_TITLE,
                kind=MeetingKind.OTHER,
                purpose=data.CRM_PURPOSE,
                start=self._local(_workday_on_or_before(today - timedelta(days=1)), 16, 30),
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
            _Spec(
                title=f"Q{next_quarter} channel strategy workshop",
                kind=MeetingKind.OTHER,
                purpose=data.WORKSHOP_PURPOSE,
                start=self._local(_workday_on_or_after(today + timedelta(days=4)), 10),
                minutes=60,
                chair="Sarah Chen",
                location="3楼大会议室",
                items=list(data.WORKSHOP_ITEMS),
                attendees=[
                    (n, True)
                    for n in (director, data.DEPUTY, "Sarah Chen", "David Li", "李明", "刘洋")
                ] + [("Emily Zhang", False)],
                past=False,
                status=MeetingStatus.CIRCULATED,
                circulated_at=self._local(today - timedelta(days=1), 17),
                key="workshop",
            )
        )

        # The 早会 of 销售一部: weekdays of the last two weeks (and today once it is over).
        for back in range(DAILY_DAYS, -1, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            start = self._local(day, 8, 30)
            if back == 0 and start + timedelta(minutes=25) > self.now:
                continue  # not over yet (or not begun): the next one is scheduled below
            specs.append(self._daily_spec(start, past=True, key=f"daily-{back}"))
        next_daily = today if self.now < self._local(today, 8, 30) else today + timedelta(days=1)
        specs.append(
            self._daily_spec(
                self._local(_workday_on_or_after(next_daily), 8, 30), past=False, key="daily-next"
            )
        )

        # The two most recent past meetings have ended but are not confirmed yet.
        past = sorted((s for s in specs if s.past), key=lambda s: (s.start, s.title))
        for spec in past[-2:]:
            spec.status = MeetingStatus.ENDED
        return specs

    def _daily_spec(self, start: datetime, past: bool, key: str) -> _Spec:
        return _Spec(
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
            circulated_at=None if past else self._local(self.today - timedelta(days=1), 18),
            language="daily",
            actions=data.DAILY_ACTIONS,
            action_range=(0, 1),
            decision_range=(0, 0),
            key=key,
        )

    def _later_today(self) -> datetime:
        """At least an hour from now, today if at all possible."""
        earliest = self.now + timedelta(hours=1)
        for hour in (9, 10, 11, 14, 15, 16, 17, 19, 20, 21, 22):
            slot = self._local(self.today, hour)
            if slot >= earliest:
                return slot
        slot = self._local(self.today, 23, 30)
        if slot >= earliest:
            return slot
        return self._local(self.today + timedelta(days=1), 9)

    # -- writing meetings ----------------------------------------------------------------------

    def _new_meeting(self, spec: _Spec, **extra: object) -> int:
        created = min(self.now, spec.start - timedelta(days=3))
        meeting = Meeting(
            title=spec.title,
            kind=spec.kind,
            purpose=spec.purpose,
            chair_id=self.ids[spec.chair],
            series_id=spec.series_id,
            scheduled_start=spec.start,
            planned_minutes=spec.minutes,
            location=spec.location,
            status=spec.status,
            agenda_circulated_at=spec.circulated_at,
            **extra,  # type: ignore[arg-type]
        )
        saved = self.store.add_meeting(meeting, created)
        assert saved.id is not None
        self.meeting_ids[spec.key] = saved.id
        return saved.id

    def _schedule(self, spec: _Spec) -> None:
        meeting_id = self._new_meeting(spec)
        carried_from = self.meeting_ids.get(spec.carried_from_key or "")
        for position, (title, minutes, presenter, kind) in enumerate(spec.items, 1):
            self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                    presenter_id=self.ids[presenter] if presenter else None,
                    timebox_minutes=minutes,
                    kind=kind,
                    carried_from=carried_from if title == data.CARRIED_ITEM[0] else None,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
        for name, required in spec.attendees:
            self.store.set_attendance(
                Attendance(meeting_id=meeting_id, person_id=self.ids[name], required=required)
            )

    def _hold(self, spec: _Spec) -> None:
        rng = self.rng
        start = spec.start
        if spec.circulated_at is None and spec.kind != MeetingKind.DAILY and spec.key not in (
            "coordination-0",
        ):
            lead_days = 2 if spec.kind == MeetingKind.LEADERSHIP else 1
            spec.circulated_at = self._local(
                start.date() - timedelta(days=lead_days), 17, rng.randint(0, 50)
            )
        if spec.kind == MeetingKind.DAILY:
            spec.circulated_at = self._local(start.date() - timedelta(days=1), 18)
        late_by = rng.choice((0, 0, 0, 0, 1, 2, 3, 5, 8))
        actual_start = start + timedelta(minutes=late_by, seconds=rng.randint(0, 50))

        # The agenda as it ran: elapsed time per item, some over their timebox.
        timings: list[tuple[ItemSpec, AgendaStatus, datetime | None, int]] = []
        moment = actual_start
        for item in spec.items:
            title, minutes, _presenter, _kind = item
            status = spec.item_status.get(title, AgendaStatus.DONE)
            if status == AgendaStatus.SKIPPED:
                timings.append((item, status, None, 0))
                continue
            if status == AgendaStatus.PARKED:
                elapsed = rng.randint(90, 240)
            elif title in spec.overrun_items:  # the item that always runs long
                elapsed = int(minutes * 60 * rng.uniform(1.1, 1.5))
            else:
                elapsed = int(minutes * 60 * rng.choice((0.6, 0.75, 0.85, 0.95, 1.0, 1.05, 1.2)))
                elapsed += rng.randint(-20, 20)
            elapsed = max(30, elapsed)
            timings.append((item, status, moment, elapsed))
            moment += timedelta(seconds=elapsed + rng.randint(5, 40))
        actual_end = moment + timedelta(seconds=rng.randint(30, 120))
        meeting_id = self._new_meeting(spec, actual_start=actual_start, actual_end=actual_end)
        if spec.series_id is not None:
            self.held[spec.series_id].append(
                _Held(start, meeting_id, self.ids[spec.chair])
            )

        present = self._attendance(spec, meeting_id, actual_start)
        agenda: list[tuple[AgendaItem, AgendaStatus]] = []
        for position, ((title, minutes, presenter, kind), status, started, elapsed) in enumerate(
            timings, 1
        ):
            saved = self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                    presenter_id=self.ids[presenter] if presenter else None,
                    timebox_minutes=minutes,
                    kind=kind,
                    status=status,
                    started_at=started,
                    elapsed_seconds=elapsed,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
            agenda.append((saved, status))
        self._discussion(spec, meeting_id, agenda, present)
        if spec.speaking:
            self._speaking(spec, meeting_id, present, actual_start, actual_end)

    def _attendance(self, spec: _Spec, meeting_id: int, actual_start: datetime) -> list[str]:
        """Take attendance; returns the names of those who were there."""
        rng = self.rng
        present: list[str] = []
        for name, required in spec.attendees:
            status = spec.forced_attendance.get(name)
            if status is None:
                if name == spec.chair:
                    status = AttendanceStatus.PRESENT
                else:
                    roll = rng.random()
                    status = (
                        AttendanceStatus.PRESENT if roll < 0.84
                        else AttendanceStatus.LATE if roll < 0.92
                        else AttendanceStatus.EXCUSED if roll < 0.96 or not required
                        else AttendanceStatus.ABSENT
                    )
            arrived = None
            if status == AttendanceStatus.LATE:
                arrived = actual_start + timedelta(minutes=rng.randint(3, 15))
            if status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE):
                present.append(name)
            self.store.set_attendance(
                Attendance(
                    meeting_id=meeting_id,
                    person_id=self.ids[name],
                    required=required,
                    status=status,
                    arrived_at=arrived,
                )
            )
        return present

    def _notes_pool(self, spec: _Spec) -> tuple[str, ...]:
        if spec.language == "daily":
            return data.DAILY_NOTES
        if spec.language == "en":
            return data.NOTES_EN
        return data.NOTES_ZH + data.NOTES_EN[:2]  # mixed teams: some notes in English

    def _discussion(
        self,
        spec: _Spec,
        meeting_id: int,
        agenda: list[tuple[AgendaItem, AgendaStatus]],
        present: list[str],
    ) -> None:
        """Notes, links, parked topics, decisions and actions, written in the order said."""
        rng = self.rng
        pool = self._notes_pool(spec)
        chair = self.ids[spec.chair]
        ran = [(item, status) for item, status in agenda if status != AgendaStatus.SKIPPED]
        decision_items = [i for i, s in ran if s == AgendaStatus.DONE] or [ran[-1][0]]
        said: list[tuple[datetime, int, Entry, object]] = []  # (at, order, entry, extra)

        def moment(item: AgendaItem) -> datetime:
            assert item.started_at is not None
            seconds = rng.randint(10, max(11, item.elapsed_seconds - 10))
            return item.started_at + timedelta(seconds=seconds)

        def speaker(item: AgendaItem) -> int:
            if item.presenter_id is not None and rng.random() < 0.6:
                return item.presenter_id
            return self.ids[rng.choice(present)]

        def say(item: AgendaItem, kind: EntryKind, text: str, who: int, at: datetime,
                extra: object = None) -> None:
            entry = Entry(
                meeting_id=meeting_id,
                agenda_item_id=item.id,
                kind=kind,
                text=text,
                person_id=who,
                at=at,
            )
            said.append((at, len(said), entry, extra))

        for item, status in ran:
            if status == AgendaStatus.PARKED:
                say(item, EntryKind.PARK, f"{item.title}：时间不够，下次会议继续", chair,
                    moment(item))
                continue
            for template in rng.sample(pool, rng.randint(1, 2)):
                say(item, EntryKind.NOTE, self._fill(template), speaker(item), moment(item))
            if rng.random() < 0.12:
                say(item, EntryKind.LINK, rng.choice(data.LINKS), speaker(item), moment(item))
            if rng.random() < 0.06 and spec.language != "daily":
                say(item, EntryKind.PARK, self._fill(rng.choice(data.PARK_NOTES)),
                    speaker(item), moment(item))

        # Decisions: (index, item, at) of those that stand, for actions to link to.
        standing: list[tuple[int, AgendaItem, datetime]] = []
        fitting = [text for text, kinds in data.DECISIONS if spec.kind in kinds]
        count = min(rng.randint(*spec.decision_range), len(fitting))
        for index, template in enumerate(rng.sample(fitting, count)):
            item = rng.choice(decision_items)
            at = moment(item)
            if spec.status == MeetingStatus.ENDED:
                status = DecisionStatus.PROPOSED
            elif (index == 0 and spec.reject_first_decision) or rng.random() < 0.1:
                status = DecisionStatus.REJECTED
            else:
                status = DecisionStatus.CONFIRMED
            say(item, EntryKind.DECISION, self._fill(template), chair, at, (index, status))
            if status != DecisionStatus.REJECTED:
                standing.append((index, item, at))

        horizon = (1, 2) if spec.kind == MeetingKind.DAILY else (3, 5, 7, 7, 10, 14)
        for _n in range(rng.randint(*spec.action_range)):
            title, tags, candidates = self._draw(spec.actions)
            decision_index = None
            if standing and rng.random() < 0.5:
                decision_index, item, decided = rng.choice(standing)
                at = decided + timedelta(seconds=rng.randint(15, 90))
            else:
                item = rng.choice(ran)[0]
                at = moment(item)
            owners = [self.ids[rng.choice(candidates)]]
            if len(candidates) > 1 and rng.random() < 0.2:
                owners = [self.ids[c] for c in candidates[:2]]
            plan = _Plan(
                title=title,
                tags=tags,
                candidates=candidates,
                owners=owners,
                created=at,
                due=at.date() + timedelta(days=rng.choice(horizon)),
                priority=rng.choices((1, 2, 3), weights=(25, 55, 20))[0],
                meeting_id=meeting_id,
                agenda_item_id=item.id,
                decision_id=None,
                series_id=spec.series_id,
                fresh=spec.status == MeetingStatus.ENDED,
            )
            say(item, EntryKind.ACTION, title, chair, at, (decision_index, plan))

        decision_ids: dict[int, int] = {}
        for _at, _order, entry, extra in sorted(said, key=lambda s: (s[0], s[1])):
            saved = self.store.add_entry(entry)
            if entry.kind == EntryKind.DECISION:
                assert isinstance(extra, tuple)
                index, status = extra
                decision = self.store.add_decision(
                    Decision(
                        meeting_id=meeting_id,
                        agenda_item_id=entry.agenda_item_id,
                        entry_id=saved.id,
                        text=entry.text,
                        status=status,
                        decided_at=entry.at,
                    )
                )
                assert decision.id is not None
                decision_ids[index] = decision.id
            elif entry.kind == EntryKind.ACTION:
                assert isinstance(extra, tuple)
                index, plan = extra
                plan.decision_id = decision_ids.get(index) if index is not None else None
                self.plans.append(plan)

    def _speaking(
        self,
        spec: _Spec,
        meeting_id: int,
        present: list[str],
        start: datetime,
        end: datetime,
    ) -> None:
        rng = self.rng
        names = sorted(set(present) | {spec.chair}, key=lambda n: self.ids[n])
        chair_weight = 9.0 if spec.speaking == "dominated" else 1.5
        weights = [chair_weight if n == spec.chair else 1.0 for n in names]
        moment = start + timedelta(seconds=rng.randint(5, 30))
        while True:
            name = rng.choices(names, weights=weights)[0]
            length = rng.randint(40, 240) if name == spec.chair else rng.randint(20, 150)
            finish = moment + timedelta(seconds=length)
            if finish > end:
                break
            self.store.add_speaking_turn(
                SpeakingTurn(
                    meeting_id=meeting_id,
                    person_id=self.ids[name],
                    started_at=moment,
                    ended_at=finish,
                )
            )
            moment = finish + timedelta(seconds=rng.randint(1, 15))

    def _standalone_actions(self) -> None:
        """Items added between meetings (from the command line), not from a meeting."""
        for days, title, tags, owner in (
            (9, "整理华东大区重点客户拜访路线", ("crm",), "林静"),
            (4, "Renew the trade show booth booking for spring", ("展会",), "黄婷"),
            (2, "核对本月销售费用报销", (), "郑雪"),
        ):
            created = self._local(self.today - timedelta(days=days), 11, 15)
            self.plans.append(
                _Plan(
                    title=title,
                    tags=tags,
                    candidates=(owner,),
                    owners=[self.ids[owner]],
                    created=created,
                    due=created.date() + timedelta(days=7),
                    priority=2,
                    meeting_id=None,
                    agenda_item_id=None,
                    decision_id=None,
                    series_id=None,
                    fresh=False,
                )
            )
        self.plans.sort(key=lambda p: p.created)

    # -- action lifecycles ------------------------------------------------------------------------

    def _settle_actions(self) -> None:
        rng = self.rng
        today = self.today
        for plan in self.plans:
            if plan.fresh:
                plan.status = ActionStatus.OPEN
            elif plan.due >= today:
                plan.status = rng.choices(
                    list(ActionStatus), weights=(30, 30, 10, 6, 20, 4)
                )[0]
            else:
                plan.status = rng.choices(
                    list(ActionStatus), weights=(14, 8, 5, 5, 60, 8)
                )[0]
        self._guarantee_variety()
        for plan in self.plans:
            self._lifecycle(plan)

    def _guarantee_variety(self) -> None:
        """Whatever the seed: every status, overdue items, long carry-overs, shared and
        unassigned items - the things the screens and the tests need to show."""
        rng = self.rng
        today = self.today
        settled = [p for p in self.plans if not p.fresh]
        weekly = self.series["weekly"]
        # Items carried over again and again: still open four and six weeks later.
        for weeks, status in ((4, ActionStatus.OPEN), (6, ActionStatus.BLOCKED)):
            limit = self.now - timedelta(weeks=weeks)
            old = [p for p in settled if p.series_id == weekly and p.created <= limit]
            if old:
                old[-1].status = status
        overdue = [p for p in settled if p.status == ActionStatus.OPEN and p.due < today]
        late = [p for p in settled if p.due < today and p.status.is_closed]
        rng.shuffle(late)
        while len(overdue) < 4 and late:
            plan = late.pop()
            plan.status = ActionStatus.OPEN
            overdue.append(plan)
        counts = Counter(p.status for p in settled)
        for status in ActionStatus:
            if counts[status]:
                continue
            spare = [
                p for p in settled
                if counts[p.status] > 2 and (p.due < today) == status.is_closed
                and not (p.status == ActionStatus.OPEN and p.due < today)
            ]
            if spare:
                plan = rng.choice(spare)
                counts[plan.status] -= 1
                plan.status = status
                counts[status] += 1
        shared = [p for p in self.plans if len(p.owners) > 1]
        for plan in self.plans:
            if len(shared) >= 3:
                break
            if len(plan.candidates) > 1 and len(plan.owners) == 1:
                plan.owners = [self.ids[c] for c in plan.candidates[:2]]
                shared.append(plan)
        # Unassigned: one just captured (to be settled at confirmation) and two open
        # items the meeting knowingly left without an owner.
        fresh = [p for p in self.plans if p.fresh and len(p.owners) == 1]
        if fresh:
            rng.choice(fresh).owners = []
        loose = [
            p for p in settled
            if p.status == ActionStatus.OPEN and len(p.owners) == 1 and p.series_id != weekly
        ]
        for plan in rng.sample(loose, min(2, len(loose))):
            plan.owners = []

    def _lifecycle(self, plan: _Plan) -> None:
        """Completion, carry-over reviews and the follow-up log of one item."""
        rng = self.rng
        now = self.now
        status = plan.status
        created = plan.created
        if status == ActionStatus.DONE:
            latest = min(now - timedelta(minutes=30), self._local(plan.due, 18) + timedelta(days=3))
            span = max(3600, int((latest - created).total_seconds()))
            plan.completed = created + timedelta(seconds=rng.randint(3600, span))
            plan.completed = min(plan.completed, now - timedelta(minutes=5))
            plan.closed = plan.completed
        elif status == ActionStatus.CANCELLED:
            span = max(3600, int((now - created).total_seconds() * 0.7))
            plan.closed = created + timedelta(seconds=rng.randint(3600, span))
        end = plan.closed or now
        author = plan.owners[0] if plan.owners else None
        manager = self.people[author].reports_to if author else self.ids[data.DIRECTOR]

        # Open items are reviewed at each later meeting of the series: carried over.
        if plan.series_id is not None:
            reviews = [h for h in self.held[plan.series_id] if created < h.start < end]
            for held in reviews[:MAX_CARRIED]:
                plan.carried += 1
                new_due = None
                if status not in (ActionStatus.OPEN,) and rng.random() < 0.35:
                    new_due = held.start.date() + timedelta(days=7)
                    plan.due = max(plan.due, new_due)
                plan.follow_ups.append(
                    FollowUp(
                        action_id=0,
                        at=held.start + timedelta(minutes=rng.randint(2, 12)),
                        author_id=held.chair_id,
                        kind=FollowUpKind.REVIEW,
                        note=rng.choice(data.REVIEW_NOTES),
                        status=(
                            ActionStatus.OPEN
                            if status == ActionStatus.OPEN
                            else ActionStatus.IN_PROGRESS
                        ),
                        new_due=new_due,
                        meeting_id=held.meeting_id,
                    )
                )

        # A lead's dated follow-up note between meetings.
        if status != ActionStatus.OPEN or rng.random() < 0.45:
            at = created + timedelta(hours=rng.randint(20, 80), minutes=rng.randint(0, 59))
            if at < end:
                plan.follow_ups.append(
                    FollowUp(
                        action_id=0,
                        at=at,
                        author_id=manager if rng.random() < 0.4 else author,
                        kind=FollowUpKind.NOTE,
                        note=self._fill(rng.choice(data.FOLLOW_UP_NOTES)),
                        next_check_in=at.date() + timedelta(days=rng.randint(2, 6)),
                    )
                )

        if status in (ActionStatus.WAITING, ActionStatus.BLOCKED, ActionStatus.IN_PROGRESS):
            at = created + (now - created) * rng.uniform(0.4, 0.9)
            if status == ActionStatus.WAITING:
                plan.waiting_on = rng.choice(data.WAITING_ON)
                note = rng.choice(data.WAITING_NOTES).format(waiting=plan.waiting_on)
            elif status == ActionStatus.BLOCKED:
                plan.blocked_by = rng.choice(data.BLOCKED_BY)
                note = rng.choice(data.BLOCKED_NOTES).format(blocked=plan.blocked_by)
            else:
                note = "已开始处理。" if rng.random() < 0.5 else "Started on it."
            plan.follow_ups.append(
                FollowUp(
                    action_id=0,
                    at=at,
                    author_id=author,
                    kind=FollowUpKind.STATUS,
                    note=note,
                    status=status,
                    next_check_in=at.date() + timedelta(days=rng.randint(2, 5)),
                )
            )
        elif status.is_closed:
            assert plan.closed is not None
            notes = data.DONE_NOTES if status == ActionStatus.DONE else data.CANCELLED_NOTES
            plan.follow_ups.append(
                FollowUp(
                    action_id=0,
                    at=plan.closed,
                    author_id=author if status == ActionStatus.DONE else manager,
                    kind=FollowUpKind.STATUS,
                    note=rng.choice(notes),
                    status=status,
                )
            )
        plan.follow_ups.sort(key=lambda f: f.at or now)
        if not status.is_closed:
            check_ins = [f.next_check_in for f in plan.follow_ups if f.next_check_in]
            plan.next_follow_up = (
                check_ins[-1] if check_ins else plan.due - timedelta(days=rng.randint(0, 2))
            )

    def _write_actions(self) -> None:
        follow_ups: list[FollowUp] = []
        for plan in self.plans:
            times = [plan.created, *(f.at for f in plan.follow_ups if f.at)]
            if plan.completed:
                times.append(plan.completed)
            saved = self.store.add_action(
                ActionItem(
                    title=plan.title,
                    owner_ids=plan.owners,
                    due=plan.due,
                    priority=plan.priority,
                    status=plan.status,
                    meeting_id=plan.meeting_id,
                    agenda_item_id=plan.agenda_item_id,
                    decision_id=plan.decision_id,
                    created_at=plan.created,
                    completed_at=plan.completed,
                    next_follow_up=plan.next_follow_up,
                    carried_count=plan.carried,
                    waiting_on=plan.waiting_on,
                    blocked_by=plan.blocked_by,
                    tags=list(plan.tags),
                ),
                max(times),
            )
            assert saved.id is not None
            for follow_up in plan.follow_ups:
                follow_up.action_id = saved.id
                follow_ups.append(follow_up)
        # The log is written in the order it happened.
        for follow_up in sorted(follow_ups, key=lambda f: (f.at, f.action_id)):
            self.store.add_follow_up(follow_up)
