"""Live-meeting details (issue 10, section 5): the speaking-balance warning after 3 tallied
minutes, and the start warnings name absent people as absent."""

from __future__ import annotations

from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services


def _meeting(services: Services, clock) -> tuple[LiveMeeting, int]:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, reports_to="王芳")
    meeting = services.new_meeting(
        "周例会", "回顾", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    services.add_agenda_item(meeting.id, "业绩", 10)
    services.invite(meeting.id, ["王芳", "Li Ming"])
    return LiveMeeting(services), meeting.id


def test_balance_warns_after_three_tallied_minutes(services: Services, clock) -> None:
    live, mid = _meeting(services, clock)
    director, wang = services.find_person("陈建国").id, services.find_person("王芳").id
    live.start(mid)
    live.speak(mid, director)
    clock.advance(minutes=2)
    live.speak(mid, wang)
    clock.advance(seconds=50)
    assert live.balance(mid).dominant is None  # 2:50 tallied: too early to judge
    clock.advance(seconds=10)
    balance = live.balance(mid)  # 3 minutes tallied, 3 minutes into the meeting
    assert balance.dominant is not None and balance.dominant.person.name == "陈建国"
    # Half exactly is not "more than half".
    clock.advance(minutes=1)
    assert live.balance(mid).dominant is None


def test_balance_counts_speech_not_meeting_time(services: Services, clock) -> None:
    live, mid = _meeting(services, clock)
    live.start(mid)
    clock.advance(minutes=20)  # nobody tallied for 20 minutes
    live.speak(mid, services.find_person("王芳").id)
    clock.advance(minutes=2)
    assert live.balance(mid).dominant is None  # only 2 minutes tallied


def test_preflight_says_absent_for_people_marked_absent(services: Services, clock) -> None:
    live, mid = _meeting(services, clock)
    live.set_attendance(mid, services.find_person("王芳").id, "absent")
    warnings = live.preflight(mid)
    assert "Required attendees absent: 王芳" in warnings
    assert "Required attendees not marked present: Li Ming" in warnings
    live.set_attendance(mid, services.find_person("Li Ming").id, "excused")
    warnings = live.preflight(mid)
    assert not any("not marked present" in w for w in warnings)
    assert "Required attendees excused: Li Ming" in warnings
