"""Bulk by filter in the Actions screen: "select all matching" selects every item the
current filter matches - not only the rows read so far - and says how many; a change of
more than ``CONFIRM_ABOVE`` items is made only once confirmed (``ConfirmManyScreen``),
then as one journal step (ctrl+z takes it all back)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from salestui.core.actions_bulk import BulkChanges
from salestui.core.service import Services
from salestui.core.views import build_query
from salestui.i18n import N_, _, format_number, ngettext

if TYPE_CHECKING:
    from salestui.tui.screens.actions import ActionsScreen

CONFIRM_ABOVE = 100  # items changed at once without asking


class ConfirmManyScreen(ModalScreen[bool]):
    """ "Change 3,590 items?" - yes or no, before a change of many items."""

    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes"), id="confirm_many.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm_many.no"),
    ]

    def __init__(self, count: int, what: str) -> None:
        super().__init__()
        self.count = count
        self.what = what

    def compose(self) -> ComposeResult:
        count = format_number(self.count)
        with Vertical(id="many-box"):
            yield Static(
                Text(_("{what}: {n} items?").format(what=self.what, n=count), style="bold"),
                id="many-question",
            )
            yield Static(
                Text(
                    _(
                        "All {n} selected items change, as one step: ctrl+z (or salestui "
                        "undo) takes the whole change back."
                    ).format(n=count)
                ),
                id="many-detail",
            )
            yield Static(Text(_("y / Enter: yes · n / Esc: no"), style="dim"), id="many-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def select_all_matching(screen: ActionsScreen) -> None:
    """Select every item the screen's filter matches (read off the UI thread), and say
    how many are selected now."""
    action_filter = screen.filter

    def load(reads: Services) -> list[int]:
        return BulkChanges(reads).matching_ids(build_query(reads, action_filter))

    def done(ids: list[int]) -> None:
        if screen.filter != action_filter:
            return  # the filter changed meanwhile: those are not what is shown
        if not ids:
            screen.notify(_("No action item here"), severity="warning", markup=False)
            return
        screen.table.select_keys(ids)
        screen._show_bars()
        message = ngettext(
            "Selected the {n} matching item", "Selected all {n} matching items", len(ids)
        ).format(n=format_number(len(ids)))
        hint = _("d, s, w, u or k changes them all (asks first above {max})").format(
            max=CONFIRM_ABOVE
        )
        screen.notify(f"{message} · {hint}", markup=False)

    screen.read_later("select-matching", load, done)
