"""The Agenda tab of the Plan screen: the items in order, with presenter, kind, timebox.

Add and edit open ``AgendaItemScreen``; delete can be undone (ctrl+z on the screen);
shift+up / shift+down reorder. Every change is written at once, then the pane posts
``PlanChanged`` and the screen reads the meeting again.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from salestui.core.export.agenda import AGENDA_KIND_LABELS
from salestui.core.models import AgendaItem, AgendaKind, Template
from salestui.core.planning import Planning
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import N_, _
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
    ]

    def _pane(self) -> AgendaPane:
        return self.query_ancestor(AgendaPane)

    def action_add(self) -> None:
        self._pane().add()

    def action_edit(self) -> None:
        self._pane().edit()

    def action_delete(self) -> None:
        self._pane().delete()

    def action_move(self, delta: int) -> None:
        self._pane().move(delta)


class AgendaPane(Vertical):
    def __init__(
        self,
        services: Services,
        ensure_meeting: Callable[[], int | None],
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.services = services
        self.planning = Planning(services)
        self.ensure_meeting = ensure_meeting
        self.items: list[AgendaItem] = []
        self._keep_key: str | None = None

    def compose(self) -> ComposeResult:
        yield AgendaTable()
        yield Static(classes="pane-empty", id="agenda-empty")

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    def on_mount(self) -> None:
        self.show(None, None)

    def show(self, detail: MeetingDetail | None, pending: Template | None) -> None:
        """The stored agenda, or the items a chosen template will add when the meeting is
        first saved."""
        self.items = list(detail.agenda) if detail else []
        people = detail.people if detail else {}
        today = self.services.clock.today()
        rows: list[FitRow] = []
        notes: list[str] = []
        for number, item in enumerate(self.items, start=1):
            presenter = people.get(item.presenter_id) if item.presenter_id else None
            note = carried_label(self.planning, item, today)
            notes.append(note)
            rows.append(
                self._row(f"item-{item.id}", number, item.title,
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
        title: str,
        presenter: str | None,
        kind: AgendaKind,
        minutes: int,
        note: str,
        style: str = "",
    ) -> FitRow:
        cells: list[Text | str] = [
            str(number),
            Text(title),
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

    def add(self) -> None:
        meeting_id = self.ensure_meeting()
        if meeting_id is None:
            return

        def added(item: AgendaItem | None) -> None:
            if item is not None:
                self._keep_key = f"item-{item.id}"
                self.post_message(PlanChanged())

        self.app.push_screen(AgendaItemScreen(self.services, meeting_id, None), added)

    def edit(self) -> None:
        item = self._selected()
        if item is None:  # nothing stored yet: enter on an empty agenda adds an item
            self.add()
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
