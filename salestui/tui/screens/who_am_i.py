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
from salestui.tui.widgets.person_picker import PersonPicker, no_match_message


class WhoAmIScreen(ModalScreen[Person | None]):
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

    def compose(self) -> ComposeResult:
        current = self.services.me() if self.services.me_chosen else None
        with Vertical():
            yield Static(_("Who are you?"), classes="who-title")
            yield PersonPicker(
                self.services.people(),
                placeholder=_("Your name, or pinyin initials (wf = 王芳)"),
                id="who-picker",
            )
            hint = _("Enter picks · Esc cancels · kept for you on this computer, not shared")
            if current is not None:
                hint = _("Now: {name}").format(name=current.name) + " · " + hint
            yield Static(hint, classes="who-hint")

    def on_mount(self) -> None:
        self.query_one(PersonPicker).input.focus()

    def on_person_picker_picked(self, event: PersonPicker.Picked) -> None:
        event.stop()
        self.dismiss(event.person)

    def on_person_picker_no_match(self, event: PersonPicker.NoMatch) -> None:
        event.stop()
        event.picker.show_message(no_match_message(event.query))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
