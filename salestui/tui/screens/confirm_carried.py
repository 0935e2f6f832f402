"""The confirmation step's must-resolve list (handbook rule 9): actions and agenda items
carried three times. The meeting cannot be confirmed while one is left open, however the
chair got to the end (core: ``LiveMeeting.open_questions``); here each is answered."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding

from salestui.core.dates import format_due
from salestui.core.meeting import LiveMeeting
from salestui.core.models import ActionRow, AgendaItem
from salestui.i18n import N_, _
from salestui.tui.screens.confirm_tables import (
    ConfirmData,
    action_rows,
    decision_rows,
    parked_rows,
)
from salestui.tui.screens.run_tables import IdTable, Tones
from salestui.tui.widgets.fit_table import FitColumn, FitRow

# A table of the confirmation: its id, its title, its columns and rows, how many it holds.
Section = tuple[str, str, tuple[list[FitColumn], list[FitRow]], int]


class CarriedTable(IdTable):
    BINDINGS = [
        Binding("d", "screen.resolve('done')", N_("Done"), id="confirm.carried_done"),
        Binding("n", "screen.ask('carried_due')", N_("New date"), id="confirm.carried_due"),
        Binding("x", "screen.resolve('drop')", N_("Drop"), id="confirm.carried_drop"),
        Binding("e", "screen.resolve('escalate')", N_("Escalate"), id="confirm.carried_up"),
    ]


@dataclass
class Carried:
    actions: list[ActionRow] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.actions) + len(self.items)


def load_carried(live: LiveMeeting, meeting_id: int) -> Carried:
    return Carried(live.must_resolve_actions(meeting_id), live.must_resolve_items(meeting_id))


def carried_rows(carried: Carried, tones: Tones, today) -> tuple[list[FitColumn], list[FitRow]]:  # type: ignore[no-untyped-def]
    columns = [
        FitColumn("title", _("Carried 3 times or more"), ratio=2, min_width=10),
        FitColumn("owners", _("Owners"), ratio=1, min_width=6),
        FitColumn("due", _("Due")),
        FitColumn("count", _("Carried")),
    ]
    rows = []
    warning = f"bold {tones.warning}"
    for row in carried.actions:
        cells: list[Text | str] = [
            Text(row.title),
            ", ".join(row.owners) or "-",
            format_due(row.due, today) if row.due else "-",
            Text(_("{count}x").format(count=row.carried_count), style=warning),
        ]
        rows.append(FitRow(f"carried-action-{row.id}", cells))
    for item in carried.items:
        cells = [
            Text(_("Agenda item: {title}").format(title=item.title)),
            "-",
            "-",
            Text(_("{count}x").format(count=item.carried_count), style=warning),
        ]
        rows.append(FitRow(f"carried-item-{item.id}", cells))
    return columns, rows


def sections(data: ConfirmData, carried: Carried, tones: Tones) -> tuple[Section, ...]:
    """The confirmation's tables, in order: must be resolved, decisions, actions, parked."""
    return (
        ("carried", _("Must be resolved ({count}) · d done · n new date · x drop · "
                      "e escalate"),
         carried_rows(carried, tones, data.today), len(carried)),
        ("decisions", _("Decisions ({count}) · c confirm · x reject · e edit"),
         decision_rows(data, tones), len(data.decisions)),
        ("actions", _("Actions ({count}) · o owners · d due date · u leave unassigned"),
         action_rows(data, tones), len(data.actions)),
        ("parked", _("Parking lot ({count}) · n next meeting · a action · x drop"),
         parked_rows(data, tones), len(data.parked) + len(data.parked_items)),
    )  # fmt: skip
