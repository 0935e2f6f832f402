"""SVG snapshots of the live console's entries list with the focus (its own keys in the
footer: Enter, Delete…, ^d ^a ^e) and of the question before a deletion, in English and
zh-CN, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from salestui import i18n
from salestui.config import Config
from salestui.tui.app import SalestuiApp

SMALL, LARGE = (80, 24), (120, 40)

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
LANGUAGES = pytest.mark.parametrize("language", ["en", "zh-CN"])


@pytest.fixture
def meeting_id(live_console, services) -> int:
    return live_console.plain(services)


async def on_the_list(live_console, pilot, meeting_id: int) -> None:
    await live_console.show_run(pilot, meeting_id)
    await pilot.press("escape", "up")  # the list, on the action
    await pilot.pause()


@SIZES
@LANGUAGES
def test_entries_list_keys(
    live_console, snap_compare, services, clock, meeting_id, size, language
) -> None:
    i18n.set_language(language)  # the shared fixture restores English afterwards
    live_console.running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await on_the_list(live_console, pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@SIZES
@LANGUAGES
def test_delete_asks_first(
    live_console, snap_compare, services, clock, meeting_id, size, language
) -> None:
    i18n.set_language(language)
    live_console.running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await on_the_list(live_console, pilot, meeting_id)
        await pilot.press("delete")
        await pilot.pause()

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)
