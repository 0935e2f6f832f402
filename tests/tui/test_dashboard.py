"""The team-lead dashboard ("My team"): one row per person of my reporting tree."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.dashboard import DashboardScreen
from salestui.tui.widgets.fit_table import FitTable


def _support():  # pytest runs with --import-mode=importlib: load the helpers by path
    name = "test_actions_support"
    if name not in sys.modules:
        path = Path(__file__).with_name(f"{name}.py")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


support = _support()


def cells(app: SalestuiApp) -> list[list[str]]:
    table = app.screen.query_one(FitTable)
    return [[str(c).strip() for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_my_team_counts_and_opens_a_persons_items(services: Services) -> None:
    team = support.build_team(services)
    services.mark_done(team["整理渠道名单"])  # done this week, by 赵磊
    app = support.make_app(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")  # the app's "My team" key
        await support.open_screen(pilot, DashboardScreen)
        rows = cells(app)
        assert [r[0] for r in rows] == ["王芳", "孙丽", "赵磊"]
        # person, role, open, overdue, done this week, oldest open item, age
        assert rows[0][2:5] == ["1", "1", "1"]  # "Old task" was completed today
        assert rows[1][2:6] == ["1", "1", "0", "Send revised quote to Hengda"]
        assert rows[2][2:6] == ["1", "1", "1", "催收远东物流的逾期货款"]
        totals = support.static_text(app, "#dash-totals")
        assert totals == "Team: 3 open, 3 overdue, 2 done this week"
        await pilot.press("down", "down", "enter")
        await support.open_screen(pilot, ActionsScreen)
        assert "赵磊's items" in support.static_text(app, "#filter-bar")
        lines = "\n".join(support.table_lines(app))
        assert "催收远东物流的逾期货款" in lines and "整理渠道名单" not in lines
        await pilot.press("escape")
        await support.open_screen(pilot, DashboardScreen)
        await pilot.press("up", "o")
        await support.open_screen(pilot, ActionsScreen)
        assert "孙丽's overdue items" in support.static_text(app, "#filter-bar")


async def test_the_director_sees_the_whole_tree(services: Services) -> None:
    support.build_team(services)
    app = support.make_app(services, me="Zhang Wei")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(DashboardScreen(app.services))
        await support.open_screen(pilot, DashboardScreen)
        names = [row[0] for row in cells(app)]
        assert names == ["Zhang Wei", "Li Ming", "王芳", "孙丽", "赵磊"]
        await pilot.press("w")  # Zhang Wei's whole team
        await support.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        assert screen.pager.total == 6  # every open item with an owner


async def test_who_am_i_when_nobody_is_set(services: Services) -> None:
    services.add_person("Li Ming")  # no director and no "me": the app cannot tell
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DashboardScreen(services))
        await support.open_screen(pilot, DashboardScreen)
        assert "Who are you?" in support.static_text(app, "#dash-note")
        assert app.screen.has_class("-no-me")


async def test_dashboard_in_chinese(services: Services) -> None:
    support.build_team(services)
    i18n.set_language("zh-CN")
    app = support.make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DashboardScreen(app.services))
        await support.open_screen(pilot, DashboardScreen)
        assert (
            support.static_text(app, "#dash-totals")
            == "团队：未完成 4 项，逾期 3 项，本周完成 1 项"
        )
