"""Scale rows for the demo: N action items and about N/20 meetings, fast.

The rows go in with ``Store.bulk_insert`` (one ``executemany`` per table) inside the
caller's transaction. IDs are allocated from ``Store.max_id`` so owners and tags can
point at their action without a round-trip. Every random choice comes from the ``rng``
passed in and every moment from ``now``, so the rows repeat exactly.
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
HISTORY_DAYS = 540  # scale meetings spread over the last year and a half
_ISO = "%Y-%m-%dT%H:%M:%SZ"

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


def add_scale_rows(store: Store, now: datetime, rng: random.Random, count: int) -> None:
    """Add ``count`` action items (with owners, tags) and their meetings."""
    if count <= 0:
        return
    people = store.list_people(active_only=False)
    by_team: dict[str, list[int]] = {team: [] for team in data.SCALE_TEAMS}
    leads: dict[str, int] = {}
    for person in people:
        assert person.id is not None
        if person.team in by_team:
            by_team[person.team].append(person.id)
            if person.role == Role.LEAD:
                leads[person.team] = person.id
    everyone = [p.id for p in people if p.id is not None]
    chairs = {team: leads.get(team, everyone[0]) for team in data.SCALE_TEAMS}

    now_utc = now.astimezone(UTC).replace(microsecond=0)
    local = now.tzinfo
    today = now.date()
    meeting_base = store.max_id("meetings") + 1
    item_base = store.max_id("agenda_items") + 1
    action_base = store.max_id("action_items") + 1
    n_meetings = max(1, round(count / ACTIONS_PER_MEETING))

    # -- meetings: one minimal agenda item each ---------------------------------------------
    meetings: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    # Per meeting, for its actions: ids, team, when it ended (epoch, text, local day).
    slots: list[tuple[int, int, str, int, str, int]] = []
    for n in range(n_meetings):
        team = data.SCALE_TEAMS[n % len(data.SCALE_TEAMS)]
        title, kind, purpose = rng.choice(data.SCALE_MEETINGS)
        # Oldest first, so ids grow with time like real use; weekdays, office hours.
        day = today - timedelta(days=int(HISTORY_DAYS * (n_meetings - n) / n_meetings))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        start = datetime.combine(
            day, time(rng.randint(9, 17), rng.choice((0, 15, 30, 45))), tzinfo=local
        ).astimezone(UTC)
        if start > now_utc - timedelta(hours=2):
            start -= timedelta(days=3)
        minutes = rng.choice((30, 30, 45, 60))
        actual_start = start + timedelta(minutes=rng.choice((0, 0, 0, 2, 5)))
        actual_end = actual_start + timedelta(minutes=minutes + rng.randint(-10, 15))
        start_s = start.strftime(_ISO)
        end_s = actual_end.strftime(_ISO)
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
                "scheduled_start": start_s,
                "planned_minutes": minutes,
                "location": None,
                "status": MeetingStatus.CONFIRMED.value,
                "agenda_circulated_at": (start - timedelta(days=1)).strftime(_ISO),
                "actual_start": actual_start.strftime(_ISO),
                "actual_end": end_s,
                "created_at": (start - timedelta(days=3)).strftime(_ISO),
            }
        )
        items.append(
            {
                "id": item_base + n,
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
        )
        local_day = actual_end.astimezone(local).date().toordinal()
        slots.append(
            (meeting_id, item_base + n, team, int(actual_end.timestamp()), end_s, local_day)
        )

    # -- actions, owners, tags -------------------------------------------------------------------
    owners: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    date_text: dict[int, str] = {}

    now_epoch = int(now_utc.timestamp())
    utc_days: dict[int, str] = {}

    def iso(epoch: int) -> str:
        """``to_utc_iso`` for epoch seconds, without a datetime per call."""
        days, seconds = divmod(epoch, 86_400)
        day = utc_days.get(days)
        if day is None:
            day = utc_days[days] = datetime.fromtimestamp(days * 86_400, UTC).strftime("%Y-%m-%d")
        hours, seconds = divmod(seconds, 3600)
        return f"{day}T{hours:02d}:{seconds // 60:02d}:{seconds % 60:02d}Z"

    def day_text(ordinal: int) -> str:
        text = date_text.get(ordinal)
        if text is None:
            text = date_text[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    long_past = _cumulative(_LONG_PAST)
    recent_past = _cumulative(_RECENT_PAST)
    not_due = _cumulative(_NOT_DUE)
    # The hot loop picks with random() directly: several times faster than choice().
    random_ = rng.random

    def pick(seq: Sequence[T]) -> T:
        return seq[int(random_() * len(seq))]

    def between(low: int, high: int) -> int:
        return low + int(random_() * (high - low + 1))

    today_ord = today.toordinal()
    zh_verbs, zh_objects = data.SCALE_VERBS_ZH, data.SCALE_OBJECTS_ZH
    en_verbs, en_objects = data.SCALE_VERBS_EN, data.SCALE_OBJECTS_EN
    zh_customers, en_customers = data.SCALE_CUSTOMERS_ZH, data.SCALE_CUSTOMERS_EN
    all_customers = zh_customers + en_customers
    open_values = {s: s.value for s in _STATUSES}

    def actions() -> Iterator[dict[str, Any]]:
        for n in range(count):
            action_id = action_base + n
            meeting_id, item_id, team, created, created_s, created_ord = slots[
                n * n_meetings // count
            ]
            # Titles in both languages so search has something to find.
            if random_() < 0.62:
                obj, tag = pick(zh_objects)
                title = f"{pick(zh_verbs)}{pick(all_customers)}的{obj}"
            else:
                obj, tag = pick(en_objects)
                title = f"{pick(en_verbs)} {obj} for {pick(all_customers)}"
            due_ord = created_ord + pick(_DUE_IN)
            if due_ord >= today_ord:
                weights = not_due
            elif due_ord >= today_ord - 30:
                weights = recent_past
            else:
                weights = long_past
            status = _STATUSES[bisect(weights, random_() * weights[-1])]
            completed = None
            updated_s = created_s
            if status == ActionStatus.DONE:
                done_at = created + 3600 * between(4, 24 * 20)
                if done_at >= now_epoch:  # a recent meeting: done since, before now
                    done_at = created + int((now_epoch - created) * random_())
                completed = updated_s = iso(done_at)
            elif status != ActionStatus.OPEN and random_() < 0.7:
                touched = created + 3600 * between(2, 24 * 10)
                if touched < now_epoch:
                    updated_s = iso(touched)
            closed = status in (ActionStatus.DONE, ActionStatus.CANCELLED)
            follow = None
            if not closed and random_() < 0.5:
                follow = day_text(max(due_ord - between(0, 3), today_ord - 5))
            # Owners: mostly one from the meeting's team, some shared, a few unassigned.
            roll = random_()
            if roll >= 0.04:  # else knowingly left unassigned when the meeting was confirmed
                team_ids = by_team[team]
                first = pick(team_ids) if team_ids else pick(everyone)
                owners.append({"action_id": action_id, "person_id": first, "position": 0})
                if roll > 0.9:
                    second = pick(everyone)
                    if second != first:
                        owners.append({"action_id": action_id, "person_id": second, "position": 1})
            if tag is not None and random_() < 0.8:
                tags.append({"action_id": action_id, "tag": tag})
            if random_() < 0.05:
                tags.append({"action_id": action_id, "tag": "urgent"})
            yield {
                "id": action_id,
                "title": title,
                "due": day_text(due_ord),
                "priority": 1 if (r := random_()) < 0.2 else 2 if r < 0.75 else 3,
                "status": open_values[status],
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "decision_id": None,
                "created_at": created_s,
                "updated_at": updated_s,
                "completed_at": completed,
                "next_follow_up": follow,
                "carried_count": pick(_CARRIED) if not closed else 0,
                "waiting_on": pick(data.WAITING_ON) if status == ActionStatus.WAITING else None,
                "blocked_by": pick(data.BLOCKED_BY) if status == ActionStatus.BLOCKED else None,
                "unassigned_ok": int(roll < 0.04),
            }

    with store.transaction():
        store.bulk_insert("meetings", meetings, reindex=True)
        store.bulk_insert("agenda_items", items, reindex=True)
        store.bulk_insert("action_items", actions(), reindex=True)
        store.bulk_insert("action_owners", owners)
        store.bulk_insert("action_tags", tags)
