"""The command palette (ctrl+p): every action of the app, found by typing."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from salestui.i18n import N_, _

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp

# (message id of the title, message id of the help, name of the app method to call)
COMMANDS: list[tuple[str, str, str]] = [
    (N_("New meeting"), N_("Plan a new meeting: form, attendees, agenda"), "action_new_meeting"),
    (N_("Meetings"), N_("All meetings: upcoming first, then past"), "action_meetings"),
    (N_("Start today's meeting"), N_("Open the next meeting of today to run it"),
     "action_start_next_meeting"),
    (N_("Next meeting"), N_("Plan the meeting after this one (or the latest held): "
     "what it left open is carried over"), "action_next_meeting"),
    (N_("Actions"), N_("Action items: filters, saved views, follow-ups"), "action_actions"),
    (N_("Overdue actions"), N_("The Overdue saved view"), "action_overdue"),
    (N_("My team"), N_("Team-lead dashboard: each person's open and overdue items"),
     "action_dashboard"),
    (N_("Staff"), N_("People and reporting lines"), "action_people"),
    (N_("Home"), N_("Back to the home screen"), "action_home"),
    (N_("Export minutes"), N_("Preview and save the minutes of the latest meeting"),
     "action_export_latest_minutes"),
    (N_("Switch language"), N_("English / 中文 (remembered in this database)"),
     "action_switch_language"),
    (N_("Switch theme"), N_("Choose a colour theme (remembered in this database)"),
     "action_change_theme"),
]  # fmt: skip


class SalestuiCommands(Provider):
    """Offers salestui's own commands, translated, next to Textual's system commands."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: SalestuiApp = self.app  # type: ignore[assignment]
        return [
            (_(title), _(help_text), partial(getattr(app, method)))
            for title, help_text, method in COMMANDS
        ]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
