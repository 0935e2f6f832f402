"""The current item's entries: a table that grows by appending.

A meeting can gather hundreds of lines. Rebuilding a table on every Enter would cost
more than the 30 ms a capture may take to show, so rows are built once per entry (and
kept while the entry is unchanged), only the last ``WINDOW`` are shown, and a new line
is appended to the table rather than redrawing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.models import ActionRow, Entry, EntryKind
from salestui.i18n import N_, _, current_language
from salestui.tui import labels
from salestui.tui.screens.run_tables import ENTRY_KINDS
from salestui.tui.widgets.steady import STEADY_VIRTUAL_SIZE, keep_steady

WINDOW = 100  # entries shown for the current item (the newest) ...
SLACK = 100  # ... growing by up to this many before the oldest are dropped (one rebuild)
TIME_WIDTH = 5
KIND_STYLES = {EntryKind.DECISION: "bold", EntryKind.ACTION: "bold", EntryKind.PARK: "italic"}


@dataclass(frozen=True)
class EntryRow:
    key: str
    time: str
    kind: Text
    text: Text


class EntryRows:
    """Builds the row of an entry once, and again only when what it shows has changed."""

    def __init__(self) -> None:
        self._cache: dict[tuple, EntryRow] = {}  # type: ignore[type-arg]

    def rows(
        self, entries: Sequence[Entry], actions: dict[int, ActionRow], today: date
    ) -> list[EntryRow]:
        language = current_language()
        out = []
        for entry in entries:
            action = actions.get(entry.id or 0)
            signature = (
                entry.id, entry.kind, entry.text, language, today, entry.confidential,
                (tuple(action.owners), action.due, action.priority) if action else None,
            )  # fmt: skip
            row = self._cache.get(signature)
            if row is None:
                row = self._cache[signature] = self._build(entry, action, today)
            out.append(row)
        return out

    @staticmethod
    def _build(entry: Entry, action: ActionRow | None, today: date) -> EntryRow:
        text = Text(entry.text)
        if entry.confidential:
            text = Text.assemble((_(CONFIDENTIAL_MARK), "bold reverse"), " ", text)
        if entry.kind == EntryKind.ACTION and action is not None:
            parts = [", ".join(action.owners) or _("Unassigned")]
            if action.due is not None:
                parts.append(labels.short_date(action.due, today))
            parts.append(labels.priority(action.priority))
            text.append(" → " + " · ".join(parts), style="dim")
        kind = Text(_(ENTRY_KINDS[entry.kind]), style=KIND_STYLES.get(entry.kind, ""))
        return EntryRow(f"entry-{entry.id}", labels.local_time(entry.at), kind, text)


class EntriesTable(DataTable):
    """The entries of the current item. Its keys are never letters: typing while it has
    the focus goes to the capture line (``Typed``), and what changes an entry takes a
    modifier (convert) or a confirmation (delete) - and can be undone (ctrl+z)."""

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

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if self.forward_typing and character and character.isprintable() and event.is_printable:
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(character))

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

    def action_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    def select_entry(self, entry_id: int) -> None:
        """Put the cursor on that entry, if it is shown."""
        key = f"entry-{entry_id}"
        if key in self.row_keys:
            self.move_cursor(row=self.row_keys.index(key), animate=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.entry_rows = EntryRows()  # each entry's row, built once
        self._shown: list[EntryRow] = []
        self._width = -1
        self._text_width = 10
        self._language = ""

    @property
    def row_keys(self) -> list[str]:
        return [row.key for row in self._shown]

    def on_mount(self) -> None:
        self.show_cursor = self.has_focus
        # While the chair types, the list stays scrolled to its end as rows are added: a
        # new row is laid out at the bottom in the same frame as the save, not in a later
        # scroll pass. Working in the list itself, it scrolls where the cursor goes.
        self.anchor(not self.has_focus)

    def on_focus(self) -> None:
        self.show_cursor = True
        self.anchor(not self.forward_typing)

    def on_blur(self) -> None:
        self.show_cursor = False
        self.anchor()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            cursor = self.cursor_row
            self._rebuild(self._shown)
            if self._shown:  # the cursor stays on its entry
                self.move_cursor(row=min(cursor, len(self._shown) - 1), animate=False)

    def show(self, rows: list[EntryRow]) -> bool:
        """Show the newest ``rows``. New lines at the end are appended in place; after an
        edit, a deletion, a resize, or once ``SLACK`` lines were added, the table is rebuilt
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
            for row in new:
                self.add_row(row.time, row.kind, self._fit(row.text), key=row.key)
            self._shown = shown + new
        if self._shown:
            # New lines come into view; while the chair works in the list, stay on the row.
            keep = self.has_focus and self.forward_typing
            last = len(self._shown) - 1
            self.move_cursor(row=min(cursor, last) if keep else last, animate=False)
        return True

    def append_saved(self, entry: Entry, action: ActionRow | None, today: date) -> None:
        """A line just saved, at the end of the list at once: the read that follows finds
        it shown (the same row, from ``entry_rows``) and changes nothing. Only when the
        list already shows rows: the first entry waits for the read."""
        if self._shown and entry.id is not None:
            actions = {entry.id: action} if action is not None else {}
            self.show(self._shown + self.entry_rows.rows([entry], actions, today))

    def _appended(self, rows: list[EntryRow]) -> list[EntryRow] | None:
        """The rows added after what is shown, or None when the table must be rebuilt."""
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

    def _fit(self, text: Text) -> Text:
        fitted = text.copy()
        fitted.no_wrap = True
        fitted.overflow = "ellipsis"
        fitted.truncate(self._text_width, overflow="ellipsis")
        return fitted

    def _rebuild(self, rows: list[EntryRow]) -> None:
        self._width = self.scrollable_content_region.width
        self._language = current_language()
        kind_width = max(cell_len(_(label)) for label in (*ENTRY_KINDS.values(), N_("Kind")))
        used = TIME_WIDTH + kind_width + 2 * self.cell_padding * 3 + 1  # 1: the scrollbar
        self._text_width = max(10, self._width - used)
        self.clear(columns=True)
        self.add_column(_("Time"), width=TIME_WIDTH, key="time")
        self.add_column(_("Kind"), width=kind_width, key="kind")
        self.add_column(_("Entry"), width=self._text_width, key="text")
        for row in rows:
            self.add_row(row.time, row.kind, self._fit(row.text), key=row.key)
        self._shown = list(rows)
