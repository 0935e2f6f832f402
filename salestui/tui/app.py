"""The salestui App: screens, global keys, theme. Screens do the work.

The app's parts live beside it: ``startup`` (what opens first), ``navigation`` (where its
keys go), ``choices`` (who I am, language, theme), ``commands`` (the palette), ``signals``
(SIGTERM, SIGHUP) and ``errors`` (toasts, crash reports). Its ``action_*`` methods stay
here, where Textual's bindings and the palette look for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from salestui.config import Config
from salestui.core.readers import ThreadReaders
from salestui.core.service import Services
from salestui.core.text import strip_controls
from salestui.i18n import N_
from salestui.personal import Personal
from salestui.tui import navigation, startup
from salestui.tui.choices import PersonalChoices
from salestui.tui.collector import CollectorSchedule
from salestui.tui.commands import (
    SalestuiCommands,
    open_palette,
    open_search_palette,
    open_theme_palette,
    system_commands,
)
from salestui.tui.errors import RECOVERABLE, error_message, report_plainly
from salestui.tui.outside_changes import OutsideChanges
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.help import HelpScreen
from salestui.tui.screens.home import HomeScreen
from salestui.tui.signals import TerminatingSignals


class SalestuiApp(App[None]):
    """The terminal app. Takes its database (as ``Services``) from the caller; the caller
    also chooses the language (``salestui.i18n.set_language``) before starting it."""

    CSS_PATH = "app.tcss"
    TITLE = "salestui"
    COMMANDS = {SalestuiCommands}  # Textual's entries included, translated
    THEME_SETTING = "ui.theme"
    LANGUAGE_SETTING = "ui.language"
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True, id="app.quit_ctrl"),
        Binding("question_mark", "help", N_("Help"), key_display="?", id="app.help"),
        Binding("r", "reload", N_("Refresh"), show=False, id="app.refresh"),
        Binding("m", "meetings", N_("Meetings"), id="app.meetings"),
        Binding("a", "actions", N_("Actions"), id="app.actions"),
        Binding("t", "dashboard", N_("My team"), show=False, id="app.dashboard"),
        Binding("p", "people", N_("Staff"), show=False, id="app.people"),
        Binding("y", "analytics", N_("Analytics"), show=False, id="app.analytics"),
        Binding("n", "new_meeting", N_("New meeting"), id="app.new_meeting"),
        Binding("D", "decisions", N_("Decisions"), show=False, id="app.decisions"),
        Binding("o", "outbox", N_("Outbox"), show=False, id="app.outbox"),
        Binding("d", "my_day", N_("My day"), show=False, id="app.my_day"),
        Binding("ctrl+z", "undo", N_("Undo my last change"), show=False, id="app.undo"),
        Binding(
            "ctrl+k", "search_everything", N_("Search everything"), show=False, id="app.search"
        ),  # fmt: skip
    ]

    def __init__(
        self,
        services: Services,
        config: Config | None = None,
        *,
        start_flow: bool = False,
        personal: Personal | None = None,
    ) -> None:
        """``start_flow`` (the real start-up from the command line): resume a running
        meeting, or greet an empty database with the welcome screen. ``personal``: where
        this person's own choices (who they are, language, theme) are kept."""
        super().__init__()
        self.services = services
        self.choices = PersonalChoices(self)
        """This person's choices applied to the app and remembered (``personal``)."""
        self.collector = CollectorSchedule(self)  # type: ignore[arg-type]
        self.readers = ThreadReaders(services)
        """Connections for reads in worker threads (the UI thread draws, workers read)."""
        self.config = config or Config()
        self.start_flow = start_flow
        self.personal = personal or Personal(None)
        self.signals = TerminatingSignals(self)

    @property
    def me_label(self) -> str:
        """Who the user is, as the headers show it ("" when nobody is known)."""
        return self.choices.me_label

    def on_mount(self) -> None:
        self.signals.catch()
        # The garbage collector runs on a schedule, never in the middle of a key press
        # (its full passes stopped the UI for 30-80 ms once a big list had been read).
        self.call_after_refresh(self.collector.start)
        self.outside_changes = OutsideChanges(self)
        self.outside_changes.start()
        startup.announce_problems(self)
        self.choices.apply_theme()
        if self.start_flow:
            self.call_after_refresh(startup.first_screen, self)
            self.call_after_refresh(self._flush_outbox)

    def _flush_outbox(self) -> None:
        """Messages left in the outbox go out now, in a worker (tui.mail)."""
        from salestui.tui.mail import flush_on_start

        flush_on_start(self)

    def on_unmount(self) -> None:
        self.collector.stop()
        self.readers.close()

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.services)

    # -- navigation (salestui.tui.navigation): screens are imported when first opened -----

    def open_meeting(self, meeting_id: int) -> None:
        """Open a meeting where it stands: plan it, run it, confirm it, or read it."""
        navigation.open_meeting(self, self.services, meeting_id)

    def action_meetings(self) -> None:
        from salestui.tui.screens.meetings import MeetingsScreen

        if not navigation.showing(self, "MeetingsScreen"):
            self.push_screen(MeetingsScreen(self.services))

    def action_actions(self, view: str | None = None) -> None:
        from salestui.tui.screens.actions import ActionsScreen

        if not navigation.showing(self, "ActionsScreen") or view:
            self.push_screen(ActionsScreen(self.services, view))

    def action_dashboard(self) -> None:
        from salestui.tui.screens.dashboard import DashboardScreen

        if not navigation.showing(self, "DashboardScreen"):
            self.push_screen(DashboardScreen(self.services))

    def action_people(self) -> None:
        from salestui.tui.screens.people import PeopleScreen

        if not navigation.showing(self, "PeopleScreen"):
            self.push_screen(PeopleScreen(self.services))

    def action_my_day(self) -> None:
        from salestui.tui.screens.day import DayScreen

        if not navigation.showing(self, "DayScreen"):
            self.push_screen(DayScreen(self.services))

    def action_decisions(self) -> None:
        from salestui.tui.screens.decisions import DecisionsScreen

        if not navigation.showing(self, "DecisionsScreen"):
            self.push_screen(DecisionsScreen(self.services))

    def action_analytics(self) -> None:
        from salestui.tui.screens.analytics import AnalyticsScreen

        if not navigation.showing(self, "AnalyticsScreen"):
            self.push_screen(AnalyticsScreen(self.services))

    def action_decision_register(self) -> None:
        from salestui.tui.screens.decision_register import DecisionRegisterScreen

        if not navigation.showing(self, "DecisionRegisterScreen"):
            self.push_screen(DecisionRegisterScreen(self.services))

    def action_outbox(self) -> None:
        from salestui.tui.screens.outbox import OutboxScreen

        if not navigation.showing(self, "OutboxScreen"):
            self.push_screen(OutboxScreen(self.services))

    def action_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, SalestuiScreen):
            self.screen.reload_data()

    def action_overdue(self) -> None:
        self.action_actions("overdue")

    def action_new_meeting(self) -> None:
        from salestui.tui.screens.plan import PlanScreen

        self.push_screen(PlanScreen(self.services, None))

    def action_start_next_meeting(self) -> None:
        """Open the first meeting of today that has not ended."""
        navigation.start_next_meeting(self, self.services)

    def action_next_meeting(self) -> None:
        """The palette's "Next meeting": after the meeting in view, else the latest held."""
        navigation.next_meeting(self, self.services)

    def action_export_latest_minutes(self) -> None:
        navigation.export_latest_minutes(self, self.services)

    def action_export_agenda(self, meeting_id: int) -> None:
        from salestui.tui.screens.export_preview import ExportPreviewScreen

        self.push_screen(ExportPreviewScreen(self.services, meeting_id, "agenda"))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def action_undo(self) -> None:
        """Take back my newest change (``salestui.tui.undo``); not from a live meeting's
        screen, where ctrl+z is the meeting's own undo."""
        from salestui.tui.undo import undo_my_last_change

        if not self.check_action("undo", ()):
            return
        undo_my_last_change(self, self.services)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Watching or recording a live meeting, ctrl+z is the meeting's own (or nothing).
        if action == "undo" and getattr(self.screen, "LIVE", False):
            return False
        return super().check_action(action, parameters)

    def action_reload(self) -> None:
        if isinstance(self.screen, SalestuiScreen):
            self.screen.reload_data()

    # -- this person's choices (salestui.tui.choices) ---------------------------------------

    def action_switch_language(self) -> None:
        """English <-> Chinese, remembered for this person; screens are rebuilt."""
        self.choices.switch_language()

    def action_who_am_i(self, then: Callable[[], None] | None = None) -> None:
        """Pick who you are from the people list; remembered for you, not the department.
        ``then`` runs once the choice is made (or the picker is left)."""
        self.choices.who_am_i(then)

    # -- the command palette (salestui.tui.commands): Textual's entries translated --------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_search_everything(self) -> None:
        """The palette over the database: action items, notes, decisions, meetings."""
        open_search_palette(self)

    def action_command_palette(self) -> None:
        open_palette(self)

    def search_themes(self) -> None:
        open_theme_palette(self)

    # -- errors and input (salestui.tui.errors) ----------------------------------------------

    async def run_action(self, action: Any, *args: Any, **kwargs: Any) -> bool:
        """Every key binding and palette command runs here: a storage or validation error
        from the core is shown as a toast and the app goes on (never a traceback)."""
        try:
            return await super().run_action(action, *args, **kwargs)
        except RECOVERABLE as error:
            self.notify(error_message(error), severity="error")
            return True

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast (screens' too): never read as markup - messages quote titles and
        names, and ``[red]x`` or ``[/b]`` are valid ones - and free of terminal controls.
        It first finds its place above the inputs of the screen in front."""
        front = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(front, SalestuiScreen) and front.is_mounted:
            front.place_toasts()
        super().notify(
            strip_controls(message),
            title=strip_controls(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def on_event(self, event: events.Event) -> None:
        # A paste is the one way raw escape sequences reach an input (typed keys never
        # insert controls): clean it once, here, before it goes to the focused widget.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = strip_controls(event.text)
        elif isinstance(event, events.Key):
            self.collector.key_pressed()
        await super().on_event(event)

    def _handle_exception(self, error: Exception) -> None:
        # The user's data never reaches stderr in a crash report: see report_plainly. The
        # app exits with code 1 either way (return_code).
        report_plainly(error)
        super()._handle_exception(error)
