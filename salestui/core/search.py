"""Search across everything: every word, in any order (quotes make a phrase), in action
titles, follow-up notes, waiting / blocked reasons, decisions, meeting notes, agenda items
and meetings. Each hit says where it matched and what to open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salestui.core.errors import InvalidInput
from salestui.core.query_terms import search_terms
from salestui.core.store import Store
from salestui.core.store.search import SEARCH_KINDS
from salestui.i18n import N_, _

WHERE = {
    "action": N_("Action"),
    "reason": N_("Waiting / blocked"),
    "follow_up": N_("Follow-up note"),
    "decision": N_("Decision"),
    "note": N_("Meeting note"),
    "agenda_item": N_("Agenda item"),
    "meeting": N_("Meeting"),
}
MAX_QUERY = 500  # characters


@dataclass(frozen=True)
class Hit:
    kind: str  # one of SEARCH_KINDS
    id: int  # of the row that matched (action, follow-up, decision, entry, item, meeting)
    text: str
    action_id: int | None  # what to open: the action ...
    meeting_id: int | None  # ... or the meeting
    at: datetime | None
    confidential: bool = False  # shown with the confidential marker (issue 16)

    @property
    def where(self) -> str:
        return _(WHERE[self.kind])


def search(store: Store, text: str, limit: int = 20) -> list[Hit]:
    """Up to ``limit`` hits of each kind, actions first, newest first within a kind."""
    if not search_terms(text):
        raise InvalidInput(_("Give one or more words to search for"))
    if len(text) > MAX_QUERY:
        raise InvalidInput(
            _("The search is too long (at most {limit} characters)").format(limit=MAX_QUERY)
        )
    rows = store.search_all(text, limit, SEARCH_KINDS)
    return [
        Hit(
            kind=row["kind"],
            id=row["id"],
            text=" ".join((row["text"] or "").split()),
            action_id=row["action_id"],
            meeting_id=row["meeting_id"],
            at=datetime.fromisoformat(row["at"]) if row["at"] else None,
            confidential=bool(row.get("confidential")),
        )
        for row in rows
    ]
