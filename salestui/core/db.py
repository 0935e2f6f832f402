"""Opening a database file safely: clear errors for every way a path can be wrong.

A file that is ours but cannot be written to (damaged, made by a newer salestui,
read-only file or folder) is opened read-only: reading works, every write raises
StorageError with the reason (``Store.read_only_reason``). A file that is not ours is
refused and left untouched.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from functools import partial
from pathlib import Path

from salestui.core import filemodes, integrity, schema
from salestui.core.backup import BackupPolicy, automatic_backup
from salestui.core.errors import StorageError
from salestui.core.store import Store
from salestui.core.store.integrity import FileIdentity
from salestui.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"


def check_path(path: Path) -> None:
    """Raise StorageError with a one-line reason when ``path`` cannot be our database."""
    check_place(path)
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StorageError(
                _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
            ) from error
        if header and header != SQLITE_HEADER:
            raise StorageError(
                _("{path} is not a salestui database (not an SQLite file)").format(path=path)
            )


def check_place(path: Path) -> None:
    """A regular file (or none yet) in an existing folder; StorageError otherwise."""
    if not str(path).strip():
        raise StorageError(_("The database path is empty"))
    if path.is_dir():
        raise StorageError(_("{path} is a folder, not a database file").format(path=path))
    parent = path.parent
    if not parent.exists():
        raise StorageError(_("The folder {folder} does not exist").format(folder=parent))
    if not parent.is_dir():
        raise StorageError(_("{folder} is not a folder").format(folder=parent))
    if path.exists():
        # Never open a FIFO, socket or device: reading one can hang or consume it.
        if not stat.S_ISREG(path.stat().st_mode):
            raise StorageError(
                _("{path} is not a regular file, so it cannot be a database").format(path=path)
            )


def _writable(path: Path) -> bool:
    """The process may write the file and its folder (the -wal and -shm live there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _create(path: Path) -> None:
    try:
        fd = filemodes.open_new(path, os.O_EXCL | os.O_WRONLY)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as error:
        raise StorageError(
            _("Cannot create {path}: {reason}").format(path=path, reason=error.strerror)
        ) from error


def _connect(path: Path, read_only: bool) -> Store:
    try:
        # WAL is switched on only once the file is known to be ours (it changes the header).
        return Store(path, read_only=read_only, wal=False)
    except sqlite3.DatabaseError as error:
        message = str(error)
        if not read_only and ("readonly" in message or "unable to open" in message):
            return _connect(path, True)
        raise StorageError(
            _("{path} is not a salestui database ({reason})").format(path=path, reason=message)
        ) from error


def _identity(store: Store) -> FileIdentity:
    try:
        return store.identity()
    except sqlite3.DatabaseError as error:
        store.close()
        if integrity.is_damage(error):
            raise StorageError(
                integrity.damaged_message(store.path, store.backup_policy)
            ) from error
        raise StorageError(
            _("{path} is not a salestui database ({reason})").format(path=store.path, reason=error)
        ) from error


def open_store(path: Path | str, create: bool = True, backups: BackupPolicy | None = None) -> Store:
    """Open (creating with mode 0600 when missing) and migrate the database at ``path``."""
    path = Path(path).expanduser()
    check_path(path)
    policy = backups or BackupPolicy()
    if not path.exists():
        if not create:
            raise StorageError(_("No database at {path}").format(path=path))
        _create(path)
    store = _connect(path, read_only=not _writable(path))
    store.backup_policy = policy
    store.explain_write_error = partial(integrity.explain_write_error, store)
    try:
        _settle(store, policy)
    except BaseException:
        store.close()
        raise
    if store.read_only_reason is None and store.read_only:
        store.refuse_writes(integrity.read_only_message(path))
    return store


def _settle(store: Store, policy: BackupPolicy) -> None:
    """Check whose file it is, migrate it under the write lock, check it is whole."""
    path = store.path
    found = _identity(store)
    if not found.ours:
        raise StorageError(integrity.foreign_message(path))
    if found.user_version > schema.LATEST_VERSION:
        _reopen_read_only(store)
        store.refuse_writes(integrity.newer_message(path, found.user_version))
        return
    fresh = found.empty
    if not store.read_only:
        store.use_wal()
    if found.user_version < schema.LATEST_VERSION:
        if store.read_only:
            if fresh:
                raise StorageError(integrity.read_only_message(path))
            store.refuse_writes(integrity.read_only_message(path))
            return
        _migrate(store, policy)
    if fresh:
        integrity.record_full_check(path, policy)
    elif integrity.full_check_due(path, policy):
        try:
            problems = store.check(full=False)
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems:
            store.damaged = True
            _reopen_read_only(store)
            store.refuse_writes(integrity.damaged_message(path, policy))
            return
        integrity.record_full_check(path, policy)


def _migrate(store: Store, policy: BackupPolicy) -> None:
    path = store.path

    def backup_first(version: int) -> None:
        automatic_backup(path, "upgrade", policy)

    try:
        store.migrate(before=backup_first)
    except StorageError as error:
        # No verified backup (a damaged file, no room): leave the file as it is.
        store.refuse_writes(_("{path} was not upgraded: {reason}").format(path=path, reason=error))
    except sqlite3.DatabaseError as error:
        explained = integrity.explain_write_error(store, error)
        if explained is not None:
            raise explained from error
        raise StorageError(
            _("{path} could not be upgraded ({reason}); it was left as it was").format(
                path=path, reason=error
            )
        ) from error


def _reopen_read_only(store: Store) -> None:
    """Swap the store's connection for a ``mode=ro`` one: nothing can write by mistake."""
    if store.read_only:
        return
    replacement = Store(store.path, read_only=True)
    store.db.conn.close()
    store.db = replacement.db
    store.read_only = True
