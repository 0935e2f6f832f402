"""Marks the chair puts on entries of a live meeting (issue 16): confidential (the entry
with its decision or action), and superseding a decision of an earlier meeting with one
captured here. Each is one record of the meeting's own undo (ctrl+z in the console)."""

from __future__ import annotations

from salestui.core.boundary import storage_boundary
from salestui.core.decisions import DecisionRegister
from salestui.core.errors import InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models import Decision
from salestui.i18n import _


@storage_boundary
class LiveMarks:
    def __init__(self, live: LiveMeeting) -> None:
        self.live = live
        self.services = live.services
        self.store = live.services.store

    def toggle_confidential(self, entry_id: int) -> bool:
        """Mark the entry (and its decision or action) confidential, or no longer;
        returns the new state."""
        entry = self.live.captures.entry(entry_id)
        self.live.flow.running(entry.meeting_id)
        assert entry.id is not None
        scopes = (
            ("entries", {"id": entry.id}),
            ("decisions", {"entry_id": entry.id}),
            ("action_items", {"entry_id": entry.id}),
        )
        secret = not entry.confidential
        with self.live.undo_log.record(entry.meeting_id, "confidential", entry.text, *scopes):
            self.store.set_confidential("entries", entry.id, secret)
            decision = self.store.decision_for_entry(entry.id)
            if decision is not None and decision.id is not None:
                self.store.set_confidential("decisions", decision.id, secret)
            for action in self.store.actions_of_meeting(entry.meeting_id, for_update=False):
                if action.entry_id == entry.id and action.id is not None:
                    self.store.set_confidential("action_items", action.id, secret)
        return secret

    def set_confidential(self, kind: str, row_id: int, confidential: bool) -> None:
        """Mark a decision or action of a meeting held but not yet confirmed (the
        confirmation step): one record of the meeting's undo."""
        register = DecisionRegister(self.services)
        target = register.confidential_target(kind, row_id)
        if target.meeting_id is None:
            register.set_confidential(kind, row_id, confidential)
            return
        with self.live.undo_log.record(
            target.meeting_id, "confidential", target.words, *target.scopes
        ):
            register.write_confidential(target, confidential)

    def decision_of(self, entry_id: int) -> Decision:
        """The decision a decision entry stands for (``InvalidInput`` for other entries)."""
        decision = self.store.decision_for_entry(entry_id)
        if decision is None or decision.id is None:
            raise InvalidInput(_("Only a decision can supersede another"))
        return decision

    def supersede(self, old_id: int, new_id: int) -> Decision:
        """Decision ``old_id`` (of an earlier meeting) is superseded by ``new_id``, a
        decision of this running meeting."""
        register = DecisionRegister(self.services)
        old, new = register.checked_pair(old_id, new_id)
        self.live.flow.running(new.meeting_id)
        scope = ("decisions", {"id": [old_id, new_id]})
        with self.live.undo_log.record(new.meeting_id, "supersede", new.text, scope):
            register.link(old, new)
        return old
