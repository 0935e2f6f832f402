"""Before a numbers-review item closes: each number off track without a countermeasure is
put to the room - the cause of the gap, and the countermeasure (对策) as an action line
(``@owner``, a date, ``p1``; the number's owner by default), saved as an action of the
meeting linked to the measurable and the period.

The modal walks the numbers one by one: Enter on the countermeasure saves it and goes on,
ctrl+s passes a number by, ctrl+n moves on to the next agenda item at once, Esc goes back
to the item. It writes nothing itself: ``save`` (the console's) does, and ``preview``
works the action's preview out off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from salestui.core.models.numbers import ScorecardRow
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_export import goal_text
from salestui.core.numbers_track import scorecard_status
from salestui.i18n import N_, _
from salestui.tui.widgets.show import show_text

Save = Callable[[ScorecardRow, str, str], str | None]  # the error, or None when saved
Shown = Callable[[str, str, bool], None]  # (line, preview, is an error)
Preview = Callable[[ScorecardRow, str, Shown], None]


def number_line(row: ScorecardRow) -> str:
    """``销售额 · 周杰 · 2026-W47: 10.4 of 18 (-7.6, -42.2%) · off track (4 running)``."""
    figures = _("{actual} of {goal} ({variance}, {pct})").format(
        actual=format_amount(row.actual),
        goal=goal_text(row.goal),
        variance=f"{row.variance:+f}" if row.variance is not None else "-",
        pct=f"{row.variance_pct:+f}%" if row.variance_pct is not None else "-",
    )
    return (
        f"{row.measurable.name} · {row.owner.name} · {row.period.key}: {figures} · "
        f"{scorecard_status(row)}"
    )


class CountermeasureScreen(ModalScreen[bool]):
    """Dismissed with True: move on to the next item; False: stay on this one."""

    CSS_PATH = "run.tcss"
    BINDINGS = [
        Binding("ctrl+s", "pass_by", N_("Pass this number"), priority=True, id="numbers.pass"),
        Binding("ctrl+n", "move_on", N_("Next item now"), priority=True, id="numbers.move_on"),
        Binding("escape", "stay", N_("Back to the item"), id="numbers.stay"),
    ]

    def __init__(self, rows: list[ScorecardRow], save: Save, preview: Preview) -> None:
        super().__init__()
        self.rows = rows
        self.index = 0
        self.save = save
        self.preview = preview

    @property
    def row(self) -> ScorecardRow:
        return self.rows[self.index]

    def compose(self) -> ComposeResult:
        with Vertical(id="cm-box"):
            yield Static(id="cm-title")
            yield Static(id="cm-number")
            yield Static(_("Cause of the gap (原因)"), classes="cm-label")
            yield Input(id="cm-cause")
            yield Static(_("Countermeasure (对策): an action · @owner, date, p1"),
                         classes="cm-label")  # fmt: skip
            yield Input(id="cm-action")
            yield Static(id="cm-preview")
            yield Static(
                Text(_("Enter saves · ctrl+s pass · ctrl+n next item now · Esc back"),
                     style="dim"),
                id="cm-keys",
            )  # fmt: skip

    def on_mount(self) -> None:
        self._show_row()

    def _show_row(self) -> None:
        count = len(self.rows)
        title = _("Off track without a countermeasure: {number} of {count}").format(
            number=self.index + 1, count=count
        )
        show_text(self.query_one("#cm-title", Static), Text(title, style="bold"))
        show_text(self.query_one("#cm-number", Static), Text(number_line(self.row)))
        for selector in ("#cm-cause", "#cm-action"):
            self.query_one(selector, Input).value = ""
        self._show_preview("", False)
        self.query_one("#cm-cause", Input).focus()

    def _show_preview(self, text: str, error: bool) -> None:
        label = self.query_one("#cm-preview", Static)
        if not text:
            default = _("Owner by default: {name}").format(name=self.row.owner.name)
            show_text(label, Text(default, style="dim"))
        else:
            show_text(label, Text(text if error else "→ " + text))
        self.set_class(error, "-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "cm-action":
            return
        event.stop()
        line = event.value
        if not line.strip():
            self._show_preview("", False)
            return
        self.preview(self.row, line, self._previewed)

    def _previewed(self, line: str, text: str, error: bool) -> None:
        if line == self.query_one("#cm-action", Input).value:
            self._show_preview(text, error)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "cm-cause":
            self.query_one("#cm-action", Input).focus()
            return
        cause = self.query_one("#cm-cause", Input).value
        error = self.save(self.row, cause, event.value)
        if error is not None:
            self._show_preview(error, True)
            return
        self.action_pass_by()

    def action_pass_by(self) -> None:
        if self.index + 1 >= len(self.rows):
            self.dismiss(True)
            return
        self.index += 1
        self._show_row()

    def action_move_on(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)
