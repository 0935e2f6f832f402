"""Is the file whole? The check on open, and the messages for each way it can fail.

Measured on a 100,000-action database (benchmarks/open_check.py): ``quick_check`` costs
about 0.2-0.3 s and ``integrity_check`` about 1-2 s, over the 0.1 s an open may add. So
every open makes the cheap checks (the header's application id and schema version, the
schema readable, salestui's tables present), and a full ``quick_check`` runs at most once
a day per file, recorded in a small stamp file in the backup folder (outside the shared
database, which may be read-only). Damage met later by any read is reported the same
way by the CLI, and ``salestui doctor`` runs the full ``integrity_check``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salestui.core import check_stamp, schema
from salestui.core.backup import BackupPolicy, newest_backup
from salestui.core.errors import StorageError
from salestui.core.store import Store
from salestui.i18n import _

CHECK_EVERY_SECONDS = check_stamp.CHECK_EVERY_SECONDS


def full_check_due(db: Path, policy: BackupPolicy) -> bool:
    """True unless this very file passed a full check in the last day."""
    return check_stamp.full_check_due(db, policy.folder)


def record_full_check(db: Path, policy: BackupPolicy) -> None:
    """Remember that ``db`` passed a full check now (best effort)."""
    check_stamp.record_full_check(db, policy.folder)


# -- messages ---------------------------------------------------------------------------


def damaged_message(db: Path, policy: BackupPolicy) -> str:
    """One line: the file is damaged, opened read-only; the newest good backup and how to
    recover."""
    backup = newest_backup(db, policy)
    if backup is None:
        return _(
            "{path} is damaged and was opened read-only; no backup found: recover what can "
            "be read with 'salestui --db {path} doctor --recover NEW.db'"
        ).format(path=db)
    return _(
        "{path} is damaged and was opened read-only; newest good backup: {backup} "
        "(restore it with 'salestui --db {path} restore {backup}', or recover what can be "
        "read with 'salestui --db {path} doctor --recover NEW.db')"
    ).format(path=db, backup=backup.path)


def newer_message(db: Path, version: int) -> str:
    return _(
        "{path} was made by a newer salestui (schema {found}); this is {latest} - upgrade salestui"
    ).format(path=db, found=version, latest=schema.LATEST_VERSION)


def read_only_message(db: Path) -> str:
    return _("{path} is read-only (the file or its folder): nothing can be changed").format(path=db)


def disk_full_message(db: Path) -> str:
    return _(
        "The disk holding {path} is full: nothing was saved; free some space and try again"
    ).format(path=db)


def foreign_message(db: Path) -> str:
    return _("{path} belongs to another application, not salestui; it was left untouched").format(
        path=db
    )


def explain_write_error(store: Store, error: sqlite3.Error) -> Exception | None:
    """The StorageError for a write SQLite refused, or None for other errors. A full disk
    or a damaged file also makes the store read-only from then on."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    policy = store.backup_policy or BackupPolicy()
    if primary == sqlite3.SQLITE_FULL:
        message = disk_full_message(store.path)
        store.refuse_writes(message)
        return StorageError(message)
    if primary == sqlite3.SQLITE_READONLY:
        message = read_only_message(store.path)
        store.refuse_writes(message)
        return StorageError(message)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        message = damaged_message(store.path, policy)
        store.damaged = True
        store.refuse_writes(message)
        return StorageError(message)
    return None


def is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
