"""A table that draws only the rows on screen, asking a source for them by index.

Textual's DataTable holds every row as a widget-side object: about 13 s for 100,000 rows.
This one keeps nothing but a cursor, a selection and column widths; each visible line is
drawn from the source (which reads its rows from SQL a window at a time) in
``render_line``. The scrollbar spans the source's ``total`` rows.

Given a ``background`` loader, the table never reads on the UI thread while drawing: rows
not read yet are drawn as placeholders, a thread worker reads their window (one at a time:
a newer request cancels the older) and the table redraws when it is in.

Widths are terminal cells (Chinese text lines up); columns narrower than their text end
in an ellipsis; columns with ``hide_below`` drop out when the table is narrower.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from time import perf_counter
from typing import Any, ClassVar, Literal, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState

from salestui.i18n import N_, _
from salestui.tui.widgets.fit_table import fit_widths

Justify = Literal["left", "right", "center"]
Cell = str | tuple[str, str] | Text  # text, (text, style), or a Rich text
GAP = 1  # blank cells between columns
MAX_PAINT_LOG = 10_000
LINE_CACHE_SIZE = 500  # drawn lines kept (cleared with every new source)
MARK = "✓"  # shown in the first cell of a selected row (one cell wide everywhere)
PLACEHOLDER = "…"  # the first cell of a row still being read
WINDOW_GROUP = "paged-table-window"


def fit_cell(text: str, width: int, justify: Justify = "left") -> str:
    """``text`` made exactly ``width`` cells wide: cut with an ellipsis, or padded."""
    text = " ".join(text.split())  # one line, whatever the data holds
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else "…"[:width]
    padding = " " * (width - length)
    if justify == "right":
        return padding + text
    if justify == "center":
        half = len(padding) // 2
        return padding[:half] + text + padding[half:]
    return text + padding


@lru_cache(maxsize=256)
def _parsed(style: str) -> Style:
    return Style.parse(style)


def _style(style: str | Style) -> Style | None:
    if isinstance(style, Style):
        return style
    return _parsed(style) if style else None


@dataclass(frozen=True)
class PagedColumn:
    key: str
    label: str
    width: int = 0  # fixed width in cells (at least the label's); 0 = flexible
    ratio: int = 1  # a flexible column's share of what the fixed ones leave
    min_width: int = 6
    justify: Justify = "left"
    hide_below: int = 0  # dropped when the table is narrower than this


class PagedSource(Protocol):
    """What the table draws from: a row count and rows by index."""

    @property
    def total(self) -> int: ...

    def load(self, start: int, stop: int) -> None:
        """Read rows ``start`` to ``stop`` (exclusive) if they are not read yet."""

    def cached(self, index: int) -> Any | None:
        """The row at ``index`` if it has been read."""

    def key(self, row: Any) -> Hashable: ...

    def cells(self, row: Any) -> Sequence[Cell]:
        """The row's cells in column order: text, ``(text, style)`` or a Rich ``Text``."""


