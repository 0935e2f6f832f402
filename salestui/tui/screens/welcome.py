"""First run: an empty database opens here, with the three ways to begin."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from salestui.core.errors import SalestuiError
from salestui.core.service import Services
from salestui.demo.front import load_demo
from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.footer import SalestuiFooter


class WelcomeScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Welcome")
    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        Binding("d", "load_demo", N_("Load demo"), id="welcome.demo"),
        Binding("p", "add_people", N_("Add people"), id="welcome.people"),
        Binding("n", "plan_meeting", N_("Plan a meeting"), id="welcome.plan"),
        Binding("escape", "home", N_("Home"), id="welcome.home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(_("Welcome to salestui"), id="welcome-title")
            yield Static(
                _(
                    "Run your sales meetings to the minute, capture decisions and actions "
                    "in one line each, and follow every action until it is done."
                ),
                id="welcome-text",
            )
            yield Static(
                _("This database is empty. How would you like to start?"), id="welcome-ask"
            )
            yield Static(
                "\n".join(
                    [
                        _(
                            "[d]  Load the demo organisation: a bilingual sales department "
                            "with eight weeks of meetings"
                        ),
                        _("[p]  Add the people of your department"),
                        _("[n]  Plan your first meeting"),
                    ]
                ),
                id="welcome-choices",
                markup=False,
            )
            yield Static(_("Press ? for help on any screen."), id="welcome-hint")
        yield SalestuiFooter()

    def action_load_demo(self) -> None:
        try:
            summary = load_demo(self.services)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(
            _("Demo loaded: {people} people, {meetings} meetings, {actions} actions").format(
                people=summary.people, meetings=summary.meetings, actions=summary.actions
            )
        )
        self.action_home()

    def action_add_people(self) -> None:
        self.app.pop_screen()
        self.app.action_people()  # type: ignore[attr-defined]

    def action_plan_meeting(self) -> None:
        self.app.pop_screen()
        self.app.action_new_meeting()  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.pop_screen()
        screen = self.app.screen
        if isinstance(screen, SalestuiScreen):
            screen.reload_data()
