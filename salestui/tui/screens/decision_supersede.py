"""Supersede: pick the earlier decision that a decision replaces (from the Decisions
screen and the live console). Type to narrow the list; enter links the two - the old one
becomes "superseded by" the new one, one step of the journal (ctrl+z takes it back)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from salestui.core.decisions import DecisionRegister
from salestui.core.errors import SalestuiError
from salestui.core.models import Decision, DecisionRow
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.decisions_rows import status_label

SEARCH_DEBOUNCE = 0.15


class SupersedePicker(ModalScreen[bool]):
    """A dialog over the decisions ``new_id`` may supersede; dismissed with True once
    linked, False when left."""

    DEFAULT_CSS = """
    SupersedePicker { align: center middle; }
    SupersedePicker > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: round $accent; background: $surface;
    }
    SupersedePicker .supersede-title { text-style: bold; margin-bottom: 1; }
    SupersedePicker OptionList { height: auto; max-height: 14; }
    SupersedePicker .supersede-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "leave", N_("Cancel"), id="supersede.cancel")]

    def __init__(
        self,
        services: Services,
        new_id: int,
        link: Callable[[int, int], Decision] | None = None,
    ) -> None:
        """``link(old_id, new_id)``: how the two are linked (by default one journal step;
        the live console passes its own, recorded in the meeting's undo)."""
        super().__init__()
        self.services = services
        self.new_id = new_id
        self.link = link or DecisionRegister(services).supersede
        self.rows: list[DecisionRow] = []

    def compose(self) -> ComposeResult:
        new = self.services.decision(self.new_id)
        words = new.text if new else f"#{self.new_id}"
        with Vertical():
            yield Static(
                _("Which earlier decision does “{text}” supersede?").format(text=words),
                classes="supersede-title",
            )
            yield Input(placeholder=_("Type to narrow the list"), id="supersede-search")
            yield OptionList(id="supersede-list")
            yield Static(_("↑↓ choose · Enter supersedes · Esc cancels"), classes="supersede-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._read("")

    @work(thread=True, exclusive=True, group="read:supersede")
    def _read(self, text: str) -> None:
        reads = self.app.readers.services()  # type: ignore[attr-defined]
        try:
            rows = DecisionRegister(reads).candidates(self.new_id, text)
        except SalestuiError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[DecisionRow]) -> None:
        self.rows = rows
        options = self.query_one(OptionList)
        options.clear_options()
        today = self.services.clock.today()
        for row in rows:
            line = Text(no_wrap=True, overflow="ellipsis")
            when = row.when
            line.append(labels.short_date(labels.local_date(when), today) if when else "-")
            line.append(f"  {row.meeting_title}  ", style="dim")
            line.append(row.text)
            line.append(f"  ({status_label(row.status)})", style="dim")
            options.add_option(Option(line, id=str(row.id)))
        if not rows:
            options.add_option(Option(Text(_("No earlier decision to supersede")), disabled=True))
        else:
            options.highlighted = 0

    @on(Input.Changed, "#supersede-search")
    def _typed(self, event: Input.Changed) -> None:
        self._read(event.value)

    @on(Input.Submitted, "#supersede-search")
    def _entered(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self.rows:
            self._pick(self.rows[options.highlighted].id)

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key in ("up", "down"):
            options = self.query_one(OptionList)
            if event.key == "down":
                options.action_cursor_down()
            else:
                options.action_cursor_up()
            event.stop()

    @on(OptionList.OptionSelected, "#supersede-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._pick(int(event.option.id))

    def _pick(self, old_id: int) -> None:
        try:
            old = self.link(old_id, self.new_id)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(_("“{text}” is now superseded").format(text=old.text))
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)
