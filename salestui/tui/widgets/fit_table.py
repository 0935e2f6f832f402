"""A DataTable that fits the width it is given: no sideways scrolling for long titles.

Columns are either *fixed* (as wide as their widest cell) or *flexible* (sharing what the
fixed ones leave, in proportion to a ratio). Flexible cells that do not fit end in an
ellipsis. Widths are measured in terminal cells, so Chinese text lines up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.widgets import DataTable

Justify = Literal["left", "right", "center"]


@dataclass(frozen=True)
class FitColumn:
    key: str
    label: str
    ratio: int = 0  # 0 = fixed (as wide as its content); > 0 = a share of the rest
    justify: Justify = "left"
    min_width: int = 1  # fixed columns never narrower; flexible ones shrink to this at most


@dataclass(frozen=True)
class FitRow:
    key: str
    cells: Sequence[Text | str]
    style: str = ""
    heading: bool = False  # a group heading (e.g. a day), not an item: the cursor starts below


def fit_widths(
    natural: Sequence[int], ratios: Sequence[int], available: int, min_widths: Sequence[int]
) -> list[int]:
    """Column widths that add up to ``available`` when they can.

    Fixed columns (ratio 0) keep their natural width. Flexible columns share the rest by
    ratio; a column that needs less than its share gets what it needs and hands the
    remainder on. Any width left over goes to the first flexible column.
    """
    widths = list(natural)
    flexible = [i for i, ratio in enumerate(ratios) if ratio > 0]
    if not flexible:
        return widths
    room = available - sum(w for i, w in enumerate(natural) if ratios[i] == 0)
    pending = list(flexible)
    while pending:
        total_ratio = sum(ratios[i] for i in pending)
        share = {i: room * ratios[i] / total_ratio for i in pending}
        content_fits = [i for i in pending if natural[i] <= share[i]]
        if not content_fits:
            for i in pending:
                widths[i] = max(min_widths[i], int(share[i]))
            break
        for i in content_fits:
            widths[i] = natural[i]
            room -= natural[i]
            pending.remove(i)
    spare = available - sum(widths)
    if spare > 0:
        widths[flexible[0]] += spare
    return widths


def _cell_shape(cell: Text | str) -> object:
    """What decides how a cell is drawn (``Text.__eq__`` alone ignores the base style)."""
    if isinstance(cell, str):
        return cell
    return (cell.plain, str(cell.style), tuple(cell.spans), cell.justify, cell.overflow)


def _shape(columns: Sequence[FitColumn], rows: Sequence[FitRow]) -> object:
    return (
        tuple(columns),
        tuple(
            (row.key, row.style, row.heading, tuple(_cell_shape(c) for c in row.cells))
            for row in rows
        ),
    )


class FitCell:
    """A cell as the table draws it: its ``Text``, drawn exactly as the Text draws itself,
    with two savings on a full redraw (a filter changed, the table gained focus).

    - It has no ``__rich_measure__``: the DataTable then does not measure every cell of
      every new row to size its columns - ours have fixed widths, computed by ``FitTable``.
    - Its lines are kept for the width last drawn at: the DataTable renders its cells again
      whenever the table's state changes (focus, cursor, new rows), this one only once.
    """

    __slots__ = ("_drawn", "text")

    def __init__(self, text: Text) -> None:
        self.text = text
        self._drawn: tuple[int, int | None, list[Segment]] | None = None

    def __str__(self) -> str:
        return self.text.plain

    def __bool__(self) -> bool:  # an empty cell is drawn as the DataTable draws one
        return bool(self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        drawn = self._drawn
        if drawn is None or drawn[0] != options.max_width or drawn[1] != options.height:
            segments = list(console.render(self.text, options))
            self._drawn = drawn = (options.max_width, options.height, segments)
        return drawn[2]


class FitTable(DataTable):
    """A row-cursor DataTable whose columns are laid out again whenever its width changes."""

    skip_headings = False

    def __init__(self, *, name: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, classes=classes, cursor_type="row", zebra_stripes=False)
        self._columns_spec: list[FitColumn] = []
        self._rows_data: list[FitRow] = []
        self._laid_out_for = -1
        self._last_row = -1
        self._shown: object = None

    def set_data(self, columns: Sequence[FitColumn], rows: Sequence[FitRow]) -> None:
        """Replace every column and row (the tables on our screens hold a bounded page).
        The same columns and rows again (a reload that found nothing new) change nothing:
        the table is not drawn again."""
        shape = _shape(columns, rows)
        if shape == self._shown:
            return
        self._shown = shape
        first_fill = not self._rows_data
        self._columns_spec = list(columns)
        self._rows_data = list(rows)
        self._lay_out()
        if first_fill:
            items = [i for i, row in enumerate(self._rows_data) if not row.heading]
            if items:
                self.move_cursor(row=items[0], animate=False)

    def on_mount(self) -> None:
        self.show_cursor = self.has_focus

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """With ``skip_headings``, step over group headings (a day): the cursor rests on
        items only. Screens with their own rule for heading rows leave it off."""
        row = event.cursor_row
        if (
            not self.skip_headings
            or not 0 <= row < len(self._rows_data)
            or not self._rows_data[row].heading
        ):
            self._last_row = row
            return
        step = 1 if row >= self._last_row else -1
        target = row
        while 0 <= target < len(self._rows_data) and self._rows_data[target].heading:
            target += step
        if not 0 <= target < len(self._rows_data):
            target = self._last_row  # nothing beyond: stay where it was
        if target != row and 0 <= target < len(self._rows_data):
            self.move_cursor(row=target, animate=False)

    # Only the focused table shows its cursor, so the others read as plain lists.
    def on_focus(self) -> None:
        self.show_cursor = True

    def on_blur(self) -> None:
        self.show_cursor = False

    @property
    def row_keys(self) -> list[str]:
        return [row.key for row in self._rows_data]

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_out_for:
            self._lay_out()

    def _cell(self, value: Text | str, column: FitColumn, row_style: str) -> Text:
        text = value.copy() if isinstance(value, Text) else Text(value)
        text.no_wrap = True
        text.overflow = "ellipsis"
        text.justify = column.justify
        text.end = ""
        if row_style:
            text.stylize(row_style)
        return text

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        self._laid_out_for = width
        specs = self._columns_spec
        rows = [
            [
                self._cell(value, spec, row.style)
                for value, spec in zip(row.cells, specs, strict=True)
            ]
            for row in self._rows_data
        ]
        natural = [
            max([spec.min_width, Text(spec.label).cell_len, *(row[i].cell_len for row in rows)])
            for i, spec in enumerate(specs)
        ]
        available = width - 2 * self.cell_padding * len(specs)
        widths = fit_widths(
            natural, [s.ratio for s in specs], available, [s.min_width for s in specs]
        )
        cursor_row = self.cursor_row
        self.clear(columns=True)
        for spec, column_width in zip(specs, widths, strict=True):
            label = Text(spec.label, justify=spec.justify, no_wrap=True, overflow="ellipsis")
            self.add_column(label, width=column_width, key=spec.key)
        for row, cells in zip(self._rows_data, rows, strict=True):
            self.add_row(*(FitCell(cell) for cell in cells), key=row.key)
        if rows:
            self.move_cursor(row=min(cursor_row, len(rows) - 1), animate=False)
