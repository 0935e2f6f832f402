"""The Plan, live console and confirmation screens read in thread workers (issue 12, "the
UI thread only draws"): no read of theirs runs on the UI thread, and what waits for a read
(the detail after an edit, the cursor on an edited entry, the first table's focus) happens
once the data is in."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from textual.widgets import DataTable, Input, TabbedContent

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen

SIZE = (120, 40)
# What the three screens read to draw themselves.
READS: list[tuple[type, str]] = [
    (Services, "meeting_detail"),
    (Services, "meeting"),
    (Services, "people"),
    (Services, "series"),
    (LiveMeeting, "state"),
    (LiveMeeting, "entries"),
    (LiveMeeting, "review_candidates"),
    (LiveMeeting, "preview"),
    (Planning, "template_kinds"),
    (Planning, "carried_from_date"),
]


class Reads:
    """The reads above that the TUI's own code makes on the UI thread (the test's own)
    while ``watching`` (as ``Class.method <- module``). A write may read inside the core
    (the meeting it changes): those reads are the core's, not the screen's."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.watching = False


@pytest.fixture
def ui_thread_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Reads]:
    ui_thread = threading.get_ident()
    reads = Reads()

    def wrap(owner: type, name: str) -> Callable[..., object]:
        original = getattr(owner, name)

        def read(*args: object, **kwargs: object) -> object:
            caller = sys._getframe(1).f_globals.get("__name__", "")
            if reads.watching and threading.get_ident() == ui_thread:
                if caller.startswith("salestui.tui"):
                    reads.found.append(f"{owner.__name__}.{name} <- {caller}")
            return original(*args, **kwargs)

        return read

    for owner, name in READS:
        monkeypatch.setattr(owner, name, wrap(owner, name))
    yield reads


async def test_plan_edit_shows_the_new_item_once_read(
    people: Services, planned_weekly, ui, ui_thread_reads
) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    async with app.run_test(size=SIZE) as pilot:
        ui_thread_reads.watching = True
        app.push_screen(PlanScreen(people, meeting_id, tab="agenda"))
        await ui.open_screen(pilot, PlanScreen)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.detail is not None and len(screen.detail.agenda) == 5
        await pilot.press("plus")  # a new item: the form, then saved
        await ui.open_screen(pilot, AgendaItemScreen)
        await ui.type_text(pilot, "Q1 pricing")
        await pilot.press("enter")
        await ui.open_screen(pilot, PlanScreen)
        # The detail, the table and the summary show the new item together.
        assert [item.title for item in screen.detail.agenda][-1] == "Q1 pricing"
        assert ui.table_cells(screen.agenda.table)[-1][1] == "Q1 pricing"
        assert screen.agenda.table.cursor_row == 5  # on the new item
        assert screen.query_one(TabbedContent).get_tab("agenda").label_text.endswith("(6)")
        ui_thread_reads.watching = False
        assert ui_thread_reads.found == []


async def test_a_new_meeting_gets_me_as_chair_and_saves_before_inviting(
    people: Services, ui, ui_thread_reads
) -> None:
    app = SalestuiApp(Services(people.store, people.clock, me="王芳"), Config(me="王芳"))
    async with app.run_test(size=SIZE) as pilot:
        ui_thread_reads.watching = True
        app.push_screen(PlanScreen(app.services, None))  # type: ignore[attr-defined]
        await ui.open_screen(pilot, PlanScreen)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.form.typed().chair == "王芳"  # arrived with the first read
        assert not screen.dirty  # the default chair is not a change
        await ui.type_text(pilot, "Pricing review")
        screen.form.focus_field("purpose")
        await ui.type_text(pilot, "Agree the Q1 price list")
        await pilot.press("f3")  # attendees: the picker
        await pilot.pause()
        await ui.type_text(pilot, "Li Ming")
        await pilot.press("enter")  # the new meeting is saved first, then Li Ming invited
        await pilot.pause()
        assert screen.meeting_id is not None
        detail = people.meeting_detail(screen.meeting_id)
        assert [a.person.name for a in detail.attendees] == ["Li Ming"]
        assert screen.detail is not None and screen.detail.attendees == detail.attendees
        assert ui.table_cells(screen.attendees.table)[0][0] == "Li Ming"
        ui_thread_reads.watching = False
        assert ui_thread_reads.found == []


async def test_the_console_reads_off_the_ui_thread_and_a_refused_line_comes_back(
    live_console, services: Services, clock: FixedClock, ui_thread_reads
) -> None:
    meeting_id = live_console.plain(services)
    live_console.running(services, clock, meeting_id)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        ui_thread_reads.watching = True
        screen = await live_console.open_run(app, pilot, meeting_id)
        await pilot.pause()
        assert screen.mode == "run" and screen.view is not None
        inp = screen.query_one("#capture-input", Input)
        inp.insert_text_at_cursor("/a @nobody call the buyer")
        await pilot.press("enter")
        await pilot.pause()
        # Not saved: the line is back in the input with the reason below it.
        assert inp.value == "/a @nobody call the buyer"
        assert screen.capture.has_class("-error")
        assert len(LiveMeeting(services).entries(meeting_id)) == 4
        screen.tick()
        await pilot.pause()
        # Edit the last entry: once saved and read again, the cursor stays on it.
        inp.value = ""
        await pilot.press("escape", "end", "enter")  # to the list, the last entry, edit it
        await pilot.pause()
        edited = screen.capture.editing
        assert edited is not None
        inp.value = "Hengda asks for 4%"
        await pilot.press("enter")
        await pilot.pause()
        assert LiveMeeting(services).entries(meeting_id)[-1].text == "Hengda asks for 4%"
        assert screen.entries.row_keys[screen.entries.cursor_row] == f"entry-{edited}"
        ui_thread_reads.watching = False
        assert ui_thread_reads.found == []


async def test_confirm_focuses_its_first_table_once_read(
    live_console, services: Services, clock: FixedClock, ui_thread_reads
) -> None:
    meeting_id = live_console.plain(services)
    live = live_console.running(services, clock, meeting_id)
    live.end(meeting_id)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        ui_thread_reads.watching = True
        await app.push_screen(ConfirmScreen(services, meeting_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConfirmScreen) and screen.data is not None
        assert app.focused is screen.query_one("#decisions")
        await pilot.press("c")  # confirm the decision: drawn from the next read
        await pilot.pause()
        row = screen.query_one("#decisions", DataTable).get_row_at(0)
        assert str(row[-1]) == "confirmed"
        ui_thread_reads.watching = False
        assert ui_thread_reads.found == []
