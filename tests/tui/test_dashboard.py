"""The team-lead dashboard ("My team"): one row per person of my reporting tree."""

from __future__ import annotations

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.dashboard import DashboardScreen
from salestui.tui.widgets.fit_table import FitTable


def cells(app: SalestuiApp) -> list[list[str]]:
    table = app.screen.query_one(FitTable)
    return [[str(c).strip() for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_my_team_counts_and_opens_a_persons_items(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    services.mark_done(team["整理渠道名单"])  # done this week, by 赵磊
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")  # the app's "My team" key
        await ui.open_screen(pilot, DashboardScreen)
        rows = cells(app)
        assert [r[0] for r in rows] == ["王芳", "孙丽", "赵磊"]
        # person, role, open, overdue, done this week, oldest open item, age
        assert rows[0][2:5] == ["1", "1", "1"]  # "Old task" was completed today
        assert rows[1][2:6] == ["1", "1", "0", "Send revised quote to Hengda"]
        assert rows[2][2:6] == ["1", "1", "1", "催收远东物流的逾期货款"]
        totals = ui.static_text(app, "#dash-totals")
        assert totals == "Team: 3 open, 3 overdue, 2 done this week"
        await pilot.press("down", "down", "enter")
        await ui.open_screen(pilot, ActionsScreen)
        assert "赵磊's items" in ui.static_text(app, "#filter-bar")
        lines = "\n".join(ui.table_lines(app))
        assert "催收远东物流的逾期货款" in lines and "整理渠道名单" not in lines
        await pilot.press("escape")
        await ui.open_screen(pilot, DashboardScreen)
        await pilot.press("up", "o")
        await ui.open_screen(pilot, ActionsScreen)
        assert "孙丽's overdue items" in ui.static_text(app, "#filter-bar")


async def test_the_director_sees_the_whole_tree(services: Services, team, make_app, ui) -> None:
    app = make_app(me="Zhang Wei")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(DashboardScreen(app.services))
        await ui.open_screen(pilot, DashboardScreen)
        names = [row[0] for row in cells(app)]
        assert names == ["Zhang Wei", "Li Ming", "王芳", "孙丽", "赵磊"]
        await pilot.press("w")  # Zhang Wei's whole team
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        assert screen.pager.total == 6  # every open item with an owner


async def test_who_am_i_when_nobody_is_set(services: Services, ui) -> None:
    services.add_person("Li Ming")  # no director and no "me": the app cannot tell
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DashboardScreen(services))
        await ui.open_screen(pilot, DashboardScreen)
        assert "Who are you?" in ui.static_text(app, "#dash-note")
        assert app.screen.has_class("-no-me")


async def test_dashboard_in_chinese(services: Services, team, make_app, ui) -> None:
    i18n.set_language("zh-CN")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DashboardScreen(app.services))
        await ui.open_screen(pilot, DashboardScreen)
        assert ui.static_text(app, "#dash-totals") == "团队：未完成 4 项，逾期 3 项，本周完成 1 项"
