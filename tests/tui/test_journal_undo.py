"""ctrl+z outside the live console takes back my newest change from the journal - on any
screen, after moving between screens and after a restart; "select all matching" (``*``)
selects every item the filter matches and a change of more than 100 asks first, then is
one step that ctrl+z takes back whole. Snapshots of the question in English and Chinese."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.models import ActionQuery, ActionStatus, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.actions_select import ConfirmManyScreen
from salestui.tui.screens.home import HomeScreen

MANY = 130


@pytest.fixture
def many(services: Services) -> Services:
    """王芳 (lead) and 赵磊 with ``MANY`` open items between them, all due Friday."""
    services.add_person("王芳", role=Role.LEAD, team="华东")
    services.add_person("赵磊", team="华东", reports_to="王芳")
    with services.store.transaction():
        for n in range(MANY):
            owner = "赵磊" if n % 2 else "王芳"
            services.add_action(f"回访客户 {n:03d}", [owner], date(2026, 11, 27), 2)
    return services


def statuses(services: Services) -> dict[ActionStatus, int]:
    rows = services.list_actions(ActionQuery())
    return {s: n for s in ActionStatus if (n := sum(r.status == s for r in rows))}


async def test_ctrl_z_on_home_undoes_a_change_made_in_actions(
    team: dict[str, int], make_app, ui
) -> None:
    app = make_app()
    notes = ui.record_notifications(app)
    services = app.services
    item = team["提交华东区回款计划"]
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        row = screen.pager.ids(0, screen.pager.total).index(item)
        await pilot.press("home", *["down"] * row, "d")
        await pilot.pause()
        assert services.action(item).status == ActionStatus.DONE
        assert notes[-1] == "Marked 1 done · ctrl+z undoes"
        await pilot.press("escape")  # back Home: the undo is not the screen's, it is mine
        await ui.open_screen(pilot, HomeScreen)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notes[-1] == "Undid: #3 “提交华东区回款计划”: status → done"
        assert services.action(item).status == ActionStatus.OPEN
        # The steps before it are the set-up's, made as the director: not mine.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notes[-1] == "Nothing of yours to undo"
        assert services.journal.recent(1)[0].undone


async def test_ctrl_z_after_a_restart(db_path: Path, clock: FixedClock, team, ui) -> None:
    first = SalestuiApp(Services(open_store(db_path), clock, me="王芳"), Config(me="王芳"))
    item = team["整理渠道名单"]
    async with first.run_test(size=(100, 30)) as pilot:
        await first.push_screen(ActionsScreen(first.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = first.screen
        row = screen.pager.ids(0, screen.pager.total).index(item)
        await pilot.press("home", *["down"] * row, "k")  # already open: nothing to undo
        await pilot.press("u")
        await ui.type_text(pilot, "2026-12-24")
        await pilot.press("enter")
        await pilot.pause()
        assert first.services.action(item).due == date(2026, 12, 24)
    first.services.store.close()
    again = SalestuiApp(Services(open_store(db_path), clock, me="王芳"), Config(me="王芳"))
    notes = ui.record_notifications(again)
    try:
        async with again.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert notes[-1] == "Undid: #4 “整理渠道名单”: due → 2026-12-24"
            assert again.services.action(item).due == date(2026, 11, 29)
    finally:
        again.services.store.close()


async def test_nothing_of_mine_to_undo_says_so(many: Services, ui) -> None:
    app = SalestuiApp(Services(many.store, many.clock, me="赵磊"), Config(me="赵磊"))
    notes = ui.record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notes[-1] == "Nothing of yours to undo"


async def test_select_all_matching_asks_before_changing_them(many: Services, ui) -> None:
    app = SalestuiApp(Services(many.store, many.clock, me="王芳"), Config(me="王芳"))
    notes = ui.record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "open"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        await pilot.press("asterisk")
        await pilot.pause()
        assert len(screen.table.selected) == MANY  # not only the rows read so far
        assert notes[-1].startswith("Selected all 130 matching items · d, s, w, u or k")
        header = ui.text_of(screen.query_one("#header .header-right", Static))
        assert header == "130 items · 130 selected · 王芳"
        await pilot.press("d")
        await ui.open_screen(pilot, ConfirmManyScreen)
        await pilot.press("n")
        await ui.open_screen(pilot, ActionsScreen)
        assert notes[-1] == "Nothing was changed"
        assert statuses(many) == {ActionStatus.OPEN: MANY}
        steps = len(many.journal.recent(500))
        await pilot.press("d")
        await ui.open_screen(pilot, ConfirmManyScreen)
        await pilot.press("y")
        await ui.open_screen(pilot, ActionsScreen)
        assert notes[-1] == "Marked 130 done · ctrl+z undoes"
        assert statuses(many) == {ActionStatus.DONE: MANY}
        assert len(many.journal.recent(500)) == steps + 1  # one step for all of them
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notes[-1] == "Undid: 130 items: status → done"
        assert statuses(many) == {ActionStatus.OPEN: MANY}


async def test_a_filtered_selection_of_few_changes_without_asking(many: Services, ui) -> None:
    app = SalestuiApp(Services(many.store, many.clock, me="王芳"), Config(me="王芳"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "open"))
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("slash")
        await ui.type_text(pilot, "回访客户 00")  # 000-009 and 100
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("asterisk")
        await pilot.pause()
        assert len(app.screen.table.selected) == 11
        await pilot.press("u")
        await ui.type_text(pilot, "+3d")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        later = date(2026, 11, 27) + timedelta(days=3)
        moved = many.list_actions(ActionQuery(due_before=later + timedelta(days=1)))
        assert len([r for r in moved if r.due == later]) == 11


def ask_many(ui):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await app.push_screen(ActionsScreen(app.services, "open"))  # type: ignore[attr-defined]
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("asterisk")
        await pilot.pause()
        app.clear_notifications()  # the toast of the selection: not part of the question
        await pilot.pause()
        await pilot.press("d")
        await ui.open_screen(pilot, ConfirmManyScreen)

    return run_before


@pytest.mark.parametrize("language", ["en", "zh-CN"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_confirm_many_snapshot(snap_compare, many: Services, ui, language, size) -> None:
    i18n.set_language(language)
    app = SalestuiApp(Services(many.store, many.clock, me="王芳"), Config(me="王芳"))
    assert snap_compare(app, terminal_size=size, run_before=ask_many(ui))
