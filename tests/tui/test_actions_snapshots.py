"""SVG snapshots of the actions list, its detail panel and forms, and the team dashboard
(fixed clock, fixed data, fixed sizes; one set in Chinese).

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.dashboard import DashboardScreen


@pytest.fixture
def lead_app(team: dict[str, int], make_app) -> SalestuiApp:
    return make_app()


def open_actions(ui, view: str | None, *keys: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await app.push_screen(ActionsScreen(app.services, view))  # type: ignore[attr-defined]
        await ui.open_screen(pilot, ActionsScreen)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        ui.no_blink(app)
        await pilot.pause()

    return run_before


def open_dashboard(ui) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await app.push_screen(DashboardScreen(app.services))  # type: ignore[attr-defined]
        await ui.open_screen(pilot, DashboardScreen)

    return run_before


def test_actions_list_120x40(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions(ui, "all"))


def test_actions_list_80x24(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions(ui, None))


def test_actions_empty_80x24(snap_compare, services: Services, ui) -> None:
    app = SalestuiApp(services, Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_actions(ui, None))


def test_actions_filtered_120x40(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions(ui, "team", "b"))


def test_actions_multi_selected_120x40(snap_compare, lead_app: SalestuiApp, ui) -> None:
    run_before = open_actions(ui, "open", "space", "down", "space")
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=run_before)


def test_actions_detail_120x40(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(
        lead_app, terminal_size=(120, 40), run_before=open_actions(ui, "team", "enter")
    )


def test_actions_detail_80x24(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(
        lead_app, terminal_size=(80, 24), run_before=open_actions(ui, "team", "enter")
    )


def test_actions_filter_form_80x24(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions(ui, "team", "f"))


def test_actions_zh_cn_120x40(snap_compare, team: dict[str, int], make_app, ui) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_actions(ui, "team", "enter"))


def test_actions_zh_cn_80x24(snap_compare, team: dict[str, int], make_app, ui) -> None:
    i18n.set_language("zh-CN")
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_actions(ui, "open"))


def test_dashboard_80x24(snap_compare, lead_app: SalestuiApp, ui) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_dashboard(ui))


def test_dashboard_120x40(snap_compare, team: dict[str, int], make_app, ui) -> None:
    app = make_app(me="Zhang Wei")
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_dashboard(ui))


def test_dashboard_zh_cn_80x24(snap_compare, team: dict[str, int], make_app, ui) -> None:
    i18n.set_language("zh-CN")
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_dashboard(ui))


def test_actions_overdue_my_team_120x40(snap_compare, lead_app: SalestuiApp, ui) -> None:
    """A lead's Overdue is her team's by default."""
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions(ui, "overdue"))


def test_actions_overdue_department_zh_cn_80x24(
    snap_compare, team: dict[str, int], make_app, ui
) -> None:
    """``T`` widens a lead's Overdue to the department."""
    i18n.set_language("zh-CN")
    run_before = open_actions(ui, "overdue", "T")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_actions_one_item_from_a_search_80x24(
    snap_compare, team: dict[str, int], lead_app: SalestuiApp, ui
) -> None:
    view = f"action:{team['提交华东区回款计划']}"
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions(ui, view))


def test_actions_one_item_from_a_search_zh_cn_120x40(
    snap_compare, team: dict[str, int], make_app, ui
) -> None:
    i18n.set_language("zh-CN")
    view = f"action:{team['Send revised quote to Hengda']}"
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_actions(ui, view))
