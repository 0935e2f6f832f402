"""The numbers review in a live meeting (core): the scorecard of the period under review,
``/k`` as an undoable, journaled live edit, countermeasures for the numbers off track, and
the next meeting of the series reviewing the targets set in this one."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from salestui.core.clock import FixedClock
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.meeting_numbers import reviewed_period
from salestui.core.models import AgendaKind, MeetingKind
from salestui.core.models.numbers import ValueSource
from salestui.core.numbers import NumbersService
from salestui.core.planning import Planning
from salestui.core.schema_numbers import NUMBERS_ITEMS_MIGRATION
from salestui.core.service import Services

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def meeting(services: Services, numbers_meeting) -> int:
    return numbers_meeting.build(services)


@pytest.fixture
def live(services: Services, clock: FixedClock, meeting: int) -> LiveMeeting:
    live = LiveMeeting(services)
    services.set_me("陈建国")
    clock.advance(minutes=34)
    live.start(meeting)
    return live


def figures(rows) -> dict[tuple[str, str], tuple[str, str, str]]:
    return {
        (r.measurable.key, r.owner.name): (str(r.goal.target) if r.goal else "-",
                                           str(r.actual), r.status.value)
        for r in rows
    }  # fmt: skip


def test_the_scorecard_is_the_last_week_of_the_people_in_the_meeting(
    services: Services, meeting: int
) -> None:
    NumbersService(services).set_value("sales", "2026-W47", 99, owner="营销部")
    services.add_person("王刚", team="华南")
    NumbersService(services).set_value("sales", "2026-W47", 50, owner="王刚")
    card = LiveMeeting(services).numbers.scorecard(meeting)
    assert card.period.key == "2026-W47" and card.next.key == "2026-W48"
    found = figures(card.rows)
    assert found[("sales", "周杰")] == ("20", "10.4", "off_track")
    assert found[("visits", "Li Ming")] == ("5", "2", "off_track")
    assert found[("sales", "营销部")][1] == "99"  # the chair's team
    assert ("sales", "王刚") not in found  # not in the meeting
    missing = {(r.measurable.key, r.owner.name) for r in card.missing}
    assert missing == {("sales", "周杰"), ("visits", "Li Ming")}  # a team's sum is not asked
    assert len(card.rows[0].sparkline) == 13


def test_the_period_under_review_is_the_one_before_the_meeting(services: Services) -> None:
    weekly = services.new_meeting("w", "p", MeetingKind.WEEKLY,
                                  datetime(2026, 11, 30, 9, tzinfo=SHANGHAI), 30)  # fmt: skip
    monthly = services.new_meeting("m", "p", MeetingKind.LEADERSHIP,
                                   datetime(2026, 12, 1, 9, tzinfo=SHANGHAI), 90)  # fmt: skip
    assert reviewed_period(weekly).key == "2026-W48"
    assert reviewed_period(monthly).key == "2026-11"


def test_k_sets_the_actual_and_next_target_undoably(
    services: Services, live: LiveMeeting, meeting: int
) -> None:
    numbers = NumbersService(services)
    live.numbers.capture(meeting, "/k @zj sales 12 目标 22")
    value = numbers.value("sales", "2026-W47", "周杰")
    assert value is not None and value.value == Decimal(12)
    assert value.source == ValueSource.MEETING and value.entered_by == "陈建国"
    next_row = [
        r for r in numbers.scorecard("2026-W48", owner="周杰") if r.measurable.key == "sales"
    ]
    assert next_row[0].goal is not None and next_row[0].goal.target == Decimal(22)
    (step,) = [e for e in services.journal.recent(5) if e.live]
    assert step.person == "陈建国" and "销售额 · 周杰 12" in step.summary

    undone = live.undo(meeting)
    assert undone.message == "Undone: the number “销售额 · 周杰 12 target 22”"
    assert numbers.value("sales", "2026-W47", "周杰").value == Decimal("10.4")
    after = [r for r in numbers.scorecard("2026-W48", owner="周杰") if r.measurable.key == "sales"]
    assert after[0].goal is not None and after[0].goal.target == Decimal(20)  # the standing one
    with pytest.raises(Conflict):
        live.undo(meeting)  # nothing else to undo


def test_a_bad_k_line_saves_nothing(services: Services, live: LiveMeeting, meeting: int) -> None:
    for line in ("/k @zj sales", "/k @zj sales 1 目标 x", "/k @nobody sales 1"):
        with pytest.raises(InvalidInput):
            live.numbers.capture(meeting, line)
    assert NumbersService(services).value("sales", "2026-W47", "周杰").value == Decimal("10.4")
    assert not live.undo_log.can_undo(meeting)


def test_k_needs_a_running_meeting(services: Services, meeting: int) -> None:
    with pytest.raises(Conflict):
        LiveMeeting(services).numbers.capture(meeting, "/k @zj sales 12")


def test_a_countermeasure_is_an_action_linked_to_the_number(
    services: Services, live: LiveMeeting, meeting: int
) -> None:
    card = live.numbers.scorecard(meeting)
    row = next(r for r in card.missing if r.owner.name == "周杰")
    assert row.measurable.id is not None
    measure = live.numbers.countermeasure(
        meeting, row.measurable.id, row.owner, "两家老客户订单推迟", "下周五 拜访瑞丰科技 p1"
    )
    assert (measure.period, measure.cause, measure.action_title) == (
        "2026-W47", "两家老客户订单推迟", "拜访瑞丰科技")  # fmt: skip
    action = services.action(measure.action_id)
    assert action.owner_ids == [services.find_person("周杰").id]  # the number's owner
    assert action.due == date(2026, 12, 4) and action.priority == 1
    assert action.meeting_id == meeting and action.entry_id is not None
    assert {r.owner.name for r in live.numbers.scorecard(meeting).missing} == {"Li Ming"}

    live.undo(meeting)
    assert {r.owner.name for r in live.numbers.scorecard(meeting).missing} == {"周杰", "Li Ming"}
    assert not services.store.get_actions([measure.action_id])


@pytest.mark.parametrize(
    ("cause", "line", "message"),
    [
        ("", "拜访客户", "Say the cause of the gap"),
        ("x" * 501, "拜访客户", "The cause is too long"),
        ("客户推迟", "  ", "Say the countermeasure"),
        ("客户推迟", "@nobody 拜访客户", "nobody"),
        ("客户推迟", "拜访客户 due:someday-never", "someday-never"),
    ],
)
def test_a_bad_countermeasure_saves_nothing(
    services: Services, live: LiveMeeting, meeting: int, cause: str, line: str, message: str
) -> None:
    row = live.numbers.scorecard(meeting).missing[0]
    assert row.measurable.id is not None
    with pytest.raises(Exception, match=message):
        live.numbers.countermeasure(meeting, row.measurable.id, row.owner, cause, line)
    assert len(live.numbers.scorecard(meeting).missing) == 2
    assert not live.undo_log.can_undo(meeting)


def test_the_next_meeting_reviews_the_targets_set(
    services: Services, clock: FixedClock, live: LiveMeeting, meeting: int
) -> None:
    live.numbers.capture(meeting, "/k @zj sales 目标 22")
    live.numbers.capture(meeting, "/k @li visits 4 目标 6")
    assert live.numbers.reviews_numbers(meeting)
    targets = {(t.measurable, t.owner.name, t.period, str(t.goal.target))
               for t in live.numbers.targets(meeting)}  # fmt: skip
    assert targets == {
        ("销售额", "周杰", "2026-W48", "22"),
        ("新客户拜访", "Li Ming", "2026-W48", "6"),
    }
    live.end(meeting)
    following, _created = Planning(services).next_after(meeting)
    assert following.id is not None
    items = services.store.list_agenda(following.id)
    kinds = {i.title: i.kind for i in items}
    assert kinds["上周业绩回顾"] == AgendaKind.NUMBERS  # the series' standing numbers item
    card = live.numbers.scorecard(following.id)
    assert card.period.key == "2026-W48"
    plan = {(r.measurable.key, r.owner.name): r.goal.target for r in card.rows if r.goal}
    assert plan[("sales", "周杰")] == Decimal(22) and plan[("visits", "Li Ming")] == Decimal(6)
    assert plan[("sales", "王芳")] == Decimal(30)  # nothing set: the standing goal


def test_migration_7_makes_the_weekly_results_items_numbers_reviews(
    services: Services,
) -> None:
    store = services.store
    store.db.execute("INSERT INTO templates (id, kind, name) VALUES (1, 'weekly', 'w')")
    store.db.execute("INSERT INTO templates (id, kind, name) VALUES (2, 'daily', 'd')")
    for template, title in ((1, "上周业绩回顾"), (1, "Each salesperson's numbers"),
                            (1, "问题与对策"), (2, "上周业绩回顾")):  # fmt: skip
        store.db.execute(
            "INSERT INTO template_items (template_id, position, title, timebox_minutes, kind) "
            "VALUES (?, 0, ?, 10, 'info')",
            [template, title],
        )
    for statement in NUMBERS_ITEMS_MIGRATION:
        store.db.execute(statement)
    kinds = store.db.execute(
        "SELECT template_id, title, kind FROM template_items ORDER BY id"
    ).fetchall()
    assert [tuple(k) for k in kinds] == [
        (1, "上周业绩回顾", "numbers"), (1, "Each salesperson's numbers", "numbers"),
        (1, "问题与对策", "info"), (2, "上周业绩回顾", "info"),
    ]  # fmt: skip
