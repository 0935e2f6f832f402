"""The one-line capture of the live meeting: an input, a live preview and a saved state.

As the chair types, the line below the input says what Enter will make of it ("Action ->
王芳, due Fri 4 Dec, p1") or why it cannot be saved, in an error colour. The widget does
not save anything itself: Enter calls the screen's ``submit`` and the screen answers with
``saved`` (the line is cleared) or ``failed`` (the text stays).

Enter is handled by the input itself, in order with the characters around it. (As a
binding it would only run once the key had bubbled up to the app, after any characters
typed right behind it - which would then be saved with the line, or wiped with it.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from salestui.i18n import _
from salestui.tui.errors import RECOVERABLE, error_message
from salestui.tui.widgets.show import show_text

Previewer = Callable[[str], str]
"""Turns a line into its preview; raises ``SalestuiError`` when the line cannot be saved."""
Submitter = Callable[[str, "int | None"], None]
"""Saves a line (or replaces the entry with that id); answers with ``saved``/``failed``."""


class CaptureInput(Input):
    """An Input whose Enter is handled in order with the keys typed around it."""

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return
        event.stop()
        event.prevent_default()
        line = self.parent
        while line is not None and not isinstance(line, CaptureLine):
            line = line.parent
        if line is not None:
            line.submit_now(self.value)


class CaptureLine(Vertical):
    def __init__(
        self,
        preview: Previewer,
        submit: Submitter,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self._preview = preview
        self._submit = submit
        self.editing: int | None = None  # the entry whose text is in the line, if any

    def compose(self) -> ComposeResult:
        yield CaptureInput(id="capture-input", select_on_focus=False)
        with Horizontal(id="capture-status"):
            yield Static(id="capture-preview")
            yield Static(id="capture-saved")

    def on_mount(self) -> None:
        self._update_labels()
        self.show_preview("")

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
            else _("Type a note · /d decision · /a action · /p park · /t new item · /l link")
        )
        self.set_class(self.editing is not None, "-editing")

    # -- preview -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_preview(self.input.value)  # the value now, not when the change was posted

    def show_preview(self, line: str) -> bool:
        """Show what ``line`` will become; False (and the reason, in red) if it cannot."""
        label = self.query_one("#capture-preview", Static)
        if not line.strip():
            hint = (
                _("Enter saves to the current item · F1 all keys") if self.editing is None else ""
            )
            show_text(label, Text(hint, style="dim"))
            self.set_class(False, "-error")
            return True
        try:
            preview = self._preview(line)
        except RECOVERABLE as error:
            show_text(label, Text(error_message(error)))
            self.set_class(True, "-error")
            return False
        show_text(label, Text("→ " + preview))
        self.set_class(False, "-error")
        return True

    def submit_now(self, value: str) -> None:
        """Save the line; if the store refuses (read-only file, disk full, bad input), the
        text stays in the input with the reason below it, and the app goes on."""
        if not value.strip():
            return
        try:
            self._submit(value, self.editing)
        except RECOVERABLE as error:
            self.failed(error_message(error))

    # -- answers from the screen -----------------------------------------------------------

    def saved(self, at: datetime) -> None:
        """The line was stored: clear it and say so, discreetly."""
        self.editing = None
        self.input.value = ""
        self._update_labels()
        self.show_preview("")
        saved = _("saved {time}").format(time=at.astimezone().strftime("%H:%M:%S"))
        show_text(self.query_one("#capture-saved", Static), Text(saved))

    def failed(self, message: str) -> None:
        """Nothing was saved: keep the text and show why."""
        self.query_one("#capture-preview", Static).update(Text(message))
        self.set_class(True, "-error")

    def begin_edit(self, entry_id: int, text: str) -> None:
        self.editing = entry_id
        self.input.value = text
        self.input.cursor_position = len(text)
        self._update_labels()
        self.show_preview(text)
        self.input.focus()

    def cancel_edit(self) -> None:
        self.editing = None
        self.input.value = ""
        self._update_labels()
        self.show_preview("")
