"""The confirmation step's lists: decisions, actions and the parking lot, each with the
single-letter keys that answer its highlighted row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.text import Text
from textual.binding import Binding

from salestui.core.dates import format_due
from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    ActionItem,
    AgendaItem,
    AgendaStatus,
    Decision,
    DecisionStatus,
    Entry,
    Person,
)
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.run_tables import IdTable, Tones
from salestui.tui.widgets.fit_table import FitColumn, FitRow

DECISION_STATES = {
    DecisionStatus.PROPOSED: N_("to confirm"),
    DecisionStatus.CONFIRMED: N_("confirmed"),
    DecisionStatus.REJECTED: N_("rejected"),
}
DISPOSITIONS = {
    None: N_("to decide"),
    "next": N_("to the next meeting"),
    "action": N_("became an action"),
    "dropped": N_("dropped"),
}


class ConfidentialToggle(IdTable):
    """A list whose highlighted row can be marked confidential (ctrl+l), or no longer:
    one record of the meeting's undo (ctrl+z takes it back)."""

    KIND = ""  # decision | action

    def action_confidential(self) -> None:
        from salestui.core.meeting_marks import LiveMarks

        row_id = self.selected_id(f"{self.KIND}-")
        data = getattr(self.screen, "data", None)
        if row_id is None or data is None:
            return
        rows = data.decisions if self.KIND == "decision" else data.actions
        current = next((r for r in rows if r.id == row_id), None)
        if current is None:
            return
        marks = LiveMarks(self.screen.live)  # type: ignore[attr-defined]
        marks.set_confidential(self.KIND, row_id, not current.confidential)
        self.notify(_("Marked confidential") if not current.confidential
                    else _("No longer confidential"))  # fmt: skip
        self.screen.reload_data()  # type: ignore[attr-defined]


class DecisionTable(ConfidentialToggle):
    KIND = "decision"
    BINDINGS = [
        Binding("c", "screen.decide('confirmed')", N_("Confirm"), id="confirm.decision_ok"),
        Binding("x", "screen.decide('rejected')", N_("Reject"), id="confirm.decision_reject"),
        Binding("e", "screen.ask('decision_text')", N_("Edit text"), id="confirm.decision_edit"),
        Binding("ctrl+l", "confidential", N_("Confidential"), id="confirm.decision_secret"),
    ]


class ActionTable(ConfidentialToggle):
    KIND = "action"
    BINDINGS = [
        Binding("o", "screen.ask('owners')", N_("Owners"), id="confirm.action_owners"),
        Binding("d", "screen.ask('due')", N_("Due date"), id="confirm.action_due"),
        Binding("u", "screen.leave_unassigned", N_("Leave unassigned"), id="confirm.unassigned"),
        Binding("ctrl+l", "confidential", N_("Confidential"), id="confirm.action_secret"),
    ]


class ParkedTable(IdTable):
    BINDINGS = [
        Binding("n", "screen.park('next')", N_("Next meeting"), id="confirm.park_next"),
        Binding("a", "screen.ask('park_action')", N_("Make action"), id="confirm.park_action"),
        Binding("x", "screen.park('dropped')", N_("Drop"), id="confirm.park_drop"),
    ]


@dataclass
class ConfirmData:
    decisions: list[Decision]
    actions: list[ActionItem]
    parked: list[Entry]
    questions: list[str]
    people: dict[int, Person]
    today: date
    # Agenda items parked with the park key (or dropped here): the next meeting carries
    # them unless dropped.
    parked_items: list[AgendaItem] = field(default_factory=list)


def load_confirm(live: LiveMeeting, meeting_id: int) -> ConfirmData:
    services = live.services
    decisions = [d for d in services.decisions(meeting_id) if d.status != DecisionStatus.SUPERSEDED]
    actions = [a for a in services.meeting_actions(meeting_id) if not a.status.is_closed]
    parked = [e for e in live.parking_lot(meeting_id) if not e.deleted]
    items = [i for i in services.agenda(meeting_id)
             if i.status in (AgendaStatus.PARKED, AgendaStatus.DROPPED)]  # fmt: skip
    return ConfirmData(
        decisions,
        actions,
        parked,
        live.open_questions(meeting_id),
        live.services.people_by_id(),
        live.services.clock.today(),
        items,
    )


# -- rows -------------------------------------------------------------------------------------


def decision_rows(data: ConfirmData, tones: Tones) -> tuple[list[FitColumn], list[FitRow]]:
    columns = [
        FitColumn("number", "#", justify="right"),
        FitColumn("text", _("Decision"), ratio=1, min_width=10),
        FitColumn("status", _("Status")),
    ]
    rows = []
    for number, decision in enumerate(data.decisions, 1):
        style = {
            DecisionStatus.PROPOSED: f"bold {tones.warning}",
            DecisionStatus.REJECTED: "strike",
        }.get(decision.status, "")
        cells: list[Text | str] = [
            str(number),
            _marked(
                decision.text, decision.confidential, "strike dim" if style == "strike" else ""
            ),
            Text(_(DECISION_STATES[decision.status]), style=style if style != "strike" else ""),
        ]
        rows.append(FitRow(f"decision-{decision.id}", cells))
    return columns, rows


def _marked(words: str, confidential: bool, style: str = "") -> Text:
    """The words, after the confidential marker when they are confidential."""
    text = Text(words, style=style)
    if confidential:
        text = Text.assemble((_(CONFIDENTIAL_MARK), "bold reverse"), " ", text)
    return text


def action_state(action: ActionItem) -> str:
    if action.unassigned_ok:
        return _("left unassigned")
    if not action.owner_ids:
        return _("needs an owner")
    if action.due is None:
        return _("needs a due date")
    return _("ready")


def action_rows(data: ConfirmData, tones: Tones) -> tuple[list[FitColumn], list[FitRow]]:
    columns = [
        FitColumn("title", _("Action"), ratio=2, min_width=10),
        FitColumn("owners", _("Owners"), ratio=1, min_width=6),
        FitColumn("due", _("Due")),
        FitColumn("priority", _("Pri")),
        FitColumn("state", _("State")),
    ]
    rows = []
    for action in data.actions:
        owners = [data.people[i].name for i in action.owner_ids if i in data.people]
        needs = not action.unassigned_ok and (not owners or action.due is None)
        cells: list[Text | str] = [
            _marked(action.title, action.confidential),
            ", ".join(owners) or "-",
            format_due(action.due, data.today) if action.due else "-",
            labels.priority(action.priority),
            Text(action_state(action), style=f"bold {tones.warning}" if needs else ""),
        ]
        rows.append(FitRow(f"action-{action.id}", cells))
    return columns, rows


def parked_rows(data: ConfirmData, tones: Tones) -> tuple[list[FitColumn], list[FitRow]]:
    columns = [
        FitColumn("text", _("Parking lot"), ratio=1, min_width=10),
        FitColumn("state", _("What becomes of it")),
    ]
    rows = []
    for entry in data.parked:
        open_ = entry.disposition is None
        cells: list[Text | str] = [
            Text(entry.text),
            Text(
                _(DISPOSITIONS.get(entry.disposition, N_("to decide"))),
                style=f"bold {tones.warning}" if open_ else "",
            ),
        ]
        rows.append(FitRow(f"entry-{entry.id}", cells))
    for item in data.parked_items:
        state = "dropped" if item.status == AgendaStatus.DROPPED else "next"
        cells = [Text(_("Agenda item: {title}").format(title=item.title)),
                 Text(_(DISPOSITIONS[state]))]  # fmt: skip
        rows.append(FitRow(f"item-{item.id}", cells))
    return columns, rows