class EmptySource:
    total = 0

    def load(self, start: int, stop: int) -> None:
        return None

    def cached(self, index: int) -> Any | None:
        return None

    def key(self, row: Any) -> Hashable:
        return None

    def cells(self, row: Any) -> Sequence[Cell]:
        return []


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
        self._widths: list[tuple[int, PagedColumn, int]] = []  # (cell index, column, width)
        self._laid_out_for = -1
        self._line_cache: dict[tuple[int, Hashable, int, Style | None], Strip] = {}
        self.painted_at: dict[int, float] = {}
        """When each row of the current source was first drawn (``perf_counter``), by
        index: benchmarks time "first rows shown" and "jump to the end" with it."""
        self._background: Callable[[int, int], None] | None = None
        self._fetching: tuple[int, int] | None = None  # the window a worker is reading
        self._announce_cursor = False  # post CursorMoved again once the cursor's row is in

    # -- data -------------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[PagedColumn]) -> None:
        self.columns = list(columns)
        self._laid_out_for = -1
        self.refresh()

    def set_source(
        self,
        source: PagedSource,
        cursor: int = 0,
        background: Callable[[int, int], None] | None = None,
    ) -> None:
        """Show another list (a new filter or sort); the cursor goes to ``cursor``.

        ``background(start, stop)`` reads rows into the source from a worker thread;
        without it rows are read on the UI thread as they are drawn."""
        self.source = source
        self._background = background
        self._fetching = None
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
        if self._background is not None and 0 <= value < self.total:
            row = self.source.cached(value)
            if row is None:  # announced again once its window is read
                self._announce_cursor = True
                self._fetch(value - self.page_rows, value + self.page_rows)
        else:
            row = self.cursor_row
        self.post_message(self.CursorMoved(self, value, row))

    # -- reading in the background -----------------------------------------------------------

    def _fetch(self, start: int, stop: int) -> None:
        """Read rows ``start`` to ``stop`` in a worker thread (unless already asked)."""
        load = self._background
        start, stop = max(0, start), min(self.total, stop)
        if load is None or stop <= start or self._fetching == (start, stop):
            return
        self._fetching = (start, stop)
        source = self.source

        def read() -> PagedSource:
            load(start, stop)
            return source

        self.run_worker(read, thread=True, group=WINDOW_GROUP, exclusive=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != WINDOW_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        event.stop()
        self._fetching = None
        if event.state == WorkerState.ERROR:
            reason = worker.error
            self.notify(
                _("Could not read the database: {reason}").format(reason=reason),
                severity="error",
                markup=False,
            )
            return
        if worker.result is not self.source:
            return  # a list since replaced
        self.refresh()
        if self._announce_cursor:
            row = self.source.cached(self.cursor)
            if row is not None:
                self._announce_cursor = False
                self.post_message(self.CursorMoved(self, self.cursor, row))

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

    def _lay_out(self, width: int) -> list[tuple[int, PagedColumn, int]]:
        """The columns shown at ``width``: (index of their cell in a row, column, width)."""
        if width == self._laid_out_for:
            return self._widths
        indexes = [i for i, c in enumerate(self.columns) if width >= c.hide_below]
        shown = [self.columns[i] for i in indexes]
        # Flexible columns want all they can get: they share the room by ratio.
        natural = [max(c.width, cell_len(c.label)) if c.width else width for c in shown]
        ratios = [0 if c.width else c.ratio for c in shown]
        room = width - 2 - GAP * len(shown)  # the selection mark and its gap
        widths = fit_widths(natural, ratios, room, [c.min_width for c in shown])
        self._widths = list(zip(indexes, shown, widths, strict=True))
        self._laid_out_for = width
        return self._widths

    def _segments(self, cells: Sequence[Cell], mark: str, width: int) -> tuple[list[Segment], int]:
        """One line's segments and their width in cells. Plain cells and ``(text, style)``
        pairs are cut to width directly; only Rich texts with several styles are rendered."""
        segments = [Segment(f"{mark:<1} ")]
        gap = Segment(" " * GAP)
        used = 2
        for index, column, column_width in self._lay_out(width):
            value = cells[index] if index < len(cells) else ""
            used += column_width + GAP
            if isinstance(value, Text):
                if value.spans:
                    cell = value.copy()
                    cell.end = ""
                    cell.truncate(column_width, overflow="ellipsis", pad=True)
                    segments.extend(cell.render(self.app.console))
                    segments.append(gap)
                    continue
                plain, style = value.plain, value.style
            elif isinstance(value, str):
                plain, style = value, ""
            else:
                plain, style = value
            segments.append(Segment(fit_cell(plain, column_width, column.justify), _style(style)))
            segments.append(gap)
        return segments, used

    def _strip(
        self, line: tuple[list[Segment], int], width: int, style: Style | None = None
    ) -> Strip:
        segments, used = line
        base = self.rich_style
        styled = Segment.apply_style(segments, base, style)
        if used == width:  # the usual case: no need to measure the line again
            return Strip(styled, width)
        return Strip(styled).adjust_cell_length(width, base)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Read the rows about to be drawn in one window, before drawing line by line.
        start = self.first_visible
        stop = min(self.total, start + self.page_rows)
        if self._background is None:
            self.source.load(start, stop)
        elif any(self.source.cached(i) is None for i in range(start, stop)):
            self._fetch(start, stop)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            header = self.get_component_rich_style("paged-table--header")
            labels = [Text(c.label) for c in self.columns]
            return self._strip(self._segments(labels, "", width), width, header)
        index = self.first_visible + y - 1
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        row = self.source.cached(index)
        if row is None and self._background is None:
            self.source.load(index, index + self.page_rows)
            row = self.source.cached(index)
        if row is None:  # being read: a placeholder until its window is in
            dim = Style(dim=True)
            return Strip([Segment(PLACEHOLDER, dim)]).adjust_cell_length(width, self.rich_style)
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
            segments = self._segments(self.source.cells(row), MARK if selected else "", width)
            strip = self._strip(segments, width, style)
            if len(self._line_cache) > LINE_CACHE_SIZE:
                self._line_cache.clear()
            self._line_cache[cache_key] = strip
        return strip
