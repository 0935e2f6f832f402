"""One search over every text the department writes: action titles, follow-up notes,
waiting / blocked reasons, decisions, meeting notes, agenda items and meetings."""

from __future__ import annotations

from typing import Any

from salestui.core.store.base import BaseStore

# kind -> (FTS index, content table, alias, its columns, SELECT of the hit, extra WHERE);
# the SELECT's {action} {decision} {entry} {item}: the confidential flags (search_all).
_SOURCES: dict[str, tuple[str, str, str, tuple[str, ...], str, str]] = {
    "action": (
        "action_items_fts", "action_items", "a", ("title",),
        "a.id, a.title AS text, a.id AS action_id, a.meeting_id, a.created_at AS at, "
        "{action} AS confidential", "",
    ),
    "reason": (
        "action_reasons_fts", "action_items", "a", ("waiting_on", "blocked_by"),
        "a.id, trim(coalesce(a.waiting_on, '') || ' ' || coalesce(a.blocked_by, '')) AS text, "
        "a.id AS action_id, a.meeting_id, a.created_at AS at, {action} AS confidential", "",
    ),
    "follow_up": (
        "follow_ups_fts", "follow_ups", "f", ("note",),
        "f.id, f.note AS text, f.action_id, f.meeting_id, f.at, "
        "coalesce((SELECT {action} FROM action_items a WHERE a.id = f.action_id), 0) "
        "AS confidential", "",
    ),
    "decision": (
        "decisions_fts", "decisions", "d", ("text",),
        "d.id, d.text, NULL AS action_id, d.meeting_id, d.decided_at AS at, "
        "{decision} AS confidential",
        "d.status != 'superseded'",
    ),
    "note": (
        "entries_fts", "entries", "e", ("text",),
        "e.id, e.text, NULL AS action_id, e.meeting_id, e.at, {entry} AS confidential",
        "e.deleted = 0 AND e.kind NOT IN ('decision', 'action')",
    ),
    "agenda_item": (
        "agenda_items_fts", "agenda_items", "i", ("title",),
        "i.id, i.title AS text, NULL AS action_id, i.meeting_id, NULL AS at, "
        "{item} AS confidential", "",
    ),
    "meeting": (
        "meetings_fts", "meetings", "m", ("title", "purpose"),
        "m.id, m.title || ' · ' || m.purpose AS text, NULL AS action_id, m.id AS meeting_id, "
        "m.scheduled_start AS at, 0 AS confidential", "",
    ),
}  # fmt: skip
SEARCH_KINDS = tuple(_SOURCES)


class SearchStore(BaseStore):
    def search_all(
        self, text: str, limit: int, kinds: tuple[str, ...] = SEARCH_KINDS
    ) -> list[dict[str, Any]]:
        """Up to ``limit`` hits of each kind, newest first within a kind."""
        hits: list[dict[str, Any]] = []
        for kind in kinds:
            fts, table, alias, columns, select, extra = _SOURCES[kind]
            params: list[Any] = []
            where = self._terms_clause(fts, table, columns, f"{alias}.id", text, params)
            if extra:
                where += f" AND {extra}"
            select = select.format(**self._confidential_columns())
            rows = self._rows(
                f"SELECT {select} FROM {table} {alias} WHERE {where} "
                f"ORDER BY {alias}.id DESC LIMIT {int(limit)}",
                params,
            )
            hits += [{"kind": kind, **row} for row in rows]
        return hits

    def _confidential_columns(self) -> dict[str, str]:
        """Each source's confidential flag (``0`` on a file from before it; issue 16). A
        follow-up note or a waiting reason is as confidential as its action."""
        return {
            "action": self.confidential_column("a"),
            "decision": self.confidential_column("d"),
            "entry": self.confidential_column("e"),
            "item": self.agenda_confidential_column("i"),
        }

    def count_search(self, text: str, kind: str) -> int:
        fts, table, alias, columns, _, extra = _SOURCES[kind]
        params: list[Any] = []
        where = self._terms_clause(fts, table, columns, f"{alias}.id", text, params)
        if extra:
            where += f" AND {extra}"
        row = self.db.execute(f"SELECT count(*) FROM {table} {alias} WHERE {where}", params)
        return int(row.fetchone()[0])
