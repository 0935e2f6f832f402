"""After confirmation: how the meeting went - planned vs actual time, late start, overruns
per item, the decisions and actions it produced, and who was missing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from salestui.core.dates import format_due
from salestui.core.export.markdown import annotate
from salestui.core.meeting import ItemTime, LiveMeeting, Summary
from salestui.core.models import AgendaStatus, DecisionStatus, Person
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.confirm_tables import DECISION_STATES
from salestui.tui.screens.run_tables import AGENDA_STATES, Tones
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar


def _minutes(value: int) -> str:
    return _("{minutes} min").format(minutes=value)


def _heading(summary: Summary) -> Text:
    """The heading: "Meeting confirmed: <title>", and the day it was held."""
    meeting = summary.meeting
    head = Text()
    head.append(_("Meeting confirmed: {title}").format(title=meeting.title), style="bold")
    if meeting.actual_start is not None:
        head.append(" · " + labels.long_date(meeting.actual_start.astimezone().date()))
    return head


def _timing(summary: Summary, tones: Tones) -> Text:
    """Planned against actual minutes, the clock times held, and a late start."""
    meeting = summary.meeting
    timing = Text()
    over = summary.actual_minutes - summary.planned_minutes
    timing.append(
        _("Planned {planned}, actual {actual}").format(
            planned=_minutes(summary.planned_minutes), actual=_minutes(summary.actual_minutes)
        )
    )
    if over >= 1:
        timing.append(annotate("", _("({minutes} min over)").format(minutes=over)),
                      style=f"bold {tones.error}")  # fmt: skip
    timing.append(" · ")
    timing.append(
        f"{labels.local_time(meeting.actual_start)}-{labels.local_time(meeting.actual_end)}"
    )
    if summary.late_minutes >= 1:
        timing.append(" · ")
        timing.append(
            _("started {minutes} min late").format(minutes=summary.late_minutes),
            style=f"bold {tones.warning}",
        )
    return timing


def _item_status(item: ItemTime, tones: Tones) -> Text:
    """How an agenda item ended, and by how much it ran over (its time and its plan)."""
    status = Text(
        _("not reached")
        if item.item.status == AgendaStatus.PENDING
        else _(AGENDA_STATES[item.item.status])
    )
    if item.over_minutes:  # past planned + extended, as rounded (core.timing)
        status.append(
            annotate("", _("(over by {minutes} min)").format(minutes=item.over_minutes)),
            style=f"bold {tones.error}",
        )
    if item.item.extended_minutes and item.over_plan_minutes:  # the plan stays in sight too
        status.append(
            annotate(
                "",
                _("({minutes} min over the plan)").format(minutes=item.over_plan_minutes),
            ),
            style=tones.warning,
        )
    return status


def _agenda(summary: Summary, tones: Tones) -> list[Text | Table]:
    """The agenda's heading and table: each item's planned, extended and actual minutes."""
    agenda = Table(title=None, box=None, padding=(0, 1), show_edge=False, expand=False)
    agenda.add_column("#", justify="right")
    agenda.add_column(_("Item"))
    agenda.add_column(_("Planned min"), justify="right")
    agenda.add_column(_("Extended min"), justify="right")
    agenda.add_column(_("Actual min"), justify="right")
    agenda.add_column(_("Status"))
    for number, item in enumerate(summary.items, 1):
        extended = item.item.extended_minutes
        agenda.add_row(
            str(number), Text(item.item.title), str(item.item.timebox_minutes),
            f"{extended:+d}" if extended else "-", str(item.actual_minutes),
            _item_status(item, tones),
        )  # fmt: skip
    return [Text(_("Agenda"), style="bold underline"), agenda]


def _decisions(summary: Summary) -> list[Text]:
    """The decisions that stand (rejected ones struck through), numbered."""
    decisions = [d for d in summary.decisions if d.status != DecisionStatus.SUPERSEDED]
    lines = [Text(_("Decisions ({count})").format(count=len(decisions)), style="bold underline")]
    if not decisions:
        lines.append(Text(_("No decisions."), style="dim"))
    for number, decision in enumerate(decisions, 1):
        line = Text(f"{number}. ")
        line.append(decision.text, style="strike" if decision.status == "rejected" else "")
        state = _(DECISION_STATES.get(decision.status, decision.status))
        line.append(annotate("", _("({status})").format(status=state)), style="dim")
        lines.append(line)
    return lines


def _actions(summary: Summary, people: Mapping[int, Person], today: date) -> list[Text]:
    """The open actions: owners, due date and priority."""
    actions = [a for a in summary.actions if not a.status.is_closed]
    lines = [Text(_("Actions ({count})").format(count=len(actions)), style="bold underline")]
    if not actions:
        lines.append(Text(_("No action items."), style="dim"))
    for action in actions:
        owners = ", ".join(people[i].name for i in action.owner_ids if i in people)
        line = Text("• ")
        line.append(action.title)
        line.append(
            " - "
            + _("{owners}, due {due}, {priority}").format(
                owners=owners or _("Unassigned"),
                due=format_due(action.due, today) if action.due else "-",
                priority=labels.priority(action.priority),
            ),
            style="dim",
        )
        lines.append(line)
    return lines


def _attendance(summary: Summary, tones: Tones) -> Text:
    """Who was required and absent, or that everyone required was there."""
    if summary.absent_required:
        names = ", ".join(p.name for p in summary.absent_required)
        return Text(_("Absent though required: {names}").format(names=names),
                    style=f"bold {tones.warning}")  # fmt: skip
    return Text(_("Everyone required was there."))


class SummaryScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Meeting summary")
    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="summary.close"),
        Binding("x", "minutes", N_("Export minutes"), id="summary.minutes"),
        Binding("ctrl+g", "next_meeting", N_("Next meeting"), id="summary.next_meeting"),
    ]

    def __init__(self, services: Services, meeting_id: int) -> None:
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary")
        yield SalestuiFooter(compact=True)

    def on_mount(self) -> None:
        self.reload_data()
        self.query_one("#summary-body").focus()

    def reload_data(self) -> None:
        """Read the summary off the UI thread; show it when it is in."""
        meeting_id = self.meeting_id

        def read(reads: Services) -> tuple[Summary, dict[int, Person]]:
            return LiveMeeting(reads).summary(meeting_id), reads.people_by_id()

        self.read_later("summary", read, self._loaded)

    def _loaded(self, found: tuple[Summary, dict[int, Person]]) -> None:
        summary, people = found
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", summary.meeting.title)
        self.query_one("#summary", Static).update(
            self._summary(summary, people, Tones.of(self.app))
        )

    def _summary(self, summary: Summary, people: dict[int, Person], tones: Tones) -> Group:
        """The whole summary: heading and timing, then the agenda, decisions, actions and
        attendance, a blank line between the sections."""
        today = self.services.clock.today()
        return Group(
            _heading(summary),
            _timing(summary, tones),
            Text(""),
            *_agenda(summary, tones),
            Text(""),
            *_decisions(summary),
            Text(""),
            *_actions(summary, people, today),
            Text(""),
            _attendance(summary, tones),
        )

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_next_meeting(self) -> None:
        from salestui.tui.next_meeting import open_next_meeting

        open_next_meeting(self.app, self.services, self.meeting_id)

    def action_minutes(self) -> None:
        open_meeting = getattr(self.app, "open_meeting", None)
        if open_meeting is None:
            return
        try:
            open_meeting(self.meeting_id)
        except ImportError:  # the minutes preview is not part of this build yet
            self.notify(_("The minutes preview is not available yet"), severity="warning")
