"""The UI thread only draws (issue 12): opening the main screens and dialogs and a few
typical keys on each make no database read on the UI thread - every read runs in a thread
worker. ``ui_thread_sql`` (tests/tui/conftest.py) traces what SQLite runs on that thread
and puts it down to the service call and the TUI code that asked for it.

The writes a key press makes stay on the UI thread (saving is synchronous, for undo and
for saying at once what was wrong); the reads a write makes inside the core are the
write's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.analytics import AnalyticsScreen
from salestui.tui.screens.day import DayScreen
from salestui.tui.screens.decisions import DecisionsScreen
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.meetings import MeetingsScreen
from salestui.tui.screens.people import PeopleScreen
from salestui.tui.screens.person_form import PersonFormScreen
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.screens.who_am_i import WhoAmIScreen

SIZE = (120, 40)
# Not a read of the data: the connection's own commit counter (the outside-changes watch and
# the header's "me" compare it; it can only be asked of the UI thread's own connection).
COUNTER = "Services.data_version"


async def _drive(
    services: Services, me: str, watch, steps: Callable[[SalestuiApp, Pilot], Awaitable[None]]
) -> list[str]:
    app = SalestuiApp(Services(services.store, services.clock, me=me), Config(me=me))
    async with app.run_test(size=SIZE) as pilot:
        watch.watching = True
        await steps(app, pilot)
        for _ in range(3):
            await pilot.pause()
        watch.watching = False
    print("\n".join(["", *watch.reads, "-- writes:", *watch.writes]))
    return [read for read in watch.reads if not read.startswith(COUNTER)]


async def test_home_actions_and_meetings(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await ui.open_screen(pilot, HomeScreen)
        await pilot.press("down", "up")
        await pilot.press("a")
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.pause()
        await pilot.press("down", "enter")  # the detail
        await pilot.pause()
        await pilot.press("escape", "o", "b")  # sort, bucket
        await pilot.press("f")  # the filter form: an owner by name
        await pilot.pause()
        await ui.type_text(pilot, "Li Ming")
        await pilot.press("tab")
        await ui.type_text(pilot, "Zhang Wei")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("m")
        await ui.open_screen(pilot, MeetingsScreen)
        await pilot.press("down", "s", "k", "x")

    found = await _drive(org, "Zhang Wei", ui_thread_sql, steps)
    assert found == []


async def test_plan_and_its_agenda_item(
    people: Services, planned_weekly, ui, ui_thread_sql
) -> None:
    meeting_id = planned_weekly()

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("n")  # a new meeting: the chair and the title checked as typed
        await ui.open_screen(pilot, PlanScreen)
        await ui.type_text(pilot, "Pricing")
        app.pop_screen()
        app.push_screen(PlanScreen(app.services, meeting_id, tab="agenda"))
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("down", "enter")  # edit the second item: its presenter hint
        await ui.open_screen(pilot, AgendaItemScreen)
        await pilot.press("tab")
        await ui.type_text(pilot, "Li")
        await pilot.pause()
        await pilot.press("escape")
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("f3")  # the attendees
        await ui.type_text(pilot, "wf")

    found = await _drive(people, "Zhang Wei", ui_thread_sql, steps)
    assert found == []


async def test_live_console(
    live_console, services: Services, clock: FixedClock, ui_thread_sql
) -> None:
    meeting_id = live_console.plain(services)
    live_console.running(services, clock, meeting_id)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await live_console.open_run(app, pilot, meeting_id)
        await pilot.pause()
        await pilot.press("escape", "up", "down")  # to the entries, and through them

    found = await _drive(services, "陈建国", ui_thread_sql, steps)
    assert found == []


async def test_my_day(services: Services, clock: FixedClock, day_team, ui, ui_thread_sql) -> None:
    day_team.planned_and_reported(services, clock)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("d")
        await ui.open_screen(pilot, DayScreen)
        await pilot.press("f2", "f3", "f4")  # the day before, back, today

    found = await _drive(services, "赵磊", ui_thread_sql, steps)
    assert found == []


async def test_decisions(services: Services, build_register, ui, ui_thread_sql) -> None:
    build_register(services)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("D")
        await ui.open_screen(pilot, DecisionsScreen)
        await pilot.press("s", "o", "e", "x", "down")

    found = await _drive(services, "Li Ming", ui_thread_sql, steps)
    assert found == []


async def test_analytics(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("y")
        await ui.open_screen(pilot, AnalyticsScreen)
        await pilot.press("f", "w", "2", "3", "r")

    found = await _drive(org, "Zhang Wei", ui_thread_sql, steps)
    assert found == []


async def test_who_am_i_and_the_person_form(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        app.action_who_am_i()
        await ui.open_screen(pilot, WhoAmIScreen)
        await ui.type_text(pilot, "lm")
        await pilot.press("escape")
        await pilot.press("p")
        await ui.open_screen(pilot, PeopleScreen)
        await pilot.press("a")  # add someone: the manager resolved as typed
        await ui.open_screen(pilot, PersonFormScreen)
        await pilot.press("tab", "tab", "tab")
        await ui.type_text(pilot, "wf")
        await pilot.press("escape")
        await ui.open_screen(pilot, PeopleScreen)
        await pilot.press("down", "enter")  # edit someone with a manager
        await ui.open_screen(pilot, PersonFormScreen)
        await pilot.press("tab", "tab", "tab", "backspace")
        await pilot.press("escape")

    found = await _drive(org, "Zhang Wei", ui_thread_sql, steps)
    assert found == []
