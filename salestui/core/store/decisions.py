"""The decision register: every decision across meetings with its meeting, its execution
(actions done of its actions) and what it supersedes or is superseded by - one query per
page, aggregated in SQL (issue 16)."""

from __future__ import annotations

from typing import Any

from salestui.core.models import Decision, DecisionQuery, DecisionRow
from salestui.core.store.base import BaseStore, _placeholders

# The newest decision that names ``d`` as the one it supersedes.
_SUCCESSOR = (
    "(SELECT n.id FROM decisions n WHERE n.supersedes_id = d.id ORDER BY n.id DESC LIMIT 1)"
)
# The page's ids first (filtered, sorted, limited), then what each row shows: the counts
# and links are read for the rows of the page only, not for every decision sorted.
_PAGE = """
WITH page AS MATERIALIZED (
    SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id{where}{order}
    LIMIT ? OFFSET ?
)"""
_SELECT = f"""
SELECT d.id, d.text, d.status, d.meeting_id, d.decided_at, d.supersedes_id, d.confidential,
    m.title AS meeting_title, m.scheduled_start AS meeting_start, m.series_id,
    (SELECT count(*) FROM action_items a WHERE a.decision_id = d.id
        AND a.status != 'cancelled') AS actions,
    (SELECT count(*) FROM action_items a WHERE a.decision_id = d.id
        AND a.status = 'done') AS done,
    s.id AS superseded_by_id, s.text AS superseded_by_text, sm.title AS superseded_by_meeting,
    coalesce(s.confidential, 0) AS superseded_by_confidential,
    o.text AS supersedes_text
FROM page
JOIN decisions d ON d.id = page.id
JOIN meetings m ON m.id = d.meeting_id
LEFT JOIN decisions s ON s.id = {_SUCCESSOR}
LEFT JOIN meetings sm ON sm.id = s.meeting_id
LEFT JOIN decisions o ON o.id = d.supersedes_id
"""
_ORDER = " ORDER BY coalesce(m.scheduled_start, d.decided_at) DESC, d.id DESC"


class DecisionsStore(BaseStore):
    def _register_where(self, query: DecisionQuery) -> tuple[str, list[Any]]:
        # A decision superseded by an edit of its own entry is history, not a decision:
        # only one a later decision replaced stays in the register.
        clauses = [
            "(d.status != 'superseded' OR EXISTS "
            "(SELECT 1 FROM decisions x WHERE x.supersedes_id = d.id))"
        ]
        params: list[Any] = []
        if query.status is not None:
            clauses.append("d.status = ?")
            params.append(query.status.value)
        if query.series_id is not None:
            clauses.append("m.series_id = ?")
            params.append(query.series_id)
        if query.owner_id is not None:
            # IN, not a correlated EXISTS: the owner's items are read once, by index.
            clauses.append(
                "d.id IN (SELECT a.decision_id FROM action_owners w JOIN action_items a "
                "ON a.id = w.action_id WHERE w.person_id = ?)"
            )
            params.append(query.owner_id)
        if query.text.strip():
            # LIKE: case-insensitive for ASCII, twice as fast as instr(lower()).
            words = query.text.strip()
            pattern = (
                "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            clauses.append("(d.text LIKE ? ESCAPE '\\' OR m.title LIKE ? ESCAPE '\\')")
            params += [pattern] * 2
        if not query.include_confidential:
            clauses.append("d.confidential = 0")
        return " WHERE " + " AND ".join(clauses), params

    def register_rows(
        self, query: DecisionQuery, limit: int = 100, offset: int = 0, only: int | None = None
    ) -> list[DecisionRow]:
        """A page of the register, newest meeting first (``only``: that one decision)."""
        where, params = self._register_where(query)
        if only is not None:
            where, params = f"{where} AND d.id = ?", [*params, only]
        page = _PAGE.format(where=where, order=_ORDER)
        rows = self._rows(f"{page}{_SELECT}{_ORDER}", [*params, limit, offset])
        owners = self._decision_owners([r["id"] for r in rows])
        return [DecisionRow(**r, owners=owners.get(r["id"], [])) for r in rows]

    def register_count(self, query: DecisionQuery) -> int:
        where, params = self._register_where(query)
        row = self._one(
            f"SELECT count(*) AS n FROM decisions d JOIN meetings m ON m.id = d.meeting_id{where}",
            params,
        )
        return int(row["n"]) if row else 0

    def _decision_owners(self, decision_ids: list[int]) -> dict[int, list[str]]:
        """decision id -> the distinct owners of its actions, by name."""
        if not decision_ids:
            return {}
        rows = self._rows(
            "SELECT DISTINCT a.decision_id, p.name FROM action_items a "
            "JOIN action_owners w ON w.action_id = a.id JOIN people p ON p.id = w.person_id "
            f"WHERE a.decision_id IN ({_placeholders(decision_ids)}) "
            "AND a.status != 'cancelled' ORDER BY a.decision_id, p.name",
            decision_ids,
        )
        found: dict[int, list[str]] = {}
        for row in rows:
            found.setdefault(row["decision_id"], []).append(row["name"])
        return found

    def successor_of(self, decision_id: int) -> Decision | None:
        """The decision that supersedes ``decision_id``, if any."""
        if self.confidential_column() == "0":  # a file from before superseding
            return None
        row = self._one(
            "SELECT * FROM decisions WHERE supersedes_id = ? ORDER BY id DESC LIMIT 1",
            [decision_id],
        )
        return Decision(**row) if row else None

    def set_confidential(self, table: str, row_id: int, confidential: bool) -> None:
        """Mark an entry, decision, action item or agenda item confidential (or not)."""
        if table not in ("entries", "decisions", "action_items", "agenda_items"):
            raise ValueError(table)
        self._update(table, row_id, {"confidential": int(confidential)})
