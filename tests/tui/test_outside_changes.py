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
        # Its own new item is not news; the other one is.
        assert [n.message for n in app._notifications][-1] == "1 new item"


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


async def test_the_notice_says_who_changed_what(services: Services, clock, db_path) -> None:
    """王芳 closes two items from her own app or command line: the director's screen says
    so, by name (and in Chinese for a Chinese user)."""
    from salestui import i18n
    from salestui.core.models import Role

    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    ids = [services.add_action(t, owners=["王芳"]).id for t in ("报价单", "回款计划", "拜访")]
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        other = open_store(db_path)
        try:
            hers = Services(other, clock, me="王芳")
            hers.mark_done(ids[0])
            hers.mark_done(ids[1])
            hers.add_action("新客户名单")
        finally:
            other.close()
        assert app.outside_changes.check()
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == (
            "2 items changed by 王芳 · 1 new item"
        )
        i18n.set_language("zh-CN")
        other = open_store(db_path)
        try:
            Services(other, clock, me="王芳").mark_done(ids[2])
        finally:
            other.close()
        assert app.outside_changes.check()
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == "王芳 更改了 1 项"
