"""The one-line capture of the live meeting: an input, a live preview and a saved state.

As the chair types, the line below the input says what Enter will make of it ("Action ->
王芳, due Fri 4 Dec, p1") or why it cannot be saved, in an error colour. The widget reads
and saves nothing itself: it posts ``Changed`` (the screen works the preview out off the
UI thread and answers with ``show_preview``) and ``Submitted`` on Enter (the screen saves
and answers with ``saved`` - the line is cleared - or ``failed`` - the text stays).

Enter is handled by the input itself, in order with the characters around it: the line
goes out in the message and the input is emptied at once, so characters typed right
behind Enter start the next line. (As a binding it would only run once the key had
bubbled up to the app, after those characters.) A line that cannot be saved comes back.
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

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return
        event.stop()
        event.prevent_default()
        if self.value.strip():
            value, self.value = self.value, ""
            self.post_message(self.Entered(value))


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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.editing: int | None = None  # the entry whose text is in the line, if any
        self._failed: str | None = None  # the line whose save failed, while it is unchanged
        self.numbers = False  # on a numbers-review item: the hint starts with /k

    def compose(self) -> ComposeResult:
        yield CaptureInput(id="capture-input", select_on_focus=False)
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
    def value(self) -> str:
        return self.input.value

    def _update_labels(self) -> None:
        self.input.placeholder = (
            _("Edit the words · Enter saves · Esc cancels · /d /a /n … captures anew")
            if self.editing is not None
            else _("/k @name measurable actual 目标 target · a note · /d /a /p /t /l")
            if self.numbers
            else _("Type a note · /d decision · /a action · /p park · /t new item · /l link")
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
        hint = _("Enter saves to the current item · F1 all keys") if self.editing is None else ""
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
        """The line was stored (it left the input on Enter): say so, discreetly."""
        self.editing = None
        self._update_labels()
        self.ask_preview(self.input.value)
        saved = _("saved {time}").format(time=at.astimezone().strftime("%H:%M:%S"))
        show_text(self.query_one("#capture-saved", Static), Text(saved))

    def failed(self, line: str, message: str) -> None:
        """Nothing was saved: ``line`` comes back (before anything typed since) with why."""
        value = line + self.input.value
        with self.input.prevent(Input.Changed):
            self.input.value = value
        self.input.cursor_position = len(value)
        self._failed = value
        self.query_one("#capture-preview", Static).update(Text(message))
        self.set_class(True, "-error")

    def show_numbers(self, numbers: bool) -> None:
        """On a numbers-review item (or not): the hint in the empty line says so."""
        if numbers != self.numbers:
            self.numbers = numbers
            self._update_labels()

    def begin_edit(self, entry_id: int, text: str) -> None:
        self.editing = entry_id
        self.input.value = text
        self.input.cursor_position = len(text)
        self._update_labels()
        self.ask_preview(text)
        self.input.focus()

    def cancel_edit(self) -> None:
        self.editing = None
        self.input.value = ""
        self._update_labels()
        self.ask_preview("")
