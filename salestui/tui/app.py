"""The salestui App: screens, global keys, theme. Screens do the work."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from salestui.config import Config
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.help import HelpScreen
from salestui.tui.screens.home import HomeScreen


class SalestuiApp(App[None]):
    """The terminal app. Takes its database (as ``Services``) from the caller; the caller
    also chooses the language (``salestui.i18n.set_language``) before starting it."""

    CSS_PATH = "app.tcss"
    TITLE = "salestui"
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True, id="app.quit_ctrl"),
        Binding("question_mark", "help", N_("Help"), key_display="?", id="app.help"),
        Binding("r", "reload", N_("Refresh"), id="app.refresh"),
    ]

    def __init__(self, services: Services, config: Config | None = None) -> None:
        super().__init__()
        self.services = services
        self.config = config or Config()

    def get_default_screen(self) -> Screen:
        return HomeScreen(self.services)

    def on_mount(self) -> None:
        theme = self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(
                _("Unknown theme {theme}; using the default").format(theme=theme),
                severity="warning",
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def action_reload(self) -> None:
        if isinstance(self.screen, SalestuiScreen):
            self.screen.reload_data()
