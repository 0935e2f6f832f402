"""The one-line capture of the live meeting: an input, a live preview and a saved state.

As the chair types, the line below the input says what Enter will make of it ("Action ->
王芳, due Fri 4 Dec, p1") or why it cannot be saved, in an error colour. The widget reads
and saves nothing itself: it posts ``Changed`` (the screen works the preview out off the
UI thread and answers with ``show_preview``) and ``Submitted`` on Enter (the screen saves
and answers with ``saved`` - the line is cleared - or ``failed`` - the text stays).

Enter is handled by the input itself, in order with the characters around it: the line
goes out in the message, and characters typed right behind Enter start the next line.
(As a binding it would only run once the key had bubbled up to the app, after those
characters.) The line leaves the input when the screen answers that it was saved, in the
same frame as the new entry shows; a line that cannot be saved stays, to be put right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from salestui.i18n import _
from salestui.tui.widgets.show import show_text
from salestui.tui.widgets.steady import STEADY_VIRTUAL_SIZE, keep_steady


class CaptureInput(Input):
    """An Input whose Enter is handled in order with the keys typed around it."""

    # Clearing the text after a capture does not lay the screen out (``widgets.steady``).
    virtual_size = STEADY_VIRTUAL_SIZE

    def watch_virtual_size(self, size: Size) -> None:
        keep_steady(self, size)

    @dataclass
    class Entered(Message):
        """Enter was pressed on ``value``."""

        value: str

    sent: tuple[str, ...] = ()
    """Lines sent with Enter and not yet answered, oldest first: the start of the text."""

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return
        event.stop()
        event.prevent_default()
        line = self.value[sum(len(sent) for sent in self.sent) :]
        if line.strip():
            self.sent += (line,)
            self.post_message(self.Entered(line))

    def answered(self, saved: bool) -> None:
        """The oldest line sent was saved: it leaves the text, and what was typed behind it
        stays. Not saved: it stays to be put right, and so do the lines sent after it."""
        if not self.sent:
            return
        line, self.sent = self.sent[0], self.sent[1:] if saved else ()
        if saved and self.value.startswith(line):
            cursor = self.cursor_position
            self.value = self.value[len(line) :]
            self.cursor_position = max(0, cursor - len(line))


class CaptureLine(Vertical):
    @dataclass
    class Changed(Message):
        """The line now reads ``line`` (not blank): the screen answers with
        ``show_preview(line, preview, error)``. ``editing``: the entry being edited."""

        line: str
        editing: int | None

    @dataclass
    class Submitted(Message):
        """Enter on ``line`` (not blank): save it, or replace the entry ``editing``."""

        line: str
        editing: int | None

    def __init__(self, *, id: str | None = None, suggester: Suggester | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.editing: int | None = None  # the entry whose text is in the line, if any
        self._failed: str | None = None  # the line whose save failed, while it is unchanged
        self._suggester = suggester
        self.numbers = False  # on a numbers-review item: the hint starts with /k

    def compose(self) -> ComposeResult:
        yield CaptureInput(id="capture-input", select_on_focus=False, suggester=self._suggester)
        with Horizontal(id="capture-status"):
            yield Static(id="capture-preview")
            yield Static(id="capture-saved")

    def on_mount(self) -> None:
        self._update_labels()
        self.ask_preview("")

    @property
    def input(self) -> Input:
        return self.query_one("#capture-input", Input)

    @property
    def _capture_input(self) -> CaptureInput:
        return self.query_one("#capture-input", CaptureInput)

    @property
    def value(self) -> str:
        return self.input.value

    def placeholder(self) -> str:
        """What the empty input says (another capture line says its own)."""
        if self.numbers:  # on a numbers-review item
            return _("/k @name measurable actual 目标 target · a note · /d /a /p /t /l")
        return _("Type a note · /d decision · /a action · /p park · /t new item · /l link")

    def blank_hint(self) -> str:
        """The hint under an empty line."""
        return _("Enter saves to the current item · F1 all keys")

    def _update_labels(self) -> None:
        self.input.placeholder = (
            _("Edit the words · Enter saves · Esc cancels · /d /a /n … captures anew")
            if self.editing is not None
            else self.placeholder()
        )
        self.set_class(self.editing is not None, "-editing")

    # -- preview -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._failed = None
        self.ask_preview(self.input.value)  # the value now, not when the change was posted

    def ask_preview(self, line: str) -> None:
        """Show the hint for a blank line at once; ask the screen about any other."""
        if line.strip():
            self.post_message(self.Changed(line, self.editing))
            return
        hint = self.blank_hint() if self.editing is None else ""
        show_text(self.query_one("#capture-preview", Static), Text(hint, style="dim"))
        self.set_class(False, "-error")

    def on_capture_input_entered(self, event: CaptureInput.Entered) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value, self.editing))

    # -- answers from the screen -----------------------------------------------------------

    def show_preview(self, line: str, preview: str, error: bool = False) -> None:
        """What ``line`` will become (or, ``error``, why it cannot be saved) - unless the
        line has changed since: a newer answer is on its way."""
        if line != self.input.value or line == self._failed:
            return  # typed on since, or it failed to save: the reason stays
        label = self.query_one("#capture-preview", Static)
        show_text(label, Text(preview if error else "→ " + preview))
        self.set_class(error, "-error")

    def saved(self, at: datetime) -> None:
        """The line was stored: it leaves the input, and a discreet word says so."""
        self._capture_input.answered(saved=True)
        self.editing = None
        self._update_labels()
        self.ask_preview(self.input.value)
        saved = _("saved {time}").format(time=at.astimezone().strftime("%H:%M:%S"))
        show_text(self.query_one("#capture-saved", Static), Text(saved))

    def failed(self, line: str, message: str) -> None:
        """Nothing was saved: ``line`` stays in the input (before anything typed since),
        with why."""
        self._capture_input.answered(saved=False)
        self._failed = self.input.value
        self.query_one("#capture-preview", Static).update(Text(message))
        self.set_class(True, "-error")

    def show_numbers(self, numbers: bool) -> None:
        """On a numbers-review item (or not): the hint in the empty line says so."""
        if numbers != self.numbers:
            self.numbers = numbers
            self._update_labels()

    def begin_edit(self, entry_id: int, text: str) -> None:
        self._capture_input.sent = ()
        self.editing = entry_id
        self.input.value = text
        self.input.cursor_position = len(text)
        self._update_labels()
        self.ask_preview(text)
        self.input.focus()

    def cancel_edit(self) -> None:
        self._capture_input.sent = ()
        self.editing = None
        self.input.value = ""
        self._update_labels()
        self.ask_preview("")
