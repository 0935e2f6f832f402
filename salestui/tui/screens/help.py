"""A modal listing the keys of the screen it was opened from."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="help.close"),
        Binding("question_mark", "dismiss", N_("Close"), show=False, id="help.close_again"),
    ]

    def __init__(self, title: str, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self._title = title
        self._bindings_shown = dict(bindings)

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        """Help for ``screen``, read from its active bindings (public API only)."""
        title = screen.screen_title if isinstance(screen, SalestuiScreen) else ""
        return cls(title, screen.active_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            heading = _("Keys")
            box.border_title = f"{heading} · {self._title}" if self._title else heading
            box.border_subtitle = _("escape closes")
            yield Static(self._table(), id="help-keys")

    def _rows(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(keys in the footer, other keys): one row per action, its keys joined."""
        grouped: dict[tuple[int, str, str], list[Binding]] = {}
        for active in self._bindings_shown.values():
            binding = active.binding
            if not binding.description or binding.system:
                continue
            slot = (id(active.node), binding.action, binding.description)
            grouped.setdefault(slot, []).append(binding)
        main: list[tuple[str, str]] = []
        more: list[tuple[str, str]] = []
        for bindings in grouped.values():
            # The key shown in the footer first (q before ^q).
            bindings.sort(key=lambda binding: not binding.show)
            keys = dict.fromkeys(self.app.get_key_display(binding) for binding in bindings)
            shown = any(binding.show for binding in bindings)
            (main if shown else more).append((", ".join(keys), bindings[0].description))
        return main, more

    def _table(self) -> Table:
        main, more = self._rows()
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        for heading, rows in ((_("On this screen"), main), (_("Moving around"), more)):
            if not rows:
                continue
            if table.row_count:
                table.add_row("", "")
            table.add_row(Text(heading, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys, style="bold"), Text(description))
        return table
