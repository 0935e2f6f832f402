"""A titled table, with a short message in its place when there is nothing to list."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable


class TableSection(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(classes="section-title")
        yield FitTable(classes="section-table")
        yield Static(classes="section-empty")

    @property
    def table(self) -> FitTable:
        return self.query_one(FitTable)

    def show(
        self, title: str, columns: Sequence[FitColumn], rows: Sequence[FitRow], empty: str
    ) -> None:
        """Fill the section; ``empty`` is shown instead of the table when there are no rows."""
        self.query_one(".section-title", Static).update(Text(title))
        self.query_one(".section-empty", Static).update(Text(empty))
        self.table.set_data(columns, rows)
        self.set_class(not rows, "-empty")
