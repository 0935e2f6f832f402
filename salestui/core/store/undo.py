"""Before/after images of rows, and the per-meeting undo log of live edits.

An operation names the rows it may change as *scopes* (a table and column values, e.g.
``("action_items", {"entry_id": 7})``; a list of values matches any of them, e.g.
``("action_items", {"id": [3, 4]})``). The images of a scope are taken inside the
operation's transaction, before and after it; undo checks that the rows still look as the
operation left them and then puts the before-image back, in one transaction. The live
meeting's log keeps both images (``live_undo``); the journal (``store.journal``) keeps the
before-image and a digest of the after-image.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.store.base import BaseStore, _iso

# Tables whose rows others refer to by id: restored in place (UPDATE / INSERT with the
# same id), so the rows that point at them keep pointing at them.
ID_TABLES = (
    "people",
    "series",
    "series_items",
    "meetings",
    "agenda_items",
    "entries",
    "decisions",
    "action_items",
    "visits",
    "measurables",
)
# Tables whose rows nobody refers to: restored by replacing the scope's rows.
SET_TABLES = (
    "series_attendees",
    "attendance",
    "action_owners",
    "action_tags",
    "follow_ups",
    "speaking",
    # the numbers review's rows a live meeting sets (``core.meeting_numbers``)
    "measurable_values",
    "measurable_goals",
    "measurable_log",
    "measurable_actions",
    # each attendee's rating of a meeting (``core.analytics``)
    "meeting_ratings",
)
# Columns a SET_TABLES row is rebuilt without (a fresh id is as good as the old one).
_FRESH_ID = ("follow_ups", "speaking")

# How an image orders its rows: by what they hold, never by where they happen to be stored
# (a set of owners written again keeps its image, and its digest).
_ORDER = {
    "series_attendees": "series_id, person_id",
    "attendance": "meeting_id, person_id",
    "action_owners": "action_id, position, person_id",
    "action_tags": "action_id, tag",
    "follow_ups": "action_id, at, kind, id",
    "speaking": "meeting_id, started_at, id",
    "meeting_ratings": "meeting_id, person_id",
    **{
        t: "measurable_id, period, id"
        for t in ("measurable_values", "measurable_goals", "measurable_log", "measurable_actions")
    },
}

Scope = tuple[str, dict[str, Any]]
Image = list[dict[str, Any]]


def _where(match: dict[str, Any]) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    for column, value in match.items():
        if isinstance(value, list | tuple):
            # One parameter however many values (SQLite limits the number of parameters).
            parts.append(f"{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(value)))
        else:
            parts.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(parts), params


def _row_text(table: str, row: dict[str, Any]) -> str:
    # A follow-up or speaking turn put back gets a fresh id: compare them without it.
    # (Stored values are None, numbers and text, whose repr is exact; a row's columns are
    # in the table's order, read from the database or from the JSON that kept them.)
    if table in _FRESH_ID:
        return repr([(k, v) for k, v in row.items() if k != "id"])
    return repr(list(row.items()))


def image_texts(table: str, image: Image) -> list[str]:
    """An image as sorted texts: equal for images that hold the same rows."""
    return sorted(_row_text(table, r) for r in image)


def same_image(table: str, one: Image, other: Image) -> bool:
    """True when two images hold the same rows (in any order)."""
    return len(one) == len(other) and image_texts(table, one) == image_texts(table, other)


def image_digest(table: str, image: Image) -> str:
    """A short fingerprint of an image as ``UndoStore.image`` reads it (its rows in an
    order that depends on their content only): equal for images that hold the same rows,
    a follow-up or speaking turn put back with a fresh id included."""
    if table in _FRESH_ID:
        image = [{k: v for k, v in row.items() if k != "id"} for row in image]
    text = json.dumps(image, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class UndoStore(BaseStore):
    def image(self, scope: Scope) -> Image:
        table, match = scope
        if table not in ID_TABLES + SET_TABLES:
            raise ValueError(f"not an undoable table: {table}")
        where, params = _where(match)
        order = _ORDER.get(table, "id")
        return self._rows(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", params)

    def restore(
        self, scopes: Sequence[tuple[Scope, Image]], current: Sequence[Image] | None = None
    ) -> None:
        """Put each scope's rows back as its image holds them, in one transaction
        (``current``: each scope's image as it is now, when the caller has just read it).

        Scopes are given parents first: rows to remove go children first, rows to put back
        parents first, so no foreign key is ever left dangling. Only the columns that
        differ are written (a title put back as it is leaves the search index alone), many
        rows with one statement."""
        with self.transaction():
            now_images = (
                list(current) if current is not None else [self.image(s) for s, _ in scopes]
            )
            changed = [
                (scope, image)
                for (scope, image), now in zip(scopes, now_images, strict=True)
                if not same_image(scope[0], now, image)
            ]
            for (table, match), image in reversed(changed):
                if table in SET_TABLES:
                    where, params = _where(match)
                    self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
                    continue
                keep = {row["id"] for row in image}
                gone = [row["id"] for row in self.image((table, match)) if row["id"] not in keep]
                if gone:
                    where, params = _where({"id": gone})
                    self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
            # One agenda item per meeting may be active (a unique index): an item made
            # active again waits until the one active now has been put back.
            activations: list[tuple[int, dict[str, Any]]] = []
            for (table, match), image in changed:
                if table in SET_TABLES:
                    fresh = table in _FRESH_ID
                    self._insert_many(
                        table, [{k: v for k, v in r.items() if not (fresh and k == "id")}
                                for r in image]
                    )  # fmt: skip
                    continue
                present = {row["id"]: row for row in self.image((table, match))}
                present.update(self._present(table, [r["id"] for r in image], present))
                updates: dict[tuple[str, ...], list[list[Any]]] = {}
                for row in image:
                    now = present.get(row["id"])
                    if now is None:
                        self._insert(table, dict(row))
                        continue
                    values = {k: v for k, v in row.items() if now.get(k) != v}
                    if table == "agenda_items" and values.get("status") == "active":
                        activations.append((row["id"], values))
                    elif values:
                        updates.setdefault(tuple(values), []).append([*values.values(), row["id"]])
                for columns, rows in updates.items():
                    assignments = ", ".join(f"{c} = ?" for c in columns)
                    self.db.conn.executemany(f"UPDATE {table} SET {assignments} WHERE id = ?", rows)
            for row_id, values in activations:
                self._update("agenda_items", row_id, values)

    def _insert_many(self, table: str, rows: list[dict[str, Any]]) -> None:
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(list(row.values()))
        for columns, values in groups.items():
            marks = ", ".join("?" for _ in columns)
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
            )

    def _present(
        self, table: str, ids: list[int], known: dict[int, dict[str, Any]]
    ) -> dict[int, dict[str, Any]]:
        """Rows of ``ids`` that exist outside the scope's match (e.g. an entry that moved
        to another agenda item since): updated in place, never inserted twice."""
        missing = [i for i in ids if i not in known]
        if not missing:
            return {}
        where, params = _where({"id": missing})
        return {
            row["id"]: row for row in self._rows(f"SELECT * FROM {table} WHERE {where}", params)
        }

    def referring_rows(
        self,
        table: str,
        ids: Sequence[int],
        kept: dict[str, set[int]],
        skipped: set[str],
    ) -> int:
        """How many rows of other tables refer to these rows of ``table`` by a foreign key,
        leaving out the rows an undo puts back itself (``kept``: ids per table; ``skipped``:
        tables whose rows in question it replaces): rows it must not remove, since removing
        them would delete or blank those."""
        if not ids:
            return 0
        total = 0
        names = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'"
        ).fetchall()
        for (name,) in names:
            if name in skipped:
                continue
            for key in self.db.execute(f"PRAGMA foreign_key_list({name})").fetchall():
                if key[2] != table:
                    continue
                sql = (
                    f"SELECT count(*) FROM {name} "
                    f"WHERE {key[3]} IN (SELECT value FROM json_each(?))"
                )
                params: list[Any] = [json.dumps(list(ids))]
                if kept.get(name):
                    sql += " AND id NOT IN (SELECT value FROM json_each(?))"
                    params.append(json.dumps(sorted(kept[name])))
                total += int(self.db.execute(sql, params).fetchone()[0])
        return total

    # -- the log -----------------------------------------------------------------------------

    def push_undo(
        self,
        meeting_id: int,
        at: datetime,
        operation: str,
        subject: str,
        images: list[dict[str, Any]],
    ) -> int:
        return self._insert(
            "live_undo",
            {
                "meeting_id": meeting_id,
                "at": _iso(at),
                "operation": operation,
                "subject": subject,
                "images": json.dumps(images, ensure_ascii=False),
            },
        )

    def last_undo(self, meeting_id: int) -> dict[str, Any] | None:
        row = self._one(
            "SELECT * FROM live_undo WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", [meeting_id]
        )
        if row is not None:
            row["images"] = json.loads(row["images"])
        return row

    def drop_undo(self, undo_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM live_undo WHERE id = ?", [undo_id])

    def count_undo(self, meeting_id: int) -> int:
        row = self._one("SELECT count(*) AS n FROM live_undo WHERE meeting_id = ?", [meeting_id])
        return int(row["n"]) if row else 0
