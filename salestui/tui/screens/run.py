"""The live console: start, review previous actions, run the agenda against its timers,
capture everything in one line, take attendance and tally who speaks.

Nothing is held only in memory. Every key writes through ``LiveMeeting`` at once
(``RunCommands``) and the screen reads what it shows again - every second, and after each
change - in a thread worker (``read_console``): a crash or a second terminal never leaves
it out of date, and the UI thread only draws."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Static

from salestui.core.meeting import LiveMeeting, LiveState
from salestui.core.models import MeetingStatus
from salestui.core.service import Services
from salestui.i18n import N_, _, ngettext
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.run_clock import clock_line
from salestui.tui.screens.run_commands import Answered, RunCommands
from salestui.tui.screens.run_data import ConsoleRead, LiveView, read_console
from salestui.tui.screens.run_entries import EntriesTable
from salestui.tui.screens.run_keys import RUN_BINDINGS, RUN_ONLY
from salestui.tui.screens.run_panel import RunPanel
from salestui.tui.screens.run_prompt import AskScreen
from salestui.tui.screens.run_review import ReviewPanel
from salestui.tui.screens.run_speaker import SpeakerPicker
from salestui.tui.screens.run_start import StartPanel
from salestui.tui.screens.run_tables import AgendaTable, AttendanceTable, Tones
from salestui.tui.widgets.capture_line import CaptureLine
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text

ENDED = (MeetingStatus.ENDED, MeetingStatus.CONFIRMED)


class RunScreen(SalestuiScreen):
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
        self.commands = RunCommands(self)
        self.mode = "start"  # start | review | run
        self.view: LiveView | None = None
        self._header: tuple[str, str] = ("", "")
        self._scribe = "?"  # who records the meeting, as last read
        self._leaving = False
        self._read_at_version: int | None = None  # the file's commit counter at the last read
        self._after_read: list[Callable[[], None]] = []
        self._full_read_pending = False  # a read of everything is on its way

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
            yield RunPanel(id="run-panel")
        yield SpeakerPicker(id="speaker-picker")
        yield CaptureLine(id="capture")
        yield SalestuiFooter(compact=True)

    async def recompose(self) -> None:
        """Rebuilt in another language: new widgets, drawn as for the current mode."""
        self._header = ("", "")
        await super().recompose()
        self._show_watching()
        self.set_mode(self.mode)

    @property
    def capture(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    @property
    def entries(self) -> EntriesTable:
        return self.query_one(RunPanel).entries

    # -- modes ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._show_watching()
        meeting_id = self.meeting_id

        def read(reads: Services) -> tuple[MeetingStatus, int]:
            status = reads.meeting(meeting_id).status
            if status != MeetingStatus.RUNNING:
                return status, 0
            return status, len(LiveMeeting(reads).review_candidates(meeting_id))

        self.read_later("opening", read, self._opened)

    def _opened(self, found: tuple[MeetingStatus, int]) -> None:
        """The meeting's state on opening: the console goes where it stands."""
        status, left = found
        if status == MeetingStatus.RUNNING:
            self.set_mode("run")
            if left and not self.watching:
                message = ngettext(
                    "{count} previous action not reviewed yet: F4 reviews it",
                    "{count} previous actions not reviewed yet: F4 reviews them",
                    left,
                )
                self.notify(message.format(count=left))
        elif status in ENDED:
            self.call_after_refresh(self.to_confirmation)
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
            self.entries.focus()
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

    # -- reading (in a worker) and drawing ------------------------------------------------

    def reload_data(
        self, every_second: bool = False, then: Callable[[], None] | None = None
    ) -> None:
        """Read what the current mode shows, off the UI thread; ``then`` runs once it is
        drawn. ``every_second`` (the tick): nothing while a full read is on its way, and
        when no other connection committed since the last full read, the entries are not
        read again (this console's own changes always read everything)."""
        if then is not None:
            self._after_read.append(then)
        if every_second and self._full_read_pending:
            return
        mode, meeting_id, threshold = self.mode, self.meeting_id, self.threshold
        # The commit counter of this connection: a number SQLite keeps, not a read.
        version = self.services.data_version() if mode == "run" else None
        unchanged = None
        if every_second and version is not None and version == self._read_at_version:
            unchanged = self.view
        if not every_second:
            self._read_at_version = None
        self._full_read_pending = unchanged is None

        def read(reads: Services) -> ConsoleRead:
            return read_console(LiveMeeting(reads), meeting_id, mode, threshold, unchanged)

        self.read_later("console", read, partial(self._loaded, mode, version, every_second))

    def show_read_error(self, error: Exception) -> None:
        self._full_read_pending = False
        super().show_read_error(error)

    def tick(self) -> None:
        """Every second: the timers, and whatever another terminal changed (a meeting
        started or ended from the command line moves this console along)."""
        if self.is_current:  # a prompt or the help is open: the timers wait for it
            self.reload_data(every_second=True)

    def _loaded(self, mode: str, version: int | None, tick: bool, read: ConsoleRead) -> None:
        self._full_read_pending = False
        if mode != self.mode or self._leaving:
            return  # the console moved on since: its own read is on its way
        if self.is_current and self._moved_on(read):
            return
        self._read_at_version = version
        self._scribe = read.scribe.name if read.scribe else "?"
        try:
            self._show_header(read.state)
            if read.start is not None:
                self.query_one(StartPanel).show(read.start, Tones.of(self.app))
            elif read.review is not None and not tick:
                self.query_one(ReviewPanel).show(read.review)
            elif read.view is not None:
                self.view = read.view
                tones = Tones.of(self.app)
                self.query_one(RunPanel).show(read.view, tones, self.threshold, self.watching)
                self.capture.show_numbers(read.view.scorecard is not None)
        except NoMatches:
            return  # the console is being rebuilt (e.g. a language switch): next second
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    def _moved_on(self, read: ConsoleRead) -> bool:
        """Another terminal ended or started the meeting, or took it over: follow it.
        True when this console goes elsewhere (or to another mode)."""
        if read.status in ENDED:
            self._leaving = True
            self.notify(_("The meeting was ended elsewhere"), timeout=4)
            if self.watching:
                self.app.pop_screen()
            else:
                self.to_confirmation()
            return True
        if read.status != MeetingStatus.RUNNING:
            return False
        if self.mode == "start":
            self.set_mode("run")
            return True
        if self.mode == "run" and not self.watching and not read.may_change:  # taken over
            self._watch(True)
            name = read.scribe.name if read.scribe else "?"
            message = _("{name} took over as scribe: you are watching now")
            self.notify(message.format(name=name), timeout=6)
            return True
        return False

    def _show_header(self, state: LiveState) -> None:
        right = state.now.astimezone().strftime("%H:%M")
        if self.watching:
            watching = _("watching · {name} records")  # the footer says t takes over
            right = f"{watching.format(name=self._scribe)} · {right}"
        header = (f"salestui · {self.screen_title} · {state.meeting.title}", right)
        if header != self._header:
            self._header = header
            self.query_one(HeaderBar).show(*header)
        show_text(self.query_one("#clock", Static), clock_line(state, Tones.of(self.app)))

    # -- what the screen's own widgets say ------------------------------------------------

    def on_review_panel_finished(self, event: ReviewPanel.Finished) -> None:
        event.stop()
        self.set_mode("run")

    def on_review_panel_changed(self, event: ReviewPanel.Changed) -> None:
        event.stop()
        self.reload_data()

    def on_capture_line_changed(self, event: CaptureLine.Changed) -> None:
        event.stop()
        self.commands.preview(event.line, event.editing)

    def on_capture_line_submitted(self, event: CaptureLine.Submitted) -> None:
        event.stop()
        self.commands.save_line(event.line, event.editing)

    def on_speaker_picker_typed(self, event: SpeakerPicker.Typed) -> None:
        self._close_picker()
        self.capture.input.insert_text_at_cursor(event.character)

    def on_entries_table_typed(self, event: EntriesTable.Typed) -> None:
        """Typing on the list is never a command: the key goes to the capture line."""
        event.stop()
        self.capture.input.focus()
        self.capture.input.insert_text_at_cursor(event.character)

    def ask(self, question: str, detail: str, answered: Answered) -> None:
        self.app.push_screen(AskScreen(question, detail), answered)

    def to_confirmation(self) -> None:
        from salestui.tui.screens.confirm import ConfirmScreen

        self._leaving = True
        self.app.switch_screen(ConfirmScreen(self.services, self.meeting_id))

    # -- one scribe; everyone else watches ------------------------------------------------

    def _show_watching(self) -> None:
        """Watching: no capture line, and the list neither takes typing nor leaves its end."""
        self.set_class(self.watching, "-watching")
        self.query_one(RunPanel).show_watching(self.watching)

    def _watch(self, watching: bool) -> None:
        self.watching = watching
        self._show_watching()
        self._header = ("", "")
        self.set_mode(self.mode)

    def action_take_over(self) -> None:
        self.commands.take_over(self._scribe, lambda: self._watch(False))

    def action_stop_watching(self) -> None:
        self.app.pop_screen()

    def action_start(self) -> None:
        self.commands.start()

    def action_review(self) -> None:
        self.commands.review()

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_next_item(self) -> None:
        self.commands.next_item()

    def action_previous_item(self) -> None:
        self.commands.previous_item()

    def action_skip_item(self) -> None:
        self.commands.skip_item()

    def action_park_item(self) -> None:
        self.commands.park_item()

    def action_extend(self, minutes: int) -> None:
        self.commands.extend(minutes)

    def action_end_meeting(self) -> None:
        self.commands.end_meeting()

    def action_undo(self) -> None:
        self.commands.undo()

    def action_goto_item(self) -> None:
        if (item_id := self.query_one("#agenda", AgendaTable).selected_id("item-")) is not None:
            self.commands.goto_item(item_id)
            self.capture.input.focus()

    def action_attend(self, status: str) -> None:
        table = self.focused
        if isinstance(table, AttendanceTable) and (person := table.selected_id("person-")):
            self.commands.attend(person, status)
            # Next person, whatever the answer: attendance is taken top to bottom.
            table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_speak(self, number: int) -> None:
        self.commands.speak(number)

    def action_pick_speaker(self) -> None:
        if self.view is not None:
            picker = self.query_one(SpeakerPicker)
            picker.show(self.view.speakers, self.view.balance.speaking_now)
            picker.display = True
            self.set_focus(picker)  # at once: the next key is the picker's

    def action_speaker_picked(self, number: int) -> None:
        """A digit in the picker (0: nobody; -1: cancelled; no such speaker: it stays)."""
        if number <= 0 or (self.view is not None and self.view.speaker(number) is not None):
            self._close_picker()
        if number >= 0:
            self.commands.speak(number)

    def _close_picker(self) -> None:
        self.query_one(SpeakerPicker).display = False
        self.set_focus(self.capture.input)

    def action_edit_entry(self) -> None:
        self.commands.edit_entry()

    def action_delete_entry(self) -> None:
        self.commands.delete_entry()

    def action_convert_entry(self, kind: str) -> None:
        self.commands.convert_entry(kind)

    # -- panels and focus -------------------------------------------------------------------

    def action_toggle_panel(self, name: str) -> None:
        """Hidden: show it and go there. Shown: go there. There already: hide it."""
        table = self.query_one(f"#{name}")
        if self.query_one(RunPanel).toggle(name, self.focused is table):
            table.focus()
        else:
            self.capture.input.focus()

    def action_switch_focus(self) -> None:
        capture = self.capture
        if capture.editing is not None:
            capture.cancel_edit()
        elif self.focused is capture.input:
            self.entries.focus()
        else:
            capture.input.focus()
