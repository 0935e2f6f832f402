"""Decisions: the decision register on screen - every decision across meetings with its
status, meeting and execution (actions done of its actions). Filters by status, series,
owner and text; enter opens the meeting at the decision; S supersedes an earlier decision
with the highlighted one; c marks it confidential; v shows the register as it exports."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from salestui.core.decisions import PAGE_SIZE, DecisionRegister, RegisterPage
from salestui.core.models import DecisionQuery, DecisionRow, DecisionStatus, Person
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.decisions_rows import build_table, detail_text, status_label
from salestui.tui.screens.meetings_rows import SEARCH_DEBOUNCE, cycle, next_series
from salestui.tui.widgets.fit_table import FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text


@dataclass
class RegisterView:
    """What one read brought: a page of the register and the people to filter by."""

    page: RegisterPage
    people: list[Person] = field(default_factory=list)


class DecisionsScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Decisions")
    CSS_PATH = "decisions.tcss"
    AUTO_FOCUS = ".decisions-table"
    BINDINGS = [
        Binding("enter", "open", N_("Open"), priority=True, id="decisions.open"),
        Binding("slash", "search", N_("Search"), key_display="/", id="decisions.search"),
        Binding("s", "status(1)", N_("Status"), id="decisions.status"),
        Binding("S", "status(-1)", N_("Previous status"), show=False, id="decisions.status_back"),
        Binding("e", "series(1)", N_("Series"), id="decisions.series"),
        Binding("o", "owner(1)", N_("Owner"), id="decisions.owner"),
        Binding("O", "owner(-1)", N_("Previous owner"), show=False, id="decisions.owner_back"),
        Binding("x", "clear_filters", N_("Clear filters"), id="decisions.clear"),
        Binding("u", "supersede", N_("Supersedes…"), id="decisions.supersede"),
        Binding("c", "confidential", N_("Confidential"), id="decisions.confidential"),
        Binding("v", "export", N_("Export preview"), id="decisions.export"),
        Binding("escape", "back", N_("Back"), id="decisions.back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.filters = DecisionQuery()
        self.view: RegisterView | None = None
        self.limit = PAGE_SIZE

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Horizontal(id="decisions-bar"):
            yield Static(id="decisions-filters")
            yield Input(
                self.filters.text,
                placeholder=_("/ search decisions and meetings"),
                id="decision-search",
                compact=True,
            )
        yield FitTable(classes="decisions-table")
        yield Static(id="decisions-empty")
        yield Static(id="decisions-detail")
        yield SalestuiFooter()

    @property
    def table(self) -> FitTable:
        return self.query_one(".decisions-table", FitTable)

    @property
    def search(self) -> Input:
        return self.query_one("#decision-search", Input)

    def on_mount(self) -> None:
        self.reload_data()
        self.watch(self.app, "theme", self._redraw, init=False)

    def on_screen_resume(self) -> None:
        if self.view is not None:
            self.reload_data()

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self._redraw()

    def _redraw(self) -> None:
        if self.view is not None:
            self._show(self.view)

    # -- data ----------------------------------------------------------------------------

    def reload_data(self, delay: float = 0) -> None:
        """Read the register in a worker (after ``delay`` seconds); draw it when it is in."""
        query, limit = replace(self.filters), self.limit

        def read(reads: Services) -> RegisterView:
            page = DecisionRegister(reads).page(query, limit=limit)
            people = sorted(reads.people_by_id().values(), key=lambda p: p.name)
            return RegisterView(page, people)

        self.read_later("decisions", read, self._loaded, delay)

    def _loaded(self, view: RegisterView) -> None:
        self.view = view
        self._show(view)

    def _filters_changed(self, delay: float = 0) -> None:
        self.limit = PAGE_SIZE
        self.reload_data(delay)

    # -- drawing -------------------------------------------------------------------------

    def _show(self, view: RegisterView) -> None:
        page = view.page
        counts = _("{shown} of {total} decisions").format(shown=len(page.rows), total=page.total)
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", counts)
        show_text(self.query_one("#decisions-filters", Static), self._filters_text(view))
        empty = not page.rows
        self.set_class(empty, "-empty")
        if empty:
            self.query_one("#decisions-empty", Static).update(self._empty_text())
            self._show_detail()
            return
        table = self.table
        if self.focused is None:
            table.focus()
        previous = self.current_key()
        width = table.scrollable_content_region.width or self.size.width
        today = self.services.clock.today()
        columns, rows = build_table(page, self.app.current_theme, width, today)
        table.set_data(columns, rows)
        keys = table.row_keys
        if previous in keys and previous != "head-more":
            table.move_cursor(row=keys.index(previous), animate=False)
        self._show_detail()

    def _filters_text(self, view: RegisterView) -> Text:
        series = {s.id: s.title for s in view.page.series}
        people = {p.id: p.name for p in view.people}
        query = self.filters
        parts = [
            ("s", _("Status"), status_label(query.status) if query.status else ""),
            ("e", _("Series"), series.get(query.series_id, "")),
            ("o", _("Owner"), people.get(query.owner_id, "")),
        ]
        accent = self.app.current_theme.accent or "bold"
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (key, label, value) in enumerate(parts):
            if index:
                text.append("  ")
            text.append(key, style=f"bold {accent}")
            text.append(" " + _("{label}: ").format(label=label))
            text.append(value or _("all"), style="bold reverse" if value else "dim")
        return text

    def _empty_text(self) -> Text:
        text = Text()
        filtered = bool(
            self.filters.status or self.filters.series_id or self.filters.owner_id
        ) or bool(self.filters.text.strip())
        if filtered:
            text.append(_("No decisions match"), style="bold")
            text.append("\n\n" + _("Press x to clear the filters and the search."))
        else:
            text.append(_("No decisions yet"), style="bold")
            hint = _("Decisions are captured in meetings: /d or 决定: on the capture line.")
            text.append("\n\n" + hint)
        return text

    def _show_detail(self) -> None:
        row = self.highlighted()
        show_text(
            self.query_one("#decisions-detail", Static), detail_text(row, self.app.current_theme)
        )

    # -- the cursor ----------------------------------------------------------------------

    def current_key(self) -> str | None:
        table = self.table
        keys = table.row_keys
        if not keys or not 0 <= table.cursor_row < len(keys):
            return None
        return keys[table.cursor_row]

    def highlighted(self) -> DecisionRow | None:
        """The decision under the cursor, as last read."""
        key = self.current_key()
        if self.view is None or key is None or not key.startswith("decision-"):
            return None
        wanted = int(key.removeprefix("decision-"))
        return next((row for row in self.view.page.rows if row.id == wanted), None)

    def highlighted_meeting(self) -> int | None:
        row = self.highlighted()
        return row.meeting_id if row else None

    @on(DataTable.RowHighlighted, ".decisions-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != self.table.cursor_row:
            return
        if self.current_key() == "head-more" and self.view is not None and self.view.page.more:
            self.limit += PAGE_SIZE
            self.reload_data()
        self._show_detail()

    @on(DataTable.RowSelected, ".decisions-table")
    def _row_clicked(self) -> None:
        self.action_open()

    # -- actions -------------------------------------------------------------------------

    def action_open(self) -> None:
        if self.search.has_focus:
            if not self.has_class("-empty"):
                self.table.focus()
            return
        row = self.highlighted()
        if row is None:
            return
        from salestui.tui.navigation import open_meeting_at

        open_meeting_at(self.app, self.services, row.meeting_id, row.text)

    def action_search(self) -> None:
        self.search.focus()

    @on(Input.Changed, "#decision-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.filters.text:
            self.filters.text = event.value
            self._filters_changed(SEARCH_DEBOUNCE)

    def action_status(self, step: int) -> None:
        self.filters.status = cycle([None, *DecisionStatus], self.filters.status, step)
        self._filters_changed()

    def action_series(self, step: int) -> None:
        if self.view is None:
            return
        ids = [s.id for s in self.view.page.series]
        changed, series_id = next_series(ids, self.filters.series_id, step, self.notify)
        if changed:
            self.filters.series_id = series_id
            self._filters_changed()

    def action_owner(self, step: int) -> None:
        if self.view is None:
            return
        ids = [None, *(p.id for p in self.view.people)]
        self.filters.owner_id = cycle(ids, self.filters.owner_id, step)
        self._filters_changed()

    def action_clear_filters(self) -> None:
        self.filters = DecisionQuery()
        with self.search.prevent(Input.Changed):
            self.search.value = ""
        self._filters_changed()

    def action_supersede(self) -> None:
        """Pick the earlier decision the highlighted one supersedes."""
        row = self.highlighted()
        if row is None:
            self.notify(_("Highlight a decision first"), severity="warning")
            return
        from salestui.tui.screens.decision_supersede import SupersedePicker

        self.app.push_screen(SupersedePicker(self.services, row.id), self._after_change)

    def _after_change(self, changed: Any) -> None:
        if changed:
            self.reload_data()

    def action_confidential(self) -> None:
        row = self.highlighted()
        if row is None:
            self.notify(_("Highlight a decision first"), severity="warning")
            return
        DecisionRegister(self.services).set_confidential("decision", row.id, not row.confidential)
        message = _("Marked confidential") if not row.confidential else _("No longer confidential")
        self.notify(message)
        self.reload_data()

    def action_export(self) -> None:
        from salestui.tui.screens.decision_register import DecisionRegisterScreen

        self.app.push_screen(DecisionRegisterScreen(self.services))

    def action_back(self) -> None:
        if self.search.has_focus:
            if self.has_class("-empty"):
                self.set_focus(None)
            else:
                self.table.focus()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
