"""The UI thread only draws: on a 100,000-action database, no event-loop callback on the
actions, meetings, home and team screens takes over 50 ms while they are used.

asyncio's debug mode times every callback; ``callback_guard`` (conftest) collects those
over the limit. Reads run in thread workers, so what is left on the loop is drawing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.demo import generate_demo
from salestui.demo.data import DIRECTOR
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.dashboard import DashboardScreen
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.meetings import MeetingsScreen

ROWS = 100_000
# Measured alone: `make test` runs these after the rest, with no other worker beside them.
pytestmark = pytest.mark.ui_guard


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory, fixed_now: datetime) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.db"
    store = open_store(path)
    generate_demo(store, FixedClock(fixed_now), scale=ROWS)
    store.close()
    return path


@pytest.fixture
def big(big_db: Path, clock: FixedClock) -> Iterator[Services]:
    # Whatever other tests left in this worker's heap is not the app's to collect.
    gc.collect()
    store = open_store(big_db)
    services = Services(store, clock, me=DIRECTOR)
    yield services
    store.close()


async def _settle_on(pilot, screen_type: type) -> None:  # type: ignore[no-untyped-def]
    for _round in range(200):
        if isinstance(pilot.app.screen, screen_type):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)


def _report(slow: list[str]) -> str:
    return "UI thread busy for over 50 ms at a stretch: " + ", ".join(slow)


async def test_actions_screen_at_100k(big: Services, callback_guard) -> None:
    app = SalestuiApp(big, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ActionsScreen(big, "all"))
        await _settle_on(pilot, ActionsScreen)
        async with callback_guard() as slow:
            await pilot.press("end", "pageup", "pageup", "home", "pagedown")
            await pilot.press("b", "b", "o", "o")  # due filter, sort
            await pilot.press("slash", *"回款", "enter")
            await pilot.press("escape")
            await pilot.press("enter", "down", "down", "enter")  # the detail panel
            app.screen.reload_data()
            await pilot.pause()
        assert not slow, _report(slow)
        assert app.screen.pager.total > 0  # type: ignore[attr-defined]


async def test_meetings_screen_at_100k(big: Services, callback_guard) -> None:
    app = SalestuiApp(big, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingsScreen(big))
        await _settle_on(pilot, MeetingsScreen)
        async with callback_guard() as slow:
            await pilot.press("down", "down", "end", "home")
            await pilot.press("k", "k", "x")
            await pilot.press("slash", *"周例会", "escape")
            app.screen.reload_data()
            await pilot.pause()
        assert not slow, _report(slow)


async def test_home_and_team_screens_at_100k(big: Services, callback_guard) -> None:
    app = SalestuiApp(big, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle_on(pilot, HomeScreen)
        async with callback_guard() as slow:
            app.screen.reload_data()
            await pilot.press("down", "down", "tab", "down")
        assert not slow, _report(slow)
        app.push_screen(DashboardScreen(big))
        await _settle_on(pilot, DashboardScreen)
        async with callback_guard() as slow:
            app.screen.reload_data()
            await pilot.press("down", "down", "up")
            await pilot.pause()
        assert not slow, _report(slow)
        assert len(app.screen.lines) > 1  # type: ignore[attr-defined]
