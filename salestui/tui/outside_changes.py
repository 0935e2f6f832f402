"""Changes made elsewhere show up by themselves: another person's app or a command line
committing to the same database file is noticed within a second and the screen in front
reads its data again (its ``reload_data``, which keeps the cursor where it was)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp

INTERVAL = 0.5  # seconds between two looks at the file's commit counter
NOTICE = N_("Updated with changes made elsewhere")


class OutsideChanges:
    """Watches the database's commit counter for the app."""

    def __init__(self, app: SalestuiApp) -> None:
        self.app = app
        self.seen: int | None = None

    def start(self) -> None:
        self.seen = self._version()
        self.app.set_interval(INTERVAL, self.check, name="outside-changes")

    def _version(self) -> int | None:
        return self.app.services.data_version()

    def check(self) -> bool:
        """Reload the screen in front if someone else committed; True when it did. A
        screen being typed into, or a dialog over it, waits for the next look."""
        version = self._version()
        if version is None or version == self.seen:
            return False
        screen = self.app.screen
        if not isinstance(screen, SalestuiScreen) or self._typing():
            return False
        self.seen = version
        screen.reload_data()
        if not screen.LIVE:  # a live console changes all the time: no notice each time
            self.app.notify(_(NOTICE), timeout=2)
        return True

    def _typing(self) -> bool:
        focused = self.app.focused
        if isinstance(focused, Input):
            return bool(focused.value)
        if isinstance(focused, TextArea):
            return bool(focused.text)
        return False
