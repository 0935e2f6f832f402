"""The journal (issue 14, "one undo for everything"): every kind of change is one step
with who and when, written in the change's own transaction; undo puts the rows back
exactly, once, after a restart too, and never over a later change."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from salestui.core.actions_bulk import BulkChanges
from salestui.core.actions_service import ActionsService
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.errors import InvalidInput, SalestuiError
from salestui.core.journal import JournalEntry
from salestui.core.models import ActionQuery, ActionStatus, MeetingKind, Person, Role
from salestui.core.planning import Planning
from salestui.core.service import Services

# Everything a change may touch (the journal itself aside), as sorted rows.
TABLES = ("action_items", "action_owners", "action_tags", "follow_ups", "meetings",
          "agenda_items", "attendance", "people", "series", "series_items",
          "series_attendees")  # fmt: skip


def dump(db: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(db)) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


@pytest.fixture
def org(services: Services) -> Services:
    # The people are there before the story starts: written without a journal step.
    now = services.clock.now()
    boss = services.store.add_person(Person(name="Zhang Wei", role=Role.DIRECTOR), now)
    lead = services.store.add_person(
        Person(name="王芳", role=Role.LEAD, team="华东", reports_to=boss.id), now
    )
    services.store.add_person(Person(name="赵磊", team="华东", reports_to=lead.id), now)
    services.set_me("王芳")
    return services


def later(services: Services, minutes: int = 1) -> None:
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.set(clock.now() + timedelta(minutes=minutes))


def one_step(services: Services, before: int) -> JournalEntry:
    """The one step written since ``before`` steps: by me, at the clock's now."""
    steps = services.journal.recent(50)
    assert len(steps) == before + 1, [s.summary for s in steps]
    step = steps[0]
    assert step.person == "王芳"
    assert step.at == services.clock.now()
    return step


def test_every_kind_of_action_change_is_one_step_undone_exactly(
    org: Services, db_path: Path
) -> None:
    ops = ActionsService(org)
    item = org.add_action("给恒达发报价", owners=["赵磊"], due=date(2026, 12, 4), tags=["报价"])
    assert item.id is not None
    assert one_step(org, 0).summary == "Added #1 “给恒达发报价”"
    changes = [
        (lambda: org.edit_action(1, title="发修改后的报价", priority=1, tags=["报价", "q4"]),
         "#1 “发修改后的报价”: title → “发修改后的报价”, priority → p1, tags → #q4 #报价"),
        (lambda: ops.set_status([1], "waiting", reason="恒达采购部"),
         "#1 “发修改后的报价”: status → waiting, reason"),
        (lambda: ops.reassign([1], ["王芳"], note="休假"), "#1 “发修改后的报价”: owners → 王芳"),
        (lambda: ops.set_due([1], date(2026, 12, 11)), "#1 “发修改后的报价”: due → 2026-12-11"),
        (lambda: org.add_follow_up(1, "客户要新报价", next_check_in=date(2026, 12, 1)),
         "#1 “发修改后的报价”: check-in → 2026-12-01, follow-up “客户要新报价”"),
        (lambda: ops.add_follow_up(1, "已发", status="blocked", reason="等审批"),
         "#1 “发修改后的报价”: status → blocked, reason, follow-up “已发”"),
        (lambda: org.mark_done(1), "#1 “发修改后的报价”: status → done, reason"),
    ]  # fmt: skip
    for change, summary in changes:
        later(org)
        before = dump(db_path)
        count = len(org.journal.recent(50))
        change()
        step = one_step(org, count)
        assert step.summary == summary
        later(org)
        undone = org.journal.undo()
        assert undone.id == step.id and undone.undone_by == "王芳"
        assert dump(db_path) == before, summary  # every row as it was, times included
        change()  # done again, for the next change to build on
    steps = org.journal.recent(50)
    assert sum(s.undone for s in steps) == len(changes)


def test_escalate_and_a_bulk_change_are_one_step_each(org: Services, db_path: Path) -> None:
    ids = [org.add_action(f"item {n}", owners=["赵磊"]).id for n in range(5)]
    before = dump(db_path)
    manager = ActionsService(org).escalate(ids[0], "需要支援")
    assert manager.name == "王芳"
    assert one_step(org, 5).summary == "#1 “item 0”: escalated to 王芳"
    org.journal.undo()
    assert dump(db_path) == before
    bulk = BulkChanges(org)
    change = bulk.modification(due=date(2026, 12, 24), priority=1, add_tags=["q4"])
    changed = bulk.apply(ids, change)
    assert changed.count == 5
    step = one_step(org, 6)
    assert step.summary == "5 items: due → 2026-12-24, priority → p1, tags → #q4"
    assert step.fields == ["due", "priority", "tags"]
    assert changed.step == step.id
    org.journal.undo(changed.step)
    assert dump(db_path) == before


