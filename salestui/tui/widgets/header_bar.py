"""The one-line bar at the top of a screen: where you are on the left, context on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class HeaderBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(classes="header-left")
        yield Static(classes="header-right")

    def show(self, left: str, right: str) -> None:
        # Plain Text, never markup: names and titles are user data.
        self.query_one(".header-left", Static).update(Text(left))
        self.query_one(".header-right", Static).update(Text(right))
