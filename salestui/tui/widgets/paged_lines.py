"""How ``PagedTable`` draws a line: its columns laid out at the table's width, each cell
cut or padded to its column in terminal cells (Chinese text lines up), a column narrower
than its text ending in an ellipsis, and the line made a ``Strip`` in the row's style."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from salestui.tui.widgets.fit_table import fit_widths

Justify = Literal["left", "right", "center"]
Cell = str | tuple[str, str] | Text  # text, (text, style), or a Rich text
GAP = 1  # blank cells between columns
MARK = "✓"  # shown in the first cell of a selected row (one cell wide everywhere)
PLACEHOLDER = "…"  # the first cell of a row still being read

Line = tuple[list[Segment], int]  # a line's segments and its width in cells


@dataclass(frozen=True)
class PagedColumn:
    key: str
    label: str
    width: int = 0  # fixed width in cells (at least the label's); 0 = flexible
    ratio: int = 1  # a flexible column's share of what the fixed ones leave
    min_width: int = 6
    justify: Justify = "left"
    hide_below: int = 0  # dropped when the table is narrower than this


Shown = list[tuple[int, PagedColumn, int]]  # (index of the cell in a row, column, width)


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


def lay_out(columns: Sequence[PagedColumn], width: int) -> Shown:
    """The columns shown at ``width``: (index of their cell in a row, column, width)."""
    indexes = [i for i, c in enumerate(columns) if width >= c.hide_below]
    shown = [columns[i] for i in indexes]
    # Flexible columns want all they can get: they share the room by ratio.
    natural = [max(c.width, cell_len(c.label)) if c.width else width for c in shown]
    ratios = [0 if c.width else c.ratio for c in shown]
    room = width - 2 - GAP * len(shown)  # the selection mark and its gap
    widths = fit_widths(natural, ratios, room, [c.min_width for c in shown])
    return list(zip(indexes, shown, widths, strict=True))


def line_segments(cells: Sequence[Cell], mark: str, shown: Shown, console: Console) -> Line:
    """One line's segments and their width in cells. Plain cells and ``(text, style)``
    pairs are cut to width directly; only Rich texts with several styles are rendered."""
    segments = [Segment(f"{mark:<1} ")]
    gap = Segment(" " * GAP)
    used = 2
    for index, column, column_width in shown:
        value = cells[index] if index < len(cells) else ""
        used += column_width + GAP
        if isinstance(value, Text):
            if value.spans:
                cell = value.copy()
                cell.end = ""
                cell.truncate(column_width, overflow="ellipsis", pad=True)
                segments.extend(cell.render(console))
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


def to_strip(line: Line, width: int, base: Style, style: Style | None = None) -> Strip:
    """The line as a ``Strip`` exactly ``width`` cells wide: ``base`` (the table's style)
    under ``style`` (the row's: header, cursor, selection)."""
    segments, used = line
    styled = Segment.apply_style(segments, base, style)
    if used == width:  # the usual case: no need to measure the line again
        return Strip(styled, width)
    return Strip(styled).adjust_cell_length(width, base)


def placeholder(width: int, base: Style) -> Strip:
    """The line of a row still being read: dim, until its window is in."""
    return Strip([Segment(PLACEHOLDER, Style(dim=True))]).adjust_cell_length(width, base)
