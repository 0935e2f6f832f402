"""The live console: start, review previous actions, run the agenda against its timers,
capture everything in one line, take attendance and tally who speaks.

Nothing is held only in memory. Every key writes through ``LiveMeeting`` at once and the
screen re-reads what it shows (every second, and after each change), so a crash or a
second terminal never leaves it out of date.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Static

from salestui.core.errors import SalestuiError
from salestui.core.meeting import Balance, LiveMeeting, LiveState
from salestui.core.models import MeetingStatus
from salestui.core.service import Services
from salestui.i18n import N_, _, ngettext
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.run_actions import RunActions
from salestui.tui.screens.run_clock import clock_line
from salestui.tui.screens.run_data import WIDE, LiveView, load_live, load_speakers
from salestui.tui.screens.run_entries import WINDOW, EntriesTable, EntryRows
from salestui.tui.screens.run_keys import RUN_BINDINGS, RUN_ONLY
from salestui.tui.screens.run_prompt import AskScreen
from salestui.tui.screens.run_review import ReviewPanel
from salestui.tui.screens.run_speaker import SpeakerPicker
from salestui.tui.screens.run_start import StartPanel
from salestui.tui.screens.run_strip import strip_text
from salestui.tui.screens.run_tables import (
    AgendaTable,
    AttendanceTable,
    Tones,
    agenda_columns,
    agenda_rows,
    people_columns,
    people_rows,
)
from salestui.tui.widgets.capture_line import CaptureLine
from salestui.tui.widgets.fit_table import FitRow, FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text
from salestui.tui.widgets.speaking import SpeakingNotice
from salestui.tui.widgets.timer import ItemTimer


class RunScreen(RunActions, SalestuiScreen):
    SCREEN_TITLE = N_("Live meeting")
    LIVE = True
    CSS_PATH = "run.tcss"
    AUTO_FOCUS = None
    BINDINGS = RUN_BINDINGS

    def __init__(self, services: Services, meeting_id: int, watching: bool = False) -> None:
        """``watching``: another person records the meeting; this console only shows it
        (no capture line, no key that changes it) until ``t`` takes it over."""
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.watching = watching
        self.live = LiveMeeting(services)
        self.mode = "start"  # start | review | run
        self.view: LiveView | None = None
        self.panels: set[str] | None = None  # None: by terminal width
        self._drawn: dict[str, list[FitRow]] = {}
        self._entry_rows = EntryRows()
        self._header: tuple[str, str] = ("", "")
        self._leaving = False
        self._read_at_version: int | None = None  # the file's commit counter at the last read

    @property
    def threshold(self) -> float:
        config = getattr(self.app, "config", None)
        return float(getattr(config, "speaking_threshold", 0.5))

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield Static(id="clock")
        with ContentSwitcher(initial=f"{self.mode}-panel", id="modes"):
            yield StartPanel(id="start-panel")
            yield ReviewPanel(self.live, self.meeting_id, id="review-panel")
            with Horizontal(id="run-panel"):
                with Vertical(id="side"):
                    yield Static(classes="panel-title", id="agenda-title")
                    yield AgendaTable(id="agenda")
                    yield Static(classes="panel-title", id="people-title")
                    yield AttendanceTable(id="people")
                with Vertical(id="main"):
                    yield ItemTimer(id="timer")
                    yield Static(id="strip")
                    yield SpeakingNotice(id="speaking")
                    yield Static(classes="panel-title", id="entries-title")
                    yield EntriesTable(id="entries")
                    yield Static(id="entries-empty")
        yield SpeakerPicker(id="speaker-picker")
        yield CaptureLine(self.preview_line, self.save_line, id="capture")
        yield SalestuiFooter(compact=True)

    async def recompose(self) -> None:
        """Rebuilt in another language: new widgets, so forget what was drawn on the old
        ones and show the current mode again."""
        self._drawn = {}
        self._header = ("", "")
        self._entry_rows = EntryRows()
        await super().recompose()
        self.set_mode(self.mode)

    # -- modes ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            meeting = self.services.meeting(self.meeting_id)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self._show_watching()
        if meeting.status == MeetingStatus.RUNNING:
            self.set_mode("run")
            left = len(self.live.review_candidates(self.meeting_id))
            if left and not self.watching:
                self.notify(
                    ngettext(
                        "{count} previous action not reviewed yet: F4 reviews it",
                        "{count} previous actions not reviewed yet: F4 reviews them",
                        left,
                    ).format(count=left)
                )
        elif meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
            self._leaving = True
            self.call_after_refresh(self._to_confirmation)
        else:
            self.set_mode("start")
        self.set_interval(1, self.tick)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.query_one(ContentSwitcher).current = f"{mode}-panel"
        self.set_class(mode == "run", "-running")
        self.reload_data()
        if mode == "start":
            self.query_one(StartPanel).table.focus()
        elif mode == "review":
            self.query_one(ReviewPanel).table.focus()
        elif self.watching:
            self.query_one("#entries", EntriesTable).focus()
        else:
            self.capture.input.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_over", "stop_watching"):
            return self.watching
        if self.watching:  # only what changes nothing: panels on and off
            return action == "toggle_panel"
        if action == "start" or action == "leave":
            return self.mode == "start"
        if action in RUN_ONLY:
            return self.mode == "run"
        return True

    @property
    def capture(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    # -- reading and drawing ----------------------------------------------------------------

    def reload_data(self, every_second: bool = False) -> None:
        try:
            if self.mode == "start":
                self._show_start()
            elif self.mode == "review":
                self.query_one(ReviewPanel).reload()
                self._show_header()
            else:
                self._show_run(every_second)
        except SalestuiError as error:  # e.g. locked for longer than the busy timeout
            self.notify(str(error), severity="error", markup=False)

    def tick(self) -> None:
        """Every second: the timers, and whatever another terminal changed (a meeting
        started or ended from the command line moves this console along)."""
        try:
            status = self.services.meeting(self.meeting_id).status
        except SalestuiError:
            status = None
        if not self.is_current:
            return  # a prompt or the help is open: the timers wait for it
        if status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED) and not self._leaving:
            self._leaving = True
            self.notify(_("The meeting was ended elsewhere"), timeout=4)
            if self.watching:
                self.app.pop_screen()
            else:
                self._to_confirmation()
            return
        if status == MeetingStatus.RUNNING and self.mode == "run":
            self._follow_scribe()
        if status == MeetingStatus.RUNNING and self.mode == "start":
            self.set_mode("run")
            return
        try:
            if self.mode != "review":
                self.reload_data(every_second=True)
            else:
                self._show_header()
        except NoMatches:
            pass  # the console is being rebuilt (e.g. a language switch): next second

    def _show_header(self, state: LiveState | None = None) -> None:
        state = state or self.live.state(self.meeting_id)
        right = state.now.astimezone().strftime("%H:%M")
        if self.watching:
            scribe = self.live.scribes.of(self.meeting_id)
            watching = _("watching · {name} records")  # the footer says t takes over
            right = f"{watching.format(name=scribe.name if scribe else '?')} · {right}"
        header = (f"salestui · {self.screen_title} · {state.meeting.title}", right)
        if header != self._header:
            self._header = header
            self.query_one(HeaderBar).show(*header)
        show_text(self.query_one("#clock", Static), clock_line(state, Tones.of(self.app)))

    def _show_start(self) -> None:
        self._show_header()
        meeting = self.services.meeting(self.meeting_id)
        people = self.services.people_by_id()
        speakers = load_speakers(self.live, self.meeting_id, Balance([], None), people)
        self.query_one(StartPanel).show(
            meeting,
            self.live.preflight(self.meeting_id),
            speakers,
            self.services.clock.now(),
            Tones.of(self.app),
        )

    def _show_run(self, every_second: bool = False) -> None:
        """Draw the console from the database. ``every_second`` (the tick): when no other
        connection committed since the last full read, the entries are not read again
        (this console's own changes always read everything)."""
        version = self.services.data_version()
        unchanged = None
        if every_second and version is not None and version == self._read_at_version:
            unchanged = self.view
        view = load_live(self.live, self.meeting_id, self.threshold, unchanged)
        self._read_at_version = version
        self.view = view
        tones = Tones.of(self.app)
        self._show_header(view.state)
        current = view.state.current
        presenter = None
        if current is not None and current.item.presenter_id in view.people:
            presenter = view.people[current.item.presenter_id].name  # type: ignore[index]
        self.query_one(ItemTimer).show(current, view.current_number(), presenter)
        speaking = view.speaking_now
        self.query_one(SpeakingNotice).show(
            view.balance,
            self.threshold,
            f"{speaking.number} {speaking.person.name}" if speaking else None,
        )
        self._fill("agenda", agenda_columns(), agenda_rows(view, tones))
        self._fill(
            "people", people_columns(), people_rows(view.speakers, view.balance.speaking_now, tones)
        )
        show_text(self.query_one("#strip", Static), strip_text(view))
        self._show_entries(view)
        self._show_panels()

    def _fill(self, name: str, columns: list, rows: list[FitRow]) -> bool:  # type: ignore[type-arg]
        """Redraw a table only when its rows changed (the tick runs every second)."""
        if self._drawn.get(name) == rows:
            return False
        self._drawn[name] = rows
        self.query_one(f"#{name}", FitTable).set_data(columns, rows)
        return True

    def _show_entries(self, view: LiveView) -> None:
        current = view.state.current
        count = str(len(view.entries))
        if len(view.entries) > WINDOW:
            count = _("{count}, the last {shown} shown").format(count=count, shown=WINDOW)
        if current is None:
            title = _("Entries outside the agenda ({count})").format(count=count)
        else:
            title = _("Entries on {number}. {item} ({count})").format(
                number=view.current_number(), item=current.item.title, count=count
            )
        show_text(self.query_one("#entries-title", Static), title)
        rows = self._entry_rows.rows(view.entries, view.actions, view.state.now.date())
        self.query_one("#entries", EntriesTable).show(rows)
        self.set_class(not view.entries, "-no-entries")
        show_text(
            self.query_one("#entries-empty", Static),
            _("Nothing captured on this item yet.")
            if self.watching
            else _("Nothing captured on this item yet. Type below; Enter saves."),
        )

    def _show_panels(self) -> None:
        panels = self.panels
        if panels is None:
            panels = {"agenda", "people"} if self.size.width >= WIDE else set()
        self.set_class("agenda" not in panels, "-no-agenda")
        self.set_class("people" not in panels, "-no-people")
        self.set_class(not panels, "-no-side")
        view = self.view
        if view is None:
            return
        show_text(
            self.query_one("#agenda-title", Static),
            _("Agenda ({count}) · F2").format(count=len(view.state.items)),
        )
        show_text(self.query_one("#people-title", Static), _("Attendance (* required) · F3"))

    def on_resize(self, event) -> None:  # type: ignore[no-untyped-def]
        super().on_resize(event)
        if self.mode == "run":
            self._show_panels()

    # -- what happens on the screen's own widgets ------------------------------------------

    def on_review_panel_finished(self, event: ReviewPanel.Finished) -> None:
        event.stop()
        self.set_mode("run")

    # -- one scribe; everyone else watches ------------------------------------------------

    def _follow_scribe(self) -> None:
        """Someone took the meeting over: this console goes on as a watcher."""
        if self.watching or self.live.scribes.may_change(self.meeting_id):
            return
        self._watch(True)
        scribe = self.live.scribes.of(self.meeting_id)
        message = _("{name} took over as scribe: you are watching now")
        self.notify(message.format(name=scribe.name if scribe else "?"), timeout=6)

    def _show_watching(self) -> None:
        """Watching: no capture line, and the list neither takes typing nor leaves its end."""
        self.set_class(self.watching, "-watching")
        entries = self.query_one("#entries", EntriesTable)
        entries.forward_typing = not self.watching
        entries.anchor(self.watching or not entries.has_focus)

    def _watch(self, watching: bool) -> None:
        self.watching = watching
        self._show_watching()
        self._header = ("", "")
        self.set_mode(self.mode)

    def action_take_over(self) -> None:
        scribe = self.live.scribes.of(self.meeting_id)
        name = scribe.name if scribe else "?"

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.live.scribes.take_over(self.meeting_id)
            except SalestuiError as error:
                self.notify(str(error), severity="error")
                return
            self._watch(False)
            self.notify(_("You record this meeting now"), timeout=4)

        question = _("Take over as scribe from {name}?").format(name=name)
        detail = _(
            "You will record this meeting and {name} will only watch; "
            "the meeting's history keeps the change."
        ).format(name=name)
        self.app.push_screen(AskScreen(question, detail), answered)

    def action_stop_watching(self) -> None:
        self.app.pop_screen()

    def _to_confirmation(self) -> None:
        from salestui.tui.screens.confirm import ConfirmScreen

        self.app.switch_screen(ConfirmScreen(self.services, self.meeting_id))
