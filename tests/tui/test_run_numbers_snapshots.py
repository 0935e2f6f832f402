"""SVG snapshots of the scorecard in the live console (a numbers-review item), at 80x24 and
120x40, in English and Chinese; and of the countermeasure prompt.

Update after an intended change with ``pytest tests/tui/test_run_numbers_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen

SMALL, LARGE = (80, 24), (120, 40)


def running(services: Services, clock: FixedClock, numbers_meeting) -> int:
    """Started at 09:04 with everyone present; 周杰's figure corrected with /k."""
    meeting = numbers_meeting.build(services)
    live = LiveMeeting(services)
    clock.advance(minutes=34)
    for name in ("王芳", "周杰", "Li Ming"):
        live.set_attendance(meeting, services.find_person(name).id, "present")
    live.start(meeting)
    live.numbers.capture(meeting, "/k @zj sales 11")
    clock.advance(minutes=3, seconds=20)
    return meeting


async def show(pilot, meeting: int, line: str = "") -> None:
    app = pilot.app
    await app.push_screen(RunScreen(app.services, meeting))
    await pilot.pause()
    app.clear_notifications()
    inp = app.screen.query_one("#capture-input", Input)
    inp.cursor_blink = False
    if line:
        inp.insert_text_at_cursor(line)
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_scorecard_in_the_console(
    snap_compare, services, clock, numbers_meeting, size, lang
) -> None:
    i18n.set_language(lang)  # the shared fixture restores English afterwards
    meeting = running(services, clock, numbers_meeting)
    line = "/k @li visits 2 目标 6" if lang == "en" else "计数：@王芳 销售额 35 目标 32"

    async def before(pilot) -> None:
        await show(pilot, meeting, line)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_countermeasure_prompt(snap_compare, services, clock, numbers_meeting) -> None:
    meeting = running(services, clock, numbers_meeting)

    async def before(pilot) -> None:
        await show(pilot, meeting)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"两家老客户订单推迟", "enter")
        await pilot.press(*"fri visit 瑞丰科技 p1")
        await pilot.pause()
        pilot.app.screen.query_one("#cm-action", Input).cursor_blink = False

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=LARGE, run_before=before)
