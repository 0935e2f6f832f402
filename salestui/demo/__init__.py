"""A realistic demo organisation: people, eight weeks of meetings, decisions and actions.

``generate_demo(store, clock, seed, scale)`` fills an empty database. The same seed and
the same clock give the same rows, byte for byte: every random choice comes from one
``random.Random(seed)`` and every moment is derived from ``clock.now()``.

The base org (16 people, 3 series, about 35 meetings and 50 action items) is written
through the store's typed methods, so the pydantic models validate it. ``scale=N`` then
adds N action items (and about N/20 meetings) with ``Store.bulk_insert``.

Modules: ``data`` (names and words), ``plan`` (the calendar), ``state`` (what the build
shares), ``meetings`` (each meeting written), ``discussion`` (what was said in one),
``actions`` (what became of each action), ``scale`` (the bulk rows); this one writes the
people and series, then the rest in order.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from salestui.core.clock import Clock
from salestui.core.errors import InvalidInput
from salestui.core.models import (
    ActionItem,
    ActionStatus,
    Cadence,
    FollowUp,
    MeetingKind,
    Person,
    Series,
)
from salestui.core.store import Store
from salestui.demo import data as data
from salestui.demo.actions import ActionPlan, ActionSettler
from salestui.demo.meetings import MeetingWriter
from salestui.demo.spec import ItemSpec
from salestui.demo.state import BuildState
from salestui.i18n import _

__all__ = ["DEMO_TODAY_MEETING_TITLE", "DemoSummary", "generate_demo"]

DEMO_TODAY_MEETING_TITLE = data.WEEKLY_TITLE

# One series: key, title, kind, cadence, chair, minutes, place, purpose, items, attendees.
_SeriesSetup = tuple[
    str, str, MeetingKind, Cadence, int, int, str, str, Sequence[ItemSpec], list[tuple[str, bool]]
]


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
    # A scaled demo's rows point only at rows it wrote itself (the same demo without
    # scale runs with every key checked), most of them new pages of the file.
    settings = store.file_load() if scale else contextlib.nullcontext()
    with settings, store.transaction():
        builder = _Builder(store, clock, random.Random(seed))
        builder.build()
        from salestui.demo.numbers import add_demo_numbers

        # Its own stream too: the figures leave every other row of the demo as it was.
        add_demo_numbers(builder.state, random.Random(seed * 6_007 + 31))
        from salestui.demo.ratings import add_demo_ratings

        add_demo_ratings(builder.state, random.Random(seed * 4_001 + 17))
        from salestui.demo.day import add_demo_day

        add_demo_day(builder.state, random.Random(seed * 3_001 + 17))  # plans and reports
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
        self.state = BuildState(store, clock, rng)
        self.store = store
        self.meetings = MeetingWriter(self.state)

    # -- the whole build ------------------------------------------------------------------------

    def build(self) -> None:
        state = self.state
        self._people()
        self._series()
        specs = sorted(state.planner.plan(), key=lambda s: (s.start, s.title))
        for spec in specs:
            if spec.past:
                self.meetings.hold(spec)
            else:
                self.meetings.schedule(spec)
        self._standalone_actions()
        ActionSettler(
            state.plans,
            state.rng,
            state.now,
            state.local,
            state.ids,
            state.people,
            state.held,
            state.series["weekly"],
            state.fill,
        ).settle()
        self._write_actions()

    # -- people and series ----------------------------------------------------------------------

    def _people(self) -> None:
        ids, people = self.state.ids, self.state.people
        for name, role, team, manager, email in data.PEOPLE:
            existing = self.store.person_by_name(name)
            if existing is not None and existing.id is not None:
                ids[name] = existing.id
                people[existing.id] = existing
                continue
            person = Person(
                name=name,
                role=role,
                team=team,
                reports_to=ids[manager] if manager else None,
                email=email,
            )
            saved = self.store.add_person(person, self.state.history_start)
            assert saved.id is not None
            ids[name] = saved.id
            people[saved.id] = saved

    def _series_setups(self) -> tuple[_SeriesSetup, ...]:
        """The three series: weekly, leadership (every other week) and daily."""
        ids = self.state.ids
        director = ids[data.DIRECTOR]
        planner = self.state.planner
        return (
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
                planner.weekly_people(),
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
                planner.leadership_people(),
            ),
            (
                "daily",
                data.DAILY_TITLE,
                MeetingKind.DAILY,
                Cadence.DAILY,
                ids["王芳"],
                15,
                "销售一部办公区",
                data.DAILY_PURPOSE,
                data.DAILY_ITEMS,
                [(n, True) for n in data.SALES_ONE],
            ),
        )

    def _series(self) -> None:
        ids = self.state.ids
        for (
            key,
            title,
            kind,
            cadence,
            chair,
            minutes,
            where,
            purpose,
            items,
            people,
        ) in self._series_setups():
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
                self.state.history_start,
            )
            assert series.id is not None
            self.state.series[key] = series.id
            self.state.held[series.id] = []
            for name, required in people:
                self.store.set_series_attendee(series.id, ids[name], required)
            for item_title, timebox, presenter, item_kind in items:
                self.store.add_series_item(
                    series.id,
                    item_title,
                    timebox,
                    ids[presenter] if presenter else None,
                    item_kind.value,
                )

    def _standalone_actions(self) -> None:
        """Items added between meetings (from the command line), not from a meeting.

        The director's own two make the Home screen of the default user (the director)
        show an overdue item and one due soon.
        """
        for created_ago, due_in, title, tags, owner, priority, forced in data.STANDALONE_ACTIONS:
            created = self.state.local(self.state.today - timedelta(days=created_ago), 11, 15)
            self.state.plans.append(
                ActionPlan(
                    title=title,
                    tags=tags,
                    candidates=(owner,),
                    owners=[self.state.ids[owner]],
                    created=created,
                    due=self.state.today + timedelta(days=due_in),
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
        self.state.plans.sort(key=lambda p: p.created)

    # -- actions -----------------------------------------------------------------------------

    def _write_actions(self) -> None:
        follow_ups: list[FollowUp] = []
        for plan in self.state.plans:
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
