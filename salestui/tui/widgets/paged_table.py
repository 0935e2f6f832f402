"""A table that draws only the rows on screen, asking a source for them by index.

Textual's DataTable holds every row as a widget-side object: about 13 s for 100,000 rows.
This one keeps nothing but a cursor, a selection and column widths; each visible line is
drawn from the source (which reads its rows from SQL a window at a time) in
``render_line``. The scrollbar spans the source's ``total`` rows.

Given a ``background`` loader, the table never reads on the UI thread while drawing
(``paged_source``: the source and how its windows are read). Widths are terminal cells
(Chinese text lines up); columns narrower than their text end in an ellipsis; columns
with ``hide_below`` drop out when the table is narrower (``paged_lines``: drawing a line).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from time import perf_counter
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker

from salestui.i18n import N_
from salestui.tui.widgets.paged_lines import (
    MARK,
    Cell,
    PagedColumn,
    Shown,
    fit_cell,
    lay_out,
    line_segments,
    placeholder,
    to_strip,
)
from salestui.tui.widgets.paged_source import EmptySource, Loader, PagedSource, WindowReader

__all__ = ["Cell", "EmptySource", "PagedColumn", "PagedSource", "PagedTable", "fit_cell"]

MAX_PAINT_LOG = 10_000
LINE_CACHE_SIZE = 500  # drawn lines kept (cleared with every new source)


class PagedTable(ScrollView, can_focus=True):
    """A virtual, row-cursor table over a ``PagedSource``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", N_("Cursor up"), show=False),
        Binding("down", "cursor(1)", N_("Cursor down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("home", "first", N_("Top"), show=False),
        Binding("end", "last", N_("Bottom"), show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paged-table--header",
        "paged-table--cursor",
        "paged-table--selected",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class CursorMoved(Message):
        """The cursor is on another row (``row`` is None when the list is empty)."""

        table: PagedTable
        index: int
        row: Any | None

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.source: PagedSource = EmptySource()
        self.columns: list[PagedColumn] = []
        self.selected: set[Hashable] = set()
        self._widths: Shown = []  # (cell index, column, width)
        self._laid_out_for = -1
        self._line_cache: dict[tuple[int, Hashable, int, Style | None], Strip] = {}
        self.painted_at: dict[int, float] = {}
        """When each row of the current source was first drawn (``perf_counter``), by
        index: benchmarks time "first rows shown" and "jump to the end" with it."""
        self._reads = WindowReader(self)

    # -- data -------------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[PagedColumn]) -> None:
        self.columns = list(columns)
        self._laid_out_for = -1
        self.refresh()

    def set_source(
        self,
        source: PagedSource,
        cursor: int = 0,
        background: Loader | None = None,
    ) -> None:
        """Show another list (a new filter or sort); the cursor goes to ``cursor``.

        ``background(start, stop)`` reads rows into the source from a worker thread;
        without it rows are read on the UI thread as they are drawn."""
        self.source = source
        self._reads.restart(background)
        self.painted_at = {}
        self._line_cache.clear()
        self.virtual_size = Size(self.size.width, source.total + 1)
        self.cursor = max(0, min(cursor, source.total - 1))
        self.refresh()

    @property
    def total(self) -> int:
        return self.source.total

    @property
    def cursor_row(self) -> Any | None:
        if not 0 <= self.cursor < self.total:
            return None
        self.source.load(self.cursor, self.cursor + 1)
        return self.source.cached(self.cursor)

    @property
    def page_rows(self) -> int:
        return max(1, self.size.height - 1)  # less the header

    @property
    def first_visible(self) -> int:
        return int(self.scroll_offset.y)

    def visible_rows(self) -> list[Any]:
        """The rows on screen now (what "select all visible" selects)."""
        start = self.first_visible
        stop = min(self.total, start + self.page_rows)
        self.source.load(start, stop)
        return [r for i in range(start, stop) if (r := self.source.cached(i)) is not None]

    def toggle_selected(self, row: Any) -> None:
        key = self.source.key(row)
        if key in self.selected:
            self.selected.discard(key)
        else:
            self.selected.add(key)
        self.refresh()

    def select(self, rows: Sequence[Any]) -> None:
        self.selected.update(self.source.key(r) for r in rows)
        self.refresh()

    def select_keys(self, keys: Iterable[Hashable]) -> None:
        """Select rows by key, read or not (e.g. every row a filter matches)."""
        self.selected.update(keys)
        self.refresh()

    def clear_selection(self) -> None:
        self.selected.clear()
        self.refresh()

    # -- cursor and scrolling ------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.total - 1)) if self.total else 0

    def watch_cursor(self, value: int) -> None:
        top = self.first_visible
        if value < top:
            self.scroll_to(y=value, animate=False, immediate=True)
        elif value >= top + self.page_rows:
            self.scroll_to(y=value - self.page_rows + 1, animate=False, immediate=True)
        self.refresh()
        row = self._reads.cursor_row(value)
        self.post_message(self.CursorMoved(self, value, row))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self._reads.worker_changed(event)

    def action_cursor(self, step: int) -> None:
        self.cursor += step

    def action_page(self, step: int) -> None:
        self.cursor += step * self.page_rows

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.total - 1

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self.cursor = self.first_visible + event.y - 1

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, self.total + 1)
        self.watch_cursor(self.cursor)

    # -- drawing ----------------------------------------------------------------------------------

    def _lay_out(self, width: int) -> Shown:
        """The columns shown at ``width`` (laid out again only when it changes)."""
        if width == self._laid_out_for:
            return self._widths
        self._widths = lay_out(self.columns, width)
        self._laid_out_for = width
        return self._widths

    def _strip(self, cells: Sequence[Cell], mark: str, width: int, style: Style | None) -> Strip:
        line = line_segments(cells, mark, self._lay_out(width), self.app.console)
        return to_strip(line, width, self.rich_style, style)

    def render_lines(self, crop: Region) -> list[Strip]:
        start = self.first_visible
        self._reads.before_drawing(start, min(self.total, start + self.page_rows))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            header = self.get_component_rich_style("paged-table--header")
            labels = [Text(c.label) for c in self.columns]
            return self._strip(labels, "", width, header)
        index = self.first_visible + y - 1
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        row = self._reads.row(index)
        if row is None:  # being read: a placeholder until its window is in
            return placeholder(width, self.rich_style)
        if index not in self.painted_at and len(self.painted_at) < MAX_PAINT_LOG:
            self.painted_at[index] = perf_counter()
        key = self.source.key(row)
        selected = key in self.selected
        style: Style | None = None
        if selected:  # only the background: the cells keep their colours
            marked = self.get_component_rich_style("paged-table--selected")
            style = Style(bgcolor=marked.bgcolor, bold=marked.bold)
        if index == self.cursor and self.has_focus:
            cursor_style = self.get_component_rich_style("paged-table--cursor")
            style = cursor_style if style is None else style + cursor_style
        cache_key = (index, key, width, style)
        strip = self._line_cache.get(cache_key)
        if strip is None:
            strip = self._strip(self.source.cells(row), MARK if selected else "", width, style)
            if len(self._line_cache) > LINE_CACHE_SIZE:
                self._line_cache.clear()
            self._line_cache[cache_key] = strip
        return strip
