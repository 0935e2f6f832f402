"""The analytics screen (issue 15) with Pilot, on the demo organisation at the fixed clock
(Friday 2026-11-27): opened with y or the palette, its three tabs drawn from worker
threads, and its keys - earlier / later, weeks / months, team, measurable, ratings."""

from __future__ import annotations

import threading

from textual.pilot import Pilot
from textual.widgets import TabbedContent

from salestui.config import Config
from salestui.core.analytics import AnalyticsService
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.analytics import AnalyticsScreen

SIZE = (120, 40)


async def _opened(pilot: Pilot, ui) -> AnalyticsScreen:
    await pilot.press("y")
    await ui.open_screen(pilot, AnalyticsScreen)
    screen = pilot.app.screen
    assert isinstance(screen, AnalyticsScreen)
    await _settled(pilot, ui, screen)
    return screen


async def _settled(pilot: Pilot, ui, screen: AnalyticsScreen) -> None:
    await pilot.app.workers.wait_for_complete()
    await ui.wait_until(pilot, lambda: screen.settled)
    await pilot.pause()


async def test_y_opens_the_three_tabs_with_their_figures(demo_org: Services, ui) -> None:
    app = SalestuiApp(demo_org, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, ui)
        assert "2026-W36 – 2026-W48" in ui.static_text(app, "#header .header-right")
        assert ui.static_text(app, "#numbers-title") == "销售额 (万元): plan vs actual"
        figures = ui.static_text(app, "#numbers-figures")
        assert "Period under review: 2026-W47" in figures
        assert "Off track two periods running" in figures and "周杰 · 销售额 · 4 periods" in figures
        await pilot.press("2")
        assert screen.query_one(TabbedContent).active == "meetings"
        meetings = ui.static_text(app, "#meetings-figures")
        assert "Started late: 20 of 28 (71.4%)" in meetings
        assert "营销部周例会" in meetings
        await pilot.press("3")
        follow = ui.static_text(app, "#follow-figures")
        assert "Done on time: 22 of 40 (55.0%)" in follow
        assert "Decisions carried out: 4 of 11 (36.4%)" in follow
        assert ui.static_text(app, "#follow-legend") == "─ Done on time %  ─ Goal 90%"


async def test_the_figures_are_read_off_the_ui_thread(demo_org: Services, ui) -> None:
    threads: list[str] = []
    original = AnalyticsService.meetings

    def meetings(self: AnalyticsService, window):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return original(self, window)

    AnalyticsService.meetings = meetings  # type: ignore[method-assign]
    try:
        app = SalestuiApp(demo_org, Config())
        async with app.run_test(size=SIZE) as pilot:
            await _opened(pilot, ui)
    finally:
        AnalyticsService.meetings = original  # type: ignore[method-assign]
    assert threads and threading.main_thread().name not in threads


async def test_keys_move_the_window_and_pick_team_and_measurable(demo_org: Services, ui) -> None:
    app = SalestuiApp(demo_org, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, ui)
        await pilot.press("left_square_bracket")
        await _settled(pilot, ui, screen)
        assert "2026-W35 – 2026-W47" in ui.static_text(app, "#header .header-right")
        await pilot.press("right_square_bracket", "right_square_bracket")  # not past today
        await _settled(pilot, ui, screen)
        assert "2026-W36 – 2026-W48" in ui.static_text(app, "#header .header-right")
        await pilot.press("u")
        await _settled(pilot, ui, screen)
        assert ui.static_text(app, "#numbers-title") == "回款 (万元): plan vs actual"
        await pilot.press("f")
        await _settled(pilot, ui, screen)
        header = ui.static_text(app, "#header .header-right")
        assert screen.team is not None and screen.team in header
        await pilot.press("w")
        await _settled(pilot, ui, screen)
        assert "2025-11 – 2026-11" in ui.static_text(app, "#header .header-right")


async def test_ratings_chart_and_palette_entry(demo_org: Services, ui) -> None:
    app = SalestuiApp(demo_org, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, ui)
        await pilot.press("c")  # only on the Meetings tab
        assert not screen.show_ratings
        await pilot.press("2", "c")
        assert screen.show_ratings
        assert ui.static_text(app, "#meetings-title") == "Meeting ratings per series (1-10)"
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, AnalyticsScreen))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await ui.type_text(pilot, "Analytics")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await ui.open_screen(pilot, AnalyticsScreen)


async def test_a_language_switch_keeps_the_tab(demo_org: Services, ui) -> None:
    app = SalestuiApp(demo_org, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _opened(pilot, ui)
        await pilot.press("3")
        app.action_switch_language()
        await pilot.pause()
        await ui.wait_until(pilot, lambda: "分析" in ui.static_text(app, "#header .header-left"))
        screen = app.screen
        assert isinstance(screen, AnalyticsScreen)
        await _settled(pilot, ui, screen)
        assert screen.query_one(TabbedContent).active == "follow"
        assert "按时完成：40 项中 22 项（55.0%）" in ui.static_text(app, "#follow-figures")


async def test_x_previews_the_report_of_the_window_in_view(demo_org: Services, ui) -> None:
    from salestui.tui.screens.analytics_report import AnalyticsReportScreen

    app = SalestuiApp(demo_org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _opened(pilot, ui)
        await pilot.press("x")
        await ui.open_screen(pilot, AnalyticsReportScreen)
        report = app.screen
        assert isinstance(report, AnalyticsReportScreen)
        await pilot.app.workers.wait_for_complete()
        await ui.wait_until(pilot, lambda: "## Follow-through" in report.text)
        assert report.text.startswith("# Analytics: 2026-W48")
        assert report.default_path().name == "analytics-2026-W48.md"
