"""Scale rows for the demo: N action items and about N/20 meetings, fast.

The rows go in with ``Store.bulk_insert`` (one ``executemany`` per table) inside the
caller's transaction. IDs are allocated from ``Store.max_id`` so owners and tags can
point at their action without a round-trip. Every random choice comes from the ``rng``
passed in and every moment from ``now``, so the rows repeat exactly.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from salestui.core import demo_data as data
from salestui.core.models import (
    ActionStatus,
    AgendaKind,
    AgendaStatus,
    MeetingStatus,
    Role,
)
from salestui.core.store import Store

ACTIONS_PER_MEETING = 20
HISTORY_DAYS = 540  # scale meetings spread over the last year and a half
_ISO = "%Y-%m-%dT%H:%M:%SZ"

# Status weights by where the due date stands (open, in_progress, waiting, blocked,
# done, cancelled): long past -> mostly closed; not yet due -> mostly open.
_STATUSES = tuple(ActionStatus)
_LONG_PAST = (2, 1, 1, 1, 86, 9)
_RECENT_PAST = (14, 10, 5, 5, 60, 6)
_NOT_DUE = (40, 28, 8, 4, 18, 2)


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
    slots: list[tuple[int, int, str, datetime, str]] = []  # per meeting, for its actions
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
                "started_at": actual_start.strftime(_ISO),
                "elapsed_seconds": int((actual_end - actual_start).total_seconds()),
                "carried_from": None,
                "standing": 0,
            }
        )
        slots.append((meeting_id, item_base + n, team, actual_end, end_s))

    # -- actions, owners, tags -------------------------------------------------------------------
    owners: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    date_text: dict[int, str] = {}

    def day_text(day: date) -> str:
        ordinal = day.toordinal()
        text = date_text.get(ordinal)
        if text is None:
            text = date_text[ordinal] = day.isoformat()
        return text

    long_past = _cumulative(_LONG_PAST)
    recent_past = _cumulative(_RECENT_PAST)
    not_due = _cumulative(_NOT_DUE)
    random_ = rng.random
    randint = rng.randint
    choice = rng.choice
    choices = rng.choices
    today_ord = today.toordinal()
    zh_verbs, zh_objects = data.SCALE_VERBS_ZH, data.SCALE_OBJECTS_ZH
    en_verbs, en_objects = data.SCALE_VERBS_EN, data.SCALE_OBJECTS_EN
    zh_customers, en_customers = data.SCALE_CUSTOMERS_ZH, data.SCALE_CUSTOMERS_EN
    all_customers = zh_customers + en_customers
    open_values = {s: s.value for s in _STATUSES}

    def actions() -> Iterator[dict[str, Any]]:
        for n in range(count):
            action_id = action_base + n
            meeting_id, item_id, team, created, created_s = slots[n * n_meetings // count]
            # Titles in both languages so search has something to find.
            if random_() < 0.62:
                obj, tag = choice(zh_objects)
                title = f"{choice(zh_verbs)}{choice(all_customers)}的{obj}"
            else:
                obj, tag = choice(en_objects)
                title = f"{choice(en_verbs)} {obj} for {choice(all_customers)}"
            due_ord = created.toordinal() + choice((2, 3, 5, 7, 7, 10, 14, 21, 30))
            if due_ord >= today_ord:
                weights = not_due
            elif due_ord >= today_ord - 30:
                weights = recent_past
            else:
                weights = long_past
            status = choices(_STATUSES, cum_weights=weights)[0]
            completed = None
            updated_s = created_s
            if status == ActionStatus.DONE:
                done_at = created + timedelta(hours=randint(4, 24 * 20))
                if done_at >= now_utc:
                    done_at = now_utc - timedelta(minutes=randint(5, 600))
                completed = updated_s = done_at.strftime(_ISO)
            elif status != ActionStatus.OPEN and random_() < 0.7:
                touched = created + timedelta(hours=randint(2, 24 * 10))
                if touched < now_utc:
                    updated_s = touched.strftime(_ISO)
            closed = status in (ActionStatus.DONE, ActionStatus.CANCELLED)
            follow = None
            if not closed and random_() < 0.5:
                follow = day_text(date.fromordinal(max(due_ord - randint(0, 3), today_ord - 5)))
            # Owners: mostly one from the meeting's team, some shared, a few unassigned.
            roll = random_()
            if roll < 0.04:
                pass
            else:
                team_ids = by_team[team]
                first = choice(team_ids) if team_ids else choice(everyone)
                owners.append({"action_id": action_id, "person_id": first, "position": 0})
                if roll > 0.9:
                    second = choice(everyone)
                    if second != first:
                        owners.append(
                            {"action_id": action_id, "person_id": second, "position": 1}
                        )
            if tag is not None and random_() < 0.8:
                tags.append({"action_id": action_id, "tag": tag})
            if random_() < 0.05:
                tags.append({"action_id": action_id, "tag": "urgent"})
            yield {
                "id": action_id,
                "title": title,
                "due": day_text(date.fromordinal(due_ord)),
                "priority": 1 if (r := random_()) < 0.2 else 2 if r < 0.75 else 3,
                "status": open_values[status],
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "decision_id": None,
                "created_at": created_s,
                "updated_at": updated_s,
                "completed_at": completed,
                "next_follow_up": follow,
                "carried_count": choice((0, 0, 0, 0, 0, 1, 1, 2, 3)) if not closed else 0,
                "waiting_on": choice(data.WAITING_ON) if status == ActionStatus.WAITING else None,
                "blocked_by": choice(data.BLOCKED_BY) if status == ActionStatus.BLOCKED else None,
            }

    with store.transaction():
        store.bulk_insert("meetings", meetings)
        store.bulk_insert("agenda_items", items)
        store.bulk_insert("action_items", actions())
        store.bulk_insert("action_owners", owners)
        store.bulk_insert("action_tags", tags)
