"""Live console details (issue 10, section 5): who the speaker picker offers, what the
start panel says about absent people, and what an 80x24 console shows without F2/F3."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_speaker import SpeakerPicker

SHANGHAI = ZoneInfo("Asia/Shanghai")


def build(services: Services) -> int:
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
    services.add_person("孙丽", Role.MEMBER, "销售二部", reports_to="陈建国")
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    meeting = services.new_meeting(
        "周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30, chair="陈建国"
    )
    for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("下周目标", 10)):
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强", "孙丽"])
    return meeting.id


def plain(app: SalestuiApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(content)


async def test_picker_offers_only_people_who_can_speak(services, clock: FixedClock) -> None:
    meeting_id = build(services)
    live = LiveMeeting(services)
    live.set_attendance(meeting_id, services.find_person("王芳").id, "present")
    live.set_attendance(meeting_id, services.find_person("赵强").id, "absent")
    live.set_attendance(meeting_id, services.find_person("孙丽").id, "excused")
    live.set_attendance(meeting_id, services.find_person("Li Ming").id, "late")
    live.start(meeting_id)
    for row in live.review_candidates(meeting_id):
        live.review_action(meeting_id, row.id, "done")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, meeting_id))
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        picker = app.screen.query_one(SpeakerPicker)
        assert picker.display
        rows = [" ".join(getattr(c, "plain", str(c)) for c in row) for row in _grid_rows(picker)]
        assert [r.split(" ")[:2] for r in rows] == [["1", "陈建国"], ["2", "王芳"], ["3", "Li"]]
        assert "赵强" not in " ".join(rows) and "孙丽" not in " ".join(rows)
        await pilot.press("3")  # Li Ming (number 3: absent people take no number)
        await pilot.pause()
        turns = services.store.list_speaking(meeting_id)
        assert [t.person_id for t in turns] == [services.find_person("Li Ming").id]
        await pilot.press("ctrl+t", "4")  # nobody has 4: 赵强 and 孙丽 are not in the room
        await pilot.pause()
        assert app.screen.focused is picker
        await pilot.press("escape")
        assert len(services.store.list_speaking(meeting_id)) == 1


def _grid_rows(picker: SpeakerPicker) -> list[list]:  # type: ignore[type-arg]
    """The cells of the picker's rich ``Table.grid``, row by row."""
    table = picker.content
    columns = [list(column.cells) for column in table.columns]
    return [list(row) for row in zip(*columns, strict=True)]


async def test_start_panel_says_absent(services, clock: FixedClock) -> None:
    meeting_id = build(services)
    live = LiveMeeting(services)
    live.set_attendance(meeting_id, services.find_person("赵强").id, "absent")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, meeting_id))
        await pilot.pause()
        warnings = plain(app, "#start-warnings")
        assert "Required attendees absent: 赵强" in warnings
        assert "not marked present: 孙丽, 王芳, Li Ming" in warnings
        assert app.screen.query_one("#capture-input", Input) is not None


async def running_console(app: SalestuiApp, pilot, services: Services) -> RunScreen:  # type: ignore[no-untyped-def]
    meeting_id = build(services)
    live = LiveMeeting(services)
    for name, status in (("王芳", "present"), ("Li Ming", "late"), ("赵强", "absent")):
        live.set_attendance(meeting_id, services.find_person(name).id, status)
    live.start(meeting_id)
    screen = RunScreen(services, meeting_id)
    await app.push_screen(screen)
    await pilot.pause()
    assert screen.mode == "run"  # nothing to review
    return screen


async def test_narrow_console_shows_items_and_who_is_here(services, clock: FixedClock) -> None:
    from salestui import i18n

    i18n.set_language("zh-CN")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await running_console(app, pilot, services)
        assert screen.query_one("#run-panel").has_class("-no-side")  # no F2/F3 pressed
        strip = app.screen.query_one("#strip", Static)
        assert strip.display and strip.region.height == 2
        text = plain(app, "#strip")
        assert "当前 1/3" in text and "下一项：2. 问题与对策（5 分钟）" in text
        assert "在场 3/5：陈建国、王芳、Li Ming" in text
        assert "不在场：孙丽、赵强" in text
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "下一项：3. 下周目标" in plain(app, "#strip")
    async with SalestuiApp(services, Config()).run_test(size=(120, 40)) as pilot:
        await pilot.app.push_screen(RunScreen(services, screen.meeting_id))
        await pilot.pause()
        assert not pilot.app.screen.query_one("#strip").display  # the side panels show it


async def test_toasts_stay_above_the_capture_line(services, clock: FixedClock) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await running_console(app, pilot, services)
        capture = app.screen.query_one("#capture")
        inp = app.screen.query_one("#capture-input", Input)
        inp.insert_text_at_cursor("/a @nobody 下周五 x")  # an error preview: a taller line
        await pilot.pause()
        for n in range(3):
            app.notify(f"Saved entry {n}: a long enough message to wrap onto two lines here")
        await pilot.pause()
        await pilot.pause()
        rack = app.screen.query_one("ToastRack")
        toasts = [t for t in rack.query("Toast") if t.region.height]
        assert toasts
        assert max(t.region.bottom for t in toasts) <= capture.region.y
        assert inp.value == "/a @nobody 下周五 x"


def test_snapshot_narrow_console_zh_cn(snap_compare, services, clock: FixedClock) -> None:
    """80x24 in Chinese: the strip with the current and next items and who is here."""
    from salestui import i18n

    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    meeting_id = build(services)
    live = LiveMeeting(services)
    for name, status in (("王芳", "present"), ("Li Ming", "late"), ("赵强", "absent")):
        live.set_attendance(meeting_id, services.find_person(name).id, status)
    live.start(meeting_id)
    live.speak(meeting_id, services.find_person("陈建国").id)
    live.capture(meeting_id, "华东区回款比计划低 15%")
    clock.advance(minutes=4)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.push_screen(RunScreen(services, meeting_id))
        await pilot.pause()
        inp = pilot.app.screen.query_one("#capture-input", Input)
        inp.cursor_blink = False
        await pilot.pause()

    app = SalestuiApp(services, Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
