"""Pick a person by typing: full name, a prefix, or pinyin initials (``wf`` -> 王芳).

The matches appear under the input as you type; up/down move through them and enter
picks one. The matching is ``salestui.core.names.candidates``, the same rules as the
capture line's ``@name``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from salestui.core.models import Person
from salestui.core.names import candidates, fold_name, full_pinyin, pinyin_initials
from salestui.i18n import N_, _
from salestui.tui import labels

MAX_SHOWN = 8


def describe_person(person: Person) -> str:
    """``王芳 · Team lead · 华东大区``: enough to tell two people apart."""
    parts = [person.name, labels.role(person.role)]
    if person.team:
        parts.append(person.team)
    return " · ".join(parts)


class PersonPicker(Vertical):
    """An input with a list of the people its text matches."""

    DEFAULT_CSS = """
    PersonPicker { height: auto; }
    PersonPicker > OptionList { display: none; height: auto; max-height: 8; }
    PersonPicker.-open > OptionList { display: block; }
    PersonPicker > .picker-message { display: none; height: auto; color: $text-warning; }
    PersonPicker.-message > .picker-message { display: block; }
    """

    BINDINGS = [
        Binding("down", "move(1)", N_("Next match"), show=False, id="picker.down"),
        Binding("up", "move(-1)", N_("Previous match"), show=False, id="picker.up"),
    ]

    @dataclass
    class Picked(Message):
        """The user chose ``person`` (enter on a match, or a click)."""

        picker: PersonPicker
        person: Person

        @property
        def control(self) -> PersonPicker:
            return self.picker

    @dataclass
    class NoMatch(Message):
        """Enter was pressed on a text that matches no one."""

        picker: PersonPicker
        query: str

        @property
        def control(self) -> PersonPicker:
            return self.picker

    def __init__(
        self,
        people: Sequence[Person] = (),
        *,
        placeholder: str = "",
        id: str | None = None,  # noqa: A002 - Textual's name for it
    ) -> None:
        super().__init__(id=id)
        self._people = list(people)
        self._marked: dict[int, str] = {}
        self._placeholder = placeholder
        self._shown: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self._placeholder, compact=True, classes="picker-input")
        yield OptionList(classes="picker-list")
        yield Static(classes="picker-message")

    @property
    def input(self) -> Input:
        return self.query_one(".picker-input", Input)

    @property
    def query_text(self) -> str:
        return self.input.value.strip()

    def set_people(self, people: Sequence[Person], marked: dict[int, str] | None = None) -> None:
        """Who can be picked; ``marked`` adds a note to some (e.g. "invited")."""
        self._people = list(people)
        self._marked = dict(marked or {})
        self._refresh_matches()

    def clear(self) -> None:
        self.input.value = ""
        self.show_message("")

    def show_message(self, message: str) -> None:
        self.query_one(".picker-message", Static).update(Text(message))
        self.set_class(bool(message), "-message")

    def matches(self, query: str, skip: Collection[int] = ()) -> list[Person]:
        """``candidates`` (what ``@name`` would match) first, then everyone else the text
        could be the start of: a word, the pinyin initials or the pinyin of a name (and,
        for Chinese text, any part of a name: 芳 finds 王芳)."""
        found = candidates(query, self._people)
        folded = fold_name(query)
        compact = folded.replace(" ", "")
        if compact:
            for person in self._people:
                name = fold_name(person.name)
                if person in found:
                    continue
                words = name.split()
                if (
                    (folded in name if not folded.isascii() else False)
                    or any(word.startswith(folded) for word in words)
                    or pinyin_initials(person.name).startswith(compact)
                    or full_pinyin(person.name).startswith(compact)
                ):
                    found.append(person)
        return [p for p in found if p.id not in skip]

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_message("")
        self._refresh_matches()

    def _refresh_matches(self) -> None:
        option_list = self.query_one(OptionList)
        found = self.matches(self.query_text)[:MAX_SHOWN]
        self._shown = found
        options = []
        for person in found:
            prompt = Text(describe_person(person))
            note = self._marked.get(person.id or 0)
            if note:
                prompt.append(f"  ({note})", style="dim")
            options.append(Option(prompt, id=str(person.id)))
        option_list.set_options(options)
        if options:
            option_list.highlighted = 0
        self.set_class(bool(options), "-open")

    def action_move(self, delta: int) -> None:
        option_list = self.query_one(OptionList)
        if not self._shown:
            return
        current = option_list.highlighted or 0
        option_list.highlighted = max(0, min(len(self._shown) - 1, current + delta))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = self.query_text
        if not query:
            return
        if not self._shown:
            self.post_message(self.NoMatch(self, query))
            return
        index = self.query_one(OptionList).highlighted or 0
        self.post_message(self.Picked(self, self._shown[index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._shown):
            self.post_message(self.Picked(self, self._shown[event.option_index]))


def no_match_message(query: str) -> str:
    return _("No one matches {name}").format(name=query)
