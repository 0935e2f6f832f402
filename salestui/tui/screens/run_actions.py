"""What the live console's keys do. Each one writes through ``LiveMeeting`` at once and
redraws from the database; a refused key changes nothing and says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from salestui.core.errors import SalestuiError
from salestui.core.models import EntryKind
from salestui.core.timing import whole_minutes
from salestui.i18n import _
from salestui.tui import labels
from salestui.tui.screens.run_data import WIDE
from salestui.tui.screens.run_entries import EntriesTable
from salestui.tui.screens.run_prompt import AskScreen
from salestui.tui.screens.run_speaker import SpeakerPicker
from salestui.tui.screens.run_tables import AgendaTable, AttendanceTable

if TYPE_CHECKING:
    from salestui.core.meeting import LiveMeeting
    from salestui.core.service import Services
    from salestui.tui.screens.base import SalestuiScreen
    from salestui.tui.screens.run_data import LiveView
    from salestui.tui.widgets.capture_line import CaptureLine

    _Base = SalestuiScreen
else:
    _Base = object


class RunActions(_Base):
    """Mixed into ``RunScreen``: its ``action_*`` methods and the capture line's answer."""

    if TYPE_CHECKING:  # what RunScreen provides
        services: Services
        live: LiveMeeting
        meeting_id: int
        view: LiveView | None
        panels: set[str] | None
        _leaving: bool

        @property
        def capture(self) -> CaptureLine: ...
        def set_mode(self, mode: str) -> None: ...
        def _show_panels(self) -> None: ...
        def _to_confirmation(self) -> None: ...

    def _do(self, change: Callable[[], Any], message: str | None = None) -> bool:
        """Run one change; on a core error show it and change nothing else."""
        try:
            change()
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return False
        self.reload_data()
        if message:
            self.notify(message, timeout=3)
        return True

    # -- starting ---------------------------------------------------------------------------

    def action_start(self) -> None:
        if not self._do(lambda: self.live.start(self.meeting_id)):
            return
        state = self.live.state(self.meeting_id)
        started = labels.local_time(state.meeting.actual_start)
        late = whole_minutes(state.late_by)
        if late > 0:
            message = _("Started at {time}, {minutes} min late").format(time=started, minutes=late)
        else:
            message = _("Started at {time}").format(time=started)
        self.notify(message, timeout=4)
        if self.live.review_candidates(self.meeting_id):
            self.set_mode("review")
        else:
            self.set_mode("run")

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_review(self) -> None:
        if not self.live.review_candidates(self.meeting_id):
            self.notify(_("No previous actions to review"), timeout=3)
            return
        self.set_mode("review")

    # -- agenda flow ------------------------------------------------------------------------

    def action_next_item(self) -> None:
        self._do(lambda: self.live.next_item(self.meeting_id))

    def action_previous_item(self) -> None:
        self._do(lambda: self.live.previous_item(self.meeting_id))

    def action_skip_item(self) -> None:
        self._do(lambda: self.live.skip_item(self.meeting_id), _("Item skipped (ctrl+b goes back)"))

    def action_park_item(self) -> None:
        self._do(lambda: self.live.park_item(self.meeting_id), _("Item parked (ctrl+b goes back)"))

    def action_extend(self, minutes: int) -> None:
        self._do(lambda: self.live.extend(self.meeting_id, minutes))

    def action_goto_item(self) -> None:
        table = self.query_one("#agenda", AgendaTable)
        key = self._row_key(table)
        if key is None:
            return
        item_id = int(key.removeprefix("item-"))
        self._do(lambda: self.live.goto_item(self.meeting_id, item_id))
        self.capture.input.focus()

    def action_end_meeting(self) -> None:
        question = _("End the meeting now?")
        detail = _("The actual end is recorded and the confirmation of decisions and actions "
                   "follows.")  # fmt: skip

        def answered(yes: bool | None) -> None:
            if yes and self._do(lambda: self.live.end(self.meeting_id)):
                self._leaving = True
                self._to_confirmation()

        self.app.push_screen(AskScreen(question, detail), answered)

    # -- attendance and speaking ------------------------------------------------------------

    @staticmethod
    def _row_key(table: Any) -> str | None:
        keys = table.row_keys
        if not keys or table.cursor_row < 0:
            return None
        return keys[min(table.cursor_row, len(keys) - 1)]

    def action_attend(self, status: str) -> None:
        table = self.focused
        if not isinstance(table, AttendanceTable):
            return
        key = self._row_key(table)
        if key is None:
            return
        person_id = int(key.removeprefix("person-"))
        self._do(lambda: self.live.set_attendance(self.meeting_id, person_id, status))
        # Next person, whatever the answer: attendance is taken top to bottom.
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_pick_speaker(self) -> None:
        view = self.view
        if view is None:
            return
        picker = self.query_one(SpeakerPicker)
        picker.show(view.speakers, view.balance.speaking_now)
        picker.display = True
        self.set_focus(picker)  # at once: the next key is the picker's

    def action_speaker_picked(self, number: int) -> None:
        """A digit in the picker (0: nobody; -1: cancelled)."""
        view = self.view
        if number > 0 and (view is None or view.speaker(number) is None):
            self.notify(
                _("No one has the number {number}").format(number=number), severity="warning"
            )
            return
        self._close_picker()
        if number >= 0:
            self.action_speak(number)

    def _close_picker(self) -> None:
        self.query_one(SpeakerPicker).display = False
        self.set_focus(self.capture.input)

    def on_speaker_picker_typed(self, event: SpeakerPicker.Typed) -> None:
        self._close_picker()
        self.capture.input.insert_text_at_cursor(event.character)

    def action_speak(self, number: int) -> None:
        if number == 0:
            self._do(lambda: self.live.speak(self.meeting_id, None))
            return
        speaker = self.view.speaker(number) if self.view else None
        if speaker is None:
            self.notify(
                _("No one has the number {number}").format(number=number), severity="warning"
            )
            return
        self._do(lambda: self.live.speak(self.meeting_id, speaker.person_id))

    # -- panels and focus -------------------------------------------------------------------

    def action_toggle_panel(self, name: str) -> None:
        """Hidden: show it and go there. Shown: go there. There already: hide it."""
        panels = set(self.panels) if self.panels is not None else (
            {"agenda", "people"} if self.size.width >= WIDE else set()
        )  # fmt: skip
        table = self.query_one(f"#{name}")
        if name in panels and self.focused is table:
            panels.discard(name)
            self.panels = panels
            self._show_panels()
            self.capture.input.focus()
            return
        panels.add(name)
        self.panels = panels
        self._show_panels()
        table.focus()

    def action_switch_focus(self) -> None:
        capture = self.capture
        if capture.editing is not None:
            capture.cancel_edit()
        elif self.focused is capture.input:
            self.query_one("#entries", EntriesTable).focus()
        else:
            capture.input.focus()

    # -- entries ----------------------------------------------------------------------------

    def save_line(self, line: str, entry_id: int | None) -> None:
        """Enter on the capture line: save it (or replace the entry being edited)."""
        try:
            if entry_id is None:
                result = self.live.capture(self.meeting_id, line)
            else:
                result = self.live.save_edit(entry_id, line)
        except SalestuiError as error:
            self.capture.failed(str(error))
            return
        self.capture.saved(self.services.clock.now())
        self.reload_data()
        if entry_id is not None:
            self.query_one("#entries", EntriesTable).select_entry(entry_id)
        if result.new_item is not None:
            self.notify(
                _("New agenda item after this one: {title}").format(title=result.new_item.title),
                timeout=3,
            )

    def preview_line(self, line: str) -> str:
        """The capture line's preview; while an entry is edited, what saving it will do."""
        editing = self.capture.editing
        if editing is None:
            return self.live.preview(line)
        return self.live.edits.preview_edit(editing, line)

    def _selected_entry(self) -> int | None:
        table = self.query_one("#entries", EntriesTable)
        key = self._row_key(table)
        return int(key.removeprefix("entry-")) if key else None

    def action_edit_entry(self) -> None:
        entry_id = self._selected_entry()
        view = self.view
        if entry_id is None or view is None:
            return
        entry = next((e for e in view.entries if e.id == entry_id), None)
        if entry is None:
            return
        if entry.kind == EntryKind.TOPIC:
            self.notify(
                _("A new agenda item is changed on the agenda, not here"), severity="warning"
            )
            return
        # Only the words: saved as typed, never read again as a capture line (a line that
        # starts with /d, /a, /n ... is captured anew).
        self.capture.begin_edit(entry_id, entry.text)

    def action_delete_entry(self) -> None:
        """Delete the selected entry, once the chair has said yes (ctrl+z brings it back)."""
        entry_id = self._selected_entry()
        view = self.view
        entry = next((e for e in view.entries if e.id == entry_id), None) if view else None
        if entry_id is None or entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._on_entry(
                    entry_id,
                    lambda: self.live.delete_entry(entry_id),
                    _("Entry deleted · ctrl+z brings it back"),
                )

        self.app.push_screen(AskScreen(_("Delete this entry?"), entry.text), answered)

    def action_undo(self) -> None:
        """ctrl+z: take back the newest live edit of the meeting (kept in the database,
        the same as ``salestui run undo``)."""
        try:
            undone = self.live.undo(self.meeting_id)
        except SalestuiError as error:
            self.notify(str(error), severity="warning", timeout=4)
            return
        self.reload_data()
        self.notify(undone.message, timeout=4)

    def action_convert_entry(self, kind: str) -> None:
        entry_id = self._selected_entry()
        if entry_id is None:
            return
        message = {
            "decision": _("Now a decision · ctrl+z undoes"),
            "action": _("Now an action · ctrl+z undoes"),
            "note": _("Now a note · ctrl+z undoes"),
        }[kind]
        self._on_entry(
            entry_id, lambda: self.live.convert_entry(entry_id, EntryKind(kind)), message
        )

    def _on_entry(self, entry_id: int, change: Callable[[], Any], message: str) -> None:
        """Change one entry; the list keeps its cursor on that entry."""
        if self._do(change, message):
            self.query_one("#entries", EntriesTable).select_entry(entry_id)

    def on_entries_table_typed(self, event: EntriesTable.Typed) -> None:
        """Typing on the list is never a command: the key goes to the capture line."""
        event.stop()
        self.capture.input.focus()
        self.capture.input.insert_text_at_cursor(event.character)
