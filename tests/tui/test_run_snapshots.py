"""SVG snapshots of the live console and the confirmation step (fixed clock, data, size).

Update after an intended change with ``pytest tests/tui/test_run_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
SMALL, LARGE = (80, 24), (120, 40)


@pytest.fixture
def meeting_id(live_console, services: Services) -> int:
    return live_console.plain(services)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_start_panel_with_warnings(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    clock.advance(minutes=34)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_in_warning(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    live_console.running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_over_time(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    live_console.running(services, clock, meeting_id)
    clock.advance(minutes=3, seconds=40)  # 12:10 on a 10-minute item, chair over half

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_capture_preview_with_an_error(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    live_console.running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id, "/a @王芳 due:someday-never 提交计划")

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_running_zh_cn(live_console, snap_compare, services, clock, meeting_id) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    live_console.running(services, clock, meeting_id)
    clock.advance(minutes=3, seconds=40)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id, "/a @wf 下周五 提交计划 p1")

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=LARGE, run_before=before)


def ended(live_console, services: Services, clock: FixedClock, meeting_id: int) -> None:
    live = live_console.running(services, clock, meeting_id)
    live.capture(meeting_id, "/d close the Xi'an office")
    live.capture(meeting_id, "/a prepare the customer list")
    live.capture(meeting_id, "/p 展会预算")
    clock.advance(minutes=14)
    live.next_item(meeting_id)
    clock.advance(minutes=4)
    live.park_item(meeting_id)
    clock.advance(minutes=6)
    live.end(meeting_id)


async def show_confirm(pilot, meeting_id: int) -> None:
    app = pilot.app
    await app.push_screen(ConfirmScreen(app.services, meeting_id))
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_confirm_screen(live_console, snap_compare, services, clock, meeting_id, size) -> None:
    ended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_confirm_screen_zh_cn(live_console, snap_compare, services, clock, meeting_id) -> None:
    i18n.set_language("zh-CN")
    ended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=SMALL, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_summary(live_console, snap_compare, services, clock, meeting_id, size) -> None:
    ended(live_console, services, clock, meeting_id)
    live = LiveMeeting(services)
    for decision in services.store.list_decisions(meeting_id):
        live.set_decision(decision.id, "confirmed" if "3%" in decision.text else "rejected")
    for action in services.store.actions_of_meeting(meeting_id):
        if not action.owner_ids:
            live.settle_action(action.id, owners=["Li Ming"], due=date(2026, 12, 2))
    for entry in live.parking_lot(meeting_id):
        live.resolve_parked(entry.id, "next")
    live.confirm(meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)  # a confirmed meeting shows its summary

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def extended(live_console, services: Services, clock: FixedClock, meeting_id: int) -> LiveMeeting:
    """As ``running``, then item 1 (planned 10) given 5 more minutes and run to 16:10."""
    live = live_console.running(services, clock, meeting_id)
    live.extend(meeting_id, 5)
    clock.advance(minutes=7, seconds=40)
    return live


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_extended_and_over(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    extended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_running_item_extended_zh_cn_80x24(
    live_console, snap_compare, services, clock, meeting_id
) -> None:
    i18n.set_language("zh-CN")
    extended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await live_console.show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=SMALL, run_before=before)


async def show_due_prompt(pilot, meeting_id: int) -> None:
    """The confirmation step with the due-date prompt open on the first action, showing
    the date the typed phrase resolves to."""
    await show_confirm(pilot, meeting_id)
    await pilot.press("tab", "d")
    await pilot.pause()
    prompt = pilot.app.screen.query_one("#confirm-prompt", Input)
    prompt.cursor_blink = False
    prompt.value = "下周五"
    prompt.cursor_position = len(prompt.value)
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_confirm_due_prompt_shows_the_date(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    ended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_due_prompt(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_confirm_due_prompt_zh_cn(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    i18n.set_language("zh-CN")
    ended(live_console, services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_due_prompt(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_summary_with_an_extension_zh_cn(
    live_console, snap_compare, services, clock, meeting_id, size
) -> None:
    i18n.set_language("zh-CN")
    live = extended(live_console, services, clock, meeting_id)
    clock.advance(minutes=2)
    live.next_item(meeting_id)
    clock.advance(minutes=1)
    live.end(meeting_id)
    for decision in services.store.list_decisions(meeting_id):
        live.set_decision(decision.id, "confirmed")
    live.confirm(meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_watching_a_meeting_another_person_records(
    live_console, snap_compare, services, clock, meeting_id, size, language
) -> None:
    """王芳 opens the meeting 陈建国 records: no capture line, the header says who records
    and that t takes over; the footer has only Take over, Back and the panels."""
    i18n.set_language(language)  # the shared fixture restores English afterwards
    live_console.running(services, clock, meeting_id)
    lead = Services(services.store, clock, me="王芳")

    async def before(pilot) -> None:
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(SalestuiApp(lead, Config()), terminal_size=size, run_before=before)
