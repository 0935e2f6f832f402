"""``salestui doctor``: the full integrity check, recovery into a new file, and restore.

Recovery follows SQLite's own approach: open the damaged file read-only, create a new
database with the current schema, copy table by table and row by row in rowid order,
skipping the rows that sit on unreadable pages, then apply each broken reference's ON
DELETE rule as if the lost rows had been deleted, and rebuild the search index.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from salestui.core import filemodes, integrity, schema
from salestui.core.backup import (
    BackupFailed,
    BackupPolicy,
    automatic_backup,
    list_backups,
    now_utc,
    raw_copy,
    verified_copy,
)
from salestui.core.db import check_path, check_place, open_store
from salestui.core.errors import Conflict, StorageError
from salestui.core.store import integrity as sql
from salestui.i18n import _


@dataclass
class Diagnosis:
    path: Path
    problems: list[str] = field(default_factory=list)
    damaged_tables: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _open_source(path: Path) -> sqlite3.Connection:
    check_path(path)
    if not path.exists():
        raise StorageError(_("No database at {path}").format(path=path))
    return sql.open_read_only(path)


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    try:
        found = sql.read_identity(conn)
    except sqlite3.DatabaseError:
        return  # too damaged to tell: the check below says what it can
    if not found.ours:
        raise StorageError(integrity.foreign_message(path))


def diagnose(path: Path) -> Diagnosis:
    """The full ``integrity_check``; when it fails, which tables are damaged."""
    result = Diagnosis(path)
    conn = _open_source(path)
    try:
        _check_ours(conn, path)
        try:
            result.problems = sql.check(conn, full=True)
        except sqlite3.DatabaseError as error:
            result.problems = [str(error)]
        try:
            tables = sql.content_tables(conn)
        except sqlite3.DatabaseError:
            return result
        for table in tables:
            try:
                damaged = bool(result.problems) and bool(sql.check(conn, True, table))
                result.rows[table] = sql.count_rows(conn, table)
            except sqlite3.DatabaseError:
                damaged = True
            if damaged:
                result.damaged_tables.append(table)
    finally:
        conn.close()
    return result


@dataclass
class Recovery:
    tables: list[sql.TableRecovery]
    dropped: dict[str, int]
    problems: list[str]


def recover(source: Path, output: Path) -> Recovery:
    """Copy everything readable from ``source`` into the new database ``output``."""
    if output.exists():
        raise Conflict(_("{path} already exists; give a new file name").format(path=output))
    conn = _open_source(source)
    try:
        _check_ours(conn, source)
        open_store(output, backups=BackupPolicy(keep=0)).close()  # the current schema
        target = sqlite3.connect(str(output), isolation_level=None)
        try:
            target.execute("PRAGMA foreign_keys = OFF")
            target.execute("BEGIN IMMEDIATE")
            tables = [
                sql.recover_table(conn, target, table) for table in sql.content_tables(target)
            ]
            dropped = sql.drop_orphans(target)
            sql.rebuild_search(target)
            target.execute("COMMIT")
            problems = sql.check(target, full=True)
        finally:
            target.close()
    finally:
        conn.close()
    for table in tables:
        table.dropped = dropped.get(table.table, 0)
    return Recovery(tables, dropped, problems)


# -- restore ----------------------------------------------------------------------------------


def verify_backup(path: Path) -> dict[str, int]:
    """Refuse a file that is not a whole salestui database this version can use."""
    conn = _open_source(path)
    try:
        try:
            found = sql.read_identity(conn)
            problems = sql.check(conn, full=True)
            counts = sql.row_counts(conn) if not problems else {}
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
            found = None
        if found is not None and not found.ours:
            raise StorageError(integrity.foreign_message(path))
        if problems:
            raise StorageError(
                _("{path} failed its integrity check ({problem}); it was not restored").format(
                    path=path, problem=problems[0]
                )
            )
        assert found is not None
        if found.user_version > schema.LATEST_VERSION:
            raise StorageError(integrity.newer_message(path, found.user_version))
    finally:
        conn.close()
    return counts


def _set_aside(db: Path, policy: BackupPolicy) -> Path | None:
    """Keep the current file before it is replaced: a verified backup, or for a file too
    damaged for that, a byte-for-byte copy named ``.damaged``."""
    if not db.exists():
        return None
    try:
        return automatic_backup(db, "restore", policy) if policy.keep > 0 else None
    except BackupFailed:
        folder = policy.folder_for(db)
        filemodes.make_folder(folder)
        target = folder / f"{db.name}.{now_utc().strftime('%Y%m%d-%H%M%S')}.damaged"
        raw_copy(db, target)
        return target


def _opens_as_ours(db: Path) -> bool:
    try:
        conn = sqlite3.connect(str(db), isolation_level=None)
        try:
            return sql.read_identity(conn).ours
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def restore(backup: Path, db: Path, policy: BackupPolicy) -> tuple[dict[str, int], Path | None]:
    """Replace ``db``'s content with ``backup`` (verified first; the current file is
    backed up first). Returns the restored row counts and where the old file went."""
    if db.exists() and backup.resolve() == db.resolve():
        raise Conflict(_("{path} is the database itself").format(path=backup))
    counts = verify_backup(backup)
    check_place(db)  # the current file may be too damaged to have an SQLite header
    kept = _set_aside(db, policy)
    source = sql.open_read_only(backup)
    try:
        if db.exists() and _opens_as_ours(db):
            # Through the target's own pager: its -wal (even a stale one) is dealt with by
            # SQLite, and other open connections see an ordinary commit.
            target = sqlite3.connect(str(db), timeout=30, isolation_level=None)
            try:
                sql.copy_into(source, target)
                target.execute("PRAGMA journal_mode = WAL")
            finally:
                target.close()
        else:
            # Missing or unreadable: a stale -wal/-shm beside it would be replayed into
            # the new file and make it "malformed", so they go first.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            verified_copy(backup, db)
            filemodes.set_file_mode(db)
    finally:
        source.close()
    restored = verify_backup(db)
    if restored != counts:
        raise StorageError(_("{path} does not hold the restored rows").format(path=db))
    integrity.record_full_check(db, policy)
    return counts, kept


def newest_good(db: Path, policy: BackupPolicy) -> Path | None:
    backups = list_backups(db, policy)
    return backups[0].path if backups else None
