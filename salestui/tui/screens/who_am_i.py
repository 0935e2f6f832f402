"""Who am I: pick yourself from the people list (type a name, a prefix or pinyin initials:
``wf`` -> 王芳). Remembered in your own file, never in the shared database."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from salestui.core.models import Person
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.base import ReadsLater
from salestui.tui.widgets.person_picker import PersonPicker, no_match_message


class WhoAmIScreen(ReadsLater, ModalScreen[Person | None]):
    """A dialog: type, pick with enter; escape leaves things as they were."""

    DEFAULT_CSS = """
    WhoAmIScreen { align: center middle; }
    WhoAmIScreen > Vertical {
        width: 64; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    WhoAmIScreen .who-title { text-style: bold; margin-bottom: 1; }
    WhoAmIScreen .who-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "dismiss_none", N_("Cancel"), id="who.cancel")]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.loaded = False  # the people are read in a worker

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Who are you?"), classes="who-title")
            yield PersonPicker(
                placeholder=_("Your name, or pinyin initials (wf = 王芳)"),
                id="who-picker",
            )
            yield Static(_("Reading…"), classes="who-hint", id="who-hint")

    def on_mount(self) -> None:
        self.query_one(PersonPicker).input.focus()
        self.read_later("who", _who_and_people, self._loaded)

    def _loaded(self, read: tuple[Person | None, list[Person]]) -> None:
        current, people = read
        self.loaded = True
        self.query_one(PersonPicker).set_people(people)
        hint = _("Enter picks · Esc cancels · kept for you on this computer, not shared")
        if current is not None:
            hint = _("Now: {name}").format(name=current.name) + " · " + hint
        self.query_one("#who-hint", Static).update(hint)

    def on_person_picker_picked(self, event: PersonPicker.Picked) -> None:
        event.stop()
        self.dismiss(event.person)

    def on_person_picker_no_match(self, event: PersonPicker.NoMatch) -> None:
        event.stop()
        event.picker.show_message(no_match_message(event.query) if self.loaded else _("Reading…"))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def _who_and_people(services: Services) -> tuple[Person | None, list[Person]]:
    """Who the user is now (when they said), and everyone they can pick."""
    return (services.me() if services.me_chosen else None), services.people()
