"""SVG snapshots of the actions list, its detail panel and forms, and the team dashboard
(fixed clock, fixed data, fixed sizes; one set in Chinese).

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the new SVGs before committing them.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.dashboard import DashboardScreen


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


@pytest.fixture
def lead_app(services: Services) -> SalestuiApp:
    support.build_team(services)
    return support.make_app(services)


def open_actions(view: str | None, *keys: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await app.push_screen(ActionsScreen(app.services, view))  # type: ignore[attr-defined]
        await support.open_screen(pilot, ActionsScreen)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


def open_dashboard() -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await app.push_screen(DashboardScreen(app.services))  # type: ignore[attr-defined]
        await support.open_screen(pilot, DashboardScreen)

    return run_before


def test_actions_list_120x40(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions("all"))


def test_actions_list_80x24(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions(None))


def test_actions_empty_80x24(snap_compare, services: Services) -> None:
    app = SalestuiApp(services, Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_actions(None))


def test_actions_filtered_120x40(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions("team", "b"))


def test_actions_multi_selected_120x40(snap_compare, lead_app: SalestuiApp) -> None:
    run_before = open_actions("open", "space", "down", "space")
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=run_before)


def test_actions_detail_120x40(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(120, 40), run_before=open_actions("team", "enter"))


def test_actions_detail_80x24(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions("team", "enter"))


def test_actions_filter_form_80x24(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_actions("team", "f"))


def test_actions_zh_cn_120x40(snap_compare, services: Services) -> None:
    support.build_team(services)
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    app = support.make_app(services)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_actions("team", "enter"))


def test_actions_zh_cn_80x24(snap_compare, services: Services) -> None:
    support.build_team(services)
    i18n.set_language("zh-CN")
    app = support.make_app(services)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_actions("open"))


def test_dashboard_80x24(snap_compare, lead_app: SalestuiApp) -> None:
    assert snap_compare(lead_app, terminal_size=(80, 24), run_before=open_dashboard())


def test_dashboard_120x40(snap_compare, services: Services) -> None:
    support.build_team(services)
    app = support.make_app(services, me="Zhang Wei")
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_dashboard())


def test_dashboard_zh_cn_80x24(snap_compare, services: Services) -> None:
    support.build_team(services)
    i18n.set_language("zh-CN")
    app = support.make_app(services)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_dashboard())
