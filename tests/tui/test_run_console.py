"""Pilot tests of the live console: a whole meeting by keyboard, checked on screen and in
the database. Time moves only when the test advances the injected FixedClock."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Digits, Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    ActionQuery,
    AgendaStatus,
    AttendanceStatus,
    EntryKind,
    MeetingStatus,
)
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run_speaker import SpeakerPicker

SHANGHAI = ZoneInfo("Asia/Shanghai")
SIZE = (120, 40)


@pytest.fixture
def meeting_id(live_console, services: Services) -> int:
    return live_console.with_review(services)


def text_of(app: SalestuiApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    if isinstance(widget, Digits):
        return widget.value
    assert isinstance(widget, Static)
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(content)


async def type_line(pilot, text: str) -> None:
    """Type into the focused capture line and press Enter."""
    inp = pilot.app.screen.query_one("#capture-input", Input)
    assert pilot.app.screen.focused is inp
    inp.insert_text_at_cursor(text)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_start_panel_warns_and_starts_late(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(minutes=34)  # 09:04
        screen = await live_console.open_run(app, pilot, meeting_id)
        warnings = text_of(app, "#start-warnings")
        assert "never circulated" in warnings
        assert "王芳, 赵强, Li Ming" in warnings  # reporting line: Li Ming reports to 王芳
        assert "(35 min) is longer than the meeting (30 min)" in warnings
        assert "starting now is 4 min late" in text_of(app, "#start-when")
        # Attendance: p, l, e from the top of the list (the chair is number 1).
        await pilot.press("down", "p", "l", "e")
        rows = live_console.table_text(app, "#start-attendance")
        assert any("王芳" in r and "Present" in r for r in rows)
        assert any("赵强" in r and "Late 09:04" in r for r in rows)
        assert any("Li Ming" in r and "Excused" in r for r in rows)
        assert "王芳" not in text_of(app, "#start-warnings")
        await pilot.press("s")
        await pilot.pause()
        assert screen.mode == "review"
        meeting = services.meeting(meeting_id)
        assert meeting.actual_start == clock.now()
        assert "4 min late" in text_of(app, "#clock")
        statuses = {a.person_id: a.status for a in services.store.list_attendance(meeting_id)}
        assert statuses[services.find_person("王芳").id] == AttendanceStatus.PRESENT


async def test_review_of_previous_actions(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(minutes=34)
        screen = await live_console.open_run(app, pilot, meeting_id)
        await pilot.press("s")
        await pilot.pause()
        assert screen.mode == "review"
        rows = live_console.table_text(app, "#review-table")
        assert "Update the CRM" in rows[0] and "must resolve" in rows[0]  # carried 3: first
        # "Still open" is refused for a must-resolve item; nothing is stored.
        await pilot.press("o")
        await pilot.pause()
        assert "Carried 3 times" in text_of(app, "#review-message")
        crm = services.store.list_actions(ActionQuery(text="CRM"))[0]
        assert services.follow_ups(crm.id) == []
        # A new date typed naturally, with a note after it.
        await pilot.press("n")
        await pilot.pause()
        prompt = app.screen.query_one("#review-prompt", Input)
        assert app.screen.focused is prompt
        prompt.insert_text_at_cursor("someday never")
        await pilot.press("enter")
        await pilot.pause()
        assert "Unknown date" in text_of(app, "#review-message")
        prompt.value = "下周五 waiting for IT"
        await pilot.press("enter")
        await pilot.pause()
        assert services.action(crm.id).due == date(2026, 12, 4)
        assert services.follow_ups(crm.id)[-1].note == "waiting for IT"
        # The other one: still open with a note; then the review is over -> the agenda.
        await pilot.press("o")
        await pilot.pause()
        prompt.insert_text_at_cursor("客户还没回复")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.mode == "run"
        assert LiveMeeting(services).review_candidates(meeting_id) == []
        assert app.screen.focused is app.screen.query_one("#capture-input")


async def test_timers_warn_and_over_with_words(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.start_meeting(app, pilot, clock, meeting_id)
        timer = app.screen.query_one("#timer")
        assert text_of(app, "#timer-digits") == "10:00"
        assert text_of(app, "#timer-phase") == "10:00 left"
        assert timer.has_class("-ok")
        clock.advance(minutes=8, seconds=30)
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert text_of(app, "#timer-digits") == "1:30"
        assert text_of(app, "#timer-phase") == "1:30 left · past 80%"
        assert timer.has_class("-warn")
        clock.advance(minutes=3, seconds=40)
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert text_of(app, "#timer-digits") == "+2:10"
        assert text_of(app, "#timer-phase") == "2:10 over"
        assert timer.has_class("-over") and not timer.has_class("-warn")
        clock_text = text_of(app, "#clock")
        assert "12:10 elapsed" in clock_text and "end 09:34 planned" in clock_text
        # +5 min: back under the timebox; -5 again; the agenda row shows the overrun.
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert text_of(app, "#timer-phase") == "2:50 left · past 80%"
        item = services.store.list_agenda(meeting_id)[0]
        assert (item.timebox_minutes, item.extended_minutes) == (10, 5)  # the plan stays 10
        assert "12:10/10+5" in live_console.table_text(app, "#agenda")[0]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert "12:10/10 +2" in live_console.table_text(app, "#agenda")[0]


async def test_capture_preview_errors_and_saves(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await live_console.start_meeting(app, pilot, clock, meeting_id)
        inp = app.screen.query_one("#capture-input", Input)
        inp.insert_text_at_cursor("/a @王芳 下周五 提交华东区回款计划 p1")
        await pilot.pause()
        assert text_of(app, "#capture-preview") == "→ Action -> 王芳, due Fri 4 Dec, p1"
        inp.value = "/a @nobody call the client"
        await pilot.pause()
        assert text_of(app, "#capture-preview") == "No one is called nobody"
        assert app.screen.query_one("#capture").has_class("-error")
        before = services.store.count("entries")
        await pilot.press("enter")
        await pilot.pause()
        assert services.store.count("entries") == before  # nothing saved
        assert inp.value == "/a @nobody call the client"  # the text stays
        inp.value = ""
        await type_line(pilot, "华东区回款比计划低 15%")
        assert inp.value == ""
        assert text_of(app, "#capture-saved") == "saved 09:04:00"
        await type_line(pilot, "/a @wf fri send the plan")
        rows = live_console.table_text(app, "#entries")
        assert "华东区回款比计划低 15%" in rows[0] and "Note" in rows[0]
        assert "send the plan → 王芳 · Fri 27 Nov · P2" in rows[1]
        action = services.store.actions_of_meeting(meeting_id)[0]
        assert action.owner_ids == [services.find_person("王芳").id]


async def test_attendance_and_speaking_during_the_meeting(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await live_console.start_meeting(app, pilot, clock, meeting_id)
        assert screen.query_one("#run-panel").has_class("-no-side")  # 80 columns: hidden
        # Digits typed on the line are text, not speakers.
        inp = app.screen.query_one("#capture-input", Input)
        await pilot.press("3")
        assert inp.value == "3"
        assert services.store.list_speaking(meeting_id) == []
        inp.value = ""
        await pilot.press("ctrl+t", "4")  # the picker, then Li Ming
        await pilot.pause()
        assert "Speaking: 4 Li Ming" in text_of(app, "#speaking")
        await pilot.press("ctrl+t", "9")
        await pilot.pause()
        picker = app.screen.query_one(SpeakerPicker)
        assert app.screen.focused is picker  # nobody has number 9: still asking
        await pilot.press("escape")
        await pilot.pause()
        assert not picker.display and app.screen.focused is inp
        assert len(services.store.list_speaking(meeting_id)) == 1
        # Any other key closes the picker and is typed into the line, never lost.
        await pilot.press("ctrl+t", "h", "i")
        await pilot.pause()
        assert inp.value == "hi" and not picker.display
        inp.value = ""
        clock.advance(minutes=2)
        # F3 opens the attendance panel and focuses it: a late arrival, then digits speak.
        await pilot.press("f3")
        await pilot.pause()
        assert not screen.query_one("#run-panel").has_class("-no-side")
        assert app.screen.focused is app.screen.query_one("#people")
        await pilot.press("down", "down", "l")  # 赵强 arrives late
        await pilot.pause()
        rows = live_console.table_text(app, "#people")
        assert any("赵强" in r and "Late 09:06" in r for r in rows)
        assert any("Li Ming" in r and "100%" in r for r in rows)
        await pilot.press("2")  # 王芳 takes over
        await pilot.pause()
        clock.advance(minutes=2)
        await pilot.press("0")  # nobody
        await pilot.pause()
        turns = services.store.list_speaking(meeting_id)
        assert [t.ended_at - t.started_at for t in turns] == [timedelta(minutes=2)] * 2
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert any("王芳" in r and "50%" in r for r in live_console.table_text(app, "#people"))
        await pilot.press("escape")
        assert app.screen.focused is inp


async def test_agenda_moves_and_entry_keys(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.start_meeting(app, pilot, clock, meeting_id)
        clock.advance(minutes=3)
        await pilot.press("ctrl+n")
        clock.advance(minutes=1)
        await pilot.press("ctrl+b")  # back to item 1: its time keeps growing from 3:00
        clock.advance(minutes=1)
        screen.tick()
        await pilot.pause()
        assert text_of(app, "#timer-detail").startswith("4:00 of 10 min")
        # Enter on an agenda row goes straight to that item.
        await pilot.press("f2")
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert "4. 下周目标" in text_of(app, "#timer-title")
        assert app.screen.focused is app.screen.query_one("#capture-input")
        # Entries: decision -> note, and a topic entry cannot be edited here.
        await type_line(pilot, "/d 统一报价")
        await type_line(pilot, "/t 展会")
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.capture.editing is None  # refused: topics are changed on the agenda
        assert app.screen.query_one("#capture-input", Input).value == ""
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        items = LiveMeeting(services).entries(meeting_id)
        assert [e.kind for e in items] == [EntryKind.NOTE, EntryKind.TOPIC]
        assert services.store.list_decisions(meeting_id) == []  # no ghost left behind
        statuses = [i.status for i in services.store.list_agenda(meeting_id)]
        assert statuses[:4] == [AgendaStatus.PENDING, AgendaStatus.PENDING,
                                AgendaStatus.PENDING, AgendaStatus.ACTIVE]  # fmt: skip


async def test_fast_typing_keeps_every_line_apart(
    live_console, services, clock: FixedClock, meeting_id
) -> None:
    """Keys arriving in one burst (a fast typist, a busy redraw): each Enter saves exactly
    the characters before it, and nothing typed after it is lost or merged."""
    from textual import events

    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await live_console.start_meeting(app, pilot, clock, meeting_id)
        burst = "first line\rsecond line\r/d third\r"
        for char in burst:
            key = "enter" if char == "\r" else ("space" if char == " " else char)
            app.post_message(events.Key(key, None if char == "\r" else char))
        await pilot.press("ctrl+n")  # a priority key right behind the burst
        for char in "next item":
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("enter", None))
        await pilot.pause()
        await pilot.pause()
        entries = LiveMeeting(services).entries(meeting_id)
        assert [(e.text, e.agenda_item_id) for e in entries] == [
            ("first line", entries[0].agenda_item_id),
            ("second line", entries[0].agenda_item_id),
            ("third", entries[0].agenda_item_id),
            ("next item", entries[3].agenda_item_id),
        ]
        assert entries[3].agenda_item_id != entries[0].agenda_item_id
        assert app.screen.query_one("#capture-input", Input).value == ""


async def test_a_meeting_started_and_ended_elsewhere(
    live_console, services, clock: FixedClock, meeting_id
):
    """Another terminal (``salestui run start|end``) moves the open console along."""
    from salestui.tui.screens.confirm import ConfirmScreen

    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        assert screen.mode == "start"
        LiveMeeting(services).start(meeting_id)
        screen.tick()
        await pilot.pause()
        assert screen.mode == "run"
        LiveMeeting(services).end(meeting_id)
        screen.tick()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_switching_language_keeps_the_console(
    live_console, services, clock: FixedClock, meeting_id
):
    from salestui import i18n

    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.start_meeting(app, pilot, clock, meeting_id)
        await type_line(pilot, "华东区回款比计划低 15%")
        i18n.set_language("zh-CN")  # what the app's language switch does, then recompose
        await screen.recompose()
        await pilot.pause()
        await pilot.pause()  # the rebuilt widgets mount, then fill on the next refresh
        assert screen.mode == "run"
        assert text_of(app, "#timer-phase") == "剩余 10:00"
        assert any(
            "记录" in row and "15%" in row for row in live_console.table_text(app, "#entries")
        )
        assert app.screen.focused is app.screen.query_one("#capture-input")
        await type_line(pilot, "第二条")
        await pilot.pause()
        assert len(live_console.table_text(app, "#entries")) == 2


async def test_the_lists_are_reachable_from_the_console(
    live_console, services, clock, meeting_id
) -> None:
    """F5 / F6 open Actions and Meetings while recording (letters go to the line); the
    meeting runs on, and Esc comes back to the console with the half-typed line kept."""
    from salestui.tui.screens.actions import ActionsScreen
    from salestui.tui.screens.meetings import MeetingsScreen

    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        await pilot.press("s")  # start
        await pilot.pause()
        if screen.mode == "review":
            await pilot.press("ctrl+n")  # on to the agenda
            await pilot.pause()
        assert screen.mode == "run"
        line = screen.query_one("#capture-input", Input)
        line.insert_text_at_cursor("华东区回款")
        for key, wanted in (("f5", ActionsScreen), ("f6", MeetingsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, wanted)
            assert services.meeting(meeting_id).status == MeetingStatus.RUNNING
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
        assert line.value == "华东区回款" and screen.focused is line
