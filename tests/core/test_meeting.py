"""The live meeting, driven through the core with a clock that moves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from salestui.core.db import open_store
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    EntryKind,
    FollowUpKind,
    MeetingKind,
    MeetingStatus,
    Role,
)
from salestui.core.planning import Planning
from salestui.core.service import Services


@pytest.fixture
def setup(services: Services, clock):
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    meeting = services.new_meeting(
        "周例会", "回顾本周", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    for title, minutes in (("上周业绩", 10), ("问题与对策", 10), ("下周目标", 5)):
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳", "Li Ming"])
    return LiveMeeting(services), meeting.id


def test_preflight_warns_but_allows_start(setup, services: Services, clock) -> None:
    live, mid = setup
    warnings = live.preflight(mid)
    assert any("never circulated" in w for w in warnings)
    assert any("王芳" in w and "Li Ming" in w for w in warnings)
    services.add_agenda_item(mid, "extra", 10)
    assert any("longer than the meeting" in w for w in live.preflight(mid))
    clock.advance(minutes=4)
    live.start(mid)
    state = live.state(mid)
    assert state.meeting.status == MeetingStatus.RUNNING
    assert state.late_by == timedelta(minutes=4)
    assert state.current.item.title == "上周业绩"
    with pytest.raises(Conflict):
        live.start(mid)


def test_timers_next_previous_skip_park_extend(setup, clock) -> None:
    live, mid = setup
    live.start(mid)
    clock.advance(minutes=8)
    state = live.state(mid)
    assert state.current.elapsed == timedelta(minutes=8) and state.current.phase == "warn"
    clock.advance(minutes=4)
    assert live.state(mid).current.phase == "over"
    live.next_item(mid)  # 12 min on item 1
    clock.advance(minutes=3)
    live.previous_item(mid)  # back to item 1: its time keeps growing
    clock.advance(minutes=1)
    state = live.state(mid)
    assert state.current.item.title == "上周业绩"
    assert state.current.elapsed == timedelta(minutes=13)
    assert state.items[1].elapsed == timedelta(minutes=3)
    live.extend(mid, 5)
    live.extend(mid, -5)
    live.extend(mid, 5)
    current = live.state(mid).current
    assert (current.item.timebox_minutes, current.item.extended_minutes) == (10, 5)
    live.next_item(mid)  # -> item 2 again (pending)
    live.skip_item(mid)  # item 2 skipped -> item 3
    live.park_item(mid)  # item 3 parked -> nothing left
    state = live.state(mid)
    assert [i.item.status for i in state.items] == [
        AgendaStatus.DONE,
        AgendaStatus.SKIPPED,
        AgendaStatus.PARKED,
    ]
    assert state.current is None
    assert state.elapsed == timedelta(minutes=16)
    assert state.projected_end == state.now


def test_projected_end(setup, clock) -> None:
    live, mid = setup
    live.start(mid)
    clock.advance(minutes=2)
    state = live.state(mid)
    assert state.planned_end == state.meeting.actual_start + timedelta(minutes=30)
    # 8 min left on item 1, then 10 + 5 pending.
    assert state.projected_end == state.now + timedelta(minutes=23)


def test_capture_kinds_and_failures(setup, services: Services, clock) -> None:
    live, mid = setup
    with pytest.raises(Conflict):
        live.capture(mid, "too early")
    live.start(mid)
    note = live.capture(mid, "华东区回款比计划低 15%")
    assert note.entry.kind == EntryKind.NOTE and note.entry.agenda_item_id
    decision = live.capture(mid, "决定：华东区报价统一上调 3%")
    assert decision.decision.status == DecisionStatus.PROPOSED
    action = live.capture(mid, "/a @王芳 下周五 提交华东区回款计划 p1 #回款")
    assert action.action.owner_ids == [services.find_person("王芳").id]
    assert action.action.due == date(2026, 12, 4) and action.action.priority == 1
    assert action.action.decision_id == decision.decision.id
    topic = live.capture(mid, "/t 展会预算")
    titles = [i.title for i in services.store.list_agenda(mid)]
    assert titles == ["上周业绩", "展会预算", "问题与对策", "下周目标"]
    assert topic.new_item.title == "展会预算"
    before = services.store.count("entries")
    with pytest.raises(NotFound):
        live.capture(mid, "/a @nobody call the client")
    with pytest.raises(InvalidInput):
        live.capture(mid, "/a @王芳 due:someday-never plan")
    assert services.store.count("entries") == before
    assert "王芳" in live.preview("/a @王芳 fri send plan")


def test_edit_delete_undo_convert(setup, services: Services) -> None:
    live, mid = setup
    live.start(mid)
    entry = live.capture(mid, "/a @王芳 fri send plan").entry
    action_id = services.store.action_ids_for_entries([entry.id])[entry.id]
    due = services.action(action_id).due
    live.delete_entry(entry.id)
    assert live.entries(mid) == []
    assert services.store.get_action(action_id) is None  # no cancelled ghost left behind
    live.undelete_entry(entry.id)
    assert [e.id for e in live.entries(mid)] == [entry.id]
    restored = services.action(services.store.action_ids_for_entries([entry.id])[entry.id])
    assert restored.status == ActionStatus.OPEN and restored.due == due
    assert restored.owner_ids == [services.find_person("王芳").id]
    note = live.capture(mid, "we should raise prices").entry
    converted = live.convert_entry(note.id, EntryKind.DECISION)
    assert converted.decision.text == "we should raise prices"
    assert services.store.get_entry(note.id).kind == EntryKind.DECISION
    edited = live.edit_entry(note.id, "/d raise prices by 3%")
    decisions = services.store.list_decisions(mid)
    assert [d.status for d in decisions] == [DecisionStatus.PROPOSED]
    assert edited.decision.text == "raise prices by 3%"


def test_attendance_and_speaking_balance(setup, services: Services, clock) -> None:
    live, mid = setup
    wang, li = services.find_person("王芳").id, services.find_person("Li Ming").id
    live.set_attendance(mid, wang, "present")
    live.start(mid)
    clock.advance(minutes=3)
    late = live.set_attendance(mid, li, AttendanceStatus.LATE)
    assert late.arrived_at == clock.now()
    live.speak(mid, wang)
    clock.advance(minutes=9)
    live.speak(mid, li)
    clock.advance(minutes=1)
    balance = live.balance(mid)
    assert balance.speaking_now == li
    assert [(s.person.name, round(s.share, 2)) for s in balance.shares] == [
        ("王芳", 0.9),
        ("Li Ming", 0.1),
    ]
    assert balance.dominant.person.name == "王芳"  # 13 min in, 90 % > 50 %
    assert live.balance(mid, threshold=0.95).dominant is None
    live.speak(mid, None)
    assert live.balance(mid).speaking_now is None
    with pytest.raises(InvalidInput):
        live.set_attendance(mid, wang, "sleeping")


def test_review_previous_actions(setup, services: Services, clock) -> None:
    live, mid = setup
    earlier = services.new_meeting("上周例会", "p", start=clock.now() - timedelta(days=7))
    a1 = services.add_action("回款计划", ["王芳"], date(2026, 11, 20), meeting_id=earlier.id)
    a2 = services.add_action("客户名单", ["Li Ming"], meeting_id=earlier.id)
    a3 = services.add_action("报价单", ["Li Ming"], meeting_id=earlier.id)
    a4 = services.add_action("展会", ["王芳"], meeting_id=earlier.id)
    assert {r.id for r in live.review_candidates(mid)} == {a1.id, a2.id, a3.id, a4.id}
    live.review_action(mid, a1.id, "done", "已完成")
    live.review_action(mid, a2.id, "new_due", "客户推迟", new_due=date(2026, 12, 11))
    live.review_action(mid, a3.id, "escalate", "需要经理支持")
    live.review_action(mid, a4.id, "drop")
    assert live.review_candidates(mid) == []
    assert services.action(a1.id).status == ActionStatus.DONE
    assert services.action(a2.id).due == date(2026, 12, 11)
    assert services.find_person("王芳").id in services.action(a3.id).owner_ids
    assert services.action(a4.id).status == ActionStatus.CANCELLED
    kinds = [f.kind for f in services.follow_ups(a3.id)]
    assert FollowUpKind.ESCALATE in kinds and FollowUpKind.REVIEW in kinds
    with pytest.raises(InvalidInput):
        live.review_action(mid, a1.id, "forget")


def test_series_start_counts_a_carry(services: Services, clock) -> None:
    services.add_person("王芳")
    planning, live = Planning(services), LiveMeeting(services)
    first = services.new_meeting("周例会", "p", start=clock.now() - timedelta(days=7))
    series = planning.make_recurring(first.id, "weekly")
    old = services.add_action("回款计划", ["王芳"], meeting_id=first.id)
    closed = services.add_action("done already", ["王芳"], meeting_id=first.id)
    services.mark_done(closed.id)
    second = planning.next_meeting(series.id)
    live.start(second.id)
    assert services.action(old.id).carried_count == 1
    assert services.action(closed.id).carried_count == 0


def test_end_and_confirm(setup, services: Services, clock) -> None:
    live, mid = setup
    live.start(mid)
    decision = live.capture(mid, "/d raise prices").decision
    rejected = live.capture(mid, "/d close the Xi'an office").decision
    orphan = live.capture(mid, "/a prepare the list").action
    parked = live.capture(mid, "/p trade show budget").entry
    clock.advance(minutes=20)
    with pytest.raises(Conflict):
        live.confirm(mid)
    ended = live.end(mid)
    assert ended.status == MeetingStatus.ENDED and ended.actual_end == clock.now()
    assert len(live.open_questions(mid)) == 4
    with pytest.raises(Conflict, match="Decision not confirmed"):
        live.confirm(mid)
    live.set_decision(decision.id, "confirmed", text="raise prices by 3%")
    live.set_decision(rejected.id, "rejected")
    live.settle_action(orphan.id, owners=["Li Ming"], due=date(2026, 12, 4))
    live.resolve_parked(parked.id, "next")
    summary = live.confirm(mid)
    assert summary.meeting.status == MeetingStatus.CONFIRMED
    assert summary.actual_minutes == 20.0 and summary.planned_minutes == 30
    assert [d.status for d in summary.decisions] == [
        DecisionStatus.CONFIRMED,
        DecisionStatus.REJECTED,
    ]
    with pytest.raises(Conflict):
        live.capture(mid, "late note")


def test_leave_unassigned_knowingly(setup, services: Services) -> None:
    live, mid = setup
    live.start(mid)
    orphan = live.capture(mid, "/a someone should call").action
    live.end(mid)
    live.settle_action(orphan.id, leave_unassigned=True)
    assert live.open_questions(mid) == []


def test_state_survives_reopening_the_database(setup, services: Services, clock, db_path):
    live, mid = setup
    live.start(mid)
    clock.advance(minutes=5)
    live.next_item(mid)
    live.capture(mid, "saved before the crash")
    clock.advance(minutes=2)
    services.store.close()  # the process "dies"; nothing is held in memory
    reopened = open_store(db_path)
    try:
        again = LiveMeeting(Services(reopened, clock))
        assert [m.id for m in again.running()] == [mid]
        state = again.state(mid)
        assert state.current.item.title == "问题与对策"
        assert state.current.elapsed == timedelta(minutes=2)
        assert state.items[0].elapsed == timedelta(minutes=5)
        assert [e.text for e in again.entries(mid)] == ["saved before the crash"]
    finally:
        reopened.close()