def test_a_change_that_changes_nothing_writes_no_step(org: Services) -> None:
    org.add_action("item", owners=["赵磊"], due=date(2026, 12, 4))
    ActionsService(org).set_due([1], date(2026, 12, 4))
    org.edit_action(1, owners=["赵磊"])
    assert ActionsService(org).set_status([1], "open").count == 0
    assert len(org.journal.recent()) == 1


def test_meeting_plan_edits_are_steps(org: Services, db_path: Path) -> None:
    planning = Planning(org)
    meeting = org.new_meeting("周例会", "review", MeetingKind.WEEKLY)
    assert meeting.id is not None
    first = org.add_agenda_item(meeting.id, "上周业绩", 10)
    org.add_agenda_item(meeting.id, "问题与对策", 15)
    org.invite(meeting.id, ["赵磊"])
    edits = [
        (lambda: org.edit_meeting(meeting.id, title="周例会 第48周", purpose="review",
                                  kind="weekly", start=None, minutes=45),
         "Meeting “周例会”: details edited"),
        (lambda: planning.edit_item(first.id, minutes=20), "Meeting “周例会”: edited “上周业绩”"),
        (lambda: planning.move_item(first.id, 1), "Meeting “周例会”: moved “上周业绩”"),
        (lambda: planning.delete_item(first.id), "Meeting “周例会”: deleted “上周业绩”"),
        (lambda: planning.uninvite(meeting.id, 3), "Meeting “周例会”: removed 赵磊"),
        (lambda: planning.set_required(meeting.id, 3, False), "Meeting “周例会”: 赵磊 optional"),
    ]  # fmt: skip
    count = 4
    for change, summary in edits:
        later(org)
        before = dump(db_path)
        change()
        assert one_step(org, count).summary == summary
        org.journal.undo()
        assert dump(db_path) == before, summary
        count += 1


def test_undo_after_a_restart_and_only_once(org: Services, db_path: Path, clock) -> None:
    org.add_action("item", owners=["赵磊"])
    before = dump(db_path)
    ActionsService(org).mark_done([1])
    org.store.close()
    # A new process on the same file: the step is there, and undo takes it back.
    again = Services(open_store(db_path), clock, me="王芳")
    try:
        step = again.journal.latest_mine()
        assert step is not None and step.summary == "#1 “item”: status → done"
        again.journal.undo()
        assert dump(db_path) == before
        with pytest.raises(InvalidInput, match=r"#2 was undone already \(王芳, "):
            again.journal.undo(step.id)
        # My newest step not undone yet is now the add; then nothing is left.
        assert again.journal.undo().summary == "Added #1 “item”"
        with pytest.raises(InvalidInput, match="Nothing of yours to undo"):
            again.journal.undo()
        with pytest.raises(InvalidInput, match="No change #99 in the journal"):
            again.journal.undo(99)
        assert [s.undone for s in again.journal.recent()] == [True, True]
    finally:
        again.store.close()


def test_a_later_change_blocks_the_undo_until_it_is_undone(org: Services, db_path: Path) -> None:
    ops = ActionsService(org)
    org.add_action("item", owners=["赵磊"])
    first = ops.set_due([1], date(2026, 12, 4))
    before_first = dump(db_path)
    # Someone else changes the same item since.
    other = Services(org.store, org.clock, me="赵磊")
    later(org)
    second = ActionsService(other).set_status([1], "in_progress")
    state = dump(db_path)
    with pytest.raises(InvalidInput) as refused:
        org.journal.undo(first.step)
    assert str(refused.value) == (
        "Not undone: what #2 changed was changed again by #3 (赵磊: #1 “item”: status → "
        "in progress); undo #3 first"
    )
    assert dump(db_path) == state  # nothing changed
    # My newest step is still #2 (the other person's does not count as mine)...
    latest = org.journal.latest_mine()
    assert latest is not None and latest.id == first.step
    other.journal.undo(second.step)
    assert dump(db_path) == before_first
    assert org.journal.undo().id == first.step


def test_a_change_outside_the_journal_also_blocks_the_undo(org: Services) -> None:
    org.add_action("item")
    ActionsService(org).set_due([1], date(2026, 12, 4))
    org.store.increment_carried([1])  # e.g. a meeting's close carries it over
    with pytest.raises(InvalidInput, match=r"^Not undone: what #2 changed was changed again"):
        org.journal.undo()


