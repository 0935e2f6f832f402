"""The current agenda item with a large countdown of its timebox.

The phase (``ok``, ``warn`` past 80 %, ``over``) is shown as a colour class *and* as text
("2:10 over"), so colour is never the only carrier.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from salestui.core.meeting import ItemTime
from salestui.i18n import _
from salestui.tui.widgets.show import show_text

PHASES = ("ok", "warn", "over")


def clock(delta: timedelta) -> str:
    """``7:05``, ``12:00``, ``1:02:03`` (hours only when needed); never negative."""
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def phase_text(current: ItemTime) -> str:
    """What the countdown means, in words: ``7:05 left``, ``2:10 over``."""
    if current.phase == "over":
        return _("{time} over").format(time=clock(current.elapsed - current.allowed))
    if current.phase == "warn":
        return _("{time} left · past 80%").format(time=clock(current.remaining))
    return _("{time} left").format(time=clock(current.remaining))


def countdown(current: ItemTime) -> str:
    """The big digits: time left, or ``+2:10`` once the timebox is used up."""
    if current.phase == "over":
        return "+" + clock(current.elapsed - current.allowed)
    return clock(current.remaining)


class ItemTimer(Horizontal):
    """Big digits on the left; the item's title, times and phase in words on the right."""

    def compose(self) -> ComposeResult:
        yield Digits("", id="timer-digits")
        with Vertical(id="timer-info"):
            yield Static(id="timer-title")
            yield Static(id="timer-detail")
            yield Static(id="timer-phase")

    def show(self, current: ItemTime | None, number: int, presenter: str | None) -> None:
        """Draw ``current`` (the active item, number ``number`` on the agenda)."""
        for phase in PHASES:
            self.set_class(current is not None and current.phase == phase, f"-{phase}")
        self.set_class(current is None, "-idle")
        digits = self.query_one("#timer-digits", Digits)
        title = self.query_one("#timer-title", Static)
        detail = self.query_one("#timer-detail", Static)
        phase_label = self.query_one("#timer-phase", Static)
        if current is None:
            if digits.value:
                digits.update("")
            show_text(title, Text(_("No item running"), style="bold"))
            show_text(
                detail, Text(_("ctrl+n starts the next pending item; ctrl+f ends the meeting"))
            )
            show_text(phase_label, "")
            return
        if digits.value != countdown(current):
            digits.update(countdown(current))
        show_text(
            title, Text(_("{number}. {title}").format(number=number, title=current.item.title))
        )
        times = _("{elapsed} of {planned} min").format(
            elapsed=clock(current.elapsed), planned=current.allowed_label
        )
        if presenter:
            times = f"{times} · {presenter}"
        show_text(detail, Text(times))
        show_text(phase_label, Text(phase_text(current)))
