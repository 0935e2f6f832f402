"""Live edits never corrupt the record (issue 10, section 2): conversions keep the entry's
own words, a converted entry leaves no ghost behind, and every live edit can be undone -
from the database, so after a restart too."""

from __future__ import annotations

from datetime import date

import pytest

from salestui.core.db import open_store
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.export.minutes import render_minutes
from salestui.core.export.reports import render_decisions
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    EntryKind,
    MeetingKind,
    MeetingStatus,
    Role,
)
from salestui.core.service import Services


@pytest.fixture
def setup(services: Services, clock):
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    meeting = services.new_meeting(
        "周例会", "回顾本周", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    for title, minutes in (("上周业绩", 10), ("下周目标", 10)):
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳"])
    live = LiveMeeting(services)
    live.start(meeting.id)
    return live, meeting.id


def _action(services: Services, entry_id: int):
    action_id = services.store.action_ids_for_entries([entry_id]).get(entry_id)
    return services.action(action_id) if action_id is not None else None


# -- 1. conversions keep the entry's own words -------------------------------------------


def test_note_to_action_keeps_its_words(setup, services: Services) -> None:
    live, mid = setup
    note = live.capture(mid, "下周销售目标 提升百分之二十").entry
    result = live.convert_entry(note.id, EntryKind.ACTION)
    assert result.action.title == "下周销售目标 提升百分之二十"
    assert result.action.due is None  # "下周" is the note's word, not a due date
    assert services.store.get_entry(note.id).text == "下周销售目标 提升百分之二十"


def test_decision_to_note_stores_no_command(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/d 华东区回款计划通过").entry
    live.convert_entry(entry.id, EntryKind.NOTE)
    stored = services.store.get_entry(entry.id)
    assert (stored.kind, stored.text) == (EntryKind.NOTE, "华东区回款计划通过")
    assert live.edit_entry(entry.id, "/n 回款计划再议").entry.text == "回款计划再议"


def test_action_round_trip_keeps_owner_and_due(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/a @王芳 due:2026-12-04 p1 #回款 提交回款计划").entry
    before = _action(services, entry.id)
    live.convert_entry(entry.id, EntryKind.NOTE)
    assert _action(services, entry.id) is None
    live.convert_entry(entry.id, EntryKind.DECISION)
    after = live.convert_entry(entry.id, EntryKind.ACTION).action
    assert after.title == "提交回款计划"
    assert (after.owner_ids, after.due, after.priority, after.tags) == (
        before.owner_ids, date(2026, 12, 4), 1, ["回款"]
    )  # fmt: skip


def test_action_to_action_changes_nothing(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/a @王芳 due:2026-12-04 提交回款计划").entry
    before = _action(services, entry.id)
    live.convert_entry(entry.id, EntryKind.ACTION)
    after = _action(services, entry.id)
    assert (after.id, after.owner_ids, after.due) == (before.id, before.owner_ids, before.due)
    assert services.store.count_undo(mid) == 1  # only the capture: the no-op is not recorded


def test_undelete_keeps_the_stored_words(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "下周销售目标").entry
    live.convert_entry(entry.id, EntryKind.ACTION)
    live.delete_entry(entry.id)
    result = live.undelete_entry(entry.id)
    assert result.capture.text == "下周销售目标" and result.capture.due is None
    assert result.action.title == "下周销售目标" and result.action.due is None


def test_topics_and_unknown_kinds_are_not_converted(setup) -> None:
    live, mid = setup
    topic = live.capture(mid, "/t 新议题").entry
    with pytest.raises(InvalidInput):
        live.convert_entry(topic.id, EntryKind.NOTE)
    note = live.capture(mid, "一条记录").entry
    with pytest.raises(InvalidInput):
        live.convert_entry(note.id, EntryKind.PARK)


# -- 2. no ghosts ---------------------------------------------------------------------------


def test_a_converted_decision_leaves_no_ghost(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/d 华东区本月回款目标500万").entry
    live.convert_entry(entry.id, EntryKind.ACTION)
    live.convert_entry(entry.id, EntryKind.DECISION)
    live.convert_entry(entry.id, EntryKind.NOTE)
    live.convert_entry(entry.id, EntryKind.DECISION)
    live.capture(mid, "/d 下周起每日早会")
    decisions = services.store.list_decisions(mid)
    assert [d.text for d in decisions] == ["华东区本月回款目标500万", "下周起每日早会"]
    assert all(d.status == DecisionStatus.PROPOSED for d in decisions)
    # An action captured now hangs on the decision in force, not on a ghost.
    action = live.capture(mid, "/a @王芳 fri 落实早会").action
    assert action.decision_id == decisions[-1].id
    live.end(mid)
    questions = live.open_questions(mid)
    assert sum("Decision not confirmed" in q for q in questions) == 2
    minutes = render_minutes(services, mid)
    assert minutes.count("华东区本月回款目标500万") == 2  # discussion + decisions list
    for decision in decisions:
        live.set_decision(decision.id, DecisionStatus.CONFIRMED)
    register = render_decisions(services)
    assert register.count("华东区本月回款目标500万") == 1


def test_superseded_rows_of_older_databases_stay_out(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/d 旧的决议").entry
    decision = services.store.decision_for_entry(entry.id)
    decision.status = DecisionStatus.SUPERSEDED  # as the old convert left it
    services.store.update_decision(decision)
    assert services.store.list_decisions(mid) == []
    assert services.store.decision_for_entry(entry.id) is None
    live.end(mid)
    assert not any("旧的决议" in q for q in live.open_questions(mid))
    assert "旧的决议" not in render_decisions(services)


def test_a_deleted_action_is_gone_not_cancelled(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/a @王芳 fri 提交回款计划").entry
    action_id = _action(services, entry.id).id
    live.delete_entry(entry.id)
    assert services.store.get_action(action_id) is None
    assert "提交回款计划" not in render_minutes(services, mid)


# -- 3. every live edit can be undone ------------------------------------------------------


def test_undo_takes_back_each_edit_last_first(setup, services: Services) -> None:
    live, mid = setup
    wang = services.find_person("王芳").id
    action = live.capture(mid, "/a @王芳 due:2026-12-04 提交回款计划").entry
    note = live.capture(mid, "下周销售目标").entry
    live.edit_entry(note.id, "下周销售目标 提升两成")
    live.convert_entry(action.id, EntryKind.NOTE)
    live.delete_entry(note.id)
    live.set_attendance(mid, wang, AttendanceStatus.LATE)
    live.extend(mid, 5)
    live.skip_item(mid)

    messages = [live.undo(mid).message for _ in range(6)]
    assert messages[0] == "Undone: skipping “上周业绩”"
    assert messages[1] == "Undone: the timebox change of “上周业绩”"
    assert messages[2] == "Undone: the attendance change of 王芳"
    assert messages[3] == "Undone: the deletion of “下周销售目标 提升两成”"
    assert messages[5] == "Undone: the edit of “下周销售目标”"
    agenda = services.store.list_agenda(mid)
    assert [(i.status, i.timebox_minutes) for i in agenda] == [
        (AgendaStatus.ACTIVE, 10), (AgendaStatus.PENDING, 10)
    ]  # fmt: skip
    attendance = {a.person_id: a.status for a in services.store.list_attendance(mid)}
    assert attendance[wang] == AttendanceStatus.INVITED
    assert services.store.get_entry(note.id).text == "下周销售目标"
    restored = _action(services, action.id)
    assert restored.owner_ids == [wang] and restored.due == date(2026, 12, 4)
    assert services.store.get_entry(action.id).kind == EntryKind.ACTION
    live.undo(mid)
    live.undo(mid)
    assert live.entries(mid) == [] and services.store.count("action_items") == 0
    with pytest.raises(Conflict, match="Nothing left to undo"):
        live.undo(mid)


def test_undo_survives_a_restart(setup, services: Services, db_path, clock) -> None:
    live, mid = setup
    entry = live.capture(mid, "/d 华东区回款计划通过").entry
    live.delete_entry(entry.id)
    services.store.close()
    with open_store(db_path) as store:
        reopened = LiveMeeting(Services(store, clock))
        assert reopened.undo(mid).message == "Undone: the deletion of “华东区回款计划通过”"
        assert [d.text for d in store.list_decisions(mid)] == ["华东区回款计划通过"]
        assert store.get_entry(entry.id).deleted is False


def test_undo_of_decision_confirmation_after_the_end(setup, services: Services) -> None:
    live, mid = setup
    decision = live.capture(mid, "/d 通过").decision
    live.next_item(mid)
    live.end(mid)
    live.set_decision(decision.id, DecisionStatus.REJECTED)
    assert live.undo(mid).message == "Undone: the status change of the decision “通过”"
    assert services.store.get_decision(decision.id).status == DecisionStatus.PROPOSED
    with pytest.raises(Conflict, match="no longer running"):
        live.undo(mid)  # moving on from an item means nothing once the meeting ended
    assert services.store.count_undo(mid) == 2  # refused: nothing taken, nothing lost


def test_undo_is_refused_once_confirmed(setup, services: Services) -> None:
    live, mid = setup
    live.capture(mid, "一条记录")
    live.end(mid)
    live.confirm(mid)
    assert services.meeting(mid).status == MeetingStatus.CONFIRMED
    with pytest.raises(Conflict, match="confirmed"):
        live.undo(mid)
    assert len(live.entries(mid)) == 1


def test_undo_refuses_rows_changed_since(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/a @王芳 fri 提交回款计划").entry
    services.edit_action(_action(services, entry.id).id, title="改过的标题")  # elsewhere
    with pytest.raises(Conflict, match="changed again since"):
        live.undo(mid)
    assert _action(services, entry.id).title == "改过的标题"
    with pytest.raises(Conflict, match="Nothing left"):
        live.undo(mid)


def test_undo_of_a_new_agenda_item_and_of_moves(setup, services: Services) -> None:
    live, mid = setup
    live.capture(mid, "/t 临时议题")
    assert [i.title for i in services.store.list_agenda(mid)][1] == "临时议题"
    live.next_item(mid)
    live.previous_item(mid)
    live.undo(mid)
    live.undo(mid)
    assert live.state(mid).current.item.title == "上周业绩"
    live.undo(mid)
    assert [i.title for i in services.store.list_agenda(mid)] == ["上周业绩", "下周目标"]


def test_undo_of_a_review_and_of_a_parked_topic_answer(setup, services: Services) -> None:
    live, mid = setup
    earlier = services.new_meeting("上周例会", "回顾", MeetingKind.WEEKLY)
    old = services.add_action("拜访苏州客户", ["王芳"], meeting_id=earlier.id)
    live.review_action(mid, old.id, "done", note="已完成")
    parked = live.capture(mid, "/p 展会预算").entry
    live.end(mid)
    created = live.resolve_parked(parked.id, "action", ["王芳"])
    assert live.undo(mid).message == "Undone: the answer on the parked topic “展会预算”"
    assert services.store.get_action(created.id) is None
    assert services.store.get_entry(parked.id).disposition is None
    assert live.undo(mid).message == "Undone: the line “展会预算”"
    assert live.undo(mid).message == "Undone: the review of “拜访苏州客户”"
    reverted = services.action(old.id)
    assert reverted.status.value == "open" and reverted.completed_at is None
    assert services.store.list_follow_ups(old.id) == []  # the review note went with it


# -- editing the words of an entry -------------------------------------------------------


def test_editing_the_words_reads_nothing_into_them(setup, services: Services) -> None:
    live, mid = setup
    entry = live.capture(mid, "/a @王芳 due:2026-12-04 p1 提交计划").entry
    assert "王芳" in live.edits.preview_edit(entry.id, "下周销售目标 提升两成")
    live.save_edit(entry.id, "下周销售目标 提升两成")  # the words only: no due date in them
    action = _action(services, entry.id)
    assert action.title == "下周销售目标 提升两成"
    assert (action.due, action.priority) == (date(2026, 12, 4), 1)
    assert action.owner_ids == [services.find_person("王芳").id]
    decision = live.capture(mid, "/d 华东区回款计划通过").entry
    live.save_edit(decision.id, "华东区回款计划 下周一通过")
    assert [d.text for d in services.store.list_decisions(mid)] == ["华东区回款计划 下周一通过"]
    # A leading command captures the line anew, as typed.
    live.save_edit(decision.id, "/n 改为记录")
    assert services.store.get_entry(decision.id).text == "改为记录"
    assert services.store.list_decisions(mid) == []
    assert live.undo(mid).message == "Undone: the edit of “华东区回款计划 下周一通过”"
    with pytest.raises(InvalidInput):
        live.save_edit(entry.id, "   ")
