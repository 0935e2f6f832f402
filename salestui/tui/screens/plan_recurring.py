"""Choose how often a meeting recurs: the meeting becomes (or updates) a series whose
default attendees and standing agenda are this meeting's."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from salestui.core.models import Cadence
from salestui.i18n import N_, _

CADENCES: dict[Cadence, str] = {
    Cadence.DAILY: N_("Every working day"),
    Cadence.WEEKLY: N_("Every week"),
    Cadence.BIWEEKLY: N_("Every two weeks"),
    Cadence.MONTHLY: N_("Every month"),
}


def cadence_label(cadence: Cadence) -> str:
    return _(CADENCES[cadence])


class RecurringScreen(ModalScreen[Cadence | None]):
    """Returns the chosen cadence, or None."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="plan.recurring.cancel")]

    def __init__(self, current: Cadence | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="recurring-box", classes="plan-dialog") as box:
            box.border_title = _("Make recurring")
            box.border_subtitle = _("enter chooses · escape cancels")
            yield OptionList(
                *[Option(_(label), id=cadence.value) for cadence, label in CADENCES.items()],
                id="recurring-list",
            )
            yield Static(
                Text(
                    _(
                        "This meeting's attendees and agenda become the series' defaults. "
                        "Choose again after changing them to update the defaults."
                    ),
                    style="dim",
                ),
                id="recurring-note",
            )

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        order = list(CADENCES)
        option_list.highlighted = order.index(self.current or Cadence.WEEKLY)
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(Cadence(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
