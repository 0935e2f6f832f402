"""What the file is, whether it is whole, and bringing it to the latest schema.

The SQL side of core.integrity, core.backup and core.doctor: checks, row counts at one
snapshot, the locked migration, copies with the online backup API, and row-by-row
recovery from a damaged file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from salestui.core import schema, schema_repairs
from salestui.core.store.base import BaseStore

# Tables every salestui file has had since the first build: their presence (with no
# application_id) marks a file made at version 1, before the id was set.
CORE_TABLES = frozenset({"people", "meetings", "agenda_items", "action_items"})


@dataclass
class FileIdentity:
    """Whose file it is and at which schema version."""

    user_version: int
    application_id: int
    objects: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.objects

    @property
    def ours(self) -> bool:
        if self.application_id == schema.APPLICATION_ID:
            return True
        if self.application_id != 0:
            return False
        if self.user_version == 0:
            return self.empty
        return CORE_TABLES <= self.objects


def read_identity(conn: sqlite3.Connection) -> FileIdentity:
    return FileIdentity(
        user_version=int(conn.execute("PRAGMA user_version").fetchone()[0]),
        application_id=int(conn.execute("PRAGMA application_id").fetchone()[0]),
        objects={row[0] for row in conn.execute("SELECT name FROM sqlite_master")},
    )


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def plain_tables(conn: sqlite3.Connection) -> list[str]:
    """Every ordinary table (FTS shadow tables included, virtual tables not)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: count_rows(conn, table) for table in plain_tables(conn)}


def check(conn: sqlite3.Connection, full: bool = True, table: str | None = None) -> list[str]:
    """``integrity_check`` (or ``quick_check``) problems; [] when the file is whole."""
    pragma = "integrity_check" if full else "quick_check"
    argument = f'("{table}")' if table else ""
    rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}{argument}")]
    return [] if rows == ["ok"] else rows


def open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)


def copy_database(
    source: sqlite3.Connection, destination: Path, counted: bool = True
) -> dict[str, int]:
    """Copy ``source`` into the (new, empty) file ``destination`` with the online backup
    API; returns the row counts of the source at the very snapshot that was copied
    (``counted=False``: no counts, pages copied as they are, damaged or not)."""
    source.execute("BEGIN")
    try:
        # The counts start the read transaction that the backup then copies.
        counts = row_counts(source) if counted else {}
        target = sqlite3.connect(str(destination))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.execute("COMMIT")
    return counts


def copy_into(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Replace ``target``'s whole content with ``source``'s (through target's own pager,
    so its WAL and other connections stay consistent)."""
    source.backup(target)


class IntegrityStore(BaseStore):
    """Identity, checks and the locked migration of the open file."""

    def identity(self) -> FileIdentity:
        return read_identity(self.db.conn)

    def check(self, full: bool = True) -> list[str]:
        return check(self.db.conn, full)

    def migrate(self, before: Callable[[int], None] | None = None) -> int | None:
        """Bring the schema to the latest version; returns the version it started from
        (None when nothing was to do).

        The version is read again under ``BEGIN IMMEDIATE``, so two processes opening a
        new file at once migrate it once. ``before(version)`` runs under that lock before
        any change (the verified backup); if it or any statement fails, nothing changes.
        """
        if self.user_version >= schema.LATEST_VERSION:
            return None
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current >= schema.LATEST_VERSION:
                conn.execute("COMMIT")
                return None
            if before is not None and current > 0:
                before(current)
            for number in range(current + 1, schema.LATEST_VERSION + 1):
                if number == 2:
                    for statement in self._v1_repairs():
                        conn.execute(statement)
                for statement in schema.MIGRATIONS[number - 1]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return current

    def _v1_repairs(self) -> list[str]:
        conn = self.db.conn
        objects = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return schema_repairs.v1_repairs({t: set(_columns(conn, t)) for t in tables}, objects)


# -- recovery: everything readable from a damaged file ------------------------------------


@dataclass
class TableRecovery:
    table: str
    copied: int = 0
    gaps: int = 0  # runs of rows that could not be read
    unreadable: bool = False  # the table could not be read at all
    dropped: int = 0  # rows removed because what they belonged to was lost


def _rows_from(
    source: sqlite3.Connection, table: str, columns: list[str], start: int
) -> Iterator[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    yield from source.execute(
        f'SELECT rowid, {cols} FROM "{table}" WHERE rowid >= ? ORDER BY rowid', [start]
    )


def _readable_from(source: sqlite3.Connection, table: str, start: int) -> bool:
    try:
        source.execute(
            f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1', [start]
        ).fetchall()
    except sqlite3.DatabaseError:
        return False
    return True


def _next_readable(source: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest rowid > ``after`` from which the table reads again (a damaged page
    makes every rowid it holds unreachable); None when nothing further can be read."""
    step, probe = 1, after + 1
    limit = 2**62
    while not _readable_from(source, table, probe):
        if probe > limit:
            return None
        step *= 2
        probe = after + step
    low = after + step // 2 + 1 if step > 1 else probe  # last failing probe + 1
    high = probe
    while low < high:  # narrow back to the first start that reads
        middle = (low + high) // 2
        if _readable_from(source, table, middle):
            high = middle
        else:
            low = middle + 1
    return high


def recover_table(
    source: sqlite3.Connection, target: sqlite3.Connection, table: str
) -> TableRecovery:
    """Copy every readable row of ``table`` (the columns both files have)."""
    result = TableRecovery(table)
    try:
        wanted = set(_columns(target, table))
        columns = [c for c in _columns(source, table) if c in wanted]
    except sqlite3.DatabaseError:
        result.unreadable = True
        return result
    if not columns:
        result.unreadable = True
        return result
    names = ", ".join(f'"{c}"' for c in ["rowid", *columns])
    marks = ", ".join("?" * (len(columns) + 1))
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    start: int | None = -(2**63)
    last = -(2**63)
    while start is not None:
        rows = _rows_from(source, table, columns, start)
        after = start  # where to look past if this round reads nothing
        while True:
            try:
                row = next(rows, None)
            except sqlite3.DatabaseError:  # a damaged page of the source
                result.gaps += 1
                start = _next_readable(source, table, max(last, after))
                break
            if row is None:
                start = None
                break
            target.execute(insert, row)
            result.copied += 1
            last = row[0]
    if result.copied == 0 and result.gaps:
        result.unreadable = True
    return result


def drop_orphans(target: sqlite3.Connection) -> dict[str, int]:
    """Apply each broken reference's ON DELETE rule, as if the lost parent row had been
    deleted: SET NULL clears the column, CASCADE removes the row. Returns removals."""
    removed: dict[str, int] = {}
    for _round in range(20):  # a removal can orphan further rows
        problems = target.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            break
        for table, rowid, _parent, fk_id in problems:
            rules = {row[0]: row for row in target.execute(f'PRAGMA foreign_key_list("{table}")')}
            rule = rules.get(fk_id)
            if rule is not None and rule[6] == "SET NULL":
                target.execute(f'UPDATE "{table}" SET "{rule[3]}" = NULL WHERE rowid = ?', [rowid])
            else:
                target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', [rowid])
                removed[table] = removed.get(table, 0) + 1
    return removed


def rebuild_search(target: sqlite3.Connection) -> None:
    for fts in schema.FTS_TABLES:
        target.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def content_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables that hold data (not FTS indexes), in the order of the schema."""
    fts = set(schema.FTS_TABLES)
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid"
        )
        if not any(row[0] == f or row[0].startswith(f + "_") for f in fts)
    ]
