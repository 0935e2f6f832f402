"""The palette's search across everything: typing two or more characters in the command
palette also finds action items, follow-up notes, reasons, decisions, meeting notes,
agenda items and meetings, and opens the item or meeting a hit belongs to.

The search runs in a thread on that thread's own connection (``app.readers``), so the
UI thread only draws; a newer query replaces an older one's results (the palette cancels
the search it no longer needs).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import Hit, Hits, Provider

from salestui.core.errors import SalestuiError
from salestui.i18n import _
from salestui.tui import labels

if TYPE_CHECKING:
    from salestui.core.search import Hit as Found
    from salestui.tui.app import SalestuiApp

MIN_QUERY = 2  # characters: one is too little to search the whole database for
PER_KIND = 5  # hits of each kind (actions, notes, decisions, ...)
SNIPPET = 70  # characters of a hit's text shown


class SearchEverything(Provider):
    """Action items and meetings whose text holds every word typed."""

    def _find(self, query: str) -> list[Found]:
        app: SalestuiApp = self.app  # type: ignore[assignment]
        return app.readers.services().search(query, PER_KIND)

    def _open(self, found: Found) -> None:
        app: SalestuiApp = self.app  # type: ignore[assignment]
        if found.action_id is not None:
            app.action_actions(f"action:{found.action_id}")
        elif found.meeting_id is not None:
            app.open_meeting(found.meeting_id)

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < MIN_QUERY:
            return
        try:
            hits = await asyncio.to_thread(self._find, query)
        except SalestuiError:
            return  # a query the search refuses (only quotes, too long) finds nothing
        for rank, found in enumerate(hits):
            text = found.text if len(found.text) <= SNIPPET else found.text[: SNIPPET - 1] + "…"
            opens = (
                _("action {id}").format(id=found.action_id)
                if found.action_id is not None
                else _("meeting {id}").format(id=found.meeting_id)
            )
            where = (_("{where}: ").format(where=found.where), "dim")
            title = Text.assemble(where, labels.marked(text, found.confidential))
            # below every command that matches at all (a fuzzy score may be small), in the
            # search's own order
            score = 0.001 * (1 - rank / (len(hits) + 1))
            yield Hit(score, title, partial(self._open, found), text=text, help=opens)
