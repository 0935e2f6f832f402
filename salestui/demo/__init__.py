"""A realistic demo organisation: people, eight weeks of meetings, decisions and actions.

``generate_demo(store, clock, seed, scale)`` fills an empty database. The same seed and
the same clock give the same rows, byte for byte: every random choice comes from one
``random.Random(seed)`` and every moment is derived from ``clock.now()``.

The base org (16 people, 3 series, about 35 meetings and 50 action items) is written
through the store's typed methods, so the pydantic models validate it. ``scale=N`` then
adds N action items (and about N/20 meetings) with ``Store.bulk_insert``.

Modules: ``demo_data`` (names and words), ``demo_plan`` (the calendar), ``demo_actions``
(what became of each action), ``demo_scale`` (the bulk rows); this one writes the org.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from salestui.core.clock import Clock
from salestui.core.errors import InvalidInput
from salestui.core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Cadence,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUp,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Series,
    SpeakingTurn,
)
from salestui.core.store import Store
from salestui.demo import data as data
from salestui.demo.actions import ActionPlan, ActionSettler, Held
from salestui.demo.plan import HISTORY_WEEKS, ItemSpec, MeetingPlanner, MeetingSpec
from salestui.i18n import _

__all__ = ["DEMO_TODAY_MEETING_TITLE", "DemoSummary", "generate_demo"]

DEMO_TODAY_MEETING_TITLE = data.WEEKLY_TITLE


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the database holds after ``generate_demo``."""

    people: int
    teams: int
    series: int
    meetings: int
    agenda_items: int
    entries: int
    decisions: int
    actions: int
    follow_ups: int


def generate_demo(store: Store, clock: Clock, seed: int = 1, scale: int = 0) -> DemoSummary:
    """Fill the database with the demo org; ``scale`` adds that many action items.

    Meant for an empty database (the CLI asks for ``--force`` otherwise). On one that
    already has data the demo is added alongside it: people who already exist under a
    demo name are reused as they are, everything else is new rows. The summary counts
    every row in the database afterwards.
    """
    if scale < 0:
        raise InvalidInput(_("The scale must be zero or more"))
    with store.transaction():
        _Builder(store, clock, random.Random(seed)).build()
        if scale:
            from salestui.demo.scale import add_scale_rows

            # A separate stream: the base org is the same whatever the scale.
            add_scale_rows(store, clock.now(), random.Random(seed * 7_919 + 104_729), scale)
    return DemoSummary(
        people=store.count("people"),
        teams=len(store.teams()),
        series=store.count("series"),
        meetings=store.count("meetings"),
        agenda_items=store.count("agenda_items"),
        entries=store.count("entries"),
        decisions=store.count("decisions"),
        actions=store.count("action_items"),
        follow_ups=store.count("follow_ups"),
    )


# -- writing the base org ------------------------------------------------------------------


