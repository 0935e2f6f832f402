"""Changes made by another process show up by themselves (issue 13: a lead's command line
or another person's app writing to the same file)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen


def _elsewhere(db_path: Path, clock: FixedClock, title: str) -> None:
    """Another connection (as another process would) adds an action and commits."""
    other = open_store(db_path)
    try:
        Services(other, clock).add_action(title)
    finally:
        other.close()


async def test_a_commit_elsewhere_reloads_the_screen(services: Services, clock, db_path) -> None:
    services.add_action("整理华联超市的回款计划")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager.total == 1
        assert not app.outside_changes.check()  # nothing new yet
        services.add_action("our own change")  # this app's own commits are not "elsewhere"
        assert not app.outside_changes.check()
        _elsewhere(db_path, clock, "准备报价单")
        assert app.outside_changes.check()
        await pilot.pause()
        assert screen.pager.total == 3
        assert any("changes made elsewhere" in n.message for n in app._notifications)


async def test_typing_waits_for_the_next_look(services: Services, clock, db_path) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        box = screen.query(Input).first()
        box.display = True
        box.focus()
        box.value = "half typed"
        await pilot.pause()
        _elsewhere(db_path, clock, "准备报价单")
        assert not app.outside_changes.check()  # the typed text is left alone
        box.value = ""
        assert app.outside_changes.check()


async def test_the_watch_runs_by_itself(services: Services, clock, db_path) -> None:
    """No key press: the app's own timer notices the commit (a generous wait, no timing
    asserted)."""
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        _elsewhere(db_path, clock, "准备报价单")
        for _ in range(400):
            if screen.pager.total == 1:
                break
            await pilot.pause(0.05)
        assert screen.pager.total == 1
