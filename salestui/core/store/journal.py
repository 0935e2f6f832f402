"""The journal of changes (``core.journal``): its steps, the items each touched, and the
batch reads a change of many items needs (every matching id, many items at once)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.models import ActionItem, ActionQuery
from salestui.core.store.base import _iso
from salestui.core.store.undo import UndoStore, _where

# The columns a list of steps shows (the images, which may be large, are read only to undo).
_LISTED = "id, at, person_id, kind, summary, fields, live_undo_id, undone_at, undone_by"


class JournalStore(UndoStore):
    # The step being recorded on this connection (``core.journal.Step``); a change made
    # inside another change joins it instead of becoming a step of its own.
    open_step: Any = None

    def add_journal_step(
        self,
        at: datetime,
        person_id: int | None,
        kind: str,
        summary: str,
        fields: Sequence[str],
        images: list[dict[str, Any]],
        action_ids: Sequence[int],
        live_undo_id: int | None = None,
    ) -> int:
        with self.transaction():
            step_id = self._insert(
                "journal",
                {
                    "at": _iso(at),
                    "person_id": person_id,
                    "kind": kind,
                    "summary": summary,
                    "fields": ",".join(fields),
                    "images": json.dumps(images, ensure_ascii=False, separators=(",", ":")),
                    "live_undo_id": live_undo_id,
                },
            )
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO journal_actions(action_id, step_id) VALUES (?, ?)",
                ((action_id, step_id) for action_id in sorted(set(action_ids))),
            )
        return step_id

    def journal_step(self, step_id: int, images: bool = False) -> dict[str, Any] | None:
        columns = "*" if images else _LISTED
        row = self._one(f"SELECT {columns} FROM journal WHERE id = ?", [step_id])
        if row is not None and images:
            row["images"] = json.loads(row["images"])
        return row

    def journal_steps(
        self, limit: int, person_id: int | None = None, mine: bool = False
    ) -> list[dict]:
        """The newest steps first; ``mine``: only those of ``person_id`` (None: of nobody
        known)."""
        where = "WHERE person_id IS ?" if mine else ""
        params: list[Any] = [person_id] if mine else []
        return self._rows(
            f"SELECT {_LISTED} FROM journal {where} ORDER BY id DESC LIMIT {int(limit)}", params
        )

    def latest_undoable_step(self, person_id: int | None) -> int | None:
        """The newest step of ``person_id`` not undone yet that undo can take back."""
        row = self.db.execute(
            "SELECT id FROM journal WHERE person_id IS ? AND undone_at IS NULL "
            "AND live_undo_id IS NULL ORDER BY id DESC LIMIT 1",
            [person_id],
        ).fetchone()
        return int(row[0]) if row else None

    def mark_step_undone(self, step_id: int, at: datetime, person_id: int | None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE journal SET undone_at = ?, undone_by = ? WHERE id = ?",
                [_iso(at), person_id, step_id],
            )

    def mark_live_undone(self, live_undo_id: int, at: datetime, person_id: int | None) -> None:
        """The live meeting's own undo took back the record ``live_undo_id``."""
        with self.transaction():
            self.db.execute(
                "UPDATE journal SET undone_at = ?, undone_by = ? "
                "WHERE live_undo_id = ? AND undone_at IS NULL",
                [_iso(at), person_id, live_undo_id],
            )

    def meeting_step_after_live(self, meeting_id: int, kind: str) -> int | None:
        """The newest step of ``kind`` on one meeting's rows (its first image's match names
        the meeting), not undone, made after the meeting's newest live edit still to undo."""
        row = self.db.execute(
            "SELECT id FROM journal WHERE kind = ? AND undone_at IS NULL "
            "AND live_undo_id IS NULL AND json_extract(images, '$[0].match.meeting_id') = ? "
            "AND id > coalesce((SELECT max(j.id) FROM live_undo u "
            "JOIN journal j ON j.live_undo_id = u.id WHERE u.meeting_id = ?), 0) "
            "ORDER BY id DESC LIMIT 1",
            [kind, meeting_id, meeting_id],
        ).fetchone()
        return int(row[0]) if row else None

    def ids_after(self, table: str, last_id: int) -> list[int]:
        """The ids of ``table``'s rows added after ``last_id`` (by this change: it holds
        the write lock)."""
        rows = self.db.execute(f"SELECT id FROM {table} WHERE id > ? ORDER BY id", [last_id])
        return [int(r[0]) for r in rows]

    def step_action_ids(self, step_id: int) -> list[int]:
        rows = self.db.execute(
            "SELECT action_id FROM journal_actions WHERE step_id = ?", [step_id]
        ).fetchall()
        return [int(r[0]) for r in rows]

    def later_step_on(self, step_id: int, action_ids: Sequence[int]) -> dict | None:
        """The newest step after ``step_id``, not undone, that touched any of the items."""
        if not action_ids:
            return None
        where, params = _where({"j.action_id": list(action_ids)})
        return self._one(
            f"SELECT {', '.join('s.' + c.strip() for c in _LISTED.split(','))} "
            f"FROM journal s WHERE s.id > ? AND s.undone_at IS NULL AND s.id IN "
            f"(SELECT j.step_id FROM journal_actions j WHERE {where}) ORDER BY s.id DESC LIMIT 1",
            [step_id, *params],
        )

    def action_journal(self, action_id: int) -> list[dict]:
        """Every step that touched the item, oldest first."""
        return self._rows(
            f"SELECT {_LISTED} FROM journal WHERE id IN "
            "(SELECT step_id FROM journal_actions WHERE action_id = ?) ORDER BY id",
            [action_id],
        )

    # -- many items at once -------------------------------------------------------------------

    def write_action_rows(self, changes: Sequence[Any], now: str) -> None:
        """Write what a bulk change plans (``actions_bulk.PlannedChange``: an item's id, the
        columns it sets, its owners and tags before and after) - one statement per set of
        columns, the owners and tags of the items whose own changed rewritten together."""
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        for change in changes:
            columns = {**change.values, "updated_at": now}
            groups.setdefault(tuple(columns), []).append([*columns.values(), change.id])
        with self.transaction():
            for columns_set, rows in groups.items():
                assignments = ", ".join(f"{c} = ?" for c in columns_set)
                self.db.conn.executemany(
                    f"UPDATE action_items SET {assignments} WHERE id = ?", rows
                )
            owners = [(c.id, c.owners[1]) for c in changes if c.owners[0] != c.owners[1]]
            self._replace_links(
                "action_owners",
                "person_id, position",
                owners,
                lambda ids: [(p, n) for n, p in enumerate(dict.fromkeys(ids))],
            )
            tags = [(c.id, c.tags[1]) for c in changes if c.tags[0] != c.tags[1]]
            self._replace_links("action_tags", "tag", tags,
                                lambda names: [(t,) for t in dict.fromkeys(names)])  # fmt: skip

    def _replace_links(
        self, table: str, columns: str, items: list[tuple[int, list[Any]]], values: Any
    ) -> None:
        if not items:
            return
        where, params = _where({"action_id": [action_id for action_id, _new in items]})
        self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
        marks = ", ".join("?" for _ in range(columns.count(",") + 2))
        self.db.conn.executemany(
            f"INSERT INTO {table}(action_id, {columns}) VALUES ({marks})",
            ([action_id, *row] for action_id, new in items for row in values(new)),
        )

    def matching_action_ids(self, query: ActionQuery) -> list[int]:
        """The id of every item ``query`` matches, in id order."""
        params: list[Any] = []
        where = self._action_where(query, params)  # type: ignore[attr-defined]
        rows = self.db.execute(f"SELECT a.id FROM action_items a {where} ORDER BY a.id", params)
        return [int(r[0]) for r in rows]

    def actions_by_ids(self, ids: Sequence[int]) -> list[ActionItem]:
        """The items with these ids (in this order; missing ones left out), read in three
        queries however many there are."""
        if not ids:
            return []
        where, params = _where({"id": list(ids)})
        rows = {r["id"]: r for r in self._rows(f"SELECT * FROM action_items WHERE {where}", params)}
        where, params = _where({"action_id": list(ids)})
        owners: dict[int, list[int]] = {}
        for action_id, person_id in self.db.execute(
            f"SELECT action_id, person_id FROM action_owners WHERE {where} "
            "ORDER BY action_id, position",
            params,
        ):
            owners.setdefault(action_id, []).append(person_id)
        tags: dict[int, list[str]] = {}
        for action_id, tag in self.db.execute(
            f"SELECT action_id, tag FROM action_tags WHERE {where} ORDER BY action_id, tag", params
        ):
            tags.setdefault(action_id, []).append(tag)
        found = []
        for action_id in ids:
            row = rows.get(action_id)
            if row is None:
                continue
            action = ActionItem(
                **row, owner_ids=owners.get(action_id, []), tags=tags.get(action_id, [])
            )
            action._stored = self._action_stored(action)  # type: ignore[attr-defined]
            found.append(action)
        return found
