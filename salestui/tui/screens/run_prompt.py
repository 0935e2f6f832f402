"""A yes/no question in a small modal (ending the meeting is not undone by accident)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from salestui.i18n import N_, _


class AskScreen(ModalScreen[bool]):
    CSS_PATH = "run.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes"), id="ask.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="ask.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box"):
            yield Static(Text(self.question, style="bold"), id="ask-question")
            if self.detail:
                yield Static(Text(self.detail), id="ask-detail")
            yield Static(Text(_("y / Enter: yes · n / Esc: no"), style="dim"), id="ask-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
