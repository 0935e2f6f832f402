"""The demo org: repeatable, realistic, and covering what the screens need to show."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salestui.core.clock import FixedClock, from_utc_iso
from salestui.core.db import open_store
from salestui.core.errors import InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    ActionQuery,
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    FollowUpKind,
    MeetingStatus,
    Role,
)
from salestui.core.names import pinyin_initials
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.demo import DEMO_TODAY_MEETING_TITLE, DemoSummary, generate_demo
from salestui.demo.data import SCALE_CUSTOMERS_EN, SCALE_CUSTOMERS_ZH

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 27, 8, 30, tzinfo=SHANGHAI)  # a Friday morning


def _generate(path: Path, seed: int = 1, scale: int = 0, now: datetime = NOW) -> Store:
    store = open_store(path)
    generate_demo(store, FixedClock(now), seed=seed, scale=scale)
    return store


def _dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every real table (FTS shadow tables included), in a stable order."""
    tables = [
        row[0]
        for row in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    return {
        table: sorted(store.db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in tables
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo database for the read-only checks (local time: Asia/Shanghai)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        store = _generate(tmp_path_factory.mktemp("demo") / "demo.db")
        yield Services(store, FixedClock(NOW))
        store.close()
    time.tzset()


def _rows(services: Services, sql: str, params: tuple = ()) -> list[dict]:
    return list(services.store.db.query(sql, params))


# -- repeatability ------------------------------------------------------------------------


def test_same_seed_same_rows_and_different_seed_different_rows(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a.db", seed=7)
    second = _generate(tmp_path / "b.db", seed=7)
    other = _generate(tmp_path / "c.db", seed=8)
    try:
        dump = _dump(first)
        assert dump["action_items"] and dump["meetings_fts_data"]
        assert dump == _dump(second)
        different = _dump(other)
        assert different != dump
        assert different["people"] == dump["people"]  # the org is fixed, its history is not
    finally:
        for store in (first, second, other):
            store.close()


def test_summary_counts_the_rows(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        summary = generate_demo(store, FixedClock(NOW))
        assert summary == DemoSummary(
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
        assert 12 <= summary.people <= 20
        assert 25 <= summary.meetings <= 60
        assert 30 <= summary.actions <= 120
        assert summary.teams >= 4
        # Forced on top of existing data (`salestui demo --force`): people are reused.
        again = generate_demo(store, FixedClock(NOW), seed=2)
        assert again.people == summary.people
        assert again.meetings == 2 * summary.meetings
        with pytest.raises(InvalidInput):
            generate_demo(store, FixedClock(NOW), scale=-1)
    finally:
        store.close()


# -- the organisation ----------------------------------------------------------------------


def test_people_and_reporting_tree(demo: Services) -> None:
    people = demo.store.list_people()
    by_id = {p.id: p for p in people}
    directors = [p for p in people if p.role == Role.DIRECTOR]
    assert len(directors) == 1 and directors[0].reports_to is None
    root = directors[0]
    for person in people:  # everyone reaches the director, without loops
        seen, current = set(), person
        while current.reports_to is not None:
            assert current.id not in seen
            seen.add(current.id)
            current = by_id[current.reports_to]
        assert current.id == root.id
    assert set(demo.store.reports_of(root.id)) == {p.id for p in people} - {root.id}
    roles = Counter(p.role for p in people)
    assert roles[Role.DEPUTY] == 1 and 3 <= roles[Role.LEAD] <= 4 and roles[Role.MEMBER] >= 8
    names = {p.name for p in people}
    assert {"王芳", "李明"} <= names
    assert sum(1 for n in names if n.isascii()) >= 2  # mixed teams
    wang = demo.find_person("wf")
    assert wang.name == "王芳" and wang.role == Role.LEAD
    assert [n for n in names if pinyin_initials(n) == "wf"] == ["王芳"]
    teams = set(demo.store.teams())
    assert {"销售一部", "销售二部", "市场部", "华东大区"} <= teams
    for person in people:
        if person.role == Role.MEMBER:
            assert by_id[person.reports_to].role == Role.LEAD
            assert by_id[person.reports_to].team == person.team


# -- meetings ------------------------------------------------------------------------------


def test_weekly_series_has_eight_weeks_of_meetings(demo: Services) -> None:
    weekly = [s for s in demo.store.list_series() if "周例会" in s.title]
    assert len(weekly) == 1 and weekly[0].cadence == "weekly"
    meetings = demo.store.list_meetings(series_id=weekly[0].id)
    past = [m for m in meetings if m.scheduled_start < demo.clock.now()]
    assert len(past) >= 8
    first_day = past[0].scheduled_start.astimezone(SHANGHAI).date()
    assert first_day <= demo.clock.today() - timedelta(weeks=8)
    assert [i["title"] for i in demo.store.series_items(weekly[0].id)] == [
        "上周业绩回顾",
        "各销售员业绩",
        "问题与对策",
        "下周目标",
    ]
    assert len(demo.store.series_attendees(weekly[0].id)) >= 10
    kinds = {m.kind for m in demo.store.list_meetings()}
    assert {"weekly", "leadership", "coordination", "daily", "other"} <= kinds
    assert any(m.title.isascii() for m in demo.store.list_meetings())  # English titles


def test_a_circulated_weekly_meeting_later_today(demo: Services) -> None:
    now = demo.clock.now()
    today = [
        m
        for m in demo.upcoming_meetings(days=0)
        if m.scheduled_start.astimezone(SHANGHAI).date() == now.date()
        and m.scheduled_start >= now + timedelta(hours=1)
    ]
    meeting = next(m for m in today if m.title == DEMO_TODAY_MEETING_TITLE)
    assert meeting.status == MeetingStatus.CIRCULATED
    assert meeting.agenda_circulated_at is not None
    assert meeting.agenda_circulated_at <= now < meeting.scheduled_start
    detail = demo.meeting_detail(meeting.id)
    assert len(detail.agenda) == 5
    assert all(i.presenter_id and i.timebox_minutes > 0 for i in detail.agenda)
    assert detail.agenda_minutes <= meeting.planned_minutes
    carried = [i for i in detail.agenda if i.carried_from]
    assert len(carried) == 1  # parked last week, carried to today
    parked = demo.store.get_meeting(carried[0].carried_from)
    assert parked is not None and parked.scheduled_start < now
    statuses = {a.status for a in detail.attendees}
    assert statuses == {AttendanceStatus.INVITED}
    assert {a.required for a in detail.attendees} == {True, False}


def test_a_draft_without_agenda_and_more_upcoming(demo: Services) -> None:
    now = demo.clock.now()
    upcoming = [m for m in demo.store.list_meetings(start_from=now)]
    drafts = [m for m in upcoming if m.status == MeetingStatus.DRAFT]
    assert any(
        m.agenda_circulated_at is None and m.scheduled_start < now + timedelta(days=5)
        for m in drafts
    )
    assert len(upcoming) >= 4
    assert all(m.actual_start is None for m in upcoming)


def test_past_meetings_were_held_and_recorded(demo: Services) -> None:
    now = demo.clock.now()
    past = demo.store.list_meetings(start_before=now)
    assert all(m.status in (MeetingStatus.CONFIRMED, MeetingStatus.ENDED) for m in past)
    assert any(m.status == MeetingStatus.ENDED for m in past)  # just ended
    for meeting in past:
        assert meeting.actual_start and meeting.actual_end
        assert meeting.actual_start < meeting.actual_end < now
    assert any(m.actual_start - m.scheduled_start >= timedelta(minutes=2) for m in past)
    circulated = [m.agenda_circulated_at for m in past]
    assert any(c is None for c in circulated)  # one agenda never went out
    assert all(m.agenda_circulated_at < m.scheduled_start for m in past if m.agenda_circulated_at)
    daily = [m for m in past if m.kind == "daily"]
    assert 5 <= len(daily) <= 12 and all(m.planned_minutes == 15 for m in daily)
    assert all(m.scheduled_start >= now - timedelta(days=15) for m in daily)


def test_agenda_timing_and_statuses(demo: Services) -> None:
    items = _rows(demo, "SELECT * FROM agenda_items")
    statuses = Counter(i["status"] for i in items)
    assert statuses[AgendaStatus.DONE] > 50
    assert statuses[AgendaStatus.SKIPPED] >= 1 and statuses[AgendaStatus.PARKED] >= 1
    overran = [i for i in items if i["elapsed_seconds"] > i["timebox_minutes"] * 60]
    under = [
        i
        for i in items
        if i["status"] == "done" and i["elapsed_seconds"] < i["timebox_minutes"] * 60
    ]
    assert overran and under
    # As the live core leaves them: the timer's start is only kept while an item runs.
    assert all(i["started_at"] is None for i in items)
    assert all(i["elapsed_seconds"] > 0 for i in items if i["status"] == "done")
    # ... so the live state (and the minutes built from it) show the recorded times.
    live = LiveMeeting(demo)
    for meeting in demo.store.list_meetings(start_before=demo.clock.now()):
        state = live.state(meeting.id)
        for timed in state.items:
            assert timed.elapsed.total_seconds() == timed.item.elapsed_seconds
        ran = sum(t.item.elapsed_seconds for t in state.items)
        assert ran <= state.elapsed.total_seconds() <= ran + 600


def test_attendance_decisions_entries_and_speaking(demo: Services) -> None:
    attendance = _rows(demo, "SELECT * FROM attendance")
    statuses = Counter(a["status"] for a in attendance)
    for status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.ABSENT,
        AttendanceStatus.EXCUSED,
    ):
        assert statuses[status] >= 1, status
    assert statuses[AttendanceStatus.PRESENT] > statuses[AttendanceStatus.LATE] * 3
    assert all(a["arrived_at"] for a in attendance if a["status"] == "late")

    decisions = Counter(d.status for d in demo.store.list_decisions())
    assert decisions[DecisionStatus.CONFIRMED] > decisions[DecisionStatus.REJECTED] >= 1

    entries = _rows(demo, "SELECT kind, text FROM entries")
    kinds = {e["kind"] for e in entries}
    assert {"note", "decision", "action", "link", "park"} <= kinds
    texts = [e["text"] for e in entries if e["kind"] == "note"]
    assert any(t.isascii() for t in texts) and any(not t.isascii() for t in texts)

    # A few meetings tallied who spoke; in one the director did most of the talking.
    spoken: dict[int, Counter[int]] = defaultdict(Counter)
    for turn in _rows(demo, "SELECT * FROM speaking"):
        length = from_utc_iso(turn["ended_at"]) - from_utc_iso(turn["started_at"])
        spoken[turn["meeting_id"]][turn["person_id"]] += int(length.total_seconds())
    assert len(spoken) >= 3
    director = demo.me()
    assert director is not None
    shares = [tally[director.id] / sum(tally.values()) for tally in spoken.values()]
    assert max(shares) > 0.5 and min(shares) < 0.5


# -- actions -------------------------------------------------------------------------------


def test_actions_cover_every_state(demo: Services) -> None:
    store = demo.store
    today = demo.clock.today()
    actions = [store.get_action(r["id"]) for r in _rows(demo, "SELECT id FROM action_items")]
    statuses = Counter(a.status for a in actions)
    assert set(statuses) == set(ActionStatus)
    for action in actions:
        assert (action.completed_at is not None) == (action.status == ActionStatus.DONE)
        assert (action.waiting_on is not None) == (action.status == ActionStatus.WAITING)
        assert (action.blocked_by is not None) == (action.status == ActionStatus.BLOCKED)
        assert action.created_at <= demo.clock.now()
        if action.completed_at:
            assert action.created_at < action.completed_at <= demo.clock.now()
    overdue = demo.list_actions(demo.action_query(overdue=True))
    assert len([a for a in overdue if a.status == ActionStatus.OPEN]) >= 3
    assert all(a.due < today for a in overdue)
    assert max(a.carried_count for a in actions) >= 3
    assert 0 < sum(1 for a in actions if 1 <= a.carried_count <= 4)
    assert sum(1 for a in actions if len(a.owner_ids) == 2) >= 2
    assert store.count_actions(ActionQuery(unassigned=True)) >= 2
    assert all(a.meeting_id for a in actions if a.decision_id)
    assert sum(1 for a in actions if a.decision_id) >= 5
    assert all(a.agenda_item_id for a in actions if a.meeting_id)
    assert {1, 2, 3} <= {a.priority for a in actions}
    tags = {t for a in actions for t in a.tags}
    assert {"回款", "报价", "crm"} <= tags
    assert any(a.due > today for a in actions)
    assert any(a.title.isascii() for a in actions)
    assert demo.list_actions(demo.action_query(owner="王芳"))  # she has work to follow up


def test_follow_up_log(demo: Services) -> None:
    follow_ups = _rows(demo, "SELECT * FROM follow_ups ORDER BY id")
    kinds = Counter(f["kind"] for f in follow_ups)
    for kind in (FollowUpKind.NOTE, FollowUpKind.STATUS, FollowUpKind.REVIEW):
        assert kinds[kind] >= 3, kind
    assert any(f["next_check_in"] for f in follow_ups)
    assert all(f["meeting_id"] for f in follow_ups if f["kind"] == "review")
    assert [f["at"] for f in follow_ups] == sorted(f["at"] for f in follow_ups)
    now = demo.clock.now()
    for follow_up in follow_ups:
        action = demo.action(follow_up["action_id"])
        at = from_utc_iso(follow_up["at"])
        assert action.created_at <= at <= now
    carried = [r["id"] for r in _rows(demo, "SELECT id FROM action_items WHERE carried_count > 0")]
    for action_id in carried:
        reviews = [f for f in demo.follow_ups(action_id) if f.kind == FollowUpKind.REVIEW]
        assert len(reviews) == demo.action(action_id).carried_count


def test_confirmed_meetings_have_nothing_left_to_settle(demo: Services) -> None:
    """By the live meeting's own rules: confirmed meetings are fully settled, the ones
    that just ended still have proposed decisions and loose ends to confirm."""
    live = LiveMeeting(demo)
    past = demo.store.list_meetings(start_before=demo.clock.now())
    for meeting in past:
        questions = live.open_questions(meeting.id)
        if meeting.status == MeetingStatus.CONFIRMED:
            assert questions == [], (meeting.title, questions)
    ended = [m for m in past if m.status == MeetingStatus.ENDED]
    assert any(live.open_questions(m.id) for m in ended)
    today = demo.store.list_meetings(status=MeetingStatus.CIRCULATED, start_from=demo.clock.now())
    warnings = live.preflight(today[0].id)
    assert not any("circulated" in w for w in warnings)
    draft = demo.store.list_meetings(status=MeetingStatus.DRAFT)[0]
    assert any("circulated" in w for w in live.preflight(draft.id))


def test_actions_link_back_and_escalate(demo: Services) -> None:
    store = demo.store
    for meeting in store.list_meetings(start_before=demo.clock.now()):
        entries = {e.id: e for e in store.list_entries(meeting.id)}
        for action in store.actions_of_meeting(meeting.id):
            entry = entries[action.entry_id]
            assert entry.kind == "action" and entry.text == action.title
            assert entry.agenda_item_id == action.agenda_item_id
    escalations = _rows(demo, "SELECT * FROM follow_ups WHERE kind = 'escalate'")
    assert escalations
    for row in escalations:
        action = demo.action(row["action_id"])
        assert row["person_id"] in action.owner_ids
        owner = demo.person(action.owner_ids[0])
        assert owner.reports_to == row["person_id"]  # one level up, no skipping
    # The default user (the director) has something overdue and something due soon.
    director = demo.me()
    assert director is not None and director.role == Role.DIRECTOR
    assert demo.list_actions(demo.action_query(owner=str(director.id), overdue=True))
    soon = demo.list_actions(demo.action_query(owner=str(director.id), statuses=["in_progress"]))
    assert any(a.due >= demo.clock.today() for a in soon)


def test_everything_reads_back_through_the_models(demo: Services) -> None:
    for meeting in demo.store.list_meetings():
        detail = demo.meeting_detail(meeting.id)
        assert detail.meeting.purpose
    rows = demo.list_actions(ActionQuery(), limit=None)
    assert len(rows) == demo.store.count("action_items")


# -- where "later today" lands ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [(21, 10, (0, 23, 30)), (22, 45, (1, 9, 0)), (13, 20, (0, 15, 0))],
)
def test_todays_meeting_time(
    tmp_path: Path, hour: int, minute: int, expected: tuple[int, int, int]
) -> None:
    now = NOW.replace(hour=hour, minute=minute)
    store = _generate(tmp_path / "t.db", now=now)
    try:
        services = Services(store, FixedClock(now))
        circulated = [
            m
            for m in store.list_meetings(status=MeetingStatus.CIRCULATED, start_from=now)
            if m.title == DEMO_TODAY_MEETING_TITLE
        ]
        start = circulated[0].scheduled_start.astimezone(SHANGHAI)
        days, hh, mm = expected
        assert start.date() == now.date() + timedelta(days=days)
        assert (start.hour, start.minute) == (hh, mm)
        assert start >= now + timedelta(hours=1)
        assert services.store.list_meetings(status=MeetingStatus.RUNNING) == []
    finally:
        store.close()


# -- scale -----------------------------------------------------------------------------------


def test_scale_adds_exactly_n_searchable_actions(tmp_path: Path) -> None:
    base = _generate(tmp_path / "base.db")
    scaled = _generate(tmp_path / "scaled.db", scale=2000)
    try:
        base_actions = base.count("action_items")
        assert scaled.count("action_items") == base_actions + 2000
        assert scaled.count("meetings") == base.count("meetings") + 100
        # The base org is the same with or without scale rows.
        assert _dump(base)["people"] == _dump(scaled)["people"]
        services = Services(scaled, FixedClock(NOW))
        scale_ids = set(range(base_actions + 1, base_actions + 2001))
        for word in (SCALE_CUSTOMERS_EN[0], SCALE_CUSTOMERS_ZH[0]):
            found = services.list_actions(services.action_query(text=word))
            assert found, word
            assert {a.id for a in found} <= scale_ids
            assert all(word in a.title for a in found)
        rows = services.list_actions(ActionQuery(ids=sorted(scale_ids)), limit=None)
        assert Counter(r.status for r in rows).keys() == set(ActionStatus)
        assert sum(1 for r in rows if not r.owner_ids) > 0
        assert sum(1 for r in rows if len(r.owner_ids) == 2) > 0
        today = services.clock.today()
        assert any(r.due < today and r.status == "open" for r in rows)
        assert any(r.due >= today for r in rows)
        assert {1, 2, 3} == {r.priority for r in rows}
        now = services.clock.now()
        for row in rows:
            assert row.created_at <= now
            if row.completed_at is not None:
                assert row.created_at <= row.completed_at <= now
            assert (row.completed_at is not None) == (row.status == ActionStatus.DONE)
        assert any(r.title.isascii() for r in rows) and any(not r.title.isascii() for r in rows)
        owned = services.list_actions(services.action_query(owner="王芳"), limit=50)
        assert len(owned) == 50
    finally:
        base.close()
        scaled.close()
