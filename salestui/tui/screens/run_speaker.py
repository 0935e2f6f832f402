"""Who is speaking now: a one-key picker over the capture line (ctrl+t, then a digit).

Terminals send alt+digit as characters (``¡™£`` ...), so alt+digit cannot mark a speaker
while the chair types; this picker works everywhere. Off the capture line, the digits
themselves work too.

It is a widget inside the console, not a modal screen: ``ctrl+t`` focuses it at once
(``Screen.set_focus`` is synchronous), so a digit typed right after it can never land in
the capture line, and any other key closes the picker and goes to the line as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from salestui.i18n import N_, _
from salestui.tui.screens.run_data import Speaker
from salestui.tui.widgets.speaking import share_cell

NOBODY = 0


class SpeakerPicker(Static, can_focus=True):
    BINDINGS = [
        Binding("escape", "screen.speaker_picked(-1)", N_("Cancel"), id="speaker.cancel"),
        Binding(
            "0",
            "screen.speaker_picked(0)",
            N_("Nobody speaking"),
            priority=True,
            id="speaker.nobody",
        ),
        *(
            Binding(str(n), f"screen.speaker_picked({n})", "", show=False, priority=True)
            for n in range(1, 10)
        ),
    ]

    @dataclass
    class Typed(Message):
        """A key that is not for the picker: it closes it and goes to the capture line."""

        character: str

    def show(self, speakers: list[Speaker], speaking_now: int | None) -> None:
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right")
        table.add_column()
        table.add_column()
        for speaker in [s for s in speakers if s.number > 0][:9]:
            now = speaker.person_id == speaking_now
            table.add_row(
                Text(str(speaker.number), style="bold"),
                Text(("● " if now else "") + speaker.person.name, style="bold" if now else ""),
                share_cell(speaker.seconds, speaker.share),
            )
        self.border_title = _("Who is speaking?")
        self.border_subtitle = _("1-9 · 0 nobody · Esc cancels")
        self.update(table)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isprintable() and not event.character.isdigit():
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(event.character))
