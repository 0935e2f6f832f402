"""SVG snapshots of "My day" and of the daily meeting's panel (issue 18), at 80x24 and
120x40, in English and Chinese (fixed clock, data and size).

Update after an intended change with ``pytest tests/tui/test_day_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from salestui import i18n
from salestui.tui.screens.day import DayScreen
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_day import DayBoardTable

SIZES = [(80, 24), (120, 40)]
SIZE_IDS = ["80x24", "120x40"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_my_day(snap_compare, make_app, services, clock, day_team, ui, size, language) -> None:
    day_team.planned_and_reported(services, clock)
    day_team.morning_meeting(services, clock)  # its instructions show under the reports
    i18n.set_language(language)
    app = make_app("赵磊")

    async def before(pilot) -> None:
        await pilot.press("d")
        await ui.open_screen(pilot, DayScreen)
        screen = pilot.app.screen
        await ui.wait_until(pilot, lambda: screen.read_result is not None)
        ui.no_blink(pilot.app)
        await ui.type_text(pilot, "/r Acme Trading 已拜访 订单 2 万")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("language", ["en", "zh-CN"])
@pytest.mark.parametrize("view", ["morning", "evening"])
def test_daily_meeting_panel(
    snap_compare, make_app, services, clock, day_team, ui, size, language, view
) -> None:
    day_team.planned_and_reported(services, clock)
    meeting_id = day_team.morning_meeting(services, clock)
    i18n.set_language(language)
    app = make_app("王芳")

    async def before(pilot) -> None:
        await pilot.app.push_screen(RunScreen(pilot.app.services, meeting_id))
        await ui.open_screen(pilot, RunScreen)
        table = pilot.app.screen.query_one(DayBoardTable)
        await ui.wait_until(pilot, lambda: table.row_count > 0)
        ui.no_blink(pilot.app)
        if view == "evening":
            await pilot.press("f7", "v")
            await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)
