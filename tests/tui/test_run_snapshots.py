"""SVG snapshots of the live console and the confirmation step (fixed clock, data, size).

Update after an intended change with ``pytest tests/tui/test_run_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.run import RunScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
SMALL, LARGE = (80, 24), (120, 40)


def build(services: Services) -> int:
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    last = services.new_meeting("上周例会", "回顾", MeetingKind.WEEKLY, start - timedelta(days=7))
    services.add_action("提交回款计划", ["王芳"], date(2026, 11, 24), meeting_id=last.id)
    meeting = services.new_meeting("周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30,
                                   chair="陈建国")  # fmt: skip
    for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("Pricing", 5),
                           ("下周目标", 10), ("AOB", 5)):  # fmt: skip
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强"])
    return meeting.id


def running(services: Services, clock: FixedClock, meeting_id: int) -> LiveMeeting:
    """Started at 09:04 with 王芳 and Li Ming present, a few lines on item 1, the chair
    speaking for the first eight minutes."""
    live = LiveMeeting(services)
    clock.advance(minutes=34)
    for name, status in (("王芳", "present"), ("Li Ming", "late"), ("赵强", "absent")):
        live.set_attendance(meeting_id, services.find_person(name).id, status)
    live.start(meeting_id)
    for row in live.review_candidates(meeting_id):
        live.review_action(meeting_id, row.id, "done")
    live.speak(meeting_id, services.find_person("陈建国").id)
    live.capture(meeting_id, "华东区回款比计划低 15%")
    live.capture(meeting_id, "决定：华东区报价统一上调 3%")
    live.capture(meeting_id, "/a @王芳 下周五 提交华东区回款计划 p1")
    live.capture(meeting_id, "Hengda asks for a 5% discount on the Q1 order")
    clock.advance(minutes=8)
    live.speak(meeting_id, services.find_person("王芳").id)
    clock.advance(seconds=30)
    return live


@pytest.fixture
def meeting_id(services: Services) -> int:
    return build(services)


async def show_run(pilot, meeting_id: int, line: str = "") -> None:
    app = pilot.app
    await app.push_screen(RunScreen(app.services, meeting_id))
    await pilot.pause()
    inp = app.screen.query_one("#capture-input", Input)
    inp.cursor_blink = False
    if line:
        inp.insert_text_at_cursor(line)
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_start_panel_with_warnings(snap_compare, services, clock, meeting_id, size) -> None:
    clock.advance(minutes=34)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_in_warning(snap_compare, services, clock, meeting_id, size) -> None:
    running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_over_time(snap_compare, services, clock, meeting_id, size) -> None:
    running(services, clock, meeting_id)
    clock.advance(minutes=3, seconds=40)  # 12:10 on a 10-minute item, chair over half

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_capture_preview_with_an_error(snap_compare, services, clock, meeting_id, size) -> None:
    running(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id, "/a @王芳 due:someday-never 提交计划")

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_running_zh_cn(snap_compare, services, clock, meeting_id) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    running(services, clock, meeting_id)
    clock.advance(minutes=3, seconds=40)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id, "/a @wf 下周五 提交计划 p1")

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=LARGE, run_before=before)


def ended(services: Services, clock: FixedClock, meeting_id: int) -> None:
    live = running(services, clock, meeting_id)
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
def test_confirm_screen(snap_compare, services, clock, meeting_id, size) -> None:
    ended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_confirm_screen_zh_cn(snap_compare, services, clock, meeting_id) -> None:
    i18n.set_language("zh-CN")
    ended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=SMALL, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_summary(snap_compare, services, clock, meeting_id, size) -> None:
    ended(services, clock, meeting_id)
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


def extended(services: Services, clock: FixedClock, meeting_id: int) -> LiveMeeting:
    """As ``running``, then item 1 (planned 10) given 5 more minutes and run to 16:10."""
    live = running(services, clock, meeting_id)
    live.extend(meeting_id, 5)
    clock.advance(minutes=7, seconds=40)
    return live


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_running_item_extended_and_over(snap_compare, services, clock, meeting_id, size) -> None:
    extended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_running_item_extended_zh_cn_80x24(snap_compare, services, clock, meeting_id) -> None:
    i18n.set_language("zh-CN")
    extended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_run(pilot, meeting_id)

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
def test_confirm_due_prompt_shows_the_date(snap_compare, services, clock, meeting_id, size) -> None:
    ended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_due_prompt(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_confirm_due_prompt_zh_cn(snap_compare, services, clock, meeting_id, size) -> None:
    i18n.set_language("zh-CN")
    ended(services, clock, meeting_id)

    async def before(pilot) -> None:
        await show_due_prompt(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_summary_with_an_extension_zh_cn(snap_compare, services, clock, meeting_id, size) -> None:
    i18n.set_language("zh-CN")
    live = extended(services, clock, meeting_id)
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
    snap_compare, services, clock, meeting_id, size, language
) -> None:
    """王芳 opens the meeting 陈建国 records: no capture line, the header says who records
    and that t takes over; the footer has only Take over, Back and the panels."""
    i18n.set_language(language)  # the shared fixture restores English afterwards
    running(services, clock, meeting_id)
    lead = Services(services.store, clock, me="王芳")

    async def before(pilot) -> None:
        pilot.app.open_meeting(meeting_id)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(SalestuiApp(lead, Config()), terminal_size=size, run_before=before)
