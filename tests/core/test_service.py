"""Core services on a real temp database: people, meetings, agenda, actions, follow-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import ActionStatus, FollowUpKind, MeetingKind, Role
from salestui.core.service import Services


@pytest.fixture
def org(services: Services) -> dict:
    director = services.add_person("陈建国", Role.DIRECTOR, "营销部")
    lead = services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    member = services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    other = services.add_person("Sarah Chen", Role.MEMBER, "市场部", reports_to="陈建国")
    return {"director": director, "lead": lead, "member": member, "other": other}


def test_people_and_reporting_tree(services: Services, org: dict) -> None:
    assert [p.name for p in services.people()] == ["陈建国", "王芳", "Li Ming", "Sarah Chen"]
    assert services.manager_of(org["member"].id).name == "王芳"
    assert services.manager_of(org["director"].id) is None
    assert services.store.reports_of(org["director"].id) == [
        org["lead"].id,
        org["member"].id,
        org["other"].id,
    ]
    # A lead's name as team = the lead and everyone below.
    assert services.team_member_ids("王芳") == [org["lead"].id, org["member"].id]
    assert services.team_member_ids("销售一部") == [org["lead"].id, org["member"].id]


def test_bad_people_input_changes_nothing(services: Services, org: dict) -> None:
    before = services.people()
    with pytest.raises(InvalidInput, match="already exists"):
        services.add_person("王芳")
    with pytest.raises(InvalidInput, match="empty"):
        services.add_person("   ")
    with pytest.raises(InvalidInput, match="role"):
        services.add_person("New Person", role="boss")
    with pytest.raises(InvalidInput, match="report to"):
        services.edit_person(org["lead"].id, reports_to="Li Ming")
    assert services.people() == before


def test_control_characters_never_stored(services: Services) -> None:
    person = services.add_person("\x1b[31mRed\x1b[0m Zhang\x07")
    assert person.name == "Red Zhang"
    assert services.person(person.id).name == "Red Zhang"


def test_meeting_needs_title_and_purpose(services: Services, org: dict) -> None:
    with pytest.raises(InvalidInput, match="purpose"):
        services.new_meeting("周例会", purpose="  ")
    with pytest.raises(InvalidInput, match="title"):
        services.new_meeting("", purpose="review")
    with pytest.raises(InvalidInput, match="kind"):
        services.new_meeting("x", purpose="y", kind="party")
    assert services.meetings() == []


def test_meeting_agenda_invite_detail(services: Services, org: dict, clock) -> None:
    start = clock.now() + timedelta(hours=2)
    meeting = services.new_meeting(
        "周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30, chair="陈建国"
    )
    services.add_agenda_item(meeting.id, "上周业绩回顾", 15, presenter="王芳")
    services.add_agenda_item(meeting.id, "问题与对策", 20, kind="decision")
    services.invite(meeting.id, ["王芳", "Li Ming"])
    services.invite(meeting.id, ["Sarah Chen"], required=False)
    detail = services.meeting_detail(meeting.id)
    assert [a.title for a in detail.agenda] == ["上周业绩回顾", "问题与对策"]
    assert [a.position for a in detail.agenda] == [1, 2]
    assert detail.agenda_minutes == 35 and detail.over_length
    assert {(a.person.name, a.required) for a in detail.attendees} == {
        ("王芳", True),
        ("Li Ming", True),
        ("Sarah Chen", False),
    }
    assert detail.chair.name == "陈建国"
    # Stored in UTC, read back as the same moment.
    assert services.meeting(meeting.id).scheduled_start == start


@pytest.mark.parametrize("minutes", [0, -5, 481])
def test_timebox_limits(services: Services, org: dict, minutes: int) -> None:
    meeting = services.new_meeting("m", "p")
    with pytest.raises(InvalidInput, match="between 1 and 480"):
        services.add_agenda_item(meeting.id, "item", minutes)
    assert services.meeting_detail(meeting.id).agenda == []


def test_unknown_ids_are_not_found(services: Services, org: dict) -> None:
    with pytest.raises(NotFound):
        services.meeting(999)
    with pytest.raises(NotFound):
        services.add_agenda_item(999, "x", 5)
    with pytest.raises(NotFound):
        services.mark_done(12345)
    with pytest.raises(NotFound):
        services.invite(999, ["王芳"])


def test_invite_is_all_or_nothing(services: Services, org: dict) -> None:
    meeting = services.new_meeting("m", "p")
    with pytest.raises(NotFound):
        services.invite(meeting.id, ["王芳", "Nobody Here"])
    assert services.meeting_detail(meeting.id).attendees == []


def test_actions_filters(services: Services, org: dict, clock) -> None:
    today = clock.today()
    overdue = services.add_action("提交华东区回款计划", ["王芳"], today - timedelta(days=3), 1)
    services.add_action("Send pricing deck", ["Li Ming", "王芳"], today + timedelta(days=2))
    services.add_action("无人负责的事项", [], None, 3, tags=["crm"])
    done = services.add_action("Old thing", ["Sarah Chen"], today - timedelta(days=10))
    services.mark_done(done.id)

    def titles(**kw) -> list[str]:
        return [r.title for r in services.list_actions(services.action_query(**kw))]

    assert titles(overdue=True) == ["提交华东区回款计划"]
    assert titles(owner="王芳") == ["提交华东区回款计划", "Send pricing deck"]
    assert titles(team="销售一部", statuses=["open"]) == ["提交华东区回款计划", "Send pricing deck"]
    assert titles(unassigned=True) == ["无人负责的事项"]
    assert titles(tag="#crm") == ["无人负责的事项"]
    assert titles(text="回款") == ["提交华东区回款计划"]  # short CJK query: LIKE fallback
    assert titles(text="华东区回款") == ["提交华东区回款计划"]  # trigram FTS
    assert titles(text="pricing") == ["Send pricing deck"]
    assert titles(statuses=["done"]) == ["Old thing"]
    assert titles(priority=1) == ["提交华东区回款计划"]
    row = services.list_actions(services.action_query(owner="Li Ming"))[0]
    assert row.owners == ["Li Ming", "王芳"]
    assert services.action(overdue.id).status == ActionStatus.OPEN
    with pytest.raises(InvalidInput, match="Unknown status"):
        services.action_query(statuses=["finished"])


def test_fts_follows_edits(services: Services, org: dict) -> None:
    action = services.add_action("整理客户名单", ["王芳"])
    services.edit_action(action.id, title="Collect customer list")
    assert services.list_actions(services.action_query(text="客户名单")) == []
    assert [r.id for r in services.list_actions(services.action_query(text="customer"))] == [
        action.id
    ]


def test_done_edit_and_follow_up_history(services: Services, org: dict, clock) -> None:
    action = services.add_action("回款跟进", ["王芳"], clock.today())
    services.add_follow_up(
        action.id, "已电话联系客户", status="waiting", next_check_in=date(2026, 12, 1)
    )
    stored = services.action(action.id)
    assert stored.status == ActionStatus.WAITING and stored.next_follow_up == date(2026, 12, 1)
    services.edit_action(action.id, owners=["Li Ming"], due=date(2026, 12, 4))
    services.mark_done(action.id)
    stored = services.action(action.id)
    assert stored.status == ActionStatus.DONE and stored.completed_at == clock.now()
    assert stored.owner_ids == [org["member"].id]
    kinds = [f.kind for f in services.follow_ups(action.id)]
    assert kinds == [
        FollowUpKind.NOTE,
        FollowUpKind.REASSIGN,
        FollowUpKind.EDIT,
        FollowUpKind.STATUS,
    ]
    services.set_status(action.id, "open")
    assert services.action(action.id).completed_at is None


def test_bad_follow_up_changes_nothing(services: Services, org: dict) -> None:
    action = services.add_action("x", ["王芳"])
    with pytest.raises(InvalidInput, match="note"):
        services.add_follow_up(action.id, "   ", status="done")
    with pytest.raises(InvalidInput, match="status"):
        services.add_follow_up(action.id, "note", status="finished")
    assert services.action(action.id).status == ActionStatus.OPEN
    assert services.follow_ups(action.id) == []


def test_upcoming_meetings_and_me(services: Services, org: dict, clock) -> None:
    now = clock.now()
    services.new_meeting("Past", "p", start=now - timedelta(days=2))
    services.new_meeting("Later today", "p", start=now + timedelta(hours=3))
    services.new_meeting("Far away", "p", start=now + timedelta(days=30))
    assert [m.title for m in services.upcoming_meetings()] == ["Later today"]
    assert services.me().name == "陈建国"
    assert Services(services.store, clock, me="王芳").me().name == "王芳"
    assert Services(services.store, clock, me="nobody").me() is None


def test_timestamps_stored_as_utc(services: Services, org: dict) -> None:
    services.new_meeting("m", "p", start=datetime.fromisoformat("2026-12-01T09:00:00+08:00"))
    raw = services.store.db.execute("SELECT scheduled_start FROM meetings").fetchone()[0]
    assert raw == "2026-12-01T01:00:00Z"
