"""Action items, follow-ups, full-text search and bulk inserts."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from salestui.core.clock import to_utc_iso
from salestui.core.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionQuery,
    ActionRow,
    FollowUp,
)
from salestui.core.store.actions_paging import ActionPagingStore
from salestui.core.store.base import _iso, _placeholders
from salestui.core.store.listing_sql import DUE_ORDER, filter_clauses


class ActionsStore(ActionPagingStore):
    # -- action items ---------------------------------------------------------------------

    @staticmethod
    def _action_values(action: ActionItem) -> dict[str, Any]:
        return {
            "title": action.title,
            "due": _iso(action.due),
            "priority": action.priority,
            "status": action.status.value,
            "meeting_id": action.meeting_id,
            "agenda_item_id": action.agenda_item_id,
            "decision_id": action.decision_id,
            "entry_id": action.entry_id,
            "completed_at": _iso(action.completed_at),
            "next_follow_up": _iso(action.next_follow_up),
            "carried_count": action.carried_count,
            "waiting_on": action.waiting_on,
            "blocked_by": action.blocked_by,
            "unassigned_ok": int(action.unassigned_ok),
            "confidential": int(action.confidential),
        }

    def add_action(self, action: ActionItem, now: datetime) -> ActionItem:
        values = self._action_values(action)
        created = action.created_at or now
        values["created_at"] = to_utc_iso(created)
        values["updated_at"] = to_utc_iso(now)
        with self.transaction():
            new_id = self._insert("action_items", values)
            self._write_owners(new_id, action.owner_ids)
            self._write_tags(new_id, action.tags)
        added = action.model_copy(update={"id": new_id, "created_at": created, "updated_at": now})
        added._stored = self._action_stored(added)
        return added

    def update_action(
        self, action: ActionItem, now: datetime, before: ActionItem | None = None
    ) -> None:
        """Write the fields of ``action`` that differ from ``before`` (by default: from the
        values it was read with), so that a change made meanwhile by another process to
        another field is kept. Callers read and update inside one ``transaction()``.
        An action that was never read from the store is written whole."""
        assert action.id is not None
        values = self._action_stored(action)
        old = self._action_stored(before) if before is not None else action._stored
        if old is not None:
            values = {k: v for k, v in values.items() if old.get(k) != v}
        with self.transaction():
            columns = {k: v for k, v in values.items() if k not in ("owner_ids", "tags")}
            columns["updated_at"] = to_utc_iso(now)
            self._update("action_items", action.id, columns)
            if "owner_ids" in values:
                self._write_owners(action.id, action.owner_ids)
            if "tags" in values:
                self._write_tags(action.id, action.tags)
        action._stored = self._action_stored(action)

    def _action_stored(self, action: ActionItem) -> dict[str, Any]:
        return self._action_values(action) | {
            "owner_ids": list(dict.fromkeys(action.owner_ids)),
            "tags": sorted(dict.fromkeys(action.tags)),
        }

    def _write_owners(self, action_id: int, owner_ids: Sequence[int]) -> None:
        self.db.execute("DELETE FROM action_owners WHERE action_id = ?", [action_id])
        for position, person_id in enumerate(dict.fromkeys(owner_ids)):
            self.db.execute(
                "INSERT INTO action_owners(action_id, person_id, position) VALUES (?, ?, ?)",
                [action_id, person_id, position],
            )

    def _write_tags(self, action_id: int, tags: Sequence[str]) -> None:
        self.db.execute("DELETE FROM action_tags WHERE action_id = ?", [action_id])
        for tag in dict.fromkeys(tags):
            self.db.execute(
                "INSERT INTO action_tags(action_id, tag) VALUES (?, ?)", [action_id, tag]
            )

    def get_action(self, action_id: int) -> ActionItem | None:
        found = self._read_actions("id = ?", [action_id])
        return found[0] if found else None

    def get_actions(self, action_ids: Sequence[int]) -> list[ActionItem]:
        """The action items of ``action_ids`` that exist, by id."""
        if not action_ids:
            return []
        return self._read_actions(f"id IN ({_placeholders(action_ids)})", list(action_ids))

    def _read_actions(
        self, where: str, params: list[Any], for_update: bool = True
    ) -> list[ActionItem]:
        """The action items ``where`` selects, by id, with their owners and tags: three
        queries, however many items. ``for_update``: each remembers what was read, for
        ``update_action`` to write only what changes (a caller that only reads skips it)."""
        rows = self._rows(f"SELECT * FROM action_items WHERE {where} ORDER BY id", params)
        if not rows:
            return []
        chosen = f"SELECT id FROM action_items WHERE {where}"
        owners: dict[int, list[int]] = {}
        for action_id, person_id in self.db.execute(
            f"SELECT action_id, person_id FROM action_owners WHERE action_id IN ({chosen}) "
            "ORDER BY action_id, position",
            params,
        ):
            owners.setdefault(action_id, []).append(person_id)
        tags: dict[int, list[str]] = {}
        for action_id, tag in self.db.execute(
            f"SELECT action_id, tag FROM action_tags WHERE action_id IN ({chosen}) "
            "ORDER BY action_id, tag",
            params,
        ):
            tags.setdefault(action_id, []).append(tag)
        actions = []
        for row in rows:
            action = ActionItem(
                **row, owner_ids=owners.get(row["id"], []), tags=tags.get(row["id"], [])
            )
            if for_update:
                action._stored = self._action_stored(action)
            actions.append(action)
        return actions

    def action_where(self, query: ActionQuery) -> tuple[str, list[Any]]:
        """The WHERE clause of ``query`` over ``action_items a``, and its values."""
        params: list[Any] = []
        return self._action_where(query, params), params

    def _action_where(self, query: ActionQuery, params: list[Any]) -> str:
        where: list[str] = []
        if query.ids is not None:
            where.append(f"a.id IN ({_placeholders(query.ids)})")
            params.extend(query.ids)
        if query.not_ids:
            where.append("a.id NOT IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(query.not_ids)))
        where += filter_clauses(
            params,
            owner_ids=query.owner_ids,
            statuses=[s.value for s in query.statuses or ()],
            tag=query.tag,
            priority=query.priority,
            meeting_id=query.meeting_id,
            unassigned=query.unassigned,
            due_before=query.due_before.isoformat() if query.due_before else None,
        )
        if query.no_confidential:
            where.append(f"{self.confidential_column()} = 0")
        if query.due_on_or_after is not None:
            where.append("a.due >= ?")
            params.append(query.due_on_or_after.isoformat())
        if query.check_in_by is not None:
            where.append("a.next_follow_up IS NOT NULL AND a.next_follow_up <= ?")
            params.append(query.check_in_by.isoformat())
        if query.has_due is True:
            where.append("a.due IS NOT NULL")
        elif query.has_due is False:
            where.append("a.due IS NULL")
        if query.series_id is not None:
            where.append("a.meeting_id IN (SELECT id FROM meetings WHERE series_id = ?)")
            params.append(query.series_id)
        if query.text:
            where.append(self._fts_clause("action_items", "a.id", query.text, params))
        return f"WHERE {' AND '.join(where)}" if where else ""

    _ACTION_ORDER = {
        "due": DUE_ORDER,
        "priority": "a.priority, a.due IS NULL, a.due, a.id",
        "created": "a.created_at, a.id",
        "check-in": "a.next_follow_up IS NULL, a.next_follow_up, a.due IS NULL, a.due, a.id",
        "id": "a.id",
    }

    def list_actions(
        self, query: ActionQuery, limit: int | None = None, offset: int = 0
    ) -> list[ActionRow]:
        return list(self.iter_actions(query, limit, offset))

    def iter_actions(
        self, query: ActionQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[ActionRow]:
        """The rows of ``list_actions`` as a cursor yields them (memory flat in the count)."""
        params: list[Any] = []
        where = self._action_where(query, params)
        order = self._ACTION_ORDER.get(query.sort, self._ACTION_ORDER["due"])
        sql = f"""
            SELECT a.id, a.title, a.due, a.priority, a.status, a.meeting_id,
                   a.created_at, a.completed_at, a.carried_count, a.next_follow_up,
                   {self.confidential_column()} AS confidential, m.title AS meeting_title,
                   (SELECT group_concat(p.name, char(31)) FROM
                       (SELECT p.name FROM action_owners o JOIN people p ON p.id = o.person_id
                        WHERE o.action_id = a.id ORDER BY o.position) p) AS owner_names,
                   (SELECT group_concat(o.person_id, ',') FROM
                       (SELECT person_id FROM action_owners WHERE action_id = a.id
                        ORDER BY position) o) AS owner_list,
                   (SELECT max(f.at) FROM follow_ups f WHERE f.action_id = a.id) AS last_fu
            FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
            {where}
            ORDER BY {order}"""
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.db.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        try:
            while batch := cursor.fetchmany(500):
                for values in batch:
                    row = dict(zip(columns, values, strict=True))
                    names = row.pop("owner_names")
                    ids = row.pop("owner_list")
                    last = row.pop("last_fu")
                    yield ActionRow(
                        **row,
                        owners=names.split("\x1f") if names else [],
                        owner_ids=[int(i) for i in ids.split(",")] if ids else [],
                        last_follow_up=last,
                    )
        finally:
            cursor.close()

    def count_actions(self, query: ActionQuery) -> int:
        params: list[Any] = []
        where = self._action_where(query, params)
        row = self.db.execute(f"SELECT count(*) FROM action_items a {where}", params).fetchone()
        return int(row[0])

    def actions_of_meeting(self, meeting_id: int, for_update: bool = True) -> list[ActionItem]:
        return self._read_actions("meeting_id = ?", [meeting_id], for_update)

    def action_ids_for_entries(self, entry_ids: Sequence[int]) -> dict[int, int]:
        """entry id -> action id, for actions captured from those entries."""
        if not entry_ids:
            return {}
        rows = self._rows(
            f"SELECT id, entry_id FROM action_items WHERE entry_id IN ({_placeholders(entry_ids)})",
            list(entry_ids),
        )
        return {r["entry_id"]: r["id"] for r in rows}

    def increment_carried(self, action_ids: Sequence[int]) -> None:
        if not action_ids:
            return
        with self.transaction():
            self.db.execute(
                "UPDATE action_items SET carried_count = carried_count + 1 "
                f"WHERE id IN ({_placeholders(action_ids)})",
                list(action_ids),
            )

    def reviewed_action_ids(self, meeting_id: int) -> set[int]:
        rows = self._rows(
            "SELECT DISTINCT action_id FROM follow_ups WHERE meeting_id = ? AND kind = 'review'",
            [meeting_id],
        )
        return {r["action_id"] for r in rows}

    # -- follow-ups -------------------------------------------------------------------------

    def add_follow_up(self, follow_up: FollowUp) -> FollowUp:
        new_id = self._insert(
            "follow_ups",
            {
                "action_id": follow_up.action_id,
                "at": _iso(follow_up.at),
                "author_id": follow_up.author_id,
                "kind": follow_up.kind.value,
                "note": follow_up.note,
                "status": follow_up.status.value if follow_up.status else None,
                "new_due": _iso(follow_up.new_due),
                "next_check_in": _iso(follow_up.next_check_in),
                "meeting_id": follow_up.meeting_id,
                "person_id": follow_up.person_id,
            },
        )
        return follow_up.model_copy(update={"id": new_id})

    def change_marks(self) -> tuple[int, int]:
        """(newest follow-up id, newest action id): where "changes since" starts."""
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM follow_ups), "
            "(SELECT coalesce(max(id), 0) FROM action_items)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def changes_since(self, marks: tuple[int, int]) -> tuple[list[tuple[int | None, int]], int]:
        """What the history says happened after ``marks``: (author id, how many items they
        changed) per author, most items first, and how many items were added."""
        follow_up_id, action_id = marks
        authors = self._rows(
            "SELECT author_id, count(DISTINCT action_id) AS items FROM follow_ups "
            "WHERE id > ? GROUP BY author_id ORDER BY items DESC, author_id",
            [follow_up_id],
        )
        added = self.db.execute(
            "SELECT count(*) FROM action_items WHERE id > ?", [action_id]
        ).fetchone()[0]
        return [(r["author_id"], r["items"]) for r in authors], int(added)

    def escalations_to(self, person_id: int) -> list[tuple[int, int, str]]:
        """(follow-up id, action id, when) of every escalation to ``person_id`` on an open
        item that the person has not answered since (no later history entry of theirs on
        it), newest first; one line per item."""
        open_statuses = [s.value for s in OPEN_STATUSES]
        rows = self._rows(
            f"""
            SELECT max(f.id) AS follow_up_id, f.action_id, max(f.at) AS at
            FROM follow_ups f JOIN action_items a ON a.id = f.action_id
            WHERE f.kind = 'escalate' AND f.person_id = ?
              AND a.status IN ({_placeholders(open_statuses)})
              AND NOT EXISTS (
                SELECT 1 FROM follow_ups later
                WHERE later.action_id = f.action_id AND later.author_id = ? AND later.id > f.id
              )
            GROUP BY f.action_id
            ORDER BY follow_up_id DESC
            """,
            [person_id, *open_statuses, person_id],
        )
        return [(r["follow_up_id"], r["action_id"], r["at"]) for r in rows]

    def meeting_follow_ups(
        self, meeting_id: int, action_ids: Sequence[int]
    ) -> dict[int, list[FollowUp]]:
        """The log entries ``meeting_id`` wrote on each of ``action_ids``, oldest first."""
        if not action_ids:
            return {}
        found: dict[int, list[FollowUp]] = {}
        for row in self._rows(
            "SELECT * FROM follow_ups WHERE meeting_id = ? "
            f"AND action_id IN ({_placeholders(action_ids)}) ORDER BY at, id",
            [meeting_id, *action_ids],
        ):
            found.setdefault(row["action_id"], []).append(FollowUp(**row))
        return found

    def list_follow_ups(self, action_id: int) -> list[FollowUp]:
        rows = self._rows(
            "SELECT * FROM follow_ups WHERE action_id = ? ORDER BY at, id", [action_id]
        )
        return [FollowUp(**r) for r in rows]

    def latest_follow_up_notes(
        self, query: ActionQuery, since: datetime, limit: int
    ) -> list[tuple[FollowUp, str]]:
        """The newest follow-ups that carry a note, on the actions ``query`` selects, at or
        after ``since``: (follow-up, action title), newest first. Later status changes and
        edits without a note never push a note out."""
        params: list[Any] = []
        where = self._action_where(query, params)
        sql = f"""
            SELECT f.*, a.title AS action_title
            FROM follow_ups f JOIN action_items a ON a.id = f.action_id
            {where} {"AND" if where else "WHERE"} f.note != '' AND f.at >= ?
            ORDER BY f.at DESC, f.id DESC LIMIT {int(limit)}"""
        params.append(to_utc_iso(since))
        out = []
        for row in self._rows(sql, params):
            title = row.pop("action_title")
            out.append((FollowUp(**row), title))
        return out
