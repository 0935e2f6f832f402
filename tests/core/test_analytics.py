"""Analytics (issue 15) against figures worked out by hand on a small fixed data set.

Today is Friday 2026-11-27 08:30 in Shanghai (UTC+8); the window is W46-W48 (Nov 9-29).
Every moment below is stored UTC: 01:00Z is 09:00 local.

Meetings held (minutes rounded half up from seconds):
- M1 W47, series 周例会 (weekly), planned 60, 01:05-02:15 = 70 (over; 5 min late),
  agenda circulated the day before; 王芳 present, 李明 late, 张伟 absent.
- M2 W48, series 周例会, planned 60, 01:00:20-01:50:20 = 50 (20 s late: not late);
  王芳, 李明, 赵总 present.
- M3 W48, coordination, planned 30, 06:02-06:40 = 38 (over; 2 min late), agenda sent
  after it started; 张伟 and 赵总 present.
- M6 W48 (Monday 00:30 local = Sunday 16:30 UTC), daily, planned 15, 15 min 29 s = 15;
  李明 present.
- M4 (a draft) and M5 (W45, before the window) do not count.
Rates per hour: lead 300, member 120, director 600.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from salestui.core.analytics import AnalyticsService
from salestui.core.errors import InvalidInput
from salestui.core.numbers import NumbersService
from salestui.core.service import Services

PEOPLE = [
    (1, "王芳", "lead", "销售一部"),
    (2, "李明", "member", "销售一部"),
    (3, "张伟", "member", "销售二部"),
    (4, "赵总", "director", None),
]
MEETINGS = [
    # id, series, kind, status, scheduled, planned, start, end, circulated
    (1, 1, "weekly", "confirmed", "2026-11-16T01:00:00Z", 60, "2026-11-16T01:05:00Z",
     "2026-11-16T02:15:00Z", "2026-11-15T10:00:00Z"),
    (2, 1, "weekly", "ended", "2026-11-23T01:00:00Z", 60, "2026-11-23T01:00:20Z",
     "2026-11-23T01:50:20Z", None),
    (3, None, "coordination", "confirmed", "2026-11-24T06:00:00Z", 30, "2026-11-24T06:02:00Z",
     "2026-11-24T06:40:00Z", "2026-11-24T06:30:00Z"),
    (4, None, "weekly", "draft", "2026-11-25T01:00:00Z", 60, None, None, None),
    (5, 1, "weekly", "confirmed", "2026-11-03T01:00:00Z", 60, "2026-11-03T01:00:00Z",
     "2026-11-03T02:00:00Z", None),
    (6, None, "daily", "ended", "2026-11-22T16:30:00Z", 15, "2026-11-22T16:30:00Z",
     "2026-11-22T16:45:29Z", None),
]  # fmt: skip
ATTENDANCE = [
    (1, 1, "present"), (1, 2, "late"), (1, 3, "absent"),
    (2, 1, "present"), (2, 2, "present"), (2, 4, "present"),
    (3, 3, "present"), (3, 4, "present"),
    (6, 2, "present"),
]  # fmt: skip
DECISIONS = [
    (1, 1, "confirmed", "2026-11-16T01:30:00Z"),
    (2, 1, "confirmed", "2026-11-16T01:40:00Z"),
    (3, 3, "confirmed", "2026-11-24T06:30:00Z"),  # no actions: not counted
]
ACTIONS = [
    # id, status, due, created, completed, decision, carried, owners
    (1, "done", "2026-11-18", "2026-11-16T02:00:00Z", "2026-11-18T15:00:00Z", 1, 0, [2]),
    (2, "done", "2026-11-18", "2026-11-16T02:00:00Z", "2026-11-18T16:30:00Z", 1, 0, [1, 2]),
    (3, "open", "2026-11-20", "2026-11-16T02:00:00Z", None, 2, 0, [3]),
    (4, "cancelled", "2026-11-25", "2026-11-16T02:00:00Z", None, 2, 0, [3]),
    (5, "open", "2026-11-28", "2026-11-25T02:00:00Z", None, None, 0, [1]),
    (6, "done", "2026-11-28", "2026-11-24T02:00:00Z", "2026-11-26T02:00:00Z", None, 0, [1]),
    (7, "done", "2026-11-05", "2026-11-01T02:00:00Z", "2026-11-05T01:00:00Z", None, 0, [2]),
    (8, "done", "2026-11-12", "2026-11-09T03:00:00Z", "2026-11-11T03:00:00Z", None, 0, []),
    (9, "open", None, "2026-10-01T02:00:00Z", None, None, 3, [3]),
    (10, "done", None, "2026-10-01T02:00:00Z", "2026-10-02T02:00:00Z", None, 4, [3]),
]  # fmt: skip
FOLLOW_UPS = [
    (1, "note", "2026-11-17T02:00:00Z"),
    (1, "review", "2026-11-23T02:00:00Z"),
    (3, "edit", "2026-11-16T03:00:00Z"),
    (3, "escalate", "2026-11-20T02:00:00Z"),
    (6, "status", "2026-11-26T02:00:00Z"),
]
RATINGS = [(1, 1, 8), (1, 2, 6), (2, 1, 9)]


@pytest.fixture
def analytics(services: Services) -> AnalyticsService:
    db = services.store.db
    now = "2026-11-01T00:00:00Z"
    with services.store.transaction():
        for pid, name, role, team in PEOPLE:
            db.execute("INSERT INTO people (id, name, role, team, created_at) VALUES (?,?,?,?,?)",
                       [pid, name, role, team, now])  # fmt: skip
        db.execute("INSERT INTO series (id, title, kind, cadence, created_at) "
                   "VALUES (1, '周例会', 'weekly', 'weekly', ?)", [now])  # fmt: skip
        for mid, sid, kind, status, sched, planned, start, end, sent in MEETINGS:
            db.execute(
                "INSERT INTO meetings (id, title, kind, purpose, series_id, status, "
                "scheduled_start, planned_minutes, actual_start, actual_end, "
                "agenda_circulated_at, created_at) VALUES (?,?,?,'Review',?,?,?,?,?,?,?,?)",
                [mid, f"M{mid}", kind, sid, status, sched, planned, start, end, sent, now],
            )
        for mid, pid, status in ATTENDANCE:
            db.execute("INSERT INTO attendance (meeting_id, person_id, status) VALUES (?,?,?)",
                       [mid, pid, status])  # fmt: skip
        for did, mid, status, at in DECISIONS:
            db.execute("INSERT INTO decisions (id, meeting_id, text, status, decided_at) "
                       "VALUES (?,?,?,?,?)", [did, mid, f"D{did}", status, at])  # fmt: skip
        for aid, status, due, made, done, decision, carried, owners in ACTIONS:
            db.execute(
                "INSERT INTO action_items (id, title, status, due, created_at, updated_at, "
                "completed_at, decision_id, carried_count) VALUES (?,?,?,?,?,?,?,?,?)",
                [aid, f"A{aid}", status, due, made, made, done, decision, carried],
            )
            for position, pid in enumerate(owners):
                db.execute("INSERT INTO action_owners (action_id, person_id, position) "
                           "VALUES (?,?,?)", [aid, pid, position])  # fmt: skip
        for aid, kind, at in FOLLOW_UPS:
            db.execute("INSERT INTO follow_ups (action_id, kind, at) VALUES (?,?,?)",
                       [aid, kind, at])  # fmt: skip
        for mid, pid, rating in RATINGS:
            db.execute("INSERT INTO meeting_ratings VALUES (?,?,?,?)", [mid, pid, rating, now])
    service = AnalyticsService(services)
    for role, rate in (("lead", "300"), ("member", "120"), ("director", "600")):
        service.set_hourly_rate(role, rate)
    return service


def test_meeting_load_per_week(analytics: AnalyticsService) -> None:
    window = analytics.window("2026-W48", size=3)
    load = analytics.meetings(window).load
    assert [p.period.key for p in load] == ["2026-W46", "2026-W47", "2026-W48"]
    assert [(p.meetings, p.minutes, p.person_minutes) for p in load] == [
        (0, 0, 0), (1, 70, 140), (3, 103, 241),
    ]  # fmt: skip
    # 70 x (300 + 120) / 60 = 490; 50 x 1020 / 60 + 38 x 720 / 60 + 15 x 120 / 60 = 1336
    assert [p.cost for p in load] == [Decimal(0), Decimal(490), Decimal(1336)]


def test_series_kinds_and_habits(analytics: AnalyticsService) -> None:
    figures = analytics.meetings(analytics.window("2026-W48", size=3))
    series = [(s.title, s.meetings, s.planned_minutes, s.actual_minutes, s.overruns)
              for s in figures.series]  # fmt: skip
    assert series == [("周例会", 2, 120, 120, 1), ("", 2, 45, 53, 1)]
    assert figures.series[0].rating == Decimal("7.7") and figures.series[0].ratings == 3
    kinds = [(k.kind, k.meetings, k.overruns, k.rate) for k in figures.kinds]
    assert kinds == [
        ("weekly", 2, 1, Decimal("50.0")),
        ("coordination", 1, 1, Decimal("100.0")),
        ("daily", 1, 0, Decimal("0.0")),
    ]
    habits = figures.habits
    assert (habits.held, habits.late_starts, habits.circulated) == (4, 2, 1)
    assert (habits.late_rate, habits.circulated_rate) == (Decimal("50.0"), Decimal("25.0"))
    (trend,) = figures.ratings
    assert trend.title == "周例会"
    assert [(p.average, p.ratings) for p in trend.points] == [
        (None, 0), (Decimal("7.0"), 2), (Decimal("9.0"), 1),
    ]  # fmt: skip


def test_a_team_counts_its_members_time_only(analytics: AnalyticsService) -> None:
    figures = analytics.meetings(analytics.window("2026-W48", "销售二部", size=3))
    # 张伟 was absent from M1: only M3 counts, and only his 38 minutes at 120 an hour.
    assert [(p.meetings, p.minutes, p.person_minutes, p.cost) for p in figures.load][-1] == (
        1, 38, 38, Decimal(76),
    )  # fmt: skip
    assert figures.habits.held == 1


def test_no_rates_no_cost(analytics: AnalyticsService) -> None:
    for role in ("lead", "member", "director"):
        analytics.set_hourly_rate(role, None)
    figures = analytics.meetings(analytics.window("2026-W48", size=3))
    assert not figures.rates_set and figures.load[-1].cost is None


def test_on_time_completion(analytics: AnalyticsService) -> None:
    follow = analytics.follow_through(analytics.window("2026-W48", size=3))
    # W46: A8 on time; W47: A1 on time (23:00 local), A2 late (00:30 the next day), A3
    # open past due; W48: A6 done early. A4 is cancelled, A5 not due yet.
    assert [(p.due, p.on_time) for p in follow.trend] == [(1, 1), (3, 1), (1, 1)]
    assert follow.total.rate == Decimal("60.0")
    assert [(c.name, c.due, c.on_time) for c in follow.people] == [
        ("张伟", 1, 0), ("李明", 2, 1), ("王芳", 2, 1),
    ]  # fmt: skip
    assert [(c.name, c.due, c.on_time) for c in follow.teams] == [
        ("销售一部", 3, 2), ("销售二部", 1, 0),
    ]  # fmt: skip


def test_decisions_closing_and_carried(analytics: AnalyticsService) -> None:
    follow = analytics.follow_through(analytics.window("2026-W48", size=3))
    assert (follow.decisions, follow.executed, follow.execution_rate) == (2, 1, Decimal("50.0"))
    # closed in the window: 2.0, 2.0, 2.54, 2.60 days -> median (2.0 + 2.54) / 2
    assert (follow.closed, follow.median_days_to_close) == (4, Decimal("2.3"))
    # first follow-ups: A1 after 1 day, A3 after 4 (its edit does not count), A6 after 2
    assert (follow.followed, follow.median_follow_up_days) == (3, Decimal("2.0"))
    assert follow.carried_total == 1
    assert [(c.title, c.owner, c.carried) for c in follow.carried] == [("A9", "张伟", 3)]


def test_a_team_follow_through(analytics: AnalyticsService) -> None:
    follow = analytics.follow_through(analytics.window("2026-W48", "销售二部", size=3))
    assert [(p.due, p.on_time) for p in follow.trend] == [(0, 0), (1, 0), (0, 0)]
    assert [(c.name, c.due) for c in follow.people] == [("张伟", 1)]
    assert (follow.decisions, follow.executed) == (1, 0)


def test_numbers_plan_vs_actual(analytics: AnalyticsService, services: Services) -> None:
    numbers = NumbersService(services)
    numbers.add_measurable("销售额", unit="万元", goal="100")
    for owner, week, value in (
        ("王芳", "2026-W46", 90),
        ("王芳", "2026-W47", 80),
        ("李明", "2026-W46", 120),
        ("李明", "2026-W47", 110),
    ):
        numbers.set_value("销售额", week, value, owner=owner)  # fmt: skip
    figures = analytics.numbers(analytics.window("2026-W48", size=3))
    # The week under review is W47 (W48 is not over); the team's figure is its members'.
    assert figures.measurable is not None and figures.measurable.name == "销售额"
    assert [(p.period.key, p.plan, p.actual) for p in figures.trend[-2:]] == [
        ("2026-W46", Decimal(200), Decimal(210)), ("2026-W47", Decimal(200), Decimal(190)),
    ]  # fmt: skip
    assert [r.owner.name for r in figures.off_track_twice] == ["王芳"]


def test_window_and_ratings_refuse_bad_input(analytics: AnalyticsService) -> None:
    with pytest.raises(InvalidInput):
        analytics.window("2026-W99")
    with pytest.raises(InvalidInput):
        analytics.window("2026-11", team="没有这个部门")
    with pytest.raises(InvalidInput):
        analytics.rate_meeting(1, {1: 11})
    with pytest.raises(InvalidInput):
        analytics.rate_meeting(4, {1: 5})  # a draft: not held yet
    with pytest.raises(InvalidInput):
        analytics.set_hourly_rate("boss", "100")
    assert analytics.ratings(1) == {1: 8, 2: 6}
    analytics.rate_meeting(1, {1: None, 3: 4})
    assert analytics.ratings(1) == {2: 6, 3: 4}
