"""Scale rows for the demo: N action items and about N/20 meetings, fast.

The rows go in inside ``Store.bulk_load`` (the indexes, search indexes and owner names
brought up to date once, at the end), a chunk of items with their owners and tags at a
time, so memory stays flat. IDs are allocated from ``Store.max_id`` so owners and tags
can point at their action without a round-trip. Every random choice comes from the
``rng`` passed in and every moment from ``now``, so the rows repeat exactly.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from salestui.core.models import (
    ActionStatus,
    AgendaKind,
    AgendaStatus,
    MeetingStatus,
    Role,
)
from salestui.core.store import Store
from salestui.demo import data as data

ACTIONS_PER_MEETING = 20
CHUNK = 20_000  # action items made and inserted at a time
TABLES = ("meetings", "agenda_items", "action_items", "action_owners", "action_tags")
ACTION_COLUMNS = (
    "id", "title", "due", "priority", "status", "meeting_id", "agenda_item_id", "decision_id",
    "created_at", "updated_at", "completed_at", "next_follow_up", "carried_count",
    "waiting_on", "blocked_by", "unassigned_ok", "owner_name",
)  # fmt: skip
OWNER_COLUMNS = ("action_id", "person_id", "position")
TAG_COLUMNS = ("action_id", "tag")
HISTORY_DAYS = 540  # scale meetings spread over the last year and a half

# Status weights by where the due date stands (open, in_progress, waiting, blocked,
# done, cancelled): long past -> mostly closed; not yet due -> mostly open.
_STATUSES = tuple(ActionStatus)
_LONG_PAST = (2, 1, 1, 1, 86, 9)
_RECENT_PAST = (14, 10, 5, 5, 60, 6)
_NOT_DUE = (40, 28, 8, 4, 18, 2)
_DUE_IN = (2, 3, 5, 7, 7, 10, 14, 21, 30)  # days after the meeting
_CARRIED = (0, 0, 0, 0, 0, 1, 1, 2, 3)

T = TypeVar("T")


def _cumulative(weights: tuple[int, ...]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# One meeting, as its actions need it: meeting id, agenda item id, team, when it ended
# (epoch seconds, UTC text, local day ordinal).
_Slot = tuple[int, int, str, int, str, int]


def add_scale_rows(store: Store, now: datetime, rng: random.Random, count: int) -> None:
    """Add ``count`` action items (with owners, tags) and their meetings."""
    if count <= 0:
        return
    with store.bulk_load(TABLES):
        teams = _Teams(store)
        n_meetings = max(1, round(count / ACTIONS_PER_MEETING))
        meetings, items, slots = _meetings(store, now, rng, n_meetings, teams.chairs)
        store.bulk_insert("meetings", meetings)
        store.bulk_insert("agenda_items", items)
        del meetings, items
        rows = _ActionRows(store, now, rng, count, slots, teams)
        for start in range(0, count, CHUNK):
            actions = list(rows.actions(start, min(count, start + CHUNK)))
            store.insert_rows("action_items", ACTION_COLUMNS, actions)
            store.insert_rows("action_owners", OWNER_COLUMNS, rows.owners)
            store.insert_rows("action_tags", TAG_COLUMNS, rows.tags)
            rows.owners.clear()
            rows.tags.clear()


class _Teams:
    """The people of the scale teams, and who chairs each team's meetings (its lead)."""

    def __init__(self, store: Store) -> None:
        people = store.list_people(active_only=False)
        self.by_team: dict[str, list[int]] = {team: [] for team in data.SCALE_TEAMS}
        leads: dict[str, int] = {}
        for person in people:
            assert person.id is not None
            if person.team in self.by_team:
                self.by_team[person.team].append(person.id)
                if person.role == Role.LEAD:
                    leads[person.team] = person.id
        self.everyone = [p.id for p in people if p.id is not None]
        self.names = {p.id: p.name for p in people}
        self.chairs = {team: leads.get(team, self.everyone[0]) for team in data.SCALE_TEAMS}


# -- meetings: one minimal agenda item each -------------------------------------------------


