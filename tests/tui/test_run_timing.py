"""Pilot tests of issue 10 §3/§4 in the live console: the forecast end in the header moves
while the current item overruns, an extension shows next to the plan, and the review's
new-date prompt shows the date it resolved to before saving."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.models import ActionQuery, MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def meeting_id(services: Services) -> int:
    """A 30-minute 周例会 at 09:00 (10 + 5 min of agenda) and one open action from last
    week's meeting, owned by an attendee."""
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    last = services.new_meeting("上周例会", "回顾", MeetingKind.WEEKLY, start - timedelta(days=7))
    services.add_action("提交回款计划", ["王芳"], date(2026, 11, 24), meeting_id=last.id)
    meeting = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, start, 30, chair="陈建国")
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    services.add_agenda_item(meeting.id, "下周目标", 5)
    services.invite(meeting.id, ["王芳"])
    return meeting.id


def text_of(app: SalestuiApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if hasattr(content, "plain") else str(content)


async def started(app: SalestuiApp, pilot, clock: FixedClock, meeting_id: int) -> RunScreen:
    clock.advance(minutes=30)  # 09:00
    screen = RunScreen(app.services, meeting_id)
    await app.push_screen(screen)
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert screen.mode == "review"
    return screen


async def test_the_forecast_moves_while_the_item_overruns(
    services: Services, clock: FixedClock, meeting_id: int
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot, clock, meeting_id)
        await pilot.press("ctrl+n")  # past the review
        await pilot.pause()
        assert "09:15 projected" in text_of(app, "#clock")
        clock.advance(minutes=12)  # 2 min over the 10
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert "09:17 projected" in text_of(app, "#clock")
        clock.advance(minutes=4)
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert "09:21 projected" in text_of(app, "#clock")
        await pilot.press("ctrl+up")  # +5: 16 of 15 min
        await pilot.pause()
        assert "16:00/10+5 +1" in " ".join(
            str(cell) for cell in app.screen.query_one("#agenda").get_row_at(0)
        )
        assert "16:00 of 10+5 min" in text_of(app, "#timer-detail")


async def test_the_new_date_prompt_shows_the_date_before_saving(
    services: Services, clock: FixedClock, meeting_id: int
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot, clock, meeting_id)
        await pilot.press("n")
        await pilot.pause()
        prompt = app.screen.query_one("#review-prompt", Input)
        prompt.value = "下周五 客户还没回复"
        await pilot.pause()
        assert text_of(app, "#review-message") == "→ Fri 4 Dec · 客户还没回复"
        prompt.value = "下周八 客户还没回复"  # no eighth weekday: never "next Monday"
        await pilot.pause()
        assert "No such date: '下周八'" in text_of(app, "#review-message")
        await pilot.press("enter")
        await pilot.pause()
        [row] = services.store.list_actions(ActionQuery())
        assert row.due == date(2026, 11, 24) and services.follow_ups(row.id) == []
