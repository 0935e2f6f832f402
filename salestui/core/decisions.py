"""The decision register (issue 16): every decision across meetings, filtered and paged
in SQL, with its execution state; superseding a decision of an earlier meeting; and the
confidential flag of notes, decisions and action items.

Superseding links the new decision to the old one (``supersedes_id``) and makes the old
one ``superseded``; it is one journal step, so undo takes it back. A decision replaced by
an edit of its own entry is also ``superseded`` but has no successor: that is history and
stays out of the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.journal import MEETING
from salestui.core.journal_text import short_title
from salestui.core.models import (
    Decision,
    DecisionQuery,
    DecisionRow,
    DecisionStatus,
    Series,
)
from salestui.core.service import Services
from salestui.i18n import _

PAGE_SIZE = 200  # rows read per page; the screen reads the next page as it scrolls
CONFIDENTIAL_TABLES = {
    "note": "entries", "decision": "decisions", "action": "action_items", "item": "agenda_items",
}  # fmt: skip


@dataclass
class RegisterPage:
    rows: list[DecisionRow]
    total: int
    series: list[Series] = field(default_factory=list)

    @property
    def more(self) -> bool:
        return self.total > len(self.rows)


@storage_boundary
class DecisionRegister:
    """The register's reads and changes for one ``Services``."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- reading -----------------------------------------------------------------------------

    def query(
        self,
        status: str | None = None,
        series: str | None = None,
        owner: str | None = None,
        text: str = "",
        include_confidential: bool = True,
    ) -> DecisionQuery:
        """A query from what a person typed: a status, a series' title (or id), an owner's
        name. Raises ``InvalidInput``/``NotFound`` with a clear message."""
        query = DecisionQuery(text=text or "", include_confidential=include_confidential)
        if status:
            try:
                query.status = DecisionStatus(status.strip().lower())
            except ValueError:
                known = ", ".join(s.value for s in DecisionStatus)
                raise InvalidInput(
                    _("Unknown decision status: {status} (one of {known})").format(
                        status=status, known=known
                    )
                ) from None
        if series:
            query.series_id = self._series_id(series)
        if owner:
            query.owner_id = self.services.find_person(owner).id
        return query

    def _series_id(self, wanted: str) -> int:
        found = [
            s.id
            for s in self.services.all_series()
            if s.id is not None and (str(s.id) == wanted.strip() or s.title == wanted.strip())
        ]
        if not found:
            raise NotFound(_("No meeting series called {name}").format(name=wanted))
        return found[0]

    def page(self, query: DecisionQuery, limit: int = PAGE_SIZE, offset: int = 0) -> RegisterPage:
        """Up to ``limit`` decisions from ``offset``, newest meeting first, and the total."""
        rows = self.store.register_rows(query, limit=limit, offset=offset)
        return RegisterPage(rows, self.store.register_count(query), self.services.all_series())

    def row(self, decision_id: int) -> DecisionRow | None:
        """One decision as the register shows it (None if it is gone)."""
        for found in self.store.register_rows(DecisionQuery(), limit=1, offset=0, only=decision_id):
            return found
        return None

    # -- superseding -------------------------------------------------------------------------

    def supersede(self, old_id: int, new_id: int) -> Decision:
        """Mark decision ``old_id`` superseded by ``new_id`` (a decision of the same or a
        later meeting). One journal step; returns the old decision as it now is."""
        old, new = self.checked_pair(old_id, new_id)
        summary = _("Decision “{old}” superseded by “{new}”").format(
            old=short_title(old.text), new=short_title(new.text)
        )
        scopes = [("decisions", {"id": [old_id, new_id]})]
        with self.services.journal.step(MEETING, *scopes, summary=summary):
            self.link(old, new)
        return old

    def checked_pair(self, old_id: int, new_id: int) -> tuple[Decision, Decision]:
        """The two decisions, once it is sure ``new_id`` may supersede ``old_id``."""
        old, new = self._decision(old_id), self._decision(new_id)
        self._check_supersede(old, new)
        return old, new

    def link(self, old: Decision, new: Decision) -> None:
        """Write the link (inside the caller's journal step or live record)."""
        new.supersedes_id = old.id
        self.store.update_decision(new)
        old.status = DecisionStatus.SUPERSEDED
        self.store.update_decision(old)

    def _decision(self, decision_id: int) -> Decision:
        found = self.store.get_decision(decision_id)
        if found is None:
            raise NotFound(_("No decision with id {id}").format(id=decision_id))
        return found

    def _check_supersede(self, old: Decision, new: Decision) -> None:
        if old.id == new.id:
            raise InvalidInput(_("A decision cannot supersede itself"))
        if old.status == DecisionStatus.SUPERSEDED:
            raise InvalidInput(_("That decision is already superseded"))
        if new.status in (DecisionStatus.SUPERSEDED, DecisionStatus.REJECTED):
            raise InvalidInput(_("A superseded or rejected decision cannot replace another"))
        if new.supersedes_id is not None:
            raise InvalidInput(_("That decision already supersedes another"))
        old_meeting = self.store.get_meeting(old.meeting_id)
        new_meeting = self.store.get_meeting(new.meeting_id)
        old_start = old_meeting.scheduled_start if old_meeting else None
        new_start = new_meeting.scheduled_start if new_meeting else None
        if old_start and new_start and new_start < old_start:
            raise InvalidInput(_("A decision can only supersede one of an earlier meeting"))

    def candidates(self, new_id: int, text: str = "", limit: int = 50) -> list[DecisionRow]:
        """Decisions ``new_id`` may supersede: in force, of its meeting or an earlier one."""
        new = self._decision(new_id)
        meeting = self.store.get_meeting(new.meeting_id)
        start = meeting.scheduled_start if meeting else None
        query = DecisionQuery(text=text)
        found = []
        for row in self.store.register_rows(query, limit=limit * 4):
            if row.id == new_id or row.status == DecisionStatus.SUPERSEDED:
                continue
            if start and row.meeting_start and row.meeting_start > start:
                continue
            found.append(row)
        return found[:limit]

    # -- confidential ------------------------------------------------------------------------

    def set_confidential(self, kind: str, row_id: int, confidential: bool) -> None:
        """Mark a note (entry), decision, action or agenda item confidential, or not (a
        journal step).
        A decision's or action's own entry goes with it."""
        target = self.confidential_target(kind, row_id)
        summary = _("Marked confidential") if confidential else _("No longer confidential")
        with self.services.journal.step(MEETING, *target.scopes, summary=summary):
            self.write_confidential(target, confidential)

    def confidential_target(self, kind: str, row_id: int) -> ConfidentialTarget:
        """The rows a confidential mark of ``kind`` ``row_id`` changes (``NotFound``)."""
        table = CONFIDENTIAL_TABLES.get(kind)
        if table is None:
            raise InvalidInput(
                _("Only notes, decisions, actions and agenda items can be confidential")
            )
        meeting_id: int | None
        if table == "decisions":
            decision = self._decision(row_id)
            meeting_id, entry_id, words = decision.meeting_id, decision.entry_id, decision.text
        elif table == "action_items":
            action = self.store.get_action(row_id)
            if action is None:
                raise NotFound(_("No action item with id {id}").format(id=row_id))
            meeting_id, entry_id, words = action.meeting_id, action.entry_id, action.title
        elif table == "agenda_items":
            item = self.store.get_agenda_item(row_id)
            if item is None:
                raise NotFound(_("No agenda item with id {id}").format(id=row_id))
            meeting_id, entry_id, words = item.meeting_id, None, item.title
        else:
            entry = self.store.get_entry(row_id)
            if entry is None:
                raise NotFound(_("No entry #{id}").format(id=row_id))
            meeting_id, entry_id, words = entry.meeting_id, None, entry.text
        return ConfidentialTarget(table, row_id, entry_id, meeting_id, words)

    def write_confidential(self, target: ConfidentialTarget, confidential: bool) -> None:
        """Write the mark (inside the caller's journal step or live record)."""
        self.store.set_confidential(target.table, target.row_id, confidential)
        if target.entry_id is not None:
            self.store.set_confidential("entries", target.entry_id, confidential)


@dataclass
class ConfidentialTarget:
    table: str
    row_id: int
    entry_id: int | None  # a decision's or action's own entry
    meeting_id: int | None
    words: str

    @property
    def scopes(self) -> list[tuple[str, dict[str, list[int]]]]:
        found = [(self.table, {"id": [self.row_id]})]
        if self.entry_id is not None:
            found.append(("entries", {"id": [self.entry_id]}))
        return found
