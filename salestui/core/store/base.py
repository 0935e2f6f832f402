"""The connection, transactions and migrations; the shared helpers of every store part.

Connections are per thread (SQLite's rule); open a second Store in a worker thread.
Writes run in ``BEGIN IMMEDIATE`` transactions so that two processes sharing the file
queue on the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

import sqlite_utils
from sqlite_utils.utils import dedupe_keys

from salestui.core.clock import to_utc_iso
from salestui.core.errors import Conflict, StorageError
from salestui.core.query_terms import TRIGRAM, fts_phrase, like_pattern, search_terms
from salestui.core.schema import FTS_TABLES, MIGRATIONS
from salestui.core.schema_decisions import AGENDA_CONFIDENTIAL_MIGRATION, DECISIONS_MIGRATION
from salestui.core.store.listing_sql import placeholders as _placeholders
from salestui.core.text import read_text
from salestui.i18n import _

BUSY_TIMEOUT_MS = 30_000


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc_iso(value)
    return value.isoformat()


class BaseStore:
    """The connection, transactions and migrations.

    A store opened with ``read_only=True`` uses a ``mode=ro`` connection; a store with a
    ``read_only_reason`` refuses every write transaction with that reason (a damaged file,
    a newer schema, a read-only file or folder, a full disk).
    """

    def __init__(
        self,
        path: Path | str,
        read_only: bool = False,
        wal: bool = True,
        closable_anywhere: bool = False,
    ) -> None:
        self.path = Path(path)
        self._closable_anywhere = closable_anywhere  # a reader another thread may close
        self.read_only = read_only
        self.read_only_reason: str | None = None
        self.damaged = False  # found damaged (on open or by a failed write)
        self.write_refused = False  # a write was refused: the caller saw the reason
        self.backup_policy: Any = None  # core.backup.BackupPolicy, set by core.db
        self.backup_problem: str | None = None  # the last automatic backup that failed
        # Turns a failed write into the exception to raise (set by core.db: the store
        # builds no text for people). None: the sqlite3 error propagates.
        self.explain_write_error: Callable[[sqlite3.Error], Exception | None] | None = None
        conn = self._connect(read_only, immutable=False)
        if read_only:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL file in a folder we may not write, with no -shm beside it: SQLite
                # can read it only as immutable (nobody can be writing it there either).
                conn.close()
                conn = self._connect(read_only, immutable=True)
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if wal and not read_only:
                self.use_wal()
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise

    def _connect(self, read_only: bool, immutable: bool) -> sqlite3.Connection:
        target = str(self.path)
        if read_only:
            target = f"{self.path.absolute().as_uri()}?mode=ro"
            target += "&immutable=1" if immutable else ""
        conn = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=not self._closable_anywhere,
            uri=read_only,
        )
        # Every TEXT value read is cleaned of terminal controls (another tool may have
        # written them), and bytes that are not UTF-8 do not make a read fail.
        conn.text_factory = read_text
        return conn

    def use_wal(self) -> None:
        """Switch the file to write-ahead logging. The switch needs the file to itself, and
        SQLite answers "locked" at once, without waiting, when another process opening the
        same new file holds a lock this one would deadlock on: so it is tried again, until
        the usual busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.db.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                busy = "locked" in str(error) or "busy" in str(error)
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

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

    def confidential_column(self, alias: str = "a") -> str:
        """``a.confidential``, or ``0`` on a file from before the confidential flag and
        superseding (issue 16; such a file is only ever opened read-only, unchanged)."""
        ready: bool | None = getattr(self, "_decisions_ready", None)
        if not ready:  # once there, it stays
            ready = self.user_version >= DECISIONS_VERSION
            self._decisions_ready = ready
        return f"{alias}.confidential" if ready else "0"

    def agenda_confidential_column(self, alias: str = "i") -> str:
        """``i.confidential`` of an agenda item, or ``0`` on a file from before it."""
        ready: bool | None = getattr(self, "_agenda_secret_ready", None)
        if not ready:
            ready = self.user_version >= AGENDA_CONFIDENTIAL_VERSION
            self._agenda_secret_ready = ready
        return f"{alias}.confidential" if ready else "0"

    def refuse_writes(self, reason: str) -> None:
        """From now on every write transaction raises StorageError(reason)."""
        self.read_only_reason = reason

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
        if self.read_only_reason is not None:
            self.write_refused = True
            raise StorageError(self.read_only_reason)
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._explained(error) from error
        self._depth = 1
        try:
            yield
            self._depth = 0
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            self._depth = 0
            self._rollback()
            raise self._explained(error) from error
        except BaseException:
            self._depth = 0
            self._rollback()
            raise

    def _rollback(self) -> None:
        if not self.db.conn.in_transaction:
            return
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            # SQLite already rolled back (a full disk or I/O error does): nothing to undo.
            pass

    def _explained(self, error: sqlite3.Error) -> BaseException:
        if isinstance(error, sqlite3.IntegrityError) and "agenda_items.meeting_id" in str(error):
            # The one-active-item index (agenda_items_one_active): another process moved
            # the agenda at the same moment.
            return Conflict(
                _("Another agenda item of this meeting is running already; nothing was changed")
            )
        explained = self.explain_write_error(error) if self.explain_write_error else None
        if explained is None:
            return error
        self.write_refused = True
        return explained

    def backup(self, destination: Path | str) -> None:
        """Copy the whole database with SQLite's online backup API."""
        dest = sqlite3.connect(str(destination))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict]:
        """The rows of a SELECT as dicts (a column name that comes twice gets ``_2``).
        Straight from the cursor: sqlite_utils' ``query`` wraps each in a savepoint."""
        cursor = self.db.conn.execute(sql, params)
        keys = dedupe_keys(d[0] for d in cursor.description)
        return [dict(zip(keys, row, strict=True)) for row in cursor]

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

    def data_version(self) -> int | None:
        """A number that changes when another connection commits to the file (SQLite's
        ``PRAGMA data_version``; this connection's own commits leave it as it is), or
        None when the file cannot be read just now."""
        try:
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def own_changes(self) -> int:
        """Rows this connection has inserted, changed or deleted since it opened (SQLite's
        ``total_changes``: a counter, no read)."""
        return int(self.db.conn.total_changes)

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- search ---------------------------------------------------------------------------------

    def _fts_clause(self, table: str, id_expr: str, text: str, params: list[Any]) -> str:
        """A WHERE fragment matching ``text`` in ``table``'s FTS index: every word of it,
        in any order, quotes making a phrase (``core.query_terms``).

        The trigram tokenizer needs three characters; shorter terms (common in Chinese,
        e.g. 回款) fall back to LIKE on the same columns.
        """
        fts = f"{table}_fts"
        return self._terms_clause(fts, table, FTS_TABLES[fts][1], id_expr, text, params)

    def _terms_clause(
        self,
        fts: str,
        table: str,
        columns: Sequence[str],
        id_expr: str,
        text: str,
        params: list[Any],
    ) -> str:
        terms = search_terms(text) or [text.strip()]
        long = [t for t in terms if len(t) >= TRIGRAM]
        parts = []
        if long:
            params.append(" AND ".join(fts_phrase(t) for t in long))
            parts.append(f"{id_expr} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")
        # Shorter terms are checked on the row itself (after the index narrowed the rows,
        # when a longer term was given): one pass, never a scan per term.
        prefix = id_expr[: -len("id")]
        for term in terms:
            if len(term) >= TRIGRAM:
                continue
            likes = " OR ".join(f"{prefix}{c} LIKE ? ESCAPE '\\'" for c in columns)
            params.extend(like_pattern(term) for _ in columns)
            parts.append(f"({likes})")
        return "(" + " AND ".join(parts) + ")"


DECISIONS_VERSION = MIGRATIONS.index(DECISIONS_MIGRATION) + 1  # supersedes_id, confidential
AGENDA_CONFIDENTIAL_VERSION = MIGRATIONS.index(AGENDA_CONFIDENTIAL_MIGRATION) + 1


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest
