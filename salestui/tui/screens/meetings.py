"""Meetings: every meeting, upcoming first, then past; filters by key and full-text search."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from salestui.core.errors import SalestuiError
from salestui.core.models import MeetingKind, MeetingStatus
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.meetings_data import (
    PAGE_SIZE,
    MeetingFilters,
    MeetingsPage,
    load_meetings,
)
from salestui.tui.screens.meetings_rows import SEARCH_DEBOUNCE, build_table, cycle, next_series
from salestui.tui.widgets.fit_table import FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text

AUTO_RELOAD_SECONDS = 60  # pick up changes made from the CLI in another terminal
NOT_ITEMS = ("head-", "none-")  # group headings and "nothing here" lines: not meetings


class MeetingsScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Meetings")
    CSS_PATH = "meetings.tcss"
    AUTO_FOCUS = ".meetings-table"
    BINDINGS = [
        # A priority binding: the table's own enter would otherwise hide it from the footer.
        Binding("enter", "open", N_("Open"), priority=True, id="meetings.open"),
        Binding("slash", "search", N_("Search"), key_display="/", id="meetings.search"),
        Binding("k", "kind(1)", N_("Kind"), id="meetings.kind"),
        Binding("K", "kind(-1)", N_("Previous kind"), show=False, id="meetings.kind_back"),
        Binding("s", "status(1)", N_("Status"), id="meetings.status"),
        Binding("S", "status(-1)", N_("Previous status"), show=False, id="meetings.status_back"),
        Binding("e", "series(1)", N_("Series"), id="meetings.series"),
        Binding("E", "series(-1)", N_("Previous series"), show=False, id="meetings.series_back"),
        Binding("x", "clear_filters", N_("Clear filters"), id="meetings.clear"),
        Binding("ctrl+g", "next_meeting", N_("Next meeting"), id="meetings.next_meeting"),
        Binding("escape", "back", N_("Back"), id="meetings.back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.filters = MeetingFilters()
        self.page: MeetingsPage | None = None
        self.past_limit = PAGE_SIZE
        self._last_item_row = 0

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Horizontal(id="meetings-bar"):
            yield Static(id="meetings-filters")
            yield Input(
                self.filters.text,  # kept when the screen is rebuilt (language switch)
                placeholder=_("/ search titles, agendas, notes and decisions"),
                id="meeting-search",
                compact=True,
            )
        yield FitTable(classes="meetings-table")
        yield Static(id="meetings-empty")
        yield SalestuiFooter()

    @property
    def table(self) -> FitTable:
        return self.query_one(".meetings-table", FitTable)

    @property
    def search(self) -> Input:
        return self.query_one("#meeting-search", Input)

    def on_mount(self) -> None:
        self.reload_data()
        self.set_interval(AUTO_RELOAD_SECONDS, self.reload_data)
        self.watch(self.app, "theme", self._redraw, init=False)

    def on_screen_resume(self) -> None:
        if self.page is not None:
            self.reload_data()

    def on_resize(self, event: events.Resize) -> None:
        self._redraw()  # the columns shown depend on the width

    def _redraw(self) -> None:
        if self.page is not None:
            self._show(self.page)

    # -- data ----------------------------------------------------------------------------

    def reload_data(self, delay: float = 0) -> None:
        """Read the list in a worker (after ``delay`` seconds); draw it when it is in."""
        filters, past_limit = replace(self.filters), self.past_limit

        def read(reads: Services) -> MeetingsPage:
            return load_meetings(reads, filters, past_limit=past_limit)

        self.read_later("meetings", read, self._loaded, delay)

    def _loaded(self, page: MeetingsPage) -> None:
        self.page = page
        self._show(page)

    def _filters_changed(self, delay: float = 0) -> None:
        self.past_limit = PAGE_SIZE
        self.reload_data(delay)

    # -- drawing -------------------------------------------------------------------------

    def _show(self, page: MeetingsPage) -> None:
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", self._counts(page))
        show_text(self.query_one("#meetings-filters", Static), self._filters_text(page))
        empty = page.empty
        self.set_class(empty, "-empty")
        if empty:
            self.query_one("#meetings-empty", Static).update(self._empty_text())
            return
        table = self.table
        if self.focused is None:
            table.focus()  # e.g. back from "nothing matches", where the list was hidden
        previous = self.current_key()
        width = table.scrollable_content_region.width or self.size.width
        columns, rows = build_table(page, self.app.current_theme, width)
        table.set_data(columns, rows)
        keys = table.row_keys
        if previous in keys and previous != "head-more":
            table.move_cursor(row=keys.index(previous), animate=False)
        elif not self._is_item(table.cursor_row):
            self._move_to_item(0, 1)

    def _counts(self, page: MeetingsPage) -> str:
        upcoming = f"{len(page.upcoming)}{'+' if page.more_upcoming else ''}"
        past = f"{len(page.past)}{'+' if page.more_past else ''}"
        return _("{upcoming} upcoming · {past} past").format(upcoming=upcoming, past=past)

    def _filters_text(self, page: MeetingsPage) -> Text:
        series_names = {s.id: s.title for s in page.series}
        everything = _("all")
        parts = [
            ("k", _("Kind"), labels.meeting_kind(self.filters.kind) if self.filters.kind else ""),
            (
                "s",
                _("Status"),
                labels.meeting_status(self.filters.status) if self.filters.status else "",
            ),
            ("e", _("Series"), series_names.get(self.filters.series_id, "")),
        ]
        accent = self.app.current_theme.accent or "bold"
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (key, label, value) in enumerate(parts):
            if index:
                text.append("  ")
            text.append(key, style=f"bold {accent}")
            text.append(" " + _("{label}: ").format(label=label))
            text.append(value or everything, style="bold reverse" if value else "dim")
        return text

    def _empty_text(self) -> Text:
        text = Text()
        if self.filters.active:
            text.append(_("No meetings match"), style="bold")
            text.append("\n\n")
            if self.search.has_focus:
                text.append(_("Press escape to leave the search box, then x to clear the filters."))
            else:
                text.append(_("Press x to clear the filters and the search."))
        else:
            text.append(_("No meetings yet"), style="bold")
            text.append("\n\n")
            text.append(
                _("Press n to plan a meeting, or run `salestui demo` to load the demo data.")
            )
        return text

    # -- the cursor skips headings; moving onto the last line loads more of the past ------

    def current_key(self) -> str | None:
        table = self.table
        keys = table.row_keys
        if not keys or not 0 <= table.cursor_row < len(keys):
            return None
        return keys[table.cursor_row]

    def _is_item(self, row: int) -> bool:
        keys = self.table.row_keys
        return 0 <= row < len(keys) and not keys[row].startswith(NOT_ITEMS)

    def _move_to_item(self, start: int, step: int) -> None:
        """Put the cursor on the first meeting from ``start`` in direction ``step``
        (or in the other direction when there is none that way)."""
        count = len(self.table.row_keys)
        for direction in (step, -step):
            row = start
            while 0 <= row < count:
                if self._is_item(row):
                    self.table.move_cursor(row=row, animate=False)
                    return
                row += direction

    @on(DataTable.RowHighlighted, ".meetings-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = event.cursor_row
        if row != self.table.cursor_row:
            return  # stale: the table was refilled or the cursor moved on since
        key = self.current_key() or ""
        if key == "head-more" and self.page is not None and self.page.more_past:
            self.past_limit += PAGE_SIZE
            self.reload_data()
            self._move_to_item(row, 1)
            return
        if key.startswith(NOT_ITEMS) or key == "head-more":
            self._move_to_item(row, 1 if row >= self._last_item_row else -1)
            return
        self._last_item_row = row

    @on(DataTable.RowSelected, ".meetings-table")
    def _row_clicked(self) -> None:
        self.action_open()  # a click on the highlighted row (enter is the screen's key)

    # -- actions -------------------------------------------------------------------------

    def action_open(self) -> None:
        if self.search.has_focus:
            if not self.has_class("-empty"):
                self.table.focus()
            return
        key = self.current_key()
        if key is None or not key.startswith("meeting-"):
            return
        opener: Any = self.app
        try:
            opener.open_meeting(int(key.removeprefix("meeting-")))
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            self.reload_data()

    def highlighted_meeting(self) -> int | None:
        key = self.current_key()
        if key is None or not key.startswith("meeting-"):
            return None
        return int(key.removeprefix("meeting-"))

    def action_next_meeting(self) -> None:
        """Plan the meeting after the highlighted one and open it."""
        from salestui.tui.next_meeting import open_next_meeting

        meeting_id = self.highlighted_meeting()
        if meeting_id is None:
            self.notify(_("Highlight a meeting first"), severity="warning")
            return
        if open_next_meeting(self.app, self.services, meeting_id) is None:
            self.reload_data()

    def action_search(self) -> None:
        self.search.focus()

    @on(Input.Changed, "#meeting-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.filters.text:
            self.filters.text = event.value
            self._filters_changed(SEARCH_DEBOUNCE)

    def action_kind(self, step: int) -> None:
        self.filters.kind = cycle([None, *MeetingKind], self.filters.kind, step)
        self._filters_changed()

    def action_status(self, step: int) -> None:
        self.filters.status = cycle([None, *MeetingStatus], self.filters.status, step)
        self._filters_changed()

    def action_series(self, step: int) -> None:
        if self.page is None:
            return
        ids = [s.id for s in self.page.series]
        changed, series_id = next_series(ids, self.filters.series_id, step, self.notify)
        if changed:
            self.filters.series_id = series_id
            self._filters_changed()

    def action_clear_filters(self) -> None:
        self.filters = MeetingFilters()
        with self.search.prevent(Input.Changed):
            self.search.value = ""
        self._filters_changed()

    def action_back(self) -> None:
        if self.search.has_focus:
            # Leave the search box (the filter keys work again); a second escape goes back.
            if self.has_class("-empty"):
                self.set_focus(None)
                self._redraw()  # the hint no longer needs "leave the search box"
            else:
                self.table.focus()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
