"""Planning: agenda editing with undo, reordering, templates, series and carry-over."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from salestui.core.errors import Conflict, InvalidInput
from salestui.core.models import AgendaStatus, Cadence, MeetingKind, MeetingStatus, Role
from salestui.core.planning import Planning, add_cadence
from salestui.core.service import Services


@pytest.fixture
def planning(services: Services) -> Planning:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    return Planning(services)


def _titles(planning: Planning, meeting_id: int) -> list[str]:
    return [i.title for i in planning.store.list_agenda(meeting_id)]


def test_edit_delete_undo_reorder(planning: Planning, services: Services) -> None:
    meeting = services.new_meeting("周例会", "review", MeetingKind.WEEKLY)
    ids = [services.add_agenda_item(meeting.id, t, 10).id for t in ("A", "B", "C", "D")]
    planning.move_item(ids[3], -2)
    assert _titles(planning, meeting.id) == ["A", "D", "B", "C"]
    planning.move_item(ids[0], -1)  # already first: no change
    assert _titles(planning, meeting.id) == ["A", "D", "B", "C"]
    planning.delete_item(ids[1])
    assert _titles(planning, meeting.id) == ["A", "D", "C"]
    undone = services.journal.undo()  # the journal puts it back where it was, same id
    assert undone.summary == "Meeting “周例会”: deleted “B”"
    assert _titles(planning, meeting.id) == ["A", "D", "B", "C"]
    assert planning.store.get_agenda_item(ids[1]).title == "B"
    assert [i.position for i in planning.store.list_agenda(meeting.id)] == [1, 2, 3, 4]
    edited = planning.edit_item(ids[2], title="C2", minutes=25, presenter="wf", kind="decision")
    assert (edited.title, edited.timebox_minutes) == ("C2", 25)
    assert services.person(edited.presenter_id).name == "王芳"
    with pytest.raises(InvalidInput):
        planning.edit_item(ids[2], minutes=0)
    with pytest.raises(InvalidInput):
        planning.edit_item(ids[2], title=" ")
    assert planning.store.get_agenda_item(ids[2]).title == "C2"


def test_ended_meeting_agenda_is_frozen(planning: Planning, services: Services) -> None:
    meeting = services.new_meeting("m", "p")
    item = services.add_agenda_item(meeting.id, "A", 10)
    meeting.status = MeetingStatus.ENDED
    services.store.update_meeting(meeting)
    with pytest.raises(Conflict):
        planning.delete_item(item.id)


def test_templates_seeded_once_in_user_language(planning: Planning, services: Services) -> None:
    from salestui import i18n

    i18n.set_language("zh-CN")
    weekly = planning.templates(MeetingKind.WEEKLY)
    assert [t.name for t in weekly] == ["周例会"]
    assert [i.title for i in weekly[0].items][0] == "上周业绩回顾"
    i18n.set_language("en")
    assert len(planning.templates()) == 5  # not seeded twice
    weekly[0].items[0].title = "业绩"
    planning.save_template(weekly[0])
    assert planning.templates(MeetingKind.WEEKLY)[0].items[0].title == "业绩"
    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY)
    planning.apply_template(meeting.id, planning.templates(MeetingKind.WEEKLY)[0])
    assert _titles(planning, meeting.id)[0] == "业绩"


def test_person_hours(planning: Planning, services: Services) -> None:
    meeting = services.new_meeting("m", "p", minutes=90)
    services.invite(meeting.id, ["王芳", "Li Ming"])
    services.invite(meeting.id, ["陈建国"], required=False)
    assert planning.person_hours(meeting.id) == 4.5


def test_cadence_arithmetic() -> None:
    friday = datetime(2026, 11, 27, 9, 0)
    assert add_cadence(friday, Cadence.DAILY) == datetime(2026, 11, 30, 9, 0)  # skips weekend
    assert add_cadence(friday, Cadence.WEEKLY) == datetime(2026, 12, 4, 9, 0)
    assert add_cadence(friday, Cadence.BIWEEKLY) == datetime(2026, 12, 11, 9, 0)
    assert add_cadence(datetime(2026, 1, 31, 9), Cadence.MONTHLY) == datetime(2026, 2, 28, 9)
    assert add_cadence(datetime(2026, 12, 15, 9), Cadence.MONTHLY) == datetime(2027, 1, 15, 9)


def test_next_meeting_carries_unfinished_items(planning: Planning, services: Services, clock):
    start = clock.now() - timedelta(days=7)
    first = services.new_meeting(
        "周例会", "回顾本周", MeetingKind.WEEKLY, start, 60, chair="陈建国"
    )
    services.invite(first.id, ["王芳"])
    services.invite(first.id, ["Li Ming"], required=False)
    standing = services.add_agenda_item(first.id, "上周业绩回顾", 15, presenter="王芳")
    series = planning.make_recurring(first.id, "weekly")
    # This week's ad-hoc items: one done, one skipped, one parked, one never reached.
    statuses = {
        "价格调整": AgendaStatus.DONE,
        "华东区回款": AgendaStatus.SKIPPED,
        "新客户名单": AgendaStatus.PARKED,
        "展会计划": AgendaStatus.PENDING,
    }
    for title, status in statuses.items():
        item = services.add_agenda_item(first.id, title, 10)
        item.status = status
        services.store.update_agenda_item(item)
    standing = services.store.get_agenda_item(standing.id)
    assert standing.standing
    standing.status = AgendaStatus.SKIPPED  # left unfinished: still only once next time
    services.store.update_agenda_item(standing)
    first = services.meeting(first.id)
    first.status = MeetingStatus.CONFIRMED
    services.store.update_meeting(first)

    second = planning.next_meeting(series.id)
    assert second.scheduled_start == start + timedelta(weeks=1)
    assert second.series_id == series.id and second.purpose == "回顾本周"
    agenda = planning.store.list_agenda(second.id)
    assert [i.title for i in agenda] == [
        "Review of open actions",
        "上周业绩回顾",
        "华东区回款",
        "新客户名单",
        "展会计划",
    ]
    assert [i.title for i in agenda].count("上周业绩回顾") == 1  # standing, not also carried
    carried = [i for i in agenda if i.carried_from]
    assert {i.carried_from for i in carried} == {first.id}
    assert {i.carried_count for i in carried} == {1}
    assert planning.carried_from_date(carried[0]) == start
    attendees = {(a.person_id, a.required) for a in services.store.list_attendance(second.id)}
    assert attendees == {
        (services.find_person("王芳").id, True),
        (services.find_person("Li Ming").id, False),
    }
    # Carried again from the second meeting: the count grows.
    second = services.meeting(second.id)
    second.status = MeetingStatus.ENDED
    services.store.update_meeting(second)
    third = planning.next_meeting(series.id)
    again = [i for i in planning.store.list_agenda(third.id) if i.title == "华东区回款"]
    assert again[0].carried_count == 2 and again[0].carried_from == second.id


def test_next_meeting_is_never_in_the_past(planning: Planning, services: Services, clock):
    old = services.new_meeting("Daily", "sync", MeetingKind.DAILY,
                               clock.now() - timedelta(days=30), 15)  # fmt: skip
    series = planning.make_recurring(old.id, Cadence.WEEKLY)
    nxt = planning.next_meeting(series.id)
    assert nxt.scheduled_start >= clock.now()
    with pytest.raises(InvalidInput):
        planning.make_recurring(old.id, "yearly")


def test_digits_that_are_not_numbers_are_refused_as_input(services: Services) -> None:
    """A superscript or other digit that ``int`` cannot read (``²``) is bad input with its
    message, never an unforeseen error; decimal digits of any script still count."""
    from salestui.core.errors import NotFound
    from salestui.core.meeting_form import parse_minutes

    with pytest.raises(InvalidInput):
        parse_minutes("²", 600)
    assert parse_minutes("４５", 600) == 45
    services.add_person("王芳")
    with pytest.raises(NotFound):
        services.find_person("²")
    assert services.find_person("1").name == "王芳"
