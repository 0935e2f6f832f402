"""The lives of the base demo's action items: status, carry-overs and the follow-up log.

Actions are planned while their meetings are written (``ActionPlan``); ``ActionSettler``
then decides, for each, what happened since: done or not, reviewed and carried over at
later meetings of its series, followed up, waiting, blocked. ``_guarantee_variety`` makes
sure every seed shows every state the screens need.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from salestui.core.models import ActionStatus, FollowUp, FollowUpKind, Person
from salestui.demo import data as data

MAX_CARRIED = 4


@dataclass
class ActionPlan:
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
    entry_id: int | None = None  # the capture line it came from
    status: ActionStatus = ActionStatus.OPEN
    forced: bool = False  # status chosen on purpose; the dice leave it alone
    escalate: bool = False  # escalated to the owner's manager at its last review
    unassigned_ok: bool = False
    carried: int = 0
    completed: datetime | None = None
    closed: datetime | None = None
    waiting_on: str | None = None
    blocked_by: str | None = None
    next_follow_up: date | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class Held:
    """A past meeting of a series, as action reviews need it."""

    start: datetime
    meeting_id: int
    chair_id: int | None


class ActionSettler:
    """Decides the fate of each planned action, given the meetings that were held."""

    def __init__(
        self,
        plans: list[ActionPlan],
        rng: random.Random,
        now: datetime,
        local: Callable[..., datetime],
        ids: dict[str, int],
        people: dict[int, Person],
        held: dict[int, list[Held]],
        weekly_id: int,
        fill: Callable[[str], str],
    ) -> None:
        self.plans = plans
        self.rng = rng
        self.now = now
        self.today = now.date()
        self.local = local
        self.ids = ids
        self.people = people
        self.held = held
        self.weekly_id = weekly_id
        self._fill = fill

    def settle(self) -> None:
        rng = self.rng
        today = self.today
        for plan in self.plans:
            if plan.forced:
                continue
            if plan.fresh:
                plan.status = ActionStatus.OPEN
            elif plan.due >= today:
                plan.status = rng.choices(list(ActionStatus), weights=(30, 30, 10, 6, 20, 4))[0]
            else:
                plan.status = rng.choices(list(ActionStatus), weights=(14, 8, 5, 5, 60, 8))[0]
        self._guarantee_variety()
        for plan in self.plans:
            self._lifecycle(plan)

    def _guarantee_variety(self) -> None:
        """Whatever the seed: every status, overdue items, long carry-overs, shared and
        unassigned items - the things the screens and the tests need to show."""
        settled = [p for p in self.plans if not p.fresh]
        self._carried_long(settled)
        self._enough_overdue(settled)
        self._unassigned(settled)
        self._every_status(settled)
        self._shared()

    def _carried_long(self, settled: list[ActionPlan]) -> None:
        """Items carried over again and again: one blocked since early on and escalated
        to the owner's manager, one still open four weeks later."""
        weekly = self.weekly_id

        def eligible(weeks: int) -> list[ActionPlan]:
            limit = self.now - timedelta(weeks=weeks)
            return [
                p
                for p in settled
                if p.series_id == weekly
                and p.created <= limit
                and not p.forced
                and len(p.owners) == 1
                and self.people[p.owners[0]].reports_to is not None
            ]

        for pick, weeks, status in ((0, 5, ActionStatus.BLOCKED), (-1, 4, ActionStatus.OPEN)):
            candidates = eligible(weeks)
            if candidates:
                plan = candidates[pick]
                plan.status = status
                plan.forced = True
                plan.escalate = status == ActionStatus.BLOCKED

    def _enough_overdue(self, settled: list[ActionPlan]) -> None:
        """At least four open items past their due date."""
        today = self.today
        overdue = [p for p in settled if p.status == ActionStatus.OPEN and p.due < today]
        late = [p for p in settled if p.due < today and p.status.is_closed and not p.forced]
        self.rng.shuffle(late)
        while len(overdue) < 4 and late:
            plan = late.pop()
            plan.status = ActionStatus.OPEN
            overdue.append(plan)

    def _unassigned(self, settled: list[ActionPlan]) -> None:
        """Unassigned: one just captured (to be settled at confirmation) and open items the
        meeting knowingly left without an owner."""
        rng = self.rng
        fresh = [p for p in self.plans if p.fresh and len(p.owners) == 1]
        if fresh:
            rng.choice(fresh).owners = []
        wanted = 2 if fresh else 3

        def loose(statuses: tuple[ActionStatus, ...]) -> list[ActionPlan]:
            return [
                p
                for p in settled
                if p.status in statuses
                and len(p.owners) == 1
                and not p.forced
                and p.meeting_id is not None
            ]

        picks = loose((ActionStatus.OPEN,))
        picks = rng.sample(picks, min(wanted, len(picks)))
        picks += loose((ActionStatus.IN_PROGRESS, ActionStatus.WAITING))[: wanted - len(picks)]
        for plan in picks:
            plan.owners = []
            plan.status = ActionStatus.OPEN
            plan.unassigned_ok = True  # settled that way when the meeting was confirmed
            plan.forced = True

    def _every_status(self, settled: list[ActionPlan]) -> None:
        """At least one item in each status, taken from a status that has plenty."""
        today = self.today
        counts = Counter(p.status for p in settled)
        for status in ActionStatus:
            if counts[status]:
                continue
            spare = [
                p
                for p in settled
                if counts[p.status] > 2
                and (p.due < today) == status.is_closed
                and not p.forced
                and not (p.status == ActionStatus.OPEN and p.due < today)
            ]
            if spare:
                plan = self.rng.choice(spare)
                counts[plan.status] -= 1
                plan.status = status
                counts[status] += 1

    def _shared(self) -> None:
        """At least three items with two owners."""
        shared = [p for p in self.plans if len(p.owners) > 1]
        for plan in self.plans:
            if len(shared) >= 3:
                break
            if len(plan.candidates) > 1 and len(plan.owners) == 1:
                plan.owners = [self.ids[c] for c in plan.candidates[:2]]
                shared.append(plan)

    def _lifecycle(self, plan: ActionPlan) -> None:
        """Completion, carry-over reviews and the follow-up log of one item."""
        self._close(plan)
        end = plan.closed or self.now
        author = plan.owners[0] if plan.owners else None
        manager = self.people[author].reports_to if author else self.ids[data.DIRECTOR]
        if plan.series_id is not None:
            self._reviews(plan, end, author, manager)
        self._lead_note(plan, end, author, manager)
        self._status_note(plan, author, manager)
        plan.follow_ups.sort(key=lambda f: f.at or self.now)
        if not plan.status.is_closed:
            check_ins = [f.next_check_in for f in plan.follow_ups if f.next_check_in]
            plan.next_follow_up = (
                check_ins[-1] if check_ins else plan.due - timedelta(days=self.rng.randint(0, 2))
            )

    def _close(self, plan: ActionPlan) -> None:
        """When a done item was completed, or a cancelled one closed."""
        rng = self.rng
        now = self.now
        created = plan.created
        if plan.status == ActionStatus.DONE:
            latest = min(now - timedelta(minutes=30), self.local(plan.due, 18) + timedelta(days=3))
            span = max(3600, int((latest - created).total_seconds()))
            plan.completed = created + timedelta(seconds=rng.randint(3600, span))
            plan.completed = min(plan.completed, now - timedelta(minutes=5))
            plan.closed = plan.completed
        elif plan.status == ActionStatus.CANCELLED:
            span = max(3600, int((now - created).total_seconds() * 0.7))
            plan.closed = created + timedelta(seconds=rng.randint(3600, span))

    def _reviews(
        self, plan: ActionPlan, end: datetime, author: int | None, manager: int | None
    ) -> None:
        """Open items are reviewed at each later meeting of the series: carried over,
        sometimes with a new date (never for the plain open ones, which stay overdue)."""
        assert plan.series_id is not None
        rng = self.rng
        status = plan.status
        reviews = [h for h in self.held[plan.series_id] if plan.created < h.start < end]
        for held in reviews[:MAX_CARRIED]:
            plan.carried += 1
            new_due = None
            if status != ActionStatus.OPEN and not plan.forced and rng.random() < 0.35:
                new_due = max(plan.due, held.start.date() + timedelta(days=7))
                plan.due = new_due
            plan.follow_ups.append(
                FollowUp(
                    action_id=0,
                    at=held.start + timedelta(minutes=rng.randint(2, 12)),
                    author_id=held.chair_id,
                    kind=FollowUpKind.REVIEW,
                    note=rng.choice(data.REVIEW_NOTES),
                    new_due=new_due,
                    meeting_id=held.meeting_id,
                )
            )
        if plan.escalate and reviews and author is not None and manager is not None:
            held = reviews[:MAX_CARRIED][-1]
            if manager not in plan.owners:
                plan.owners = [*plan.owners, manager]
            plan.follow_ups.append(
                FollowUp(
                    action_id=0,
                    at=held.start + timedelta(minutes=14),
                    author_id=held.chair_id,
                    kind=FollowUpKind.ESCALATE,
                    note=rng.choice(data.ESCALATE_NOTES),
                    meeting_id=held.meeting_id,
                    person_id=manager,
                )
            )

    def _lead_note(
        self, plan: ActionPlan, end: datetime, author: int | None, manager: int | None
    ) -> None:
        """A lead's dated follow-up note between meetings."""
        rng = self.rng
        if plan.status != ActionStatus.OPEN or rng.random() < 0.45:
            at = plan.created + timedelta(hours=rng.randint(20, 80), minutes=rng.randint(0, 59))
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

    def _status_note(self, plan: ActionPlan, author: int | None, manager: int | None) -> None:
        """The note that went with the item's status: what it waits on or is blocked by,
        started, done or cancelled."""
        rng = self.rng
        status = plan.status
        created = plan.created
        if status in (ActionStatus.WAITING, ActionStatus.BLOCKED, ActionStatus.IN_PROGRESS):
            at = created + (self.now - created) * rng.uniform(0.4, 0.9)
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