def _meetings(
    store: Store, now: datetime, rng: random.Random, n_meetings: int, chairs: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[_Slot]]:
    """The meetings' rows and their agenda items' rows, oldest first; and per meeting,
    what its actions need (``_Slot``)."""
    local = now.tzinfo
    today = now.date()
    meeting_base = store.max_id("meetings") + 1
    item_base = store.max_id("agenda_items") + 1
    meetings: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    slots: list[_Slot] = []
    for n in range(n_meetings):
        team = data.SCALE_TEAMS[n % len(data.SCALE_TEAMS)]
        title, kind, purpose = rng.choice(data.SCALE_MEETINGS)
        # Oldest first, so ids grow with time like real use.
        day = today - timedelta(days=int(HISTORY_DAYS * (n_meetings - n) / n_meetings))
        start, minutes, actual_start, actual_end = _meeting_times(rng, day, now)
        meeting_id = meeting_base + n
        chair = chairs[team]
        meetings.append(
            {
                "id": meeting_id,
                "title": f"{team} {title}",
                "kind": kind.value,
                "purpose": purpose,
                "chair_id": chair,
                "series_id": None,
                "scheduled_start": start.isoformat()[:19] + "Z",
                "planned_minutes": minutes,
                "location": None,
                "status": MeetingStatus.CONFIRMED.value,
                "agenda_circulated_at": (start - timedelta(days=1)).isoformat()[:19] + "Z",
                "actual_start": actual_start.isoformat()[:19] + "Z",
                "actual_end": actual_end.isoformat()[:19] + "Z",
                "created_at": (start - timedelta(days=3)).isoformat()[:19] + "Z",
            }
        )
        items.append(
            _item_row(rng, item_base + n, meeting_id, chair, minutes, actual_start, actual_end)
        )
        local_day = actual_end.astimezone(local).date().toordinal()
        slots.append(
            (
                meeting_id,
                item_base + n,
                team,
                int(actual_end.timestamp()),
                actual_end.isoformat()[:19] + "Z",
                local_day,
            )
        )
    return meetings, items, slots


def _meeting_times(
    rng: random.Random, day: date, now: datetime
) -> tuple[datetime, int, datetime, datetime]:
    """When a scale meeting on (or before) ``day`` was planned, how long, and when it
    actually ran: on a weekday, in office hours, ended before now (all in UTC)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    start = datetime.combine(
        day, time(rng.randint(9, 17), rng.choice((0, 15, 30, 45))), tzinfo=now.tzinfo
    ).astimezone(UTC)
    if start > now.astimezone(UTC).replace(microsecond=0) - timedelta(hours=2):
        start -= timedelta(days=3)
    minutes = rng.choice((30, 30, 45, 60))
    actual_start = start + timedelta(minutes=rng.choice((0, 0, 0, 2, 5)))
    actual_end = actual_start + timedelta(minutes=minutes + rng.randint(-10, 15))
    return start, minutes, actual_start, actual_end


def _item_row(
    rng: random.Random,
    item_id: int,
    meeting_id: int,
    chair: int,
    minutes: int,
    actual_start: datetime,
    actual_end: datetime,
) -> dict[str, Any]:
    """A scale meeting's one agenda item, done in the time the meeting took."""
    return {
        "id": item_id,
        "meeting_id": meeting_id,
        "position": 1,
        "title": rng.choice(data.SCALE_ITEMS),
        "presenter_id": chair,
        "timebox_minutes": minutes,
        "kind": AgendaKind.DISCUSSION.value,
        "status": AgendaStatus.DONE.value,
        "started_at": None,  # only set while an item's timer runs
        "elapsed_seconds": int((actual_end - actual_start).total_seconds()),
        "carried_from": None,
        "standing": 0,
    }


# -- actions, owners, tags ------------------------------------------------------------------


