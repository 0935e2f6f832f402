"""The meeting's review of previous actions changes status by the same rule as the CLI and
the Actions screen: a waiting item marked done loses its reason, and undoing restores it."""

from __future__ import annotations

from datetime import date, timedelta

from salestui.core.actions_service import ActionsService
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import ActionStatus, Role
from salestui.core.service import Services


def test_review_done_follows_the_status_rule(services: Services, clock: FixedClock) -> None:
    services.add_person("王芳", Role.LEAD)
    earlier = services.new_meeting("上周例会", "p", start=clock.now() - timedelta(days=7))
    old = services.add_action("报价单给恒达", ["王芳"], date(2026, 11, 25), meeting_id=earlier.id)
    ActionsService(services).set_status([old.id], ActionStatus.WAITING, reason="恒达采购部")
    meeting = services.new_meeting("周例会", "p", start=clock.now(), chair="王芳")
    live = LiveMeeting(services)
    live.start(meeting.id)
    live.review_action(meeting.id, old.id, "done", "已发出")
    done = services.action(old.id)
    assert (done.status, done.waiting_on, done.completed_at) == (
        ActionStatus.DONE,
        None,
        clock.now(),
    )
    second = services.add_action("Call the buyer", ["王芳"], meeting_id=earlier.id)
    ActionsService(services).set_status([second.id], ActionStatus.BLOCKED, reason="合同")
    live.review_action(meeting.id, second.id, "drop")
    dropped = services.action(second.id)
    assert (dropped.status, dropped.blocked_by, dropped.completed_at) == (
        ActionStatus.CANCELLED,
        None,
        None,
    )
