"""The Agenda tab of the Plan screen: the items in order, with presenter, kind, timebox.

Add and edit open ``AgendaItemScreen``; delete can be undone (ctrl+z on the screen);
shift+up / shift+down reorder. Every change is written at once, then the pane posts
``PlanChanged`` and the screen reads the meeting again. The table's keys reach the pane as
``AgendaTable.Pressed``; a new item asks the screen for the meeting first
(``AgendaPane.AddRequested``: a new meeting is saved, then ``add`` is called).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from salestui.core.decisions import DecisionRegister
from salestui.core.export.agenda import AGENDA_KIND_LABELS
from salestui.core.models import AgendaItem, AgendaKind, Template
from salestui.core.planning import Planning
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.plan_data import (
    PLAN_ERRORS,
    PlanChanged,
    carried_label,
    problem,
    say,
)
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable


class AgendaTable(FitTable):
    BINDINGS = [
        # Row tables: home and end go to the first and last row.
        Binding("home", "scroll_top", N_("First row"), show=False, id="plan.table.first"),
        Binding("end", "scroll_bottom", N_("Last row"), show=False, id="plan.table.last"),
        Binding("plus,insert", "add", N_("Add item"), key_display="+", id="plan.agenda.add"),
        Binding("enter,e", "edit", N_("Edit"), id="plan.agenda.edit"),
        Binding("delete,d", "delete", N_("Delete"), id="plan.agenda.delete"),
        Binding("shift+up", "move(-1)", N_("Move up/down"), key_display="⇧↑↓", id="plan.agenda.up"),
        Binding("shift+down", "move(1)", N_("Move down"), show=False, id="plan.agenda.down"),
        Binding("ctrl+l", "confidential", N_("Confidential"), show=False,
                id="plan.agenda.secret"),
    ]  # fmt: skip

    @dataclass
    class Pressed(Message):
        """A key of the table: ``add``, ``edit``, ``delete``, or ``move`` by ``delta``."""

        command: str
        delta: int = 0

    def action_add(self) -> None:
        self.post_message(self.Pressed("add"))

    def action_edit(self) -> None:
        self.post_message(self.Pressed("edit"))

    def action_delete(self) -> None:
        self.post_message(self.Pressed("delete"))

    def action_move(self, delta: int) -> None:
        self.post_message(self.Pressed("move", delta))

    def action_confidential(self) -> None:
        self.post_message(self.Pressed("confidential"))


class AgendaPane(Vertical):
    class AddRequested(Message):
        """Add an item: the screen saves a new meeting first, then calls ``add``."""

    def __init__(self, services: Services, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.services = services
        self.planning = Planning(services)
        self.items: list[AgendaItem] = []
        self._keep_key: str | None = None

    def compose(self) -> ComposeResult:
        yield AgendaTable()
        yield Static(classes="pane-empty", id="agenda-empty")

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    def on_mount(self) -> None:
        self.show(None, None, {})

    def show(
        self,
        detail: MeetingDetail | None,
        pending: Template | None,
        carried_from: dict[int, datetime | None],
    ) -> None:
        """The stored agenda, or the items a chosen template will add when the meeting is
        first saved. ``carried_from``: when the meeting each carried item came from was."""
        self.items = list(detail.agenda) if detail else []
        people = detail.people if detail else {}
        today = self.services.clock.today()
        rows: list[FitRow] = []
        notes: list[str] = []
        for number, item in enumerate(self.items, start=1):
            presenter = people.get(item.presenter_id) if item.presenter_id else None
            note = carried_label(item, carried_from.get(item.id or 0), today)
            notes.append(note)
            rows.append(
                self._row(f"item-{item.id}", number, labels.marked(item.title, item.confidential),
                          presenter.name if presenter else None,
                          item.kind, item.timebox_minutes, note)
            )  # fmt: skip
        if pending is not None and not self.items:
            for number, t_item in enumerate(pending.items, start=1):
                note = _("from template, added when saved")
                notes.append(note)
                rows.append(
                    self._row(f"pending-{number}", number, t_item.title, None, t_item.kind,
                              t_item.timebox_minutes, note, style="italic")
                )  # fmt: skip
        columns = [
            FitColumn("number", "#", justify="right"),
            FitColumn("title", _("Item"), ratio=3, min_width=10),
            FitColumn("presenter", _("Presenter"), ratio=1, min_width=6),
            FitColumn("kind", _("Kind")),
            FitColumn("minutes", _("Min"), justify="right"),
        ]
        if any(notes):
            columns.append(FitColumn("note", _("Origin"), ratio=2, min_width=8))
        else:
            rows = [FitRow(r.key, list(r.cells)[:-1], r.style) for r in rows]
        self.table.set_data(columns, rows)
        if self._keep_key in self.table.row_keys:
            self.table.move_cursor(row=self.table.row_keys.index(self._keep_key), animate=False)
        self._keep_key = None
        empty = self.query_one("#agenda-empty", Static)
        empty.update(Text(_("No agenda items yet. + adds one; ctrl+t starts from a template.")))
        empty.display = not rows

    @staticmethod
    def _row(
        key: str,
        number: int,
        title: str | Text,
        presenter: str | None,
        kind: AgendaKind,
        minutes: int,
        note: str,
        style: str = "",
    ) -> FitRow:
        cells: list[Text | str] = [
            str(number),
            Text(title) if isinstance(title, str) else title,
            Text(presenter or "-", style="" if presenter else "dim"),
            _(AGENDA_KIND_LABELS[kind]),
            str(minutes),
            Text(note, style="dim"),
        ]
        return FitRow(key, cells, style)

    def _selected(self) -> AgendaItem | None:
        row = self.table.cursor_row
        if not self.items or not 0 <= row < len(self.items):
            return None
        return self.items[row]

    # -- changes -------------------------------------------------------------------------

    def on_agenda_table_pressed(self, event: AgendaTable.Pressed) -> None:
        event.stop()
        if event.command == "add":
            self.post_message(self.AddRequested())
        elif event.command == "edit":
            self.edit()
        elif event.command == "delete":
            self.delete()
        elif event.command == "confidential":
            self.toggle_confidential()
        else:
            self.move(event.delta)

    def add(self, meeting_id: int) -> None:
        """Open the form of a new item of ``meeting_id`` (saved: the pane says so)."""

        def added(item: AgendaItem | None) -> None:
            if item is not None:
                self._keep_key = f"item-{item.id}"
                self.post_message(PlanChanged())

        self.app.push_screen(AgendaItemScreen(self.services, meeting_id, None), added)

    def edit(self) -> None:
        item = self._selected()
        if item is None:  # nothing stored yet: enter on an empty agenda adds an item
            self.post_message(self.AddRequested())
            return

        def edited(saved: AgendaItem | None) -> None:
            if saved is not None:
                self._keep_key = f"item-{saved.id}"
                self.post_message(PlanChanged())

        self.app.push_screen(AgendaItemScreen(self.services, item.meeting_id, item), edited)

    def delete(self) -> None:
        item = self._selected()
        if item is None or item.id is None:
            return
        try:
            self.planning.delete_item(item.id)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        label = _("Deleted {title}").format(title=item.title)
        say(self, _("{what} - ctrl+z to undo").format(what=label))
        self.post_message(PlanChanged())

    def toggle_confidential(self) -> None:
        """ctrl+l: the item confidential (left out of the agenda sent), or no longer."""
        item = self._selected()
        if item is None or item.id is None:
            return
        try:
            DecisionRegister(self.services).set_confidential("item", item.id, not item.confidential)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        say(self, _("No longer confidential") if item.confidential else _("Marked confidential"))
        self._keep_key = f"item-{item.id}"
        self.post_message(PlanChanged())

    def move(self, delta: int) -> None:
        item = self._selected()
        if item is None or item.id is None:
            return
        try:
            self.planning.move_item(item.id, delta)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        self._keep_key = f"item-{item.id}"
        self.post_message(PlanChanged())
