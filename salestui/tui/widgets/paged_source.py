"""What ``PagedTable`` draws from, and how its rows are read. A source has a row count and
rows by index, read from SQL a window at a time (``PagedSource``).

Without a ``background`` loader the rows are read on the UI thread as they are drawn.
With one, the table never reads on the UI thread while drawing: rows not read yet are
drawn as placeholders, a thread worker reads their window (one at a time: a newer request
cancels the older) and the table redraws when it is in.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from textual.worker import Worker, WorkerState

from salestui.i18n import _
from salestui.tui.widgets.paged_lines import Cell

if TYPE_CHECKING:
    from salestui.tui.widgets.paged_table import PagedTable

WINDOW_GROUP = "paged-table-window"

Loader = Callable[[int, int], None]  # reads rows ``start`` to ``stop`` into the source


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


class WindowReader:
    """Reads the rows of ``table.source`` the table is about to show: at once on the UI
    thread, or through a ``background`` loader in a worker thread."""

    def __init__(self, table: PagedTable) -> None:
        self.table = table
        self.background: Loader | None = None
        self._fetching: tuple[int, int] | None = None  # the window a worker is reading
        self._announce_cursor = False  # post CursorMoved again once the cursor's row is in

    def restart(self, background: Loader | None) -> None:
        """A new source: read it through ``background`` (None: on the UI thread)."""
        self.background = background
        self._fetching = None

    def cursor_row(self, index: int) -> Any | None:
        """The row the cursor moved to. In the background a row not read yet is None for
        now: its window is asked for, and the cursor announced again once it is in."""
        table = self.table
        if self.background is not None and 0 <= index < table.total:
            row = table.source.cached(index)
            if row is None:  # announced again once its window is read
                self._announce_cursor = True
                self.fetch(index - table.page_rows, index + table.page_rows)
            return row
        return table.cursor_row

    def before_drawing(self, start: int, stop: int) -> None:
        """Read the rows about to be drawn in one window, before drawing line by line."""
        source = self.table.source
        if self.background is None:
            source.load(start, stop)
        elif any(source.cached(i) is None for i in range(start, stop)):
            self.fetch(start, stop)

    def row(self, index: int) -> Any | None:
        """The row to draw at ``index``; None while it is read in the background."""
        source = self.table.source
        row = source.cached(index)
        if row is None and self.background is None:
            source.load(index, index + self.table.page_rows)
            row = source.cached(index)
        return row

    def fetch(self, start: int, stop: int) -> None:
        """Read rows ``start`` to ``stop`` in a worker thread (unless already asked)."""
        load = self.background
        start, stop = max(0, start), min(self.table.total, stop)
        if load is None or stop <= start or self._fetching == (start, stop):
            return
        self._fetching = (start, stop)
        source = self.table.source

        def read() -> PagedSource:
            load(start, stop)
            return source

        self.table.run_worker(
            read, thread=True, group=WINDOW_GROUP, exclusive=True, exit_on_error=False
        )

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """A window's worker is done: redraw with its rows, or say why it failed."""
        worker = event.worker
        if worker.group != WINDOW_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        event.stop()
        self._fetching = None
        table = self.table
        if event.state == WorkerState.ERROR:
            reason = worker.error
            table.notify(
                _("Could not read the database: {reason}").format(reason=reason),
                severity="error",
                markup=False,
            )
            return
        if worker.result is not table.source:
            return  # a list since replaced
        table.refresh()
        if self._announce_cursor:
            row = table.source.cached(table.cursor)
            if row is not None:
                self._announce_cursor = False
                table.post_message(table.CursorMoved(table, table.cursor, row))
