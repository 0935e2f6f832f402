"""The daily meeting's panel (早会 / 夕会) in the live console: per person of the team,
today's planned visits (morning) or today's reports with plan vs actual (evening), the
planned visits left unreported, and the instructions captured in this meeting - a note
naming the person (``/n @赵磊 华联先谈回款``) or an action they own (``/a @赵磊 …``).

A child widget of the agenda's panel: ``follow(meeting)`` is called with each read of the
console (attributes down); for a daily meeting the panel reads the team's day off the UI
thread (``DayService.meeting_day``) and redraws only what changed. F7 goes to its table;
there ``v`` switches between the plans and the reports.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from salestui.core.day import DayService
from salestui.core.models import Meeting, MeetingKind
from salestui.core.models.day import PersonDay, TeamDay, Visit
from salestui.core.numbers_amounts import format_amount
from salestui.core.service import Services
from salestui.i18n import N_, _, format_date
from salestui.tui.screens import day_rows
from salestui.tui.screens.run_tables import IdTable, Tones
from salestui.tui.widgets.fit_table import FitColumn, FitRow
from salestui.tui.widgets.show import show_text

INDENT = "\u00a0\u00a0"  # under the person's name (no-break spaces: a table trims spaces)


class DayBoardTable(IdTable):
    BINDINGS = [
        Binding("v", "switch_view", N_("Plans / reports"), id="run.day_view"),
    ]

    def action_switch_view(self) -> None:
        board = self.parent
        if isinstance(board, DayBoard):
            board.switch_view()


def _columns(evening: bool) -> list[FitColumn]:
    who = FitColumn("who", _("Person / customer"), min_width=8)
    if not evening:
        return [who, FitColumn("detail", _("Purpose"), ratio=1, min_width=6),
                FitColumn("plan", _("Plan 万"), justify="right")]  # fmt: skip
    return [
        who,
        FitColumn("outcome", _("Outcome")),
        FitColumn("detail", _("Result"), ratio=1, min_width=6),
        FitColumn("plan", _("Plan 万"), justify="right"),
        FitColumn("done", _("Reported 万"), justify="right"),
    ]


def _summary(person: PersonDay, evening: bool) -> str:
    tally = person.tally
    if not evening:
        return _("{count} visits · {amount} 万").format(
            count=tally.planned, amount=format_amount(tally.planned_amount)
        )
    return _("{made}/{planned} made · {planned_amount} → {reported_amount} 万").format(
        made=tally.made, planned=tally.planned,
        planned_amount=format_amount(tally.planned_amount),
        reported_amount=format_amount(tally.reported_amount),
    )  # fmt: skip


Cell = Text | str


def _cells(evening: bool, who: Cell, detail: Cell = "", outcome: Cell = "", plan: Cell = "",
           done: Cell = "") -> list[Cell]:  # fmt: skip
    """A row's cells in the columns of the view (``_columns``)."""
    return [who, outcome, detail, plan, done] if evening else [who, detail, plan]


def _visit_row(visit: Visit, person: PersonDay, evening: bool, today: date, tones: Tones) -> FitRow:
    customer = INDENT + visit.customer
    if not visit.planned:
        customer = INDENT + _("{customer} (unplanned)").format(customer=visit.customer)
    plan = format_amount(visit.planned_amount)
    if not evening:
        return FitRow(f"visit-{visit.id}", _cells(evening, customer, visit.purpose, plan=plan))
    outcome = day_rows.outcome_text(visit, person.day, today, tones, evening=True)
    done = format_amount(visit.reported_amount) if visit.reported else ""
    detail = visit.result or visit.purpose
    return FitRow(f"visit-{visit.id}", _cells(evening, customer, detail, outcome, plan, done))


def _person_rows(person: PersonDay, evening: bool, today: date, tones: Tones) -> list[FitRow]:
    pid = person.person.id
    name = Text(person.person.name, style="bold")
    summary = Text(_summary(person, evening), style="bold")
    rows = [FitRow(f"person-{pid}", _cells(evening, name, summary), heading=True)]
    shown = person.visits if evening else person.planned
    rows += [_visit_row(visit, person, evening, today, tones) for visit in shown]
    flag = f"bold {tones.warning}"
    for visit in person.unreported_earlier:
        label = _("{date}: planned, not reported").format(date=format_date(visit.day, "MMMEd"))
        who = Text(f"{INDENT}⚑ {visit.customer}", style=flag)
        rows.append(FitRow(f"late-{visit.id}", _cells(evening, who, Text(label, style=flag))))
    for note in person.notes:
        who = Text(INDENT + "↳ " + _("note"), style="dim")
        rows.append(FitRow(f"note-{note.id}", _cells(evening, who, note.text)))
    for action in person.actions:
        who = Text(INDENT + "↳ " + _("action"), style="dim")
        title = _("#{id} {title}").format(id=action.id, title=action.title)
        rows.append(FitRow(f"action-{action.id}", _cells(evening, who, title)))
    if not shown and not person.unreported_earlier:
        rows.append(FitRow(f"empty-{pid}", _cells(evening, "", Text(_("no visits"), style="dim"))))
    return rows


def board_rows(team: TeamDay, evening: bool, today: date, tones: Tones) -> list[FitRow]:
    rows: list[FitRow] = []
    for person in team.people:
        rows += _person_rows(person, evening, today, tones)
    return rows


def board_title(team: TeamDay, evening: bool) -> str:
    tally = team.tally
    when = format_date(team.day, "MMMEd")
    if not evening:
        return _("早会 · plans of {date}: {count} visits, {amount} 万 · F7, v: reports").format(
            date=when, count=tally.planned, amount=format_amount(tally.planned_amount))  # fmt: skip
    return _("夕会 · {date}: {made}/{planned} visits made, {unreported} unreported, "
             "{planned_amount} → {reported_amount} 万 · F7, v: plans").format(
        date=when, made=tally.made, planned=tally.planned, unreported=tally.unreported,
        planned_amount=format_amount(tally.planned_amount),
        reported_amount=format_amount(tally.reported_amount),
    )  # fmt: skip


class DayBoard(Vertical):
    """The team's day in a daily meeting; hidden in every other kind of meeting."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.team: TeamDay | None = None
        self.evening: bool | None = None  # None: as the meeting's time says
        self.display = False

    def compose(self) -> ComposeResult:
        yield Static(classes="panel-title", id="day-board-title")
        yield DayBoardTable(id="day-table")

    def follow(self, meeting: Meeting) -> None:
        """The console read ``meeting`` again: read its team's day (a daily meeting)."""
        daily = meeting.kind == MeetingKind.DAILY and meeting.id is not None
        self.display = daily
        if not daily or meeting.id is None:
            return
        meeting_id = meeting.id

        def read(reads: Services) -> TeamDay:
            return DayService(reads).meeting_day(meeting_id)

        self.screen.read_later("day-board", read, self.show)  # type: ignore[attr-defined]

    def show(self, team: TeamDay) -> None:
        self.team = team
        evening = team.evening if self.evening is None else self.evening
        today = team.day
        tones = Tones.of(self.app)
        show_text(self.query_one("#day-board-title", Static), Text(board_title(team, evening)))
        self.query_one(DayBoardTable).set_data(
            _columns(evening), board_rows(team, evening, today, tones)
        )

    def switch_view(self) -> None:
        if self.team is None:
            return
        current = self.team.evening if self.evening is None else self.evening
        self.evening = not current
        self.show(self.team)
