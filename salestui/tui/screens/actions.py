"""Actions: every action item, filtered, sorted and paged from SQL, with a detail panel,
multi-select and bulk changes; ctrl+z takes back my last change (the journal's).

Only the rows on screen are drawn (``PagedTable``); the ``ActionPager`` reads them a
window at a time, so 100,000 items open as fast as 100.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Static

from salestui.core.actions_service import ActionDetail, ActionsService
from salestui.core.models import ActionListRow
from salestui.core.service import Services
from salestui.core.views import ActionFilter, ActionPager, View, Views
from salestui.i18n import N_, _, format_number, ngettext
from salestui.tui.screens.actions_commands import ActionCommands
from salestui.tui.screens.actions_detail import DetailPanel
from salestui.tui.screens.actions_filters import (
    SORT_NAMES,
    Directory,
    filter_from_values,
    form_fields,
    next_bucket,
    next_sort,
)
from salestui.tui.screens.actions_forms import FormField, FormScreen
from salestui.tui.screens.actions_reads import (
    ListRead,
    read_detail,
    read_list,
    resolve_view,
    view_name,
)
from salestui.tui.screens.actions_select import select_all_matching
from salestui.tui.screens.actions_table import ActionsSource, action_columns
from salestui.tui.screens.actions_views import ViewCommands
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.paged_table import PagedTable

SIDE_PANEL_MIN_WIDTH = 110  # narrower: the detail panel takes the whole width
SEARCH_DEBOUNCE = 0.15  # seconds of no typing before the search runs


class ActionsScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Actions")
    CSS_PATH = ["actions.tcss", "../widgets/paged_table.tcss"]
    AUTO_FOCUS = "#actions-table"
    BINDINGS = [
        Binding("enter", "details", N_("Show details"), id="actions.details"),
        Binding("space", "toggle_select", N_("Select"), id="actions.select"),
        Binding("l", "follow_up", N_("Follow-up"), id="actions.follow_up"),
        Binding("d", "done", N_("Mark done"), id="actions.done"),
        Binding("slash", "search", N_("Search"), key_display="/", id="actions.search"),
        Binding("f", "filters", N_("Filters"), id="actions.filters"),
        Binding("v", "views", N_("Views"), id="actions.views"),
        Binding(
            "T", "toggle_scope", N_("My team / department"), show=False, id="actions.scope"
        ),  # fmt: skip
        Binding("o", "sort", N_("Sort"), id="actions.sort"),
        Binding("b", "bucket", N_("Due filter"), show=False, id="actions.bucket"),
        Binding("s", "set_status", N_("Set status"), show=False, id="actions.status"),
        Binding("w", "reassign", N_("Reassign"), show=False, id="actions.reassign"),
        Binding("u", "set_due", N_("Set due date"), show=False, id="actions.due"),
        Binding("e", "escalate", N_("Escalate"), show=False, id="actions.escalate"),
        Binding("k", "reopen", N_("Reopen"), show=False, id="actions.reopen"),
        Binding("g", "go_meeting", N_("Open its meeting"), show=False, id="actions.meeting"),
        Binding(
            "ctrl+a",
            "select_visible",
            N_("Select all visible"),
            show=False,
            id="actions.select_visible",
        ),  # fmt: skip
        Binding(
            "asterisk",
            "select_matching",
            N_("Select all matching"),
            key_display="*",
            show=False,
            id="actions.select_matching",
        ),  # fmt: skip
        Binding("x", "clear_selection", N_("Clear selection"), show=False, id="actions.clear"),
        Binding("ctrl+s", "save_view", N_("Save as view"), show=False, id="actions.save_view"),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="actions.undo"),
        Binding("escape", "back", N_("Back"), show=False, id="actions.back"),
    ]

    def __init__(self, services: Services, view: str | None = None) -> None:
        super().__init__()
        self.services = services
        self.views = Views(services)
        self.ops = ActionsService(services)
        self.commands = ActionCommands(self, self.ops)
        self.view_commands = ViewCommands(self)
        self.requested_view = view
        self.view: View | None = None
        self.filter = ActionFilter()
        self.pager: ActionPager | None = None
        self._any_items = False  # the database holds action items (read with the list)
        self._filter_words: list[str] = []  # the filter, as its bar says it (read with it)
        self.directory = Directory([], {}, [])  # whom the forms can name (read with the list)
        self.detail_open = False
        self._suspended = False

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield Static(id="filter-bar")
        yield Input(id="search", placeholder=_("Search titles (Enter: done, Esc: clear)"),
                    compact=True)  # fmt: skip
        with Horizontal(id="actions-body"):
            yield PagedTable(id="actions-table")
            yield Static(id="actions-empty")
            yield DetailPanel(id="detail")
        yield SalestuiFooter()

    def push_form(self, form: Screen[str | None], done: Callable[[str | None], None]) -> None:
        self.app.push_screen(form, done)

    # The keys that change items: ``ActionCommands`` makes the change.
    def action_follow_up(self) -> None:
        self.commands.follow_up()

    def action_done(self) -> None:
        self.commands.done()

    def action_set_status(self) -> None:
        self.commands.set_status()

    def action_reopen(self) -> None:
        self.commands.reopen()

    def action_reassign(self) -> None:
        self.commands.reassign()

    def action_set_due(self) -> None:
        self.commands.set_due()

    def action_escalate(self) -> None:
        self.commands.escalate()

    def action_undo(self) -> None:
        from salestui.tui.undo import undo_my_last_change

        undo_my_last_change(self.app, self.services)

    @property
    def table(self) -> PagedTable:
        return self.query_one("#actions-table", PagedTable)

    def set_up(self) -> None:
        """The table's columns (their headings are in the current language), and the
        view's name again in the current language."""
        self.table.set_columns(action_columns(self.services.clock.today()))
        if self.view is not None and not self.view.saved:
            self.read_later("view-name", partial(view_name, self.view.key), self._view_named)

    def _view_named(self, name: str | None) -> None:
        if name is not None and self.view is not None:  # None: e.g. its person is gone
            self.view = replace(self.view, name=name)
            self._show_bars()

    def on_mount(self) -> None:
        self.set_up()
        self.read_later("view", partial(resolve_view, self.requested_view), self._view_resolved)

    def _view_resolved(self, resolved: tuple[View, str | None]) -> None:
        view, problem = resolved
        if problem is not None:
            self.notify(problem, severity="warning", markup=False)
        if view.key.startswith("action:"):  # one item, opened from a search: its detail too
            self.detail_open = True
            self.set_class(True, "-detail")
        self.open_view(view)

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        # Back from another screen (a meeting, the help): show what changed meanwhile.
        if self._suspended:
            self._suspended = False
            self.reload_data()

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.set_class(event.size.width < SIDE_PANEL_MIN_WIDTH, "-narrow")

    # -- showing a list ---------------------------------------------------------------------

    def open_view(self, view: View) -> None:
        self.view = view
        self.apply_filter(view.filter)

    def apply_filter(self, action_filter: ActionFilter, cursor: int = 0, delay: float = 0) -> None:
        """Read the list again for ``action_filter``: the count and the first window are
        read in a worker; the table shows the new list when they are in. The filter is
        the screen's at once, so that a reload meanwhile reads the new list too."""
        self.filter = action_filter
        read = partial(read_list, self.services, action_filter=action_filter, cursor=cursor)
        self.read_later("list", read, partial(self._show_list, cursor), delay)

    def _show_list(self, cursor: int, found: ListRead) -> None:
        pager, self._any_items = found.pager, found.any_items
        self._filter_words, self.directory = found.words, found.directory
        self.pager = pager
        source = ActionsSource(pager, self.services.clock.today(), self.app.current_theme)
        readers = self.app.readers  # type: ignore[attr-defined]

        def background(start: int, stop: int) -> None:
            pager.load(start, stop, readers.services())

        self.table.set_source(source, cursor, background)
        self.set_class(pager.total == 0, "-empty")
        self._show_bars()
        self._show_detail()

    def reload_data(self) -> None:
        self.apply_filter(self.filter, self.table.cursor)

    def after_change(self, clear_selection: bool = True) -> None:
        if clear_selection:
            self.table.clear_selection()
        self.reload_data()

    def _show_bars(self) -> None:
        total = self.pager.total if self.pager else 0
        count = ngettext("{n} item", "{n} items", total).format(n=format_number(total))
        if self.table.selected:
            count += " · " + _("{n} selected").format(n=len(self.table.selected))
        title = f"salestui · {self.screen_title}"
        self.query_one(HeaderBar).show(title, count)
        parts = [self.view.name if self.view else ""]
        if self.view is None or self.filter != self.view.filter:
            parts[0] += " *"  # changed since the view was opened: say how
            parts += self._filter_words
        parts.append(_("sorted by {sort}").format(sort=_(SORT_NAMES[self.filter.sort])))
        bar = Text(" · ".join(p for p in parts if p), no_wrap=True, overflow="ellipsis")
        self.query_one("#filter-bar", Static).update(bar)
        if total == 0:
            if self._any_items:
                message = _("No action items match. f changes the filters, v picks another view.")
            else:
                message = _(
                    "No action items yet. They come from meetings (/a in the capture line) "
                    "or from `salestui actions add`."
                )
            self.query_one("#actions-empty", Static).update(Text(message))

    def _show_detail(self) -> None:
        if not self.detail_open:
            return
        row = self.current_row()
        if row is None:
            self._detail_read((None, None))
        else:
            self.read_later("detail", partial(read_detail, row.id), self._detail_read)

    def _detail_read(self, read: tuple[ActionDetail | None, str | None]) -> None:
        detail, problem = read
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
        error = self.app.current_theme.error or "red"
        self.query_one(DetailPanel).show(detail, self.services.clock.today(), error)

    def on_paged_table_cursor_moved(self, event: PagedTable.CursorMoved) -> None:
        self._show_detail()

    # -- what the keys act on -------------------------------------------------------------------

    def current_row(self) -> ActionListRow | None:
        return self.table.cursor_row

    def targets(self) -> list[int]:
        """The selected items, else the one under the cursor."""
        if self.table.selected:
            return sorted(int(key) for key in self.table.selected)  # type: ignore[call-overload]
        row = self.current_row()
        return [row.id] if row else []

    # -- keys ------------------------------------------------------------------------------

    def action_details(self) -> None:
        self.detail_open = not self.detail_open
        self.set_class(self.detail_open, "-detail")
        if self.detail_open:
            self._show_detail()
            if self.has_class("-narrow"):
                self.query_one(DetailPanel).focus()
        else:
            self.table.focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if self.detail_open:
            self.detail_open = False
            self.set_class(False, "-detail")
            self.table.focus()
        elif search.has_focus or search.value:
            search.value = ""
            self.set_class(False, "-searching")
            self.table.focus()
        elif self.table.selected:
            self.action_clear_selection()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_toggle_select(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.table.toggle_selected(row)
        self.table.cursor += 1
        self._show_bars()

    def action_select_visible(self) -> None:
        self.table.select(self.table.visible_rows())
        self._show_bars()

    def action_select_matching(self) -> None:
        """Every item the filter matches, not only those read (``actions_select``)."""
        select_all_matching(self)

    def action_clear_selection(self) -> None:
        self.table.clear_selection()
        self._show_bars()

    def action_search(self) -> None:
        self.set_class(True, "-searching")
        search = self.query_one("#search", Input)
        search.value = self.filter.text
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and event.value != self.filter.text:  # typed, not set
            self.apply_filter(replace(self.filter, text=event.value), delay=SEARCH_DEBOUNCE)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.set_class(bool(event.value), "-searching")
            self.table.focus()

    def action_sort(self) -> None:
        self.apply_filter(next_sort(self.filter))

    def action_bucket(self) -> None:
        self.apply_filter(next_bucket(self.filter))

    def action_filters(self) -> None:
        def submit(values: dict[str, str]) -> str:
            self.apply_filter(filter_from_values(self.directory, values))
            return ""

        def read(reads: Services) -> list[FormField]:
            return form_fields(reads, action_filter, row)

        def show(fields: list[FormField]) -> None:
            self.app.push_screen(FormScreen(_("Filters"), fields, submit))

        action_filter, row = self.filter, self.current_row()
        self.read_later("filter-form", read, show)

    def action_views(self) -> None:
        self.view_commands.pick()

    def action_save_view(self) -> None:
        self.view_commands.save()

    def action_toggle_scope(self) -> None:
        self.view_commands.toggle_scope()

    def view_renamed(self, view: View) -> None:
        self.view = view
        self._show_bars()

    def action_go_meeting(self) -> None:
        self.commands.go_meeting()
