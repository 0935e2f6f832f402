"""Listings written as their rows come: a text table, a JSON array or JSON lines.

Memory stays flat in the number of rows: a text table takes its column widths from the
first window of rows (a later, longer value widens its own line only, nothing is cut),
and JSON is written one row at a time (encoded by SQLite or the C encoder).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

from salestui.core.text import json_safe, json_safe_already, strip_controls

# Rows read before the widths of a text table are fixed.
WINDOW = 200
# The widest a column grows from the first window (a longer value still shows whole).
MAX_WIDTH = 60
GAP = "   "  # between columns, as the other tables of the CLI
RULE = "─"
BOLD_RED = ("\x1b[1;31m", "\x1b[0m")

# A cell: its text, and whether it is a warning (shown bold red on a terminal).
Cell = tuple[str, bool]


def cell_width(text: str) -> int:
    """Columns the text takes in a terminal (wide CJK characters count two)."""
    from rich.cells import cell_len

    return cell_len(text)


class TextTable:
    """A plain table in the look of the CLI's other tables, streamed row by row.

    On a terminal the table fits its width (``fit``: the widest columns give way first,
    the ``main`` one last) and a cut cell ends in ``…``; into a file or a pipe every cell
    is whole, however wide the line."""

    def __init__(
        self,
        headers: list[str],
        out: TextIO | None = None,
        columns: int | None = None,
        main: int | None = None,
    ) -> None:
        self.headers = headers
        self.main = main  # the column that gives way last (``fit``)
        self.out = out or sys.stdout
        self.color = self.out.isatty()
        if columns is None and self.color:
            import shutil

            columns = shutil.get_terminal_size().columns
        self.columns = columns  # the terminal's width; None: lines as long as they come
        self.widths: list[int] = []

    def write(self, rows: Iterable[list[Cell]]) -> int:
        """Write every row (none: nothing at all); returns how many."""
        stream = iter(rows)
        first = list(islice(stream, WINDOW))
        if not first:
            return 0
        self.widths = [
            max([cell_width(header)] + [min(cell_width(row[i][0]), MAX_WIDTH) for row in first])
            for i, header in enumerate(self.headers)
        ]
        if self.columns is not None:
            room = self.columns - len(GAP) * (len(self.widths) - 1)
            self.widths = fit(self.widths, room, self.main)
        self._line([(h, False) for h in self.headers])
        self.out.write(RULE * (sum(self.widths) + len(GAP) * (len(self.widths) - 1)) + "\n")
        count = 0
        for row in _chain(first, stream):
            self._line(row)
            count += 1
        return count

    def _line(self, row: list[Cell]) -> None:
        parts = []
        last = len(row) - 1
        for i, (text, warn) in enumerate(row):
            if self.columns is not None:
                text = cut(text, self.widths[i])
            pad = "" if i == last else " " * max(self.widths[i] - cell_width(text), 0)
            shown = f"{BOLD_RED[0]}{text}{BOLD_RED[1]}" if warn and self.color else text
            parts.append(shown + pad)
        self.out.write(GAP.join(parts).rstrip() + "\n")


NARROWEST = 6  # a column is never cut narrower than this to fit a terminal
GIVES_FIRST = 12  # how far the other columns give way before the main one does
MAIN_KEEPS = 20  # and the main one, before the others give way again


def fit(widths: list[int], room: int, main: int | None = None) -> list[int]:
    """``widths`` narrowed until they add up to ``room``, the widest first: the other
    wide columns down to ``GIVES_FIRST``, then the ``main`` one (a title) to
    ``MAIN_KEEPS``, then the others and last the main one down to ``NARROWEST``. Columns
    no wider than ``GIVES_FIRST`` keep their width (a line may still wrap)."""
    # Short columns (ids, dates, statuses) are never cut: only ones wider than GIVES_FIRST.
    others = [i for i, w in enumerate(widths) if i != main and w > GIVES_FIRST]
    widths = list(widths)
    titles = [] if main is None else [main]
    steps = [(GIVES_FIRST, others), (MAIN_KEEPS, titles), (NARROWEST, others), (NARROWEST, titles)]
    for floor, columns in steps:
        while sum(widths) > room:
            wider = [i for i in columns if widths[i] > floor]
            if not wider:
                break
            widths[max(wider, key=lambda i: widths[i])] -= 1
    return widths


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending in ``…`` when cut."""
    if cell_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "…"


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def plain(value: object) -> str:
    """Cell text: no terminal controls, no line breaks."""
    text = strip_controls("" if value is None else str(value))
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _text(batch: list[str] | list[bytes], separator: str) -> str:
    if batch and isinstance(batch[0], bytes):
        joined = separator.encode().join(batch)  # type: ignore[arg-type]
        # Bytes that are not UTF-8 (another tool wrote them) become U+FFFD, as on a read.
        text = joined.decode("utf-8", "replace")
        return text if json_safe_already(joined) else json_safe(text)
    return json_safe(separator.join(batch))  # type: ignore[arg-type]


def write_json_array(batches: Iterable[list[str] | list[bytes]], out: TextIO | None = None) -> int:
    """A JSON array of encoded objects (``encode``, or UTF-8 bytes), one a line, given a
    batch at a time; returns how many objects."""
    out = out or sys.stdout
    count = 0
    out.write("[")
    for batch in batches:
        if batch:
            out.write(("\n" if count == 0 else ",\n") + _text(batch, ",\n"))
            count += len(batch)
    out.write("\n]\n" if count else "]\n")
    return count


def write_json_lines(
    batches: Iterable[list[str] | list[bytes]],
    out: TextIO | None = None,
    total: Callable[[int], int | None] | None = None,
) -> int:
    """One encoded JSON object (``encode``, or UTF-8 bytes) a line, given a batch at a
    time. When ``total(count)`` names more matches than were written (a --limit cut the
    list), a last line ``{"total":T,"shown":N}`` says so."""
    out = out or sys.stdout
    count = 0
    for batch in batches:
        if batch:
            out.write(_text(batch, "\n") + "\n")
            count += len(batch)
    matched = total(count) if total else None
    if matched is not None and matched > count:
        out.write(encode({"total": matched, "shown": count}) + "\n")
    return count


def encode(item: Any) -> str:
    """One value as the listings write it: compact, as SQLite's ``json_object`` makes
    them, and CJK kept readable. What a terminal would act on (U+009B, bidi controls) is
    escaped when written."""
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))
