"""What a live meeting records: entries, decisions, speaking turns."""

from __future__ import annotations

import json
from datetime import datetime

from salestui.core.models import (
    Decision,
    DecisionStatus,
    Entry,
    SpeakingTurn,
)
from salestui.core.store.base import BaseStore, _iso


class CaptureStore(BaseStore):
    # -- entries and decisions ------------------------------------------------------------

    def add_entry(self, entry: Entry) -> Entry:
        new_id = self._insert(
            "entries",
            {
                "meeting_id": entry.meeting_id,
                "agenda_item_id": entry.agenda_item_id,
                "kind": entry.kind.value,
                "text": entry.text,
                "person_id": entry.person_id,
                "at": _iso(entry.at),
                "deleted": int(entry.deleted),
                "disposition": entry.disposition,
                "detail": json.dumps(entry.detail, ensure_ascii=False) if entry.detail else None,
                "confidential": int(entry.confidential),
            },
        )
        return entry.model_copy(update={"id": new_id})

    def update_entry(self, entry: Entry) -> None:
        assert entry.id is not None
        self._update(
            "entries",
            entry.id,
            {
                "agenda_item_id": entry.agenda_item_id,
                "kind": entry.kind.value,
                "text": entry.text,
                "person_id": entry.person_id,
                "deleted": int(entry.deleted),
                "disposition": entry.disposition,
                "detail": json.dumps(entry.detail, ensure_ascii=False) if entry.detail else None,
                "confidential": int(entry.confidential),
            },
        )

    def get_entry(self, entry_id: int) -> Entry | None:
        row = self._one("SELECT * FROM entries WHERE id = ?", [entry_id])
        return Entry(**row) if row else None

    def list_entries(self, meeting_id: int, include_deleted: bool = False) -> list[Entry]:
        clause = "" if include_deleted else "AND deleted = 0"
        rows = self._rows(
            f"SELECT * FROM entries WHERE meeting_id = ? {clause} ORDER BY id", [meeting_id]
        )
        return [Entry(**r) for r in rows]

    def add_decision(self, decision: Decision) -> Decision:
        new_id = self._insert(
            "decisions",
            {
                "meeting_id": decision.meeting_id,
                "agenda_item_id": decision.agenda_item_id,
                "entry_id": decision.entry_id,
                "text": decision.text,
                "status": decision.status.value,
                "decided_at": _iso(decision.decided_at),
                "supersedes_id": decision.supersedes_id,
                "confidential": int(decision.confidential),
            },
        )
        return decision.model_copy(update={"id": new_id})

    def set_decision_status(self, decision_id: int, status: DecisionStatus) -> None:
        self._update("decisions", decision_id, {"status": status.value})

    def update_decision(self, decision: Decision) -> None:
        assert decision.id is not None
        self._update(
            "decisions",
            decision.id,
            {
                "text": decision.text,
                "status": decision.status.value,
                "agenda_item_id": decision.agenda_item_id,
                "supersedes_id": decision.supersedes_id,
                "confidential": int(decision.confidential),
            },
        )

    def get_decision(self, decision_id: int) -> Decision | None:
        row = self._one("SELECT * FROM decisions WHERE id = ?", [decision_id])
        return Decision(**row) if row else None

    def decision_for_entry(self, entry_id: int) -> Decision | None:
        """The entry's decision in force (a superseded one is history, not the entry's)."""
        row = self._one(
            "SELECT * FROM decisions WHERE entry_id = ? AND status != 'superseded' "
            "ORDER BY id DESC LIMIT 1",
            [entry_id],
        )
        return Decision(**row) if row else None

    def list_decisions(
        self, meeting_id: int | None = None, include_superseded: bool = False
    ) -> list[Decision]:
        """Decisions in force: a superseded decision (replaced by an edit of its entry)
        is left out of every list, register and confirmation unless asked for."""
        where = "" if include_superseded else "status != 'superseded'"
        if meeting_id is None:
            clause = f"WHERE {where} " if where else ""
            rows = self._rows(f"SELECT * FROM decisions {clause}ORDER BY decided_at, id")
        else:
            clause = f"AND {where} " if where else ""
            rows = self._rows(
                f"SELECT * FROM decisions WHERE meeting_id = ? {clause}ORDER BY id", [meeting_id]
            )
        return [Decision(**r) for r in rows]

    def delete_decision(self, decision_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM decisions WHERE id = ?", [decision_id])

    # -- speaking -----------------------------------------------------------------------------

    def add_speaking_turn(self, turn: SpeakingTurn) -> SpeakingTurn:
        new_id = self._insert(
            "speaking",
            {
                "meeting_id": turn.meeting_id,
                "person_id": turn.person_id,
                "started_at": _iso(turn.started_at),
                "ended_at": _iso(turn.ended_at),
            },
        )
        return turn.model_copy(update={"id": new_id})

    def end_speaking_turns(self, meeting_id: int, at: datetime) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE speaking SET ended_at = ? WHERE meeting_id = ? AND ended_at IS NULL",
                [_iso(at), meeting_id],
            )

    def list_speaking(self, meeting_id: int) -> list[SpeakingTurn]:
        rows = self._rows("SELECT * FROM speaking WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [SpeakingTurn(**r) for r in rows]

    def decision_action_counts(self) -> dict[int, tuple[int, int]]:
        """decision id -> (actions, of which done), over every decision that has actions."""
        rows = self._rows(
            "SELECT decision_id, count(*) AS total, "
            "sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done "
            "FROM action_items WHERE decision_id IS NOT NULL AND status != 'cancelled' "
            "GROUP BY decision_id"
        )
        return {r["decision_id"]: (r["total"], r["done"]) for r in rows}

    def delete_action(self, action_id: int) -> None:
        """Remove an action captured in a meeting whose entry no longer stands for it
        (its owners, tags and follow-ups go with it)."""
        with self.transaction():
            self.db.execute("DELETE FROM action_items WHERE id = ?", [action_id])
