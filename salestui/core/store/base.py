"""The connection, transactions and migrations; the shared helpers of every store part.

Connections are per thread (SQLite's rule); open a second Store in a worker thread.
Writes run in ``BEGIN IMMEDIATE`` transactions so that two processes sharing the file
queue on the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

import sqlite_utils

from salestui.core.clock import to_utc_iso
from salestui.core.models import (
    ActionStatus,
)
from salestui.core.schema import FTS_TABLES, LATEST_VERSION, MIGRATIONS
from salestui.core.text import read_text

BUSY_TIMEOUT_MS = 30_000


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc_iso(value)
    return value.isoformat()


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


@dataclass
class ActionQuery:
    """Filters for the actions list. Empty fields do not filter."""

    owner_ids: Sequence[int] | None = None
    statuses: Sequence[ActionStatus] | None = None
    due_before: date | None = None  # due strictly before
    due_on_or_after: date | None = None
    has_due: bool | None = None
    meeting_id: int | None = None
    series_id: int | None = None
    tag: str | None = None
    priority: int | None = None
    text: str | None = None
    unassigned: bool = False
    ids: Sequence[int] | None = None
    sort: str = "due"  # due | priority | created | id


class BaseStore:
    """The connection, transactions and migrations."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        conn = sqlite3.connect(
            str(self.path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=True,
        )
        # Every TEXT value read is cleaned of terminal controls (another tool may have
        # written them), and bytes that are not UTF-8 do not make a read fail.
        conn.text_factory = read_text
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def user_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int | None:
        """Bring the schema to the latest version. Returns the backup path's version.

        A file that already holds data is copied to ``<name>.v<N>.bak`` first.
        """
        current = self.user_version
        if current >= LATEST_VERSION:
            return None
        backed_up = None
        if current > 0:
            self.backup(self.path.with_name(f"{self.path.name}.v{current}.bak"))
            backed_up = current
        for number in range(current + 1, LATEST_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[number - 1]:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
        return backed_up

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        self.db.execute("COMMIT")

    def backup(self, destination: Path | str) -> None:
        """Copy the whole database with SQLite's online backup API."""
        dest = sqlite3.connect(str(destination))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict]:
        return list(self.db.query(sql, params))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, table: str, values: dict[str, Any]) -> int:
        cols = list(values)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_placeholders(cols)})"
        with self.transaction():
            cursor = self.db.execute(sql, [values[c] for c in cols])
        return int(cursor.lastrowid or 0)

    def _update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        if not values:
            return
        assignments = ", ".join(f"{c} = ?" for c in values)
        with self.transaction():
            self.db.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
            )

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- search ---------------------------------------------------------------------------------

    def _fts_clause(self, table: str, id_expr: str, text: str, params: list[Any]) -> str:
        """A WHERE fragment matching ``text`` in ``table``'s FTS index.

        The trigram tokenizer needs three characters; shorter queries (common in Chinese,
        e.g. 回款) fall back to LIKE on the same columns.
        """
        fts = f"{table}_fts"
        columns = FTS_TABLES[fts][1]
        needle = text.strip()
        if len(needle) >= 3:
            params.append('"' + needle.replace('"', '""') + '"')
            return f"{id_expr} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        likes = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
        params.extend(f"%{escaped}%" for _ in columns)
        return f"{id_expr} IN (SELECT id FROM {table} WHERE {likes})"


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest
