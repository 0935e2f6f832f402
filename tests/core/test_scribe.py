"""A live meeting has one scribe: two people on one database file, each with their own
connection (as two processes have)."""

from __future__ import annotations

from pathlib import Path

import pytest

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models import AttendanceStatus, MeetingKind, Role
from salestui.core.service import Services


@pytest.fixture
def two(services: Services, db_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    services.add_person("张伟", role=Role.DIRECTOR)
    services.add_person("王芳", role=Role.LEAD, reports_to="张伟")
    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY, clock.now(), 60)
    services.add_agenda_item(meeting.id, "回款", 10)
    services.add_agenda_item(meeting.id, "预算", 10)
    services.invite(meeting.id, ["张伟", "王芳"])
    director = Services(services.store, clock, me="张伟")
    other = open_store(db_path)
    lead = Services(other, clock, me="王芳")
    yield meeting.id, LiveMeeting(director), LiveMeeting(lead)
    other.close()


def test_who_starts_records_and_everyone_else_is_refused(two) -> None:  # type: ignore[no-untyped-def]
    meeting_id, director, lead = two
    director.start(meeting_id)
    assert director.scribes.of(meeting_id).name == "张伟"
    assert director.scribes.may_change(meeting_id) and not lead.scribes.may_change(meeting_id)
    entries_before = len(director.entries(meeting_id))
    for change in (
        lambda: lead.capture(meeting_id, "a"),
        lambda: lead.next_item(meeting_id),
        lambda: lead.extend(meeting_id, 5),
        lambda: lead.speak(meeting_id, None),
        lambda: lead.set_attendance(meeting_id, 1, AttendanceStatus.PRESENT),
        lambda: lead.end(meeting_id),
        lambda: lead.undo(meeting_id),
    ):
        with pytest.raises(Conflict, match="张伟 is recording this meeting"):
            change()
    # Nothing changed: the same entries, the same current item, still running.
    assert len(director.entries(meeting_id)) == entries_before
    assert director.state(meeting_id).current.item.title == "回款"
    director.capture(meeting_id, "the scribe writes")  # the scribe still can


def test_a_take_over_is_explicit_and_recorded(two) -> None:  # type: ignore[no-untyped-def]
    meeting_id, director, lead = two
    director.start(meeting_id)
    lead.scribes.take_over(meeting_id)
    lead.capture(meeting_id, "王芳 writes now")
    with pytest.raises(Conflict, match="王芳 is recording"):
        director.capture(meeting_id, "the director was taken over")
    events = director.store.meeting_events(meeting_id)
    assert [(e["kind"], e["person_id"], e["previous_id"]) for e in events] == [
        ("started", 1, None),
        ("took_over", 2, 1),
    ]


def test_take_over_on_change_when_asked(two, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    meeting_id, director, lead = two
    director.start(meeting_id)
    bold = LiveMeeting(lead.services, take_over=True)
    bold.capture(meeting_id, "taken over by writing")
    assert bold.scribes.took_over_from.name == "张伟"
    assert director.scribes.of(meeting_id).name == "王芳"


def test_no_identity_means_no_scribe_and_no_take_over(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    meeting = services.new_meeting("无人", "p", MeetingKind.OTHER, clock.now(), 30)
    services.add_agenda_item(meeting.id, "x", 10)
    live = LiveMeeting(services)  # nobody in the database: no "me"
    live.start(meeting.id)
    assert live.scribes.of(meeting.id) is None
    live.capture(meeting.id, "anyone may write")
    with pytest.raises(InvalidInput, match="Say who you are"):
        live.scribes.take_over(meeting.id)


def test_the_scribe_survives_a_restart(two, db_path: Path, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    meeting_id, director, _lead = two
    director.start(meeting_id)
    reopened = open_store(db_path)
    try:
        again = LiveMeeting(Services(reopened, clock, me="张伟"))
        again.capture(meeting_id, "after the crash")  # the scribe resumes
        assert again.scribes.of(meeting_id).name == "张伟"
    finally:
        reopened.close()
