"""Opening a database file safely: clear errors for every way a path can be wrong."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from salestui.core.errors import StorageError
from salestui.core.store import Store
from salestui.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"


def check_path(path: Path) -> None:
    """Raise StorageError with a one-line reason when ``path`` cannot be our database."""
    if path.is_dir():
        raise StorageError(_("{path} is a folder, not a database file").format(path=path))
    parent = path.parent
    if not parent.exists():
        raise StorageError(_("The folder {folder} does not exist").format(folder=parent))
    if not parent.is_dir():
        raise StorageError(_("{folder} is not a folder").format(folder=parent))
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


def open_store(path: Path | str, create: bool = True) -> Store:
    """Open (creating with mode 0600 when missing) and migrate the database at ``path``."""
    path = Path(path).expanduser()
    check_path(path)
    if not path.exists():
        if not create:
            raise StorageError(_("No database at {path}").format(path=path))
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except FileExistsError:
            pass
        except OSError as error:
            raise StorageError(
                _("Cannot create {path}: {reason}").format(path=path, reason=error.strerror)
            ) from error
    store: Store | None = None
    try:
        store = Store(path)
        store.migrate()
    except sqlite3.DatabaseError as error:
        if store is not None:
            store.close()
        message = str(error)
        if "readonly" in message or "unable to open" in message or "disk I/O" in message:
            raise StorageError(
                _("Cannot write to {path}: the file or its folder is read-only").format(path=path)
            ) from error
        raise StorageError(
            _("{path} is not a salestui database ({reason})").format(path=path, reason=message)
        ) from error
    return store
