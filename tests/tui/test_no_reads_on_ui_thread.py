"""The UI thread only draws (issue 12): opening the main screens and dialogs and a few
typical keys on each make no database read on the UI thread - every read runs in a thread
worker. ``ui_thread_sql`` (tests/tui/conftest.py) traces what SQLite runs on that thread
and puts it down to the service call and the TUI code that asked for it.

Writes stay on the UI thread (saving is synchronous, for undo and for saying at once what
was wrong): the reads a write makes inside the core are the write's own, and right after
this app's own commit the outside-changes watch takes its bookmark in the history (it must
not count our own changes as someone else's).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.actions_forms import FormScreen
from salestui.tui.screens.analytics import AnalyticsScreen
from salestui.tui.screens.day import DayScreen
from salestui.tui.screens.decisions import DecisionsScreen
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.meetings import MeetingsScreen
from salestui.tui.screens.people import PeopleScreen
from salestui.tui.screens.person_form import PersonFormScreen
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.screens.plan_team import TeamInviteScreen
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.who_am_i import WhoAmIScreen

SIZE = (120, 40)
ALLOWED = (
    # Not a read of the data: the connection's own commit counter (the outside-changes
    # watch and the header's "me" compare it; only the UI thread's connection can say).
    "Services.data_version <- ",
    # The history's bookmark, taken right after this app's own commit (see above).
    "ActionServices.change_marks <- tui.outside_changes:_mark",
)


async def _drive(
    services: Services, me: str, watch, steps: Callable[[SalestuiApp, Pilot], Awaitable[None]]
) -> list[str]:
    """The reads the TUI made on the UI thread while ``steps`` ran (printed with its
    writes, for ``-s``)."""
    app = SalestuiApp(Services(services.store, services.clock, me=me), Config(me=me))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        watch.watching = True
        await steps(app, pilot)
        for _ in range(3):
            await pilot.pause()
        watch.watching = False
    print("\n".join(["", *watch.reads, "-- writes:", *watch.writes]))
    return [read for read in watch.reads if not read.startswith(ALLOWED)]


async def test_home_actions_and_meetings(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await ui.open_screen(pilot, HomeScreen)
        await pilot.press("down", "up", "enter")  # the first meeting, opened where it stands
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, HomeScreen))
        app.pop_screen()
        await pilot.press("a")
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        await pilot.press("down", "enter")  # the detail
        await pilot.press("escape", "o", "b", "b")  # sort, due filter
        await pilot.press("f")  # the filter form: owners and a team's lead by name
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "Li Ming")
        await pilot.press("tab")
        await ui.type_text(pilot, "wf")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        assert screen.filter.owner_ids and screen.filter.team_lead_id is not None
        assert "owner: Li Ming" in ui.static_text(app, "#filter-bar")
        await pilot.press("v")  # back to a view: pick the first one
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("w")  # reassign: the new owner resolved as typed
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "zw")
        assert "Zhang Wei" in ui.static_text(app, "#form-resolved")
        await pilot.press("escape", "e")  # escalate: whom to is read first (or why not)
        if isinstance(app.screen, FormScreen):
            await pilot.press("escape")
        await pilot.press("l")  # a follow-up, saved (a write)
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "called")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("escape", "m")
        await ui.open_screen(pilot, MeetingsScreen)
        await pilot.press("down", "s", "k", "x", "enter")  # filters, then open one
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, MeetingsScreen))

    assert await _drive(org, "Zhang Wei", ui_thread_sql, steps) == []
    assert any("add_follow_up" in write for write in ui_thread_sql.writes)


async def test_plan_and_its_agenda_item(
    people: Services, planned_weekly, ui, ui_thread_sql
) -> None:
    meeting_id = planned_weekly()

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("n")  # a new meeting: the chair and the title checked as typed
        await ui.open_screen(pilot, PlanScreen)
        await ui.type_text(pilot, "Pricing")
        app.screen.form.focus_field("chair")  # type: ignore[attr-defined]
        await ui.type_text(pilot, "lm")
        assert "Li Ming" in ui.static_text(app, "#hint-chair")
        app.pop_screen()
        app.push_screen(PlanScreen(app.services, meeting_id, tab="agenda"))
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("down", "enter")  # edit the second item: its presenter hint
        await ui.open_screen(pilot, AgendaItemScreen)
        assert app.screen.query_one("#item-presenter", Input).value == "王芳"
        await pilot.press("tab")
        await ui.type_text(pilot, "Li")
        assert "Li Ming" in ui.static_text(app, "#item-hint-presenter")
        await pilot.press("enter")  # saved (a write)
        await ui.open_screen(pilot, PlanScreen)
        await pilot.press("f3")  # the attendees: a team's name typed, then its members
        await ui.type_text(pilot, "North")
        await pilot.press("enter")
        await ui.open_screen(pilot, TeamInviteScreen)
        assert "North: " in ui.static_text(app, "#team-members")
        await pilot.press("escape")

    assert await _drive(people, "Zhang Wei", ui_thread_sql, steps) == []
    assert any("edit_item" in write for write in ui_thread_sql.writes)


async def test_live_console(
    live_console, services: Services, clock: FixedClock, ui_thread_sql
) -> None:
    meeting_id = live_console.plain(services)
    live_console.running(services, clock, meeting_id)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await live_console.open_run(app, pilot, meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.mode == "run"
        await pilot.press("escape", "up", "down")  # to the entries, and through them

    assert await _drive(services, "陈建国", ui_thread_sql, steps) == []


async def test_my_day(services: Services, clock: FixedClock, day_team, ui, ui_thread_sql) -> None:
    day_team.planned_and_reported(services, clock)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("d")
        await ui.open_screen(pilot, DayScreen)
        await pilot.press("f2", "f3", "f4")  # the day before, back, today
        assert "华联超市" in str(app.screen.read_result)  # type: ignore[attr-defined]

    assert await _drive(services, "赵磊", ui_thread_sql, steps) == []


async def test_decisions(services: Services, build_register, ui, ui_thread_sql) -> None:
    build_register(services)

    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("D")
        await ui.open_screen(pilot, DecisionsScreen)
        await pilot.press("s", "o", "e", "x", "down", "enter")  # filters, then its meeting
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, DecisionsScreen))

    assert await _drive(services, "Li Ming", ui_thread_sql, steps) == []


async def test_analytics(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        await pilot.press("y")
        await ui.open_screen(pilot, AnalyticsScreen)
        await pilot.press("f", "w", "2", "3", "left_square_bracket", "r")
        assert app.screen.team is not None  # type: ignore[attr-defined]

    assert await _drive(org, "Zhang Wei", ui_thread_sql, steps) == []


async def test_who_am_i_and_the_person_form(org: Services, ui, ui_thread_sql) -> None:
    async def steps(app: SalestuiApp, pilot: Pilot) -> None:
        app.action_who_am_i()
        await ui.open_screen(pilot, WhoAmIScreen)
        assert "Now: Zhang Wei" in ui.static_text(app, "#who-hint")
        await ui.type_text(pilot, "lm")
        await pilot.press("escape", "p")
        await ui.open_screen(pilot, PeopleScreen)
        await pilot.press("a")  # add someone: the manager resolved as typed
        await ui.open_screen(pilot, PersonFormScreen)
        await ui.type_text(pilot, "孙新")
        await pilot.press("tab", "tab", "tab")
        await ui.type_text(pilot, "wf")
        assert "王芳" in ui.static_text(app, "#manager-hint")
        await pilot.press("ctrl+s")  # saved (a write)
        await ui.open_screen(pilot, PeopleScreen)
        await pilot.press("down", "enter")  # edit someone with a manager
        await ui.open_screen(pilot, PersonFormScreen)
        assert app.screen.query_one("#person-manager", Input).value
        await pilot.press("escape")

    assert await _drive(org, "Zhang Wei", ui_thread_sql, steps) == []
    assert any("add_person" in write for write in ui_thread_sql.writes)
    assert org.find_person("孙新").reports_to == org.find_person("王芳").id


async def test_the_check_sees_a_read_on_the_ui_thread(org: Services, ui_thread_sql) -> None:
    """The check itself: a read the TUI's code makes on the UI thread is caught, put down to
    its service call and caller; the same read in a worker, or the test's own, is not."""
    from salestui.core.views import ActionFilter
    from salestui.tui.screens.actions_filters import describe

    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ui_thread_sql.watching = True
        org.people()  # the test's own read: no TUI code asked for it
        describe(org, ActionFilter(owner_ids=(1,)))  # TUI code, on the UI thread
        worker = app.run_worker(
            lambda: describe(app.readers.services(), ActionFilter(owner_ids=(1,))), thread=True
        )
        await worker.wait()
        ui_thread_sql.watching = False
    assert ui_thread_sql.reads == [
        "PeopleServices.people_by_id <- tui.screens.actions_filters:describe"
    ]
