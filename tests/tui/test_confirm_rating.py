"""Rating the meeting at confirmation (issue 15): ctrl+r on the confirmation screen asks
each attendee who was there for a 1-10 rating; every field may stay empty; a bad rating
changes nothing and says why."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.analytics import AnalyticsService
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions_forms import FormScreen
from salestui.tui.screens.confirm import ConfirmScreen


@pytest.fixture
def ended(services: Services, clock: FixedClock) -> int:
    """An ended weekly meeting: 陈建国 and 王芳 present, Li Ming absent."""
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, reports_to="王芳")
    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY, clock.now(), 30,
                                   chair="陈建国")  # fmt: skip
    services.invite(meeting.id, ["陈建国", "王芳", "Li Ming"])
    live = LiveMeeting(services)
    live.start(meeting.id)
    people = {p.name: p.id for p in services.people()}
    live.set_attendance(meeting.id, people["陈建国"], "present")
    live.set_attendance(meeting.id, people["王芳"], "late")
    live.set_attendance(meeting.id, people["Li Ming"], "absent")
    clock.advance(minutes=25)
    live.end(meeting.id)
    return meeting.id


async def _form(pilot, ui) -> FormScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+r")
    await pilot.app.workers.wait_for_complete()
    await ui.open_screen(pilot, FormScreen)
    return pilot.app.screen


async def test_each_attendee_rates_or_skips(services: Services, ended: int, ui) -> None:
    app = SalestuiApp(services, Config())
    messages = ui.record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ConfirmScreen(services, ended))
        await pilot.pause()
        form = await _form(pilot, ui)
        labels = [ui.text_of(s) for s in form.query(".form-label").results(Static)]
        assert labels == ["陈建国", "王芳"]  # Li Ming was absent
        fields = list(form.query(Input).results(Input))
        fields[0].value = "8"
        fields[1].value = "11"
        await pilot.press("enter")
        await pilot.pause()
        assert "A rating is a whole number from 1 to 10" in ui.static_text(app, "#form-error")
        assert AnalyticsService(services).ratings(ended) == {}
        fields[1].value = ""  # 王芳 skips
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert messages[-1] == "1 rating saved, average 8.0"
        people = {p.name: p.id for p in services.people()}
        assert AnalyticsService(services).ratings(ended) == {people["陈建国"]: 8}
        # Again: the form shows what was given, and Esc leaves it as it was.
        form = await _form(pilot, ui)
        assert [i.value for i in form.query(Input).results(Input)] == ["8", ""]
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert AnalyticsService(services).ratings(ended) == {people["陈建国"]: 8}
