"""The bar at the top of a screen: where you are on the left, context on the right; below
it, on a database that cannot be written to, a banner saying why (damaged, newer schema,
read-only file, full disk)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from salestui.i18n import _
from salestui.tui.widgets.show import show_text


class HeaderBar(Widget):
    shown: tuple[str, str] | None = None
    """The last ``show``'s place and context."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="header-row"):
            yield Static(classes="header-left")
            yield Static(classes="header-right")
        yield Static(classes="header-banner")

    def on_mount(self) -> None:
        self.show_read_only()

    def show(self, left: str, right: str) -> None:
        """``left`` where you are, ``right`` the screen's context; who you are is added on
        the right unless the context names you already (the department shares the file:
        every screen says whose view it is)."""
        self.shown = (left, right)
        who = getattr(self.app, "me_label", "")
        if who and who not in right:
            right = f"{right} · {who}" if right else who
        # Plain Text, never markup: names and titles are user data. A place too long for
        # the bar ends in "…" rather than wrapping out of sight.
        place = Text(left, no_wrap=True, overflow="ellipsis")
        show_text(self.query_one(".header-left", Static), place)
        show_text(self.query_one(".header-right", Static), Text(right))
        self.show_read_only()

    def show_again(self) -> None:
        """Draw the last place and context again (who you are has been read since)."""
        if self.shown is not None:
            self.show(*self.shown)

    def show_read_only(self) -> None:
        """The banner, when the app's database refuses writes (checked on every show: a
        full disk can make it read-only while the app runs)."""
        services = getattr(self.app, "services", None)
        reason = getattr(services, "read_only_reason", None)
        self.set_class(bool(reason), "-read-only")
        if reason:
            banner = _("Read-only: {reason}").format(reason=reason)
            self.query_one(".header-banner", Static).update(Text(banner))
