"""Paging the actions list: keyset windows, ties, counts, urgency in SQL vs Python, and
the actions service (bulk changes with undo, reassign history, escalation)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from salestui.core.actions_service import ActionsService
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.followup import urgency
from salestui.core.models import OPEN_STATUSES, SORTS, ActionQuery, ActionStatus, FollowUpKind, Role
from salestui.core.service import Services
from salestui.core.views import ActionFilter, ActionPager

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 27)


def org(services: Services) -> None:
    services.add_person("Zhang Wei", role=Role.DIRECTOR)
    services.add_person("王芳", role=Role.LEAD, team="华东", reports_to="Zhang Wei")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")
    services.add_person("赵磊", team="华东", reports_to="王芳")
    services.add_person("Solo")  # nobody's report, no manager


def many(services: Services, count: int = 57) -> list[int]:
    """``count`` items with heavy ties: few distinct due dates, priorities and owners."""
    owners = ["王芳", "Li Ming", "赵磊", None]
    ids = []
    for n in range(count):
        owner = owners[n % 4]
        due = None if n % 5 == 0 else TODAY + timedelta(days=(n % 7) - 3)
        created = datetime(2026, 11, 27, 8, 0, tzinfo=SHANGHAI) - timedelta(days=(n % 9) * 6)
        action = services.add_action(
            f"item {n:02d}", owners=[owner] if owner else [], due=due, priority=1 + n % 3
        )
        action.created_at = created
        action.carried_count = n % 5
        if n % 11 == 0:
            action.status = ActionStatus.BLOCKED
        elif n % 13 == 0:
            action.status = ActionStatus.DONE
        elif n % 7 == 0:
            action.status = ActionStatus.WAITING
        services.store.update_action(action, services.clock.now())
        services.store.db.execute(
            "UPDATE action_items SET created_at = ? WHERE id = ?",
            [created.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ"), action.id],
        )
        assert action.id is not None
        ids.append(action.id)
    return ids


@pytest.fixture
def filled(services: Services) -> Services:
    org(services)
    many(services)
    return services


def full_order(services: Services, query: ActionQuery, sort: str) -> list[int]:
    return [i for i, _ in services.store.action_keys(query, sort, TODAY, limit=10_000)]


@pytest.mark.parametrize("sort", SORTS)
def test_keyset_windows_are_contiguous_and_stable_under_ties(filled: Services, sort: str) -> None:
    query = ActionQuery()
    expected = full_order(filled, query, sort)
    assert len(expected) == 57 == filled.store.count_actions(query)
    # Forwards, seven at a time from the last key of the window before.
    forwards: list[int] = []
    key = None
    while True:
        found = filled.store.action_keys(query, sort, TODAY, after=key, limit=7)
        if not found:
            break
        forwards += [i for i, _ in found]
        key = found[-1][1]
    assert forwards == expected
    # Backwards from the end, with "before".
    backwards: list[int] = []
    found = filled.store.action_keys(query, sort, TODAY, from_end=True, limit=5)
    while found:
        backwards = [i for i, _ in found] + backwards
        found = filled.store.action_keys(query, sort, TODAY, before=found[0][1], limit=5)
    assert backwards == expected
    # Offsets agree with both.
    assert [i for i, _ in filled.store.action_keys(query, sort, TODAY, offset=20, limit=9)] == (
        expected[20:29]
    )


def test_sort_orders_mean_what_they_say(filled: Services) -> None:
    rows = filled.store.action_rows(full_order(filled, ActionQuery(), "due"))
    dues = [r.due or date.max for r in rows]
    assert dues == sorted(dues)
    rows = filled.store.action_rows(full_order(filled, ActionQuery(), "priority"))
    assert [r.priority for r in rows] == sorted(r.priority for r in rows)
    rows = filled.store.action_rows(full_order(filled, ActionQuery(), "owner"))
    names = [r.owners[0] if r.owners else "\U0010ffff" for r in rows]
    assert names == sorted(names)
    rows = filled.store.action_rows(full_order(filled, ActionQuery(), "age"))
    created = [r.created_at for r in rows]
    assert created == sorted(created)  # type: ignore[type-var]
    rows = filled.store.action_rows(full_order(filled, ActionQuery(), "urgency"))
    scores = [urgency(r, TODAY).score for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_urgency_sql_agrees_with_python(filled: Services) -> None:
    ids = full_order(filled, ActionQuery(), "due")
    rows = filled.store.action_rows(ids)
    for day in (TODAY, TODAY + timedelta(days=9), TODAY - timedelta(days=40)):
        sql = filled.store.action_urgency_scores(ids, day)
        python = {r.id: urgency(r, day).score for r in rows}
        assert sql == python
    assert len(set(python.values())) > 10  # the sample really covers the formula


def test_urgency_reasons_explain_the_score(filled: Services) -> None:
    late = TODAY - timedelta(days=20)
    overdue_p1 = filled.add_action("late", owners=["王芳"], due=late, priority=1)
    row = filled.store.action_rows([overdue_p1.id])[0]
    result = urgency(row, TODAY)
    assert result.score == 45 + 20
    assert result.reasons == ["20d overdue: +45", "priority p1: +20"]


def test_counts_and_filters(filled: Services) -> None:
    store = filled.store
    wang = filled.find_person("王芳").id
    mine = ActionQuery(owner_ids=[wang])
    assert store.count_actions(mine) == len(full_order(filled, mine, "due")) == 15
    assert all("王芳" in r.owners for r in store.action_rows(full_order(filled, mine, "due")))
    blocked = ActionQuery(statuses=[ActionStatus.BLOCKED])
    assert {r.status for r in store.action_rows(full_order(filled, blocked, "urgency"))} == {
        ActionStatus.BLOCKED
    }
    phrase = ActionQuery(text='"item 1"')  # quotes: one phrase (FTS, 3+ characters)
    assert store.count_actions(phrase) == 10  # item 10 .. item 19
    words = ActionQuery(text="1 item")  # words: all of them, any order (1 is a LIKE term)
    assert store.count_actions(words) == 15  # item 01, 10-19, 21, 31, 41, 51
    short = ActionQuery(text="05")  # LIKE for short text
    assert [r.title for r in store.action_rows(full_order(filled, short, "due"))] == ["item 05"]
    assert store.count_actions(ActionQuery(ids=[])) == 0


def test_pager_reads_windows_and_jumps_to_the_end(filled: Services) -> None:
    pager = ActionPager(filled, ActionFilter(sort="due"), window=8)
    expected = full_order(filled, ActionQuery(), "due")
    assert pager.total == 57
    assert pager.ids(0, 5) == expected[:5]
    assert pager.ids(50, 57) == expected[50:]  # from the end, reversed
    assert pager.ids(5, 20) == expected[5:20]  # after the first window
    assert pager.ids(44, 50) == expected[44:50]  # before the last window
    assert pager.ids(30, 35) == expected[30:35]  # by offset
    assert pager.row(57) is None and pager.row(-1) is None
    assert [pager.row(i).id for i in range(57)] == expected  # type: ignore[union-attr]


def test_pager_counts_a_filtered_list(filled: Services) -> None:
    pager = ActionPager(filled, ActionFilter(statuses=tuple(OPEN_STATUSES)))
    assert pager.total == filled.store.count_actions(ActionQuery(statuses=list(OPEN_STATUSES)))
    assert all(not r.status.is_closed for r in pager.rows(0, pager.total))


# -- the service -------------------------------------------------------------------------------


def test_bulk_done_and_undo(filled: Services) -> None:
    service = ActionsService(filled)
    ids = full_order(filled, ActionQuery(statuses=[ActionStatus.OPEN]), "due")[:3]
    before = [filled.action(i) for i in ids]
    changed = service.mark_done(ids)
    assert all(filled.action(i).status == ActionStatus.DONE for i in ids)
    assert all(filled.action(i).completed_at is not None for i in ids)
    assert changed.count == 3 and changed.step is not None
    assert sum(f.kind == FollowUpKind.STATUS for i in ids for f in filled.follow_ups(i)) == 3
    filled.journal.undo(changed.step)
    assert [filled.action(i) for i in ids] == before  # exactly, its update time too
    assert all(
        f.kind != FollowUpKind.STATUS for i in ids for f in filled.follow_ups(i)
    )  # the log is as it was


def test_bulk_status_reassign_due_undo(filled: Services) -> None:
    service = ActionsService(filled)
    ids = full_order(filled, ActionQuery(statuses=[ActionStatus.OPEN]), "due")[:2]
    changed = service.set_status(ids, "waiting", reason="客户回复")
    assert {filled.action(i).waiting_on for i in ids} == {"客户回复"}
    filled.journal.undo(changed.step)
    assert {filled.action(i).status for i in ids} == {ActionStatus.OPEN}
    changed = service.set_due(ids, date(2026, 12, 24))
    assert {filled.action(i).due for i in ids} == {date(2026, 12, 24)}
    filled.journal.undo()  # my newest change
    assert date(2026, 12, 24) not in {filled.action(i).due for i in ids}
    owners = [filled.action(i).owner_ids for i in ids]
    changed = service.reassign(ids, ["Li Ming"])
    li = filled.find_person("Li Ming").id
    assert all(filled.action(i).owner_ids == [li] for i in ids)
    filled.journal.undo(changed.step)
    assert [filled.action(i).owner_ids for i in ids] == owners


def test_bad_input_changes_nothing(filled: Services) -> None:
    service = ActionsService(filled)
    ids = full_order(filled, ActionQuery(statuses=[ActionStatus.OPEN]), "due")[:2]
    snapshot = [filled.action(i) for i in ids]
    with pytest.raises(NotFound):
        service.mark_done([*ids, 9999])
    with pytest.raises(NotFound):
        service.reassign(ids, ["Nobody At All"])
    with pytest.raises(InvalidInput):
        service.set_status(ids, "later")
    with pytest.raises(InvalidInput):
        service.set_status(ids, "done", reason="why")
    with pytest.raises(InvalidInput):
        service.add_follow_up(ids[0], "   ")
    assert [filled.action(i) for i in ids] == snapshot


def test_reassign_keeps_history(filled: Services) -> None:
    service = ActionsService(filled)
    action = filled.add_action("移交客户", owners=["王芳"])
    service.reassign([action.id], ["赵磊"], note="王芳出差")
    service.reassign([action.id], ["Li Ming"])
    log = [(f.kind, f.person_id, f.note) for f in filled.follow_ups(action.id)]
    zhao, li = filled.find_person("赵磊").id, filled.find_person("Li Ming").id
    assert log == [
        (FollowUpKind.REASSIGN, zhao, "王芳出差"),
        (FollowUpKind.REASSIGN, li, ""),
    ]
    assert filled.action(action.id).owner_ids == [li]


def test_escalation_goes_one_level_at_a_time(filled: Services) -> None:
    service = ActionsService(filled)
    action = filled.add_action("华东回款", owners=["赵磊"])
    assert service.escalation_target(action.id).name == "王芳"
    assert service.escalate(action.id, "连续三次未完成").name == "王芳"  # not Zhang Wei
    assert service.escalate(action.id).name == "Zhang Wei"
    snapshot = filled.action(action.id)
    log = filled.follow_ups(action.id)
    with pytest.raises(InvalidInput, match="no manager"):
        service.escalate(action.id)
    assert filled.action(action.id) == snapshot and filled.follow_ups(action.id) == log
    names = [filled.person(i).name for i in filled.action(action.id).owner_ids]
    assert names == ["赵磊", "王芳", "Zhang Wei"]


def test_escalation_without_manager_or_owner(filled: Services) -> None:
    service = ActionsService(filled)
    solo = filled.add_action("alone", owners=["Solo"])
    with pytest.raises(InvalidInput, match="Solo has no manager"):
        service.escalate(solo.id)
    nobody = filled.add_action("nobody's")
    with pytest.raises(InvalidInput):
        service.escalate(nobody.id)
    assert filled.follow_ups(solo.id) == [] and filled.follow_ups(nobody.id) == []


def test_follow_up_with_check_in_and_reason(filled: Services) -> None:
    service = ActionsService(filled)
    action = filled.add_action("报价", owners=["王芳"], due=TODAY)
    service.add_follow_up(
        action.id, "客户下周回复", status="waiting", new_due=date(2026, 12, 4),
        next_check_in=date(2026, 12, 1), reason="华东客户",
    )  # fmt: skip
    saved = filled.action(action.id)
    assert (saved.status, saved.due, saved.next_follow_up, saved.waiting_on) == (
        ActionStatus.WAITING, date(2026, 12, 4), date(2026, 12, 1), "华东客户",
    )  # fmt: skip
    service.set_status([action.id], "open")
    assert filled.action(action.id).waiting_on is None


def test_team_lines_for_a_lead(filled: Services) -> None:
    service = ActionsService(filled)
    wang = filled.find_person("王芳")
    done = filled.add_action("done this week", owners=["赵磊"])
    service.mark_done([done.id])
    lines = service.team(wang)
    assert [(line.person.name, line.depth) for line in lines] == [("王芳", 0), ("赵磊", 1)]
    zhao = lines[1]
    query = ActionQuery(owner_ids=[zhao.person.id], statuses=list(OPEN_STATUSES))
    assert zhao.open == filled.store.count_actions(query)
    query.due_before = TODAY
    assert zhao.overdue == filled.store.count_actions(query)
    assert zhao.done_this_week == 1
    assert zhao.oldest is not None and zhao.oldest.owners == ["赵磊"]
    director = [line.person.name for line in service.team(filled.find_person("Zhang Wei"))]
    assert director == ["Zhang Wei", "Li Ming", "王芳", "赵磊"]
