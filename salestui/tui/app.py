"""The salestui App: screens, global keys, theme. Screens do the work."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterable
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from salestui.config import Config
from salestui.core.errors import SalestuiError
from salestui.core.models import MeetingStatus, Person
from salestui.core.readers import ThreadReaders
from salestui.core.service import Services
from salestui.core.text import strip_controls
from salestui.i18n import N_, _, current_language, set_language
from salestui.personal import Personal
from salestui.tui.collector import CollectorSchedule
from salestui.tui.commands import SalestuiCommands, system_commands
from salestui.tui.errors import RECOVERABLE, crash_report, error_message, terminal_gone
from salestui.tui.outside_changes import OutsideChanges
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.help import HelpScreen
from salestui.tui.screens.home import HomeScreen


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
        Binding("n", "new_meeting", N_("New meeting"), id="app.new_meeting"),
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
        self._me_label: tuple[tuple[str | None, int | None], str] | None = None
        self.collector = CollectorSchedule(self)  # type: ignore[arg-type]
        self.readers = ThreadReaders(services)
        """Connections for reads in worker threads (the UI thread draws, workers read)."""
        self.config = config or Config()
        self.start_flow = start_flow
        self.personal = personal or Personal(None)

    @property
    def me_label(self) -> str:
        """Who the user is, as the headers show it ("" when nobody is known). Read again
        only when "me" changes or someone commits to the file (a rename), not at every
        header drawn."""
        key = (self.services.me_name, self.services.data_version())
        if self._me_label is None or self._me_label[0] != key:
            try:
                me = self.services.me()
            except SalestuiError:
                me = None
            self._me_label = (key, me.name if me else "")
        return self._me_label[1]

    def on_unmount(self) -> None:
        self.collector.stop()
        self.readers.close()

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.services)

    # -- navigation: screens are imported when first opened (start-up stays fast) --------

    def open_meeting(self, meeting_id: int) -> None:
        """Open a meeting where it stands: plan it, run it, confirm it, or read it."""
        try:
            meeting = self.services.meeting(meeting_id)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        if meeting.status == MeetingStatus.RUNNING:
            from salestui.core.meeting_scribe import Scribes
            from salestui.tui.screens.run import RunScreen

            scribes = Scribes(self.services)
            watching = not scribes.may_change(meeting_id)
            self.push_screen(RunScreen(self.services, meeting_id, watching=watching))
            if watching:
                scribe = scribes.of(meeting_id)
                message = _("{name} records this meeting: you are watching (t takes over)")
                self.notify(message.format(name=scribe.name if scribe else "?"), timeout=6)
        elif meeting.status == MeetingStatus.ENDED:
            from salestui.tui.screens.confirm import ConfirmScreen

            self.push_screen(ConfirmScreen(self.services, meeting_id))
        elif meeting.status == MeetingStatus.CONFIRMED:
            from salestui.tui.screens.export_preview import ExportPreviewScreen

            self.push_screen(ExportPreviewScreen(self.services, meeting_id, "minutes"))
        else:
            from salestui.tui.screens.plan import PlanScreen

            self.push_screen(PlanScreen(self.services, meeting_id))

    def _showing(self, name: str) -> bool:
        """True when the screen in front is already the one asked for (keys never stack
        copies of the same screen)."""
        return type(self.screen).__name__ == name

    def action_meetings(self) -> None:
        from salestui.tui.screens.meetings import MeetingsScreen

        if not self._showing("MeetingsScreen"):
            self.push_screen(MeetingsScreen(self.services))

    def action_actions(self, view: str | None = None) -> None:
        from salestui.tui.screens.actions import ActionsScreen

        if not self._showing("ActionsScreen") or view:
            self.push_screen(ActionsScreen(self.services, view))

    def action_dashboard(self) -> None:
        from salestui.tui.screens.dashboard import DashboardScreen

        if not self._showing("DashboardScreen"):
            self.push_screen(DashboardScreen(self.services))

    def action_people(self) -> None:
        from salestui.tui.screens.people import PeopleScreen

        if not self._showing("PeopleScreen"):
            self.push_screen(PeopleScreen(self.services))

    def action_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, SalestuiScreen):
            self.screen.reload_data()

    def action_overdue(self) -> None:
        self.action_actions("overdue")

    def action_start_next_meeting(self) -> None:
        """Open the first meeting of today that has not ended."""
        running = self.services.meetings(status=MeetingStatus.RUNNING, limit=1)
        upcoming = [
            m
            for m in self.services.upcoming_meetings(days=0)
            if m.status in (MeetingStatus.DRAFT, MeetingStatus.CIRCULATED)
        ]
        found = running or upcoming
        target = found[0] if found else None
        if target is None or target.id is None:
            self.notify(_("No meeting left today"), severity="warning")
            return
        from salestui.tui.screens.run import RunScreen

        # Straight to the console: its start panel shows the warnings before starting.
        self.push_screen(RunScreen(self.services, target.id))

    def action_next_meeting(self) -> None:
        """The palette's "Next meeting": after the meeting in view, else the latest held."""
        from salestui.tui.next_meeting import latest_held, open_next_meeting

        highlighted = getattr(self.screen, "highlighted_meeting", None)
        meeting_id = highlighted() if callable(highlighted) else None
        meeting_id = meeting_id or getattr(self.screen, "meeting_id", None)
        meeting_id = meeting_id or latest_held(self.services)
        if meeting_id is None:
            self.notify(_("No meeting has been held yet"), severity="warning")
            return
        open_next_meeting(self, self.services, meeting_id)

    def action_export_latest_minutes(self) -> None:
        for status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
            latest = self.services.meetings(status=status, descending=True, limit=1)
            if latest and latest[0].id is not None:
                from salestui.tui.screens.export_preview import ExportPreviewScreen

                self.push_screen(ExportPreviewScreen(self.services, latest[0].id, "minutes"))
                return
        self.notify(_("No meeting has been held yet"), severity="warning")

    def action_export_agenda(self, meeting_id: int) -> None:
        from salestui.tui.screens.export_preview import ExportPreviewScreen

        self.push_screen(ExportPreviewScreen(self.services, meeting_id, "agenda"))

    def action_decision_register(self) -> None:
        from salestui.tui.screens.decision_register import DecisionRegisterScreen

        if not self._showing("DecisionRegisterScreen"):
            self.push_screen(DecisionRegisterScreen(self.services))

    # -- the command palette: Textual's own entries in the user's language -----------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = _("Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )

    def action_switch_language(self) -> None:
        """English <-> Chinese, remembered in the database; screens are rebuilt."""
        new = "en" if current_language() == "zh-CN" else "zh-CN"
        set_language(new)
        self._remember(language=new)
        self.notify(_("Language: {lang}").format(lang="English" if new == "en" else "中文"))
        for screen in self.screen_stack:
            if isinstance(screen, SalestuiScreen):
                self.call_later(screen.rebuild)

    def action_new_meeting(self) -> None:
        from salestui.tui.screens.plan import PlanScreen

        self.push_screen(PlanScreen(self.services, None))

    # -- errors and signals ---------------------------------------------------------------

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
        # Textual (8.x) has no public hook for an unhandled error: its default report is a
        # traceback with every frame's local variables, i.e. the user's data, on stderr.
        # An error the core raised on purpose (or SQLite's) is one line; anything else is a
        # traceback without locals. The app exits with code 1 either way (return_code).
        if not hasattr(error, "__rich__"):
            try:
                error.__rich__ = lambda: crash_report(error)  # type: ignore[attr-defined]
            except AttributeError:  # an exception type without a __dict__
                pass
        super()._handle_exception(error)

    def _on_terminating_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP: leave as ``q`` does - terminal restored, no traceback - and
        leave the data as a kill would: a live meeting stays running and resumes on the
        next start."""
        self.exit(return_code=128 + signum)

    def _on_hangup(self, signum: int, frame: object) -> None:
        # A plain signal handler, not the event loop's: when the terminal has gone, the
        # loop may already be stuck writing to it. With no terminal there is nothing to
        # restore, so the process ends at once - as a kill would, which loses nothing.
        if terminal_gone():
            os._exit(128 + signum)
        self._signal_loop.call_soon_threadsafe(self._on_terminating_signal, signum)

    def _catch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        self._signal_loop = loop
        try:
            loop.add_signal_handler(signal.SIGTERM, self._on_terminating_signal, signal.SIGTERM)
            signal.signal(signal.SIGHUP, self._on_hangup)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests), or a platform without these signals

    def on_mount(self) -> None:
        self._catch_signals()
        # The garbage collector runs on a schedule, never in the middle of a key press
        # (its full passes stopped the UI for 30-80 ms once a big list had been read).
        self.call_after_refresh(self.collector.start)
        self.outside_changes = OutsideChanges(self)
        self.outside_changes.start()
        for warning in self.config.warnings:
            self.notify(warning, severity="warning")
        self._apply_keymap()
        if self.services.backup_problem:
            self.notify(self.services.backup_problem, severity="warning")
        # A theme chosen in the app (this person's own choice) beats the config file.
        theme = self.personal.get("theme") or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(
                _("Unknown theme {theme}; using the default").format(theme=theme),
                severity="warning",
            )
        self.watch(self, "theme", self._remember_theme, init=False)
        if self.start_flow:
            self.call_after_refresh(self._first_screen)

    def _apply_keymap(self) -> None:
        """The config's ``[keymap]`` (binding id -> keys); an unknown id is a warning."""
        if not self.config.keymap:
            return
        from salestui.tui.keymap import checked_keymap

        keymap, problems = checked_keymap(self.config.keymap)
        for problem in problems:
            self.notify(problem, severity="warning")
        self.set_keymap(keymap)

    def _remember_theme(self, theme: str) -> None:
        self._remember(theme=theme)

    def _remember(self, **choices: str | None) -> None:
        """Keep this person's choice in their own file (never in the shared database)."""
        try:
            self.personal.save(**choices)
        except OSError as error:
            self.notify(
                _("Could not remember your choice: {reason}").format(reason=error),
                severity="warning",
            )

    def action_who_am_i(self, then: Callable[[], None] | None = None) -> None:
        """Pick who you are from the people list; remembered for you, not the department.
        ``then`` runs once the choice is made (or the picker is left)."""
        from salestui.tui.screens.who_am_i import WhoAmIScreen

        def chosen(person: Person | None) -> None:
            if person is not None:
                self.services.set_me(person.name)
                self.config.me = person.name
                self._remember(me=person.name)
                self.notify(_("You are {name}").format(name=person.name))
                if isinstance(self.screen, SalestuiScreen):
                    self.screen.reload_data()
            if then is not None:
                then()

        self.push_screen(WhoAmIScreen(self.services), chosen)

    def _first_screen(self) -> None:
        """Greet an empty database; ask who this is when nobody said; then resume a meeting
        left running by this person (e.g. after a crash)."""
        if not self.services.people() and not self.services.meetings(limit=1):
            from salestui.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.services))
        elif not self.services.me_chosen and self.services.people():
            # Nobody said who this is: ask, rather than act as the director - and so never
            # record into the director's meeting by mistake.
            self.action_who_am_i(then=self._resume_running)
        else:
            self._resume_running()

    def _resume_running(self) -> None:
        running = self.services.meetings(status=MeetingStatus.RUNNING, limit=1)
        if not running or running[0].id is None:
            return
        from salestui.core.meeting_scribe import Scribes

        scribes = Scribes(self.services)
        if scribes.may_change(running[0].id):  # mine (or nobody's): resume recording it
            self.notify(
                _("Resuming the meeting in progress: {title}").format(title=running[0].title)
            )
            self.open_meeting(running[0].id)
        else:  # someone else records it: Home, from where it can be watched
            scribe = scribes.of(running[0].id)
            self.notify(
                _("{title} is running, recorded by {name}: open it from Home to watch").format(
                    title=running[0].title, name=scribe.name if scribe else "?"
                ),
                timeout=8,
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def action_reload(self) -> None:
        if isinstance(self.screen, SalestuiScreen):
            self.screen.reload_data()
