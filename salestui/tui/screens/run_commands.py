"""What the live console's keys change. Each change is written through ``LiveMeeting`` at
once, then the console reads the meeting again (off the UI thread); a refused key changes
nothing and says why.

``RunCommands`` is a plain helper the screen owns, not a mixin: it knows the screen only
through ``RunHost`` - the meeting, what was last read, the capture line and the entries
list, and how to read again, ask a question or go on to the confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from salestui.core.capture_numbers import is_number_line
from salestui.core.errors import SalestuiError
from salestui.core.meeting import LiveMeeting, LiveState
from salestui.core.meeting_capture import CaptureResult
from salestui.core.models import ActionRow, Entry, EntryKind
from salestui.core.service import Services
from salestui.core.timing import whole_minutes
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.errors import RECOVERABLE, error_message
from salestui.tui.screens.hosts import Notifies
from salestui.tui.screens.run_data import LiveView
from salestui.tui.screens.run_entries import EntriesTable
from salestui.tui.screens.run_numbers import NumberCommands
from salestui.tui.widgets.capture_line import CaptureLine

T = TypeVar("T")
Answered = Callable[[bool | None], None]
CONVERTED = {
    "decision": N_("Now a decision · ctrl+z undoes"),
    "action": N_("Now an action · ctrl+z undoes"),
    "note": N_("Now a note · ctrl+z undoes"),
}


class RunHost(Notifies, Protocol):
    """What the commands need of the console they serve."""

    meeting_id: int
    live: LiveMeeting
    view: LiveView | None

    @property
    def capture(self) -> CaptureLine: ...
    @property
    def entries(self) -> EntriesTable: ...
    def reload_data(
        self, every_second: bool = False, then: Callable[[], None] | None = None
    ) -> None: ...
    def read_later(
        self, group: str, load: Callable[[Services], T], done: Callable[[T], None]
    ) -> None: ...
    def set_mode(self, mode: str) -> None: ...
    def ask(self, question: str, detail: str, answered: Answered) -> None: ...
    def to_confirmation(self) -> None: ...
    @property
    def app(self) -> Any: ...


class RunCommands:
    """The changes the live console's keys make to its meeting."""

    def __init__(self, host: RunHost) -> None:
        self.host = host
        self.numbers = NumberCommands(host)  # /k and the countermeasures

    @property
    def live(self) -> LiveMeeting:
        return self.host.live

    @property
    def meeting_id(self) -> int:
        return self.host.meeting_id

    def do(
        self,
        change: Callable[[], Any],
        message: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> bool:
        """Run one change, then read again (``then`` runs once it is drawn); on a core
        error show it and change nothing else."""
        try:
            change()
        except SalestuiError as error:
            self.host.notify(str(error), severity="error")
            return False
        self.host.reload_data(then=then)
        if message:
            self.host.notify(message, timeout=3)
        return True

    # -- starting ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the meeting; then say when, and review the previous actions (if any)."""
        try:
            self.live.start(self.meeting_id)
        except SalestuiError as error:
            self.host.notify(str(error), severity="error")
            return
        meeting_id = self.meeting_id

        def read(reads: Services) -> tuple[LiveState, bool]:
            live = LiveMeeting(reads)
            return live.state(meeting_id), bool(live.review_candidates(meeting_id))

        self.host.read_later("step", read, self._started)

    def _started(self, found: tuple[LiveState, bool]) -> None:
        state, to_review = found
        started = labels.local_time(state.meeting.actual_start)
        late = whole_minutes(state.late_by)
        if late > 0:
            message = _("Started at {time}, {minutes} min late").format(time=started, minutes=late)
        else:
            message = _("Started at {time}").format(time=started)
        self.host.notify(message, timeout=4)
        self.host.set_mode("review" if to_review else "run")

    def review(self) -> None:
        """F4: back to the review of previous actions, if any is left."""
        meeting_id = self.meeting_id

        def read(reads: Services) -> bool:
            return bool(LiveMeeting(reads).review_candidates(meeting_id))

        self.host.read_later("step", read, self._review_if_any)

    def _review_if_any(self, any_left: bool) -> None:
        if not any_left:
            self.host.notify(_("No previous actions to review"), timeout=3)
            return
        self.host.set_mode("review")

    # -- agenda flow ------------------------------------------------------------------------

    def next_item(self) -> None:
        """On a numbers-review item, the numbers off track are asked about first."""
        self.numbers.next_item(lambda: self.do(lambda: self.live.next_item(self.meeting_id)))

    def previous_item(self) -> None:
        self.do(lambda: self.live.previous_item(self.meeting_id))

    def skip_item(self) -> None:
        self.do(lambda: self.live.skip_item(self.meeting_id), _("Item skipped (ctrl+b goes back)"))

    def park_item(self) -> None:
        self.do(lambda: self.live.park_item(self.meeting_id), _("Item parked (ctrl+b goes back)"))

    def extend(self, minutes: int) -> None:
        self.do(lambda: self.live.extend(self.meeting_id, minutes))

    def goto_item(self, item_id: int) -> None:
        self.do(lambda: self.live.goto_item(self.meeting_id, item_id))

    def end_meeting(self) -> None:
        """Ended on a numbers-review item, its numbers off track are asked about first, as
        when moving on from it: the meeting's end is their last chance."""
        self.numbers.next_item(self._ask_to_end)

    def _ask_to_end(self) -> None:
        question = _("End the meeting now?")
        detail = _("The actual end is recorded and the confirmation of decisions and actions "
                   "follows.")  # fmt: skip

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.live.end(self.meeting_id)
            except SalestuiError as error:
                self.host.notify(str(error), severity="error")
                return
            self.host.to_confirmation()

        self.host.ask(question, detail, answered)

    # -- attendance and speaking ------------------------------------------------------------

    def attend(self, person_id: int, status: str) -> None:
        self.do(lambda: self.live.set_attendance(self.meeting_id, person_id, status))

    def speak(self, number: int) -> None:
        """``number`` 0: nobody speaks; otherwise the speaker with that number."""
        if number == 0:
            self.do(lambda: self.live.speak(self.meeting_id, None))
            return
        view = self.host.view
        speaker = view.speaker(number) if view else None
        if speaker is None:
            self.host.notify(
                _("No one has the number {number}").format(number=number), severity="warning"
            )
            return
        self.do(lambda: self.live.speak(self.meeting_id, speaker.person_id))

    # -- entries ----------------------------------------------------------------------------

    def save_line(self, line: str, entry_id: int | None) -> None:
        """Enter on the capture line: save it (or replace the entry being edited)."""
        if entry_id is None and is_number_line(line):
            self.numbers.save(line)
            return
        capture = self.host.capture
        try:
            if entry_id is None:
                result = self.live.capture(self.meeting_id, line)
            else:
                result = self.live.save_edit(entry_id, line)
        except SalestuiError as error:
            capture.failed(line, str(error))
            return
        if entry_id is None:
            self._show_at_once(result)  # the row first: the line leaves with it on the list
        capture.saved(self.live.services.clock.now())
        if entry_id is not None:
            self.host.reload_data(then=lambda: self.host.entries.select_entry(entry_id))
        else:
            self.host.reload_data()
        if result.new_item is not None:
            self.host.notify(
                _("New agenda item after this one: {title}").format(title=result.new_item.title),
                timeout=3,
            )

    def _show_at_once(self, result: CaptureResult) -> None:
        """The new entry on screen now, not one read later (when it is on the item shown)."""
        view = self.host.view
        current = view.state.current if view else None
        if view is None or (current.item.id if current else None) != result.entry.agenda_item_id:
            return
        action = None
        if result.action is not None and result.action.id is not None:
            action = ActionRow(
                id=result.action.id,
                title=result.action.title,
                owners=[p.name for p in result.capture.owners],
                due=result.action.due,
                priority=result.action.priority,
            )
        self.host.entries.append_saved(result.entry, action, view.state.now.date())

    def preview(self, line: str, editing: int | None) -> None:
        """Work the capture line's preview out off the UI thread (it resolves names and
        dates); the line shows it unless it was typed on meanwhile."""
        if editing is None and is_number_line(line):
            self.numbers.preview(line)
            return

        def read(reads: Services) -> tuple[str, str, bool]:
            live = LiveMeeting(reads)
            try:
                if editing is None:
                    return line, live.preview(line), False
                return line, live.edits.preview_edit(editing, line), False
            except RECOVERABLE as error:
                return line, error_message(error), True

        self.host.read_later("preview", read, lambda found: self.host.capture.show_preview(*found))

    def _selected_entry(self) -> Entry | None:
        table = self.host.entries
        keys, view = table.row_keys, self.host.view
        if not keys or table.cursor_row < 0 or view is None:
            return None
        key = keys[min(table.cursor_row, len(keys) - 1)]
        return next((e for e in view.entries if f"entry-{e.id}" == key), None)

    def edit_entry(self) -> None:
        if (entry := self._selected_entry()) is None:
            return
        if entry.kind == EntryKind.TOPIC:
            self.host.notify(
                _("A new agenda item is changed on the agenda, not here"), severity="warning"
            )
            return
        # Only the words: saved as typed, never read again as a capture line (a line that
        # starts with /d, /a, /n ... is captured anew).
        self.host.capture.begin_edit(entry.id or 0, entry.text)

    def delete_entry(self) -> None:
        """Delete the selected entry, once the chair has said yes (ctrl+z brings it back)."""
        if (entry := self._selected_entry()) is None:
            return
        entry_id = entry.id or 0

        def answered(yes: bool | None) -> None:
            if yes:
                self._on_entry(
                    entry_id,
                    lambda: self.live.delete_entry(entry_id),
                    _("Entry deleted · ctrl+z brings it back"),
                )

        self.host.ask(_("Delete this entry?"), entry.text, answered)

    def convert_entry(self, kind: str) -> None:
        if (entry := self._selected_entry()) is None:
            return
        entry_id = entry.id or 0
        self._on_entry(
            entry_id,
            lambda: self.live.convert_entry(entry_id, EntryKind(kind)),
            _(CONVERTED[kind]),
        )

    def _on_entry(self, entry_id: int, change: Callable[[], Any], message: str) -> None:
        """Change one entry; the list keeps its cursor on that entry."""
        self.do(change, message, then=lambda: self.host.entries.select_entry(entry_id))

    def undo(self) -> None:
        """ctrl+z: take back the newest live edit of the meeting (kept in the database,
        the same as ``salestui run undo``)."""
        try:
            undone = self.live.undo(self.meeting_id)
        except SalestuiError as error:
            self.host.notify(str(error), severity="warning", timeout=4)
            return
        self.host.reload_data()
        self.host.notify(undone.message, timeout=4)

    # -- one scribe -------------------------------------------------------------------------

    def take_over(self, scribe: str, done: Callable[[], None]) -> None:
        """Ask, then record the meeting from now on (``scribe``: who records it now);
        ``done`` runs once this console is the scribe."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.live.scribes.take_over(self.meeting_id)
            except SalestuiError as error:
                self.host.notify(str(error), severity="error")
                return
            done()
            self.host.notify(_("You record this meeting now"), timeout=4)

        question = _("Take over as scribe from {name}?").format(name=scribe)
        detail = _(
            "You will record this meeting and {name} will only watch; "
            "the meeting's history keeps the change."
        ).format(name=scribe)
        self.host.ask(question, detail, answered)
