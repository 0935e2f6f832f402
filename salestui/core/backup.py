"""Backups you can trust: verified copies, rotating automatic backups, restore.

A copy is taken with SQLite's online backup API inside one read transaction, so the row
counts taken in that transaction describe exactly what was copied; the copy is then
checked (``integrity_check``, or ``quick_check`` for the automatic ones, which must stay
quick) and its counts compared. Only a copy that passes is renamed into place; files are
mode 0600.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from salestui.core import filemodes
from salestui.core.check_stamp import backup_folder
from salestui.core.errors import StorageError
from salestui.core.store import Store
from salestui.core.store import integrity as sql
from salestui.i18n import _

DEFAULT_KEEP = 14
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<db>.+)\.(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.(?P<reason>[a-z]+)\.bak$")


@dataclass
class BackupPolicy:
    """Where automatic backups go (None: a folder beside the database) and how many
    are kept (0: no automatic backups)."""

    folder: Path | None = None
    keep: int = DEFAULT_KEEP

    def folder_for(self, db: Path) -> Path:
        return backup_folder(db, self.folder)


@dataclass
class BackupFile:
    path: Path
    taken: datetime  # UTC
    reason: str  # start | migration | meeting | restore
    size: int


class BackupFailed(StorageError):
    """The copy did not pass its check; nothing was kept."""


def now_utc() -> datetime:
    # Backups are about the file, not the meeting: real time, not the app's clock.
    return datetime.now(UTC)


def list_backups(db: Path, policy: BackupPolicy) -> list[BackupFile]:
    """The automatic backups of ``db``, newest first."""
    folder = policy.folder_for(db)
    found: list[tuple[datetime, int, BackupFile]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if not match or match["db"] != db.name or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        backup = BackupFile(path, taken, match["reason"], path.stat().st_size)
        found.append((taken, int(match["n"] or 1), backup))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in found]


def newest_backup(db: Path, policy: BackupPolicy) -> BackupFile | None:
    backups = list_backups(db, policy)
    return backups[0] if backups else None


@contextmanager
def _partial(destination: Path) -> Iterator[Path]:
    """A private (0600) temporary file beside ``destination``, removed unless renamed."""
    partial = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    os.close(filemodes.open_new(partial, os.O_EXCL | os.O_WRONLY))
    try:
        yield partial
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verified_copy(
    source: Path, destination: Path, *, full: bool = True, verify: bool = True
) -> dict[str, int]:
    """Copy the database at ``source`` to ``destination`` and check the copy.

    Raises BackupFailed (and leaves ``destination`` as it was) when the source cannot be
    read whole or the copy's check or row counts differ. Returns the row counts.
    ``verify=False`` copies the pages as they are (a damaged file, on request).
    """
    with _partial(destination) as partial:
        conn = sql.open_read_only(source)
        try:
            counts = sql.copy_database(conn, partial, counted=verify)
            if not verify:
                _fsync(partial)
                os.replace(partial, destination)
                return counts
        except sqlite3.DatabaseError as error:
            raise BackupFailed(
                _(
                    "{path} could not be read whole ({reason}), so it failed its integrity check; "
                    "nothing was backed up: run 'salestui doctor'"
                ).format(path=source, reason=error)
            ) from error
        finally:
            conn.close()
        copy = sql.open_read_only(partial)
        try:
            problems = sql.check(copy, full)
            copied = sql.row_counts(copy) if not problems else {}
        except sqlite3.DatabaseError as error:
            problems, copied = [str(error)], {}
        finally:
            copy.close()
        if problems:
            raise BackupFailed(
                _(
                    "The copy of {path} failed its integrity check ({problem}); "
                    "the database is probably damaged: run 'salestui doctor'"
                ).format(path=source, problem=problems[0])
            )
        if copied != counts:
            raise BackupFailed(
                _("The copy of {path} does not hold the same rows; nothing was backed up").format(
                    path=source
                )
            )
        _fsync(partial)
        os.replace(partial, destination)
    return counts


def raw_copy(source: Path, destination: Path) -> None:
    """Copy a file (and its -wal) byte for byte: for a file too damaged to back up."""
    for suffix in ("", "-wal"):
        origin = Path(f"{source}{suffix}")
        if not origin.exists() or (suffix and origin.stat().st_size == 0):
            continue
        target = Path(f"{destination}{suffix}")
        with _partial(target) as partial:
            with origin.open("rb") as reader, partial.open("wb") as writer:
                while chunk := reader.read(1 << 20):
                    writer.write(chunk)
            os.replace(partial, target)


def automatic_backup(db: Path, reason: str, policy: BackupPolicy) -> Path | None:
    """A verified backup into the policy's folder, then the oldest beyond ``keep`` go.

    Returns the new file, or None when the policy keeps no backups.
    """
    if policy.keep <= 0:
        return None
    folder = policy.folder_for(db)
    try:
        filemodes.make_folder(folder)
    except OSError as error:
        raise StorageError(
            _("Cannot make the backup folder {folder}: {reason}").format(
                folder=folder, reason=error.strerror
            )
        ) from error
    stamp = now_utc().strftime(_STAMP)
    # Several in one second are numbered upwards, so names sort in the order they were made.
    taken = [
        int(match["n"] or 1)
        for path in folder.glob(f"{db.name}.{stamp}*")
        if (match := _NAME.match(path.name)) and match["stamp"] == stamp
    ]
    number = max(taken, default=0) + 1
    suffix = "" if number == 1 else f"-{number}"
    destination = folder / f"{db.name}.{stamp}{suffix}.{reason}.bak"
    try:
        verified_copy(db, destination, full=False)
    except OSError as error:
        raise StorageError(
            _("Cannot write the backup {path}: {reason}").format(
                path=destination, reason=error.strerror
            )
        ) from error
    for old in list_backups(db, policy)[policy.keep :]:
        old.path.unlink(missing_ok=True)
    return destination


def backup_store(store: Store, reason: str) -> Path | None:
    """An automatic backup of an open store; a failure is kept on the store (the data
    itself is committed), for the caller to show."""
    policy = store.backup_policy or BackupPolicy()
    try:
        return automatic_backup(store.path, reason, policy)
    except StorageError as error:
        store.backup_problem = str(error)
        return None


def due_daily(db: Path, policy: BackupPolicy, now: datetime | None = None) -> bool:
    """No start-of-day backup yet today (local date)."""
    if policy.keep <= 0:
        return False
    today = (now or now_utc()).astimezone().date()
    return not any(
        b.reason == "start" and b.taken.astimezone().date() == today
        for b in list_backups(db, policy)
    )