def test_bulk_by_filter_matches_everything_and_checks_input(org: Services) -> None:
    for n in range(130):
        org.add_action(f"item {n}", owners=["赵磊" if n % 2 else "王芳"])
    bulk = BulkChanges(org)
    mine = bulk.matching_ids(org.action_query(owner="赵磊"))
    assert len(mine) == 65
    change = bulk.modification(status="waiting", reason="客户", owners=["王芳"])
    planned = bulk.preview(mine, change)
    assert len(planned) == 65 and len(org.journal.recent(500)) == 130  # a preview writes nothing
    assert planned[0].differences({2: "王芳", 3: "赵磊"}) == [
        "status: open → waiting", "owners: 赵磊 → 王芳", "reason: - → 客户"
    ]  # fmt: skip
    assert bulk.apply(mine, change).count == 65
    assert org.count_actions(ActionQuery(statuses=[ActionStatus.WAITING])) == 65
    for bad in ({"status": "later"}, {"owners": ["nobody"]}, {"priority": 4},
                {"reason": "x"}, {}, {"add_tags": [" "]}):  # fmt: skip
        with pytest.raises(SalestuiError):  # InvalidInput, or NotFound for the name
            bulk.modification(**bad)  # type: ignore[arg-type]
    assert len(org.journal.recent(500)) == 131


def test_live_edits_are_history_with_who_and_undone_in_the_meeting(org: Services) -> None:
    from salestui.core.meeting import LiveMeeting

    live = LiveMeeting(org)
    meeting = org.new_meeting("周例会", "review", MeetingKind.WEEKLY)
    assert meeting.id is not None
    org.add_agenda_item(meeting.id, "回款", 10)
    live.start(meeting.id)
    live.capture(meeting.id, "/a @赵磊 提交回款计划 fri")
    step = org.journal.recent(1)[0]
    assert step.live and step.person == "王芳" and step.kind == "live"
    assert step.summary == "Live meeting: the line “提交回款计划”"
    action_id = org.store.actions_of_meeting(meeting.id)[0].id
    assert action_id is not None
    changes = org.journal.item_changes(action_id)
    assert [(c.person, c.what) for c in changes] == [("王芳", "Created this item")]
    with pytest.raises(InvalidInput, match="made in a live meeting"):
        org.journal.undo(step.id)
    live.undo(meeting.id)
    assert org.journal.entry(step.id).undone


def test_the_cycle_and_people_are_steps_with_who_undone_exactly(
    org: Services, db_path: Path
) -> None:
    """Confirming, planning the next meeting (carrying what was left open) and editing
    the people are steps of mine like any other, and undo puts every row back."""
    from salestui.core.meeting import LiveMeeting

    live, planning = LiveMeeting(org), Planning(org)
    meeting = org.new_meeting("周例会", "review", MeetingKind.WEEKLY)
    assert meeting.id is not None
    org.add_agenda_item(meeting.id, "回款", 10)
    org.add_agenda_item(meeting.id, "新客户", 10)  # never reached: carried
    org.invite(meeting.id, ["赵磊"])
    live.start(meeting.id)
    live.end(meeting.id)
    steps = [
        (lambda: live.confirm(meeting.id), "Meeting “周例会”: minutes confirmed"),
        (lambda: planning.next_after(meeting.id), "Planned the meeting after “周例会”"),
        (lambda: org.add_person("孙丽", team="华东", reports_to="王芳"),
         "Added 孙丽 to the people"),
    ]  # fmt: skip
    for change, summary in steps:
        later(org)
        before = dump(db_path)
        change()
        step = org.journal.recent(1)[0]
        assert (step.summary, step.person) == (summary, "王芳")
        org.journal.undo()
        assert dump(db_path) == before, summary
        change()
    following = org.store.list_meetings(series_id=org.meeting(meeting.id).series_id)
    assert [m.id for m in following][-1] != meeting.id
    carried = org.store.list_agenda(following[-1].id or 0)
    assert [i.title for i in carried if i.carried_from == meeting.id] == ["新客户"]
    # A person someone has since been given an item is not taken back: it would orphan it.
    added = org.journal.recent(1)[0]
    later(org)
    org.edit_person(org.find_person("孙丽").id or 0, team="华南")
    assert org.journal.recent(1)[0].summary == "Edited 孙丽’s details"
    org.journal.undo()
    assert org.find_person("孙丽").team == "华东"
    org.add_action("拜访华联", owners=["孙丽"])
    state = dump(db_path)
    with pytest.raises(InvalidInput, match=rf"^Not undone: what #{added.id} created is in use"):
        org.journal.undo(added.id)
    assert dump(db_path) == state
