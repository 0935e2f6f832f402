"""SVG snapshots of the analytics screen's tabs (issue 15): the demo organisation at the
fixed clock (Friday 2026-11-27 08:30 Shanghai), at 80x24 and 120x40, in English and
Chinese. Update with ``--snapshot-update`` only after looking at the new SVGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.analytics import AnalyticsScreen

TABS = {"numbers": "1", "meetings": "2", "follow": "3"}


def open_tab(ui, key: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("y")
        await ui.open_screen(pilot, AnalyticsScreen)
        screen = pilot.app.screen
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await ui.wait_until(pilot, lambda: screen.settled)  # type: ignore[attr-defined]
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("language", ["en", "zh-CN"])
@pytest.mark.parametrize("tab", list(TABS))
def test_analytics_tab(
    snap_compare, demo_org: Services, ui, tab: str, language: str, size: tuple[int, int]
) -> None:
    i18n.set_language(language)  # the shared fixture restores English afterwards
    app = SalestuiApp(demo_org, Config())
    assert snap_compare(app, terminal_size=size, run_before=open_tab(ui, TABS[tab]))