class _ActionRows:
    """The action items' rows, made while they are inserted; their owners' and tags' rows
    are collected on the way (``owners``, ``tags``), to be inserted after them."""

    def __init__(
        self,
        store: Store,
        now: datetime,
        rng: random.Random,
        count: int,
        slots: list[_Slot],
        teams: _Teams,
    ) -> None:
        self.count = count
        self.slots = slots
        self.teams = teams
        self.action_base = store.max_id("action_items") + 1
        self.owners: list[tuple[int, int, int]] = []
        self.tags: list[tuple[int, str]] = []
        self.now_epoch = int(now.astimezone(UTC).replace(microsecond=0).timestamp())
        self.today_ord = now.date().toordinal()
        self._date_text: dict[int, str] = {}
        self._utc_days: dict[int, str] = {}
        self._long_past = _cumulative(_LONG_PAST)
        self._recent_past = _cumulative(_RECENT_PAST)
        self._not_due = _cumulative(_NOT_DUE)
        # The hot loop picks with random() directly: several times faster than choice().
        self.random = rng.random
        # Every title there is, with its tag (a pick of one is a pick of each of its
        # words): a few thousand, one pick per row instead of three and a format.
        customers = data.SCALE_CUSTOMERS_ZH + data.SCALE_CUSTOMERS_EN
        self._titles_zh = [
            (f"{verb}{customer}的{obj}", tag)
            for verb in data.SCALE_VERBS_ZH
            for customer in customers
            for obj, tag in data.SCALE_OBJECTS_ZH
        ]
        self._titles_en = [
            (f"{verb} {obj} for {customer}", tag)
            for verb in data.SCALE_VERBS_EN
            for obj, tag in data.SCALE_OBJECTS_EN
            for customer in customers
        ]
        self._values = {s: s.value for s in _STATUSES}

    # -- small fast helpers ----------------------------------------------------------------

    def _pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def _between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def _iso(self, epoch: int) -> str:
        """``to_utc_iso`` for epoch seconds, without a datetime per call."""
        days, seconds = divmod(epoch, 86_400)
        day = self._utc_days.get(days)
        if day is None:
            day = self._utc_days[days] = datetime.fromtimestamp(days * 86_400, UTC).strftime(
                "%Y-%m-%d"
            )
        hours, seconds = divmod(seconds, 3600)
        return f"{day}T{hours:02d}:{seconds // 60:02d}:{seconds % 60:02d}Z"

    def _day_text(self, ordinal: int) -> str:
        text = self._date_text.get(ordinal)
        if text is None:
            text = self._date_text[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    # -- one row ---------------------------------------------------------------------------

    def _title(self) -> tuple[str, str | None]:
        """A title in either language (so search has something to find), and its tag."""
        titles = self._titles_zh if self.random() < 0.62 else self._titles_en
        return titles[int(self.random() * len(titles))]

    def _status(self, due_ord: int) -> ActionStatus:
        """Mostly closed when long past due, mostly open when not due yet."""
        if due_ord >= self.today_ord:
            weights = self._not_due
        elif due_ord >= self.today_ord - 30:
            weights = self._recent_past
        else:
            weights = self._long_past
        return _STATUSES[bisect(weights, self.random() * weights[-1])]

    def _updates(
        self, status: ActionStatus, created: int, created_s: str
    ) -> tuple[str | None, str]:
        """When a done item was completed, and when the item was last changed."""
        completed = None
        updated_s = created_s
        if status == ActionStatus.DONE:
            done_at = created + 3600 * self._between(4, 24 * 20)
            if done_at >= self.now_epoch:  # a recent meeting: done since, before now
                done_at = created + int((self.now_epoch - created) * self.random())
            completed = updated_s = self._iso(done_at)
        elif status != ActionStatus.OPEN and self.random() < 0.7:
            touched = created + 3600 * self._between(2, 24 * 10)
            if touched < self.now_epoch:
                updated_s = self._iso(touched)
        return completed, updated_s

    def _owners_and_tags(
        self, action_id: int, team: str, roll: float, tag: str | None
    ) -> str | None:
        """Owners: mostly one from the meeting's team, some shared, a few unassigned (when
        ``roll`` < 0.04); the title's tag most of the time, now and then ``urgent``.
        Returns the first owner's name (the owner sort's key)."""
        name = None
        if roll >= 0.04:  # else knowingly left unassigned when the meeting was confirmed
            team_ids = self.teams.by_team[team]
            everyone = self.teams.everyone
            first = self._pick(team_ids) if team_ids else self._pick(everyone)
            self.owners.append((action_id, first, 0))
            name = self.teams.names[first]
            if roll > 0.9:
                second = self._pick(everyone)
                if second != first:
                    self.owners.append((action_id, second, 1))
        if tag is not None and self.random() < 0.8:
            self.tags.append((action_id, tag))
        if self.random() < 0.05:
            self.tags.append((action_id, "urgent"))
        return name

    def actions(self, start: int, stop: int) -> Iterator[tuple[Any, ...]]:
        """The rows of action items ``start`` to ``stop`` (of ``count``), in
        ``ACTION_COLUMNS`` order, spread over the meetings in order; their owners and tags
        are added to ``owners`` and ``tags``."""
        random_, pick, day_text = self.random, self._pick, self._day_text
        count, slots, n_meetings = self.count, self.slots, len(self.slots)
        values, waiting, blocked = self._values, ActionStatus.WAITING, ActionStatus.BLOCKED
        closed_statuses = (ActionStatus.DONE, ActionStatus.CANCELLED)
        n_due, n_carried = len(_DUE_IN), len(_CARRIED)
        for n in range(start, stop):
            action_id = self.action_base + n
            meeting_id, item_id, team, created, created_s, created_ord = slots[
                n * n_meetings // count
            ]
            title, tag = self._title()
            due_ord = created_ord + _DUE_IN[int(random_() * n_due)]
            status = self._status(due_ord)
            completed, updated_s = self._updates(status, created, created_s)
            closed = status in closed_statuses
            follow = None
            if not closed and random_() < 0.5:
                follow = day_text(max(due_ord - self._between(0, 3), self.today_ord - 5))
            roll = random_()
            owner_name = self._owners_and_tags(action_id, team, roll, tag)
            # Values in ACTION_COLUMNS order; the random ones are drawn in that order.
            yield (
                action_id,
                title,
                day_text(due_ord),
                1 if (r := random_()) < 0.2 else 2 if r < 0.75 else 3,
                values[status],
                meeting_id,
                item_id,
                None,
                created_s,
                updated_s,
                completed,
                follow,
                _CARRIED[int(random_() * n_carried)] if not closed else 0,
                pick(data.WAITING_ON) if status == waiting else None,
                pick(data.BLOCKED_BY) if status == blocked else None,
                int(roll < 0.04),
                owner_name,
            )
