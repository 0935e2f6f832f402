"""The TUI never crashes on a storage or validation error: the message is shown at the
input (or as a toast), the typed text is kept and the app goes on. A genuine crash exits
non-zero with a traceback that holds no local variables (the user's data)."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.boundary import storage_failure
from salestui.core.clock import FixedClock
from salestui.core.errors import StorageError
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.errors import crash_report
from salestui.tui.screens.person_form import PersonFormScreen
from salestui.tui.screens.run import RunScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
SIZE = (120, 40)


def running_meeting(services: Services) -> int:
    services.add_person("陈建国", role="director")
    start = datetime(2026, 11, 27, 8, 30, tzinfo=SHANGHAI)
    meeting = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, start, 30, chair="陈建国")
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    LiveMeeting(services).start(meeting.id)
    return meeting.id


def preview_text(app: SalestuiApp) -> str:
    content = app.screen.query_one("#capture-preview", Static).content
    return content.plain if hasattr(content, "plain") else str(content)


async def open_console(app: SalestuiApp, pilot, meeting_id: int) -> Input:
    await app.push_screen(RunScreen(app.services, meeting_id))
    await pilot.pause()
    inp = app.screen.query_one("#capture-input", Input)
    assert app.screen.focused is inp
    return inp


async def test_a_25000_character_paste_is_refused_at_the_input(services: Services) -> None:
    meeting_id = running_meeting(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        inp = await open_console(app, pilot, meeting_id)
        pasted = "回款" * 12_500
        inp.insert_text_at_cursor(pasted)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert inp.value == pasted  # the text is kept
        assert "too long" in preview_text(app)
        assert services.store.count("entries") == 0


@pytest.mark.parametrize(
    "failure",
    [
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("database or disk is full"),
        StorageError("The database file is read-only"),
    ],
    ids=["read-only", "disk-full", "storage-error"],
)
async def test_a_storage_error_while_saving_keeps_the_line(
    services: Services, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    meeting_id = running_meeting(services)

    def refuse(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(services.store, "add_entry", refuse)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        inp = await open_console(app, pilot, meeting_id)
        inp.insert_text_at_cursor("华东区回款比计划低 15%")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert inp.value == "华东区回款比计划低 15%"
        assert str(failure) in preview_text(app)
        assert app.screen.query_one("#capture").has_class("-error")
        await pilot.press("x")  # still typing
        await pilot.pause()
        assert inp.value.endswith("x")


async def test_a_storage_error_in_a_key_action_is_a_toast(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SalestuiApp(services, Config())

    def broken() -> None:
        raise storage_failure(sqlite3.OperationalError("database is locked"))

    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "action_meetings", broken)
        await pilot.press("m")
        await pilot.pause()
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("database is locked" in m for m in messages), messages


async def test_a_genuine_crash_exits_non_zero(services: Services) -> None:
    app = SalestuiApp(services, Config())

    def crash() -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            app.action_meetings = crash  # type: ignore[method-assign]
            await pilot.press("m")
            await pilot.pause()
    assert app.return_code == 1


def _render(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(renderable)
    return out.getvalue()


def test_the_crash_report_shows_no_local_variables() -> None:
    def fail(customer: str) -> None:
        secret = customer.upper() + "-机密"
        raise RuntimeError(f"failed after {len(secret)} characters")

    try:
        fail("hengda")
    except RuntimeError as error:
        report = _render(crash_report(error))
    assert "RuntimeError" in report and "fail" in report
    assert "HENGDA-机密" not in report and "'hengda'" not in report


def test_a_known_error_is_reported_in_one_line() -> None:
    report = _render(crash_report(storage_failure(sqlite3.OperationalError("disk I/O error"))))
    assert report.strip() == "Error: Database problem: disk I/O error"


async def test_markup_and_escapes_in_stored_text_are_shown_literally(
    services: Services, clock: FixedClock
) -> None:
    services.add_person("[red]x", role="director")
    services.add_person("Bad [/b] name")
    meeting = services.new_meeting("[/] 周例会 [b]", "p", MeetingKind.WEEKLY, chair="[red]x")
    services.add_action("[/red] fix", owners=["Bad [/b] name"])
    conn = sqlite3.connect(services.store.path)
    with conn:  # another tool writes raw escape sequences
        conn.execute(
            "UPDATE meetings SET location = ? WHERE id = ?",
            ("\x1b]0;pwned\x07Room 1\x1b[2J", meeting.id),
        )
    conn.close()
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        for key in ("m", "escape", "a", "escape", "p", "escape"):
            await pilot.press(key)
            await pilot.pause()
        app.notify("[/b] unbalanced [red]")
        await pilot.pause()
        assert app.is_running
        app.open_meeting(meeting.id)
        await pilot.pause()
        assert app.is_running
        location = app.services.meeting(meeting.id).location
        assert location == "Room 1"
        await app.push_screen(PersonFormScreen(services, services.find_person("Bad")))
        await pilot.pause()
        assert app.is_running


async def test_a_paste_with_escape_sequences_reaches_the_input_clean(services: Services) -> None:
    meeting_id = running_meeting(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        inp = await open_console(app, pilot, meeting_id)
        app.post_message(events.Paste("\x1b]0;pwned\x07\x1b[31mred\x1b[0m \u202eevil\x9b2J"))
        await pilot.pause()
        assert inp.value == "red evil2J"
