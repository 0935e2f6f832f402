"""The current item's entries: a list of lines that grows by appending.

A meeting can gather hundreds of lines, and a capture must show within 30 ms of Enter.
Rows are built once per entry (and kept while the entry is unchanged), only the last
``WINDOW`` are shown, and each shown row is drawn once into a line of cells that is kept
until the row, the width or the cursor on it changes. A new line is appended in place:
the list's size and scroll position change in the same frame as the save, with no layout
of the screen and no redrawing of the rows already shown. (A ``DataTable`` measured its
new rows in a later idle pass, which laid the screen out again, and forgot every drawn
row on each ``add_row``: the new row showed a frame late, after a repaint of all rows.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from salestui.core.models import ActionRow, Entry
from salestui.i18n import N_, _, current_language
from salestui.tui.screens.run_entry_rows import EntryRow, EntryRows
from salestui.tui.screens.run_tables import ENTRY_KINDS
from salestui.tui.widgets.steady import STEADY_VIRTUAL_SIZE, keep_steady

WINDOW = 100  # entries shown for the current item (the newest) ...
SLACK = 100  # ... growing by up to this many before the oldest are dropped (one rebuild)
TIME_WIDTH = 5


class EntriesTable(ScrollView, can_focus=True):
    """The entries of the current item: a header line, then one line per entry with its
    time, kind and words. Its keys are never letters: typing while it has the focus goes
    to the capture line (``Typed``), and what changes an entry takes a modifier (convert)
    or a confirmation (delete) - and can be undone (ctrl+z)."""

    COMPONENT_CLASSES = {"entries--header", "entries--cursor"}

    DEFAULT_CSS = """
    EntriesTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .entries--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .entries--header {
                background-tint: $foreground 5%;
            }
        }
        & > .entries--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .entries--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .entries--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS = [
        Binding("enter", "screen.edit_entry", N_("Edit"), id="run.entry_edit"),
        Binding("delete", "screen.delete_entry", N_("Delete…"), id="run.entry_delete"),
        Binding(
            "ctrl+d",
            "screen.convert_entry('decision')",
            N_("→ decision"),
            id="run.to_decision",
        ),
        Binding("ctrl+a", "screen.convert_entry('action')", N_("→ action"), id="run.to_action"),
        Binding("ctrl+e", "screen.convert_entry('note')", N_("→ note"), id="run.to_note"),
        Binding("ctrl+l", "confidential", N_("Confidential"), id="run.confidential"),
        Binding("ctrl+u", "supersede", N_("Supersedes…"), id="run.supersede"),
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "first", N_("First entry"), show=False, id="run.entry_first"),
        Binding("end", "last", N_("Last entry"), show=False, id="run.entry_last"),
    ]

    @dataclass
    class Typed(Message):
        """A printable key pressed on the list: it belongs on the capture line."""

        character: str

    # A new row lays the screen out only when the scrollbar comes (``widgets.steady``).
    virtual_size = STEADY_VIRTUAL_SIZE

    def watch_virtual_size(self, size: Size) -> None:
        keep_steady(self, size)

    forward_typing = True
    """Printable keys go to the capture line. Off while watching: there is no line, and
    the list follows the newest entry even when it has the focus."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.entry_rows = EntryRows()  # each entry's row, built once
        self._shown: list[EntryRow] = []
        self._cells: list[tuple[Text, Text, Text]] = []  # each shown row's cells, fitted
        self._lines: dict[tuple[str, bool], tuple[Style, Strip]] = {}  # (key, cursor): drawn
        self._width = -1
        self._kind_width = 4
        self._text_width = 10
        self._language = ""
        self.cursor_row = 0
        self._show_cursor = False

    # -- what the screen and the tests read --------------------------------------------

    @property
    def row_keys(self) -> list[str]:
        return [row.key for row in self._shown]

    @property
    def row_count(self) -> int:
        return len(self._shown)

    def get_row_at(self, row: int) -> list[Text]:
        """The cells shown on that row: time, kind and the (fitted) words."""
        return list(self._cells[row])

    @property
    def show_cursor(self) -> bool:
        return self._show_cursor

    @show_cursor.setter
    def show_cursor(self, show: bool) -> None:
        if show != self._show_cursor:
            self._show_cursor = show
            self._refresh_row(self.cursor_row)

    def select_entry(self, entry_id: int) -> None:
        """Put the cursor on that entry, if it is shown."""
        key = f"entry-{entry_id}"
        if key in self.row_keys:
            self.move_cursor(row=self.row_keys.index(key), animate=False)

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on ``row`` (kept within the list) and bring it into view, unless
        the list follows its newest row."""
        row = max(0, min(row, len(self._shown) - 1))
        if row != self.cursor_row:
            self._refresh_row(self.cursor_row)
            self.cursor_row = row
            self._refresh_row(row)
        if not self.is_anchored:
            self._bring_into_view(row)

    # -- focus and following the newest row --------------------------------------------

    def on_mount(self) -> None:
        self.show_cursor = self.has_focus
        # While the chair types, the list stays scrolled to its end as rows are added.
        # Working in the list itself, it scrolls where the cursor goes.
        self.anchor(not self.has_focus)

    def on_focus(self) -> None:
        self.show_cursor = True
        self.anchor(not self.forward_typing)
        self.refresh()  # the focused list has its own colours

    def on_blur(self) -> None:
        self.show_cursor = False
        self.anchor()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            cursor = self.cursor_row
            self._rebuild(self._shown)
            if self._shown:  # the cursor stays on its entry
                self.move_cursor(row=min(cursor, len(self._shown) - 1), animate=False)
        if self.is_anchored:
            self.scroll_end(animate=False, immediate=True)

    # -- keys and the mouse --------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if self.forward_typing and character and character.isprintable() and event.is_printable:
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(character))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1 and self._shown:
            self.move_cursor(row=int(self.scroll_offset.y) + offset.y - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("confidential", "supersede"):  # changes: not while watching
            screen = self.screen
            return not getattr(screen, "watching", False) and getattr(screen, "mode", "") == "run"
        return True

    def action_confidential(self) -> None:
        from salestui.tui.screens.run_marks import toggle_confidential

        toggle_confidential(self.screen)

    def action_supersede(self) -> None:
        from salestui.tui.screens.run_marks import supersede

        supersede(self.screen)

    def action_cursor(self, step: int) -> None:
        if self._shown:
            self.move_cursor(row=self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        if self._shown:
            self.move_cursor(row=self.cursor_row + direction * max(1, self._visible_rows()))

    def action_first(self) -> None:
        if self._shown:
            self.move_cursor(row=0)

    def action_last(self) -> None:
        if self._shown:
            self.move_cursor(row=len(self._shown) - 1)

    # -- rows in and out -----------------------------------------------------------------

    def show(self, rows: list[EntryRow]) -> bool:
        """Show the newest ``rows``. New lines at the end are appended in place; after an
        edit, a deletion, a resize, or once ``SLACK`` lines were added, the list is rebuilt
        with the newest ``WINDOW``. True if anything changed."""
        shown = self._shown
        # Up to date: the newest rows are those shown, and none older was brought back
        # (an undone deletion) while the window still had room for it.
        if (
            shown
            and rows[-len(shown) :] == shown
            and (len(rows) == len(shown) or len(shown) >= WINDOW)
        ):
            return False
        cursor = self.cursor_row
        new = self._appended(rows)
        if new is None:
            self._rebuild(rows[-WINDOW:])
        else:
            self._shown = shown + new
            self._cells += [self._fit_row(row) for row in new]
            self._resize()
        if self._shown:
            # New lines come into view; while the chair works in the list, stay on the row.
            keep = self.has_focus and self.forward_typing
            last = len(self._shown) - 1
            self.move_cursor(row=min(cursor, last) if keep else last, animate=False)
        if self.is_anchored:
            self.scroll_end(animate=False, immediate=True)
        return True

    def append_saved(self, entry: Entry, action: ActionRow | None, today: date) -> None:
        """A line just saved, at the end of the list at once: the read that follows finds
        it shown (the same row, from ``entry_rows``) and changes nothing. Only when the
        list already shows rows: the first entry waits for the read."""
        if self._shown and entry.id is not None:
            actions = {entry.id: action} if action is not None else {}
            self.show(self._shown + self.entry_rows.rows([entry], actions, today))

    def _appended(self, rows: list[EntryRow]) -> list[EntryRow] | None:
        """The rows added after what is shown, or None when the list must be rebuilt."""
        shown = self._shown
        if (
            not shown
            or self.scrollable_content_region.width != self._width
            or self._language != current_language()
        ):
            return None
        start = next((n for n, row in enumerate(rows) if row.key == shown[0].key), None)
        if start is None or rows[start : start + len(shown)] != shown:
            return None
        new = rows[start + len(shown) :]
        if not new or len(shown) + len(new) > WINDOW + SLACK:
            return None
        return new

    def _rebuild(self, rows: list[EntryRow]) -> None:
        self._width = self.scrollable_content_region.width
        self._language = current_language()
        self._kind_width = max(cell_len(_(label)) for label in (*ENTRY_KINDS.values(), N_("Kind")))
        used = TIME_WIDTH + self._kind_width + 2 * 3 + 1  # a space each side; 1: scrollbar
        self._text_width = max(10, self._width - used)
        self._shown = list(rows)
        self._cells = [self._fit_row(row) for row in rows]
        self._lines.clear()
        self.cursor_row = 0
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        self.virtual_size = Size(self._width, len(self._shown) + 1)  # 1: the header

    # -- drawing -------------------------------------------------------------------------

    def _fit_row(self, row: EntryRow) -> tuple[Text, Text, Text]:
        text = row.text.copy()
        text.no_wrap = True
        text.overflow = "ellipsis"
        text.truncate(self._text_width, overflow="ellipsis")
        return Text(row.time), row.kind, text

    def _visible_rows(self) -> int:
        return self.scrollable_content_region.height - 1  # under the header

    def _bring_into_view(self, row: int) -> None:
        top, visible = int(self.scroll_offset.y), self._visible_rows()
        if visible <= 0:
            return
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._shown):
            self._lines.pop((self._shown[row].key, True), None)
            self.refresh_line(row + 1)  # line 0 is the header

    def render_line(self, y: int) -> Strip:
        width, style = self.size.width, self.rich_style
        if y == 0:
            style += self.get_component_rich_style("entries--header")
            cells = (Text(_("Time")), Text(_("Kind")), Text(_("Entry")))
            return self._line(("", False), cells, style, width)
        row = int(self.scroll_offset.y) + y - 1
        if not 0 <= row < len(self._shown):
            return Strip.blank(width, style)
        under_cursor = self._show_cursor and row == self.cursor_row
        if under_cursor:
            style += self.get_component_rich_style("entries--cursor")
        return self._line((self._shown[row].key, under_cursor), self._cells[row], style, width)

    def _line(
        self, key: tuple[str, bool], cells: tuple[Text, Text, Text], style: Style, width: int
    ) -> Strip:
        """The drawn line, kept while its style and width stay the same."""
        kept = self._lines.get(key)
        if kept is not None and kept[0] == style and kept[1].cell_length == width:
            return kept[1]
        line = self._draw(cells, style, width)
        self._lines[key] = (style, line)
        return line

    def _draw(self, cells: tuple[Text, Text, Text], style: Style, width: int) -> Strip:
        """One line: each cell padded to its column's width with a space either side."""
        line = Text(no_wrap=True, end="")
        widths = (TIME_WIDTH, self._kind_width, self._text_width)
        for cell, size in zip(cells, widths, strict=True):
            fitted = cell.copy()
            fitted.truncate(size, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(fitted)
            line.append(" ")
        # Under the cells' own styles (Text.render drops a base style without spans).
        segments = list(Segment.apply_style(line.render(self.app.console), style))
        return Strip(Segment.adjust_line_length(segments, width, style=style), width)