class _Builder:
    def __init__(self, store: Store, clock: Clock, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.now = clock.now()
        self.today = self.now.date()
        self.series: dict[str, int] = {}
        self.planner = MeetingPlanner(self.now, self.series)
        self._local = self.planner.local
        self.history_start = self._local(self.today - timedelta(weeks=HISTORY_WEEKS + 2), 9)
        self.ids: dict[str, int] = {}
        self.people: dict[int, Person] = {}
        self.plans: list[ActionPlan] = []
        self.held: dict[int, list[Held]] = {}
        self.meeting_ids: dict[str, int] = {}
        self._decks: dict[int, list[data.ActionTemplate]] = {}

    # -- helpers --------------------------------------------------------------------------

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
        specs = sorted(self.planner.plan(), key=lambda s: (s.start, s.title))
        for spec in specs:
            if spec.past:
                self._hold(spec)
            else:
                self._schedule(spec)
        self._standalone_actions()
        ActionSettler(
            self.plans,
            self.rng,
            self.now,
            self._local,
            self.ids,
            self.people,
            self.held,
            self.series["weekly"],
            self._fill,
        ).settle()
        self._write_actions()

    # -- people and series ----------------------------------------------------------------------

    def _people(self) -> None:
        for name, role, team, manager, email in data.PEOPLE:
            existing = self.store.person_by_name(name)
            if existing is not None and existing.id is not None:
                self.ids[name] = existing.id
                self.people[existing.id] = existing
                continue
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
            (
                "weekly",
                data.WEEKLY_TITLE,
                MeetingKind.WEEKLY,
                Cadence.WEEKLY,
                director,
                60,
                data.WEEKLY_LOCATION,
                data.WEEKLY_PURPOSE,
                data.WEEKLY_ITEMS,
                self.planner.weekly_people(),
            ),
            (
                "leadership",
                data.LEADERSHIP_TITLE,
                MeetingKind.LEADERSHIP,
                Cadence.BIWEEKLY,
                director,
                90,
                "总监办公室",
                data.LEADERSHIP_PURPOSE,
                data.LEADERSHIP_ITEMS,
                self.planner.leadership_people(),
            ),
            (
                "daily",
                data.DAILY_TITLE,
                MeetingKind.DAILY,
                Cadence.DAILY,
                self.ids["王芳"],
                15,
                "销售一部办公区",
                data.DAILY_PURPOSE,
                data.DAILY_ITEMS,
                [(n, True) for n in data.SALES_ONE],
            ),
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

    def _new_meeting(self, spec: MeetingSpec, **extra: object) -> int:
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

    def _schedule(self, spec: MeetingSpec) -> None:
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
                    carried_count=1 if title == data.CARRIED_ITEM[0] and carried_from else 0,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
        for name, required in spec.attendees:
            self.store.set_attendance(
                Attendance(meeting_id=meeting_id, person_id=self.ids[name], required=required)
            )

    def _hold(self, spec: MeetingSpec) -> None:
        rng = self.rng
        start = spec.start
        if (
            spec.circulated_at is None
            and spec.kind != MeetingKind.DAILY
            and spec.key not in ("coordination-0",)
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
                if 0 < elapsed - minutes * 60 < 60:  # on time, or over by a minute or more
                    elapsed = minutes * 60 - rng.randint(0, 30)
            elapsed = max(30, elapsed)
            timings.append((item, status, moment, elapsed))
            moment += timedelta(seconds=elapsed + rng.randint(5, 40))
        actual_end = moment + timedelta(seconds=rng.randint(30, 120))
        meeting_id = self._new_meeting(spec, actual_start=actual_start, actual_end=actual_end)
        if spec.series_id is not None:
            self.held[spec.series_id].append(Held(start, meeting_id, self.ids[spec.chair]))

        present = self._attendance(spec, meeting_id, actual_start)
        # started_at stays empty: the live core keeps it only while an item's timer runs
        # (elapsed = elapsed_seconds + now - started_at); when each item ran is kept here.
        agenda: list[tuple[AgendaItem, AgendaStatus, datetime | None]] = []
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
                    elapsed_seconds=elapsed,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
            agenda.append((saved, status, started))
        self._discussion(spec, meeting_id, agenda, present)
        if spec.speaking:
            self._speaking(spec, meeting_id, present, actual_start, actual_end)

    def _attendance(self, spec: MeetingSpec, meeting_id: int, actual_start: datetime) -> list[str]:
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
                        AttendanceStatus.PRESENT
                        if roll < 0.84
                        else AttendanceStatus.LATE
                        if roll < 0.92
                        else AttendanceStatus.EXCUSED
                        if roll < 0.96 or not required
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

    def _notes_pool(self, spec: MeetingSpec) -> tuple[str, ...]:
        if spec.language == "daily":
            return data.DAILY_NOTES
        if spec.language == "en":
            return data.NOTES_EN
        return data.NOTES_ZH + data.NOTES_EN[:2]  # mixed teams: some notes in English

    def _discussion(
        self,
        spec: MeetingSpec,
        meeting_id: int,
        agenda: list[tuple[AgendaItem, AgendaStatus, datetime | None]],
        present: list[str],
    ) -> None:
        """Notes, links, parked topics, decisions and actions, written in the order said."""
        rng = self.rng
        pool = self._notes_pool(spec)
        chair = self.ids[spec.chair]
        began = {item.id: started for item, _status, started in agenda}
        ran = [(item, status) for item, status, _ in agenda if status != AgendaStatus.SKIPPED]
        decision_items = [i for i, s in ran if s == AgendaStatus.DONE] or [ran[-1][0]]
        said: list[tuple[datetime, int, Entry, object]] = []  # (at, order, entry, extra)

        def moment(item: AgendaItem) -> datetime:
            started = began[item.id]
            assert started is not None
            seconds = rng.randint(10, max(11, item.elapsed_seconds - 10))
            return started + timedelta(seconds=seconds)

        def speaker(item: AgendaItem) -> int:
            if item.presenter_id is not None and rng.random() < 0.6:
                return item.presenter_id
            return self.ids[rng.choice(present)]

        def say(
            item: AgendaItem,
            kind: EntryKind,
            text: str,
            who: int,
            at: datetime,
            extra: object = None,
            disposition: str | None = None,
        ) -> None:
            entry = Entry(
                meeting_id=meeting_id,
                agenda_item_id=item.id,
                kind=kind,
                text=text,
                person_id=who,
                at=at,
                disposition=None if spec.status == MeetingStatus.ENDED else disposition,
            )
            said.append((at, len(said), entry, extra))

        # Parking-lot entries of a confirmed meeting were resolved at confirmation.
        for item, status in ran:
            if status == AgendaStatus.PARKED:
                say(
                    item,
                    EntryKind.PARK,
                    f"{item.title}：时间不够，下次会议继续",
                    chair,
                    moment(item),
                    disposition="next",
                )
                continue
            for template in rng.sample(pool, rng.randint(1, 2)):
                say(item, EntryKind.NOTE, self._fill(template), speaker(item), moment(item))
            if rng.random() < 0.12:
                say(item, EntryKind.LINK, rng.choice(data.LINKS), speaker(item), moment(item))
            if rng.random() < 0.06 and spec.language != "daily":
                say(
                    item,
                    EntryKind.PARK,
                    self._fill(rng.choice(data.PARK_NOTES)),
                    speaker(item),
                    moment(item),
                    disposition=rng.choice(("next", "dropped")),
                )

        # Decisions: (index, item, at) of those that stand, for actions to link to.
        standing: list[tuple[int, AgendaItem, datetime]] = []
        fitting = [text for text, kinds in data.DECISIONS if spec.kind in kinds]
        count = min(rng.randint(*spec.decision_range), len(fitting))
        for index, template in enumerate(rng.sample(fitting, count)):
            item = rng.choice(decision_items)
            at = moment(item)
            verdict = DecisionStatus.CONFIRMED
            if spec.status == MeetingStatus.ENDED:
                verdict = DecisionStatus.PROPOSED  # still to be confirmed with the room
            elif (index == 0 and spec.reject_first_decision) or rng.random() < 0.1:
                verdict = DecisionStatus.REJECTED
            say(item, EntryKind.DECISION, self._fill(template), chair, at, (index, verdict))
            if verdict != DecisionStatus.REJECTED:
                standing.append((index, item, at))

        horizon = (1, 2) if spec.kind == MeetingKind.DAILY else (3, 5, 7, 7, 10, 14)
        used: set[str] = set()
        for _n in range(rng.randint(*spec.action_range)):
            title, tags, candidates = self._draw(spec.actions)
            while title in used and len(used) < len(spec.actions):  # a fresh deck may repeat
                title, tags, candidates = self._draw(spec.actions)
            used.add(title)
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
            plan = ActionPlan(
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
                index, verdict = extra
                decision = self.store.add_decision(
                    Decision(
                        meeting_id=meeting_id,
                        agenda_item_id=entry.agenda_item_id,
                        entry_id=saved.id,
                        text=entry.text,
                        status=verdict,
                        decided_at=entry.at,
                    )
                )
                assert decision.id is not None
                decision_ids[index] = decision.id
            elif entry.kind == EntryKind.ACTION:
                assert isinstance(extra, tuple)
                index, plan = extra
                plan.decision_id = decision_ids.get(index) if index is not None else None
                plan.entry_id = saved.id
                self.plans.append(plan)

    def _speaking(
        self,
        spec: MeetingSpec,
        meeting_id: int,
        present: list[str],
        start: datetime,
        end: datetime,
    ) -> None:
        rng = self.rng
        others = sorted(set(present) - {spec.chair}, key=lambda n: self.ids[n])
        dominated = spec.speaking == "dominated"
        # Dominated: the chair takes about two turns in three, and long ones.
        chair_odds = 0.65 if dominated else 1.5 / (len(others) + 1.5)
        moment = start + timedelta(seconds=rng.randint(5, 30))
        while True:
            if rng.random() < chair_odds:
                name = spec.chair
                length = rng.randint(60, 300) if dominated else rng.randint(40, 180)
            else:
                name = rng.choice(others)
                length = rng.randint(20, 150)
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
        """Items added between meetings (from the command line), not from a meeting.

        The director's own two make the Home screen of the default user (the director)
        show an overdue item and one due soon.
        """
        for created_ago, due_in, title, tags, owner, priority, forced in data.STANDALONE_ACTIONS:
            created = self._local(self.today - timedelta(days=created_ago), 11, 15)
            self.plans.append(
                ActionPlan(
                    title=title,
                    tags=tags,
                    candidates=(owner,),
                    owners=[self.ids[owner]],
                    created=created,
                    due=self.today + timedelta(days=due_in),
                    priority=priority,
                    meeting_id=None,
                    agenda_item_id=None,
                    decision_id=None,
                    series_id=None,
                    fresh=False,
                    status=forced or ActionStatus.OPEN,
                    forced=forced is not None,
                )
            )
        self.plans.sort(key=lambda p: p.created)

    # -- actions -----------------------------------------------------------------------------

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
                    entry_id=plan.entry_id,
                    created_at=plan.created,
                    completed_at=plan.completed,
                    next_follow_up=plan.next_follow_up,
                    carried_count=plan.carried,
                    waiting_on=plan.waiting_on,
                    blocked_by=plan.blocked_by,
                    tags=list(plan.tags),
                    unassigned_ok=plan.unassigned_ok,
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
