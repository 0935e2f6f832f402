"""When a database file last passed its full check: a small stamp file in the backup
folder (``core.integrity`` explains why). Standard library only, so that a quick read-only
command can ask whether a check is due without loading the store."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from salestui.core import filemodes

CHECK_EVERY_SECONDS = 24 * 60 * 60


def backup_folder(db: Path, folder: Path | None) -> Path:
    """The automatic backups' folder of ``db``: ``folder``, else one beside the file."""
    return folder.expanduser() if folder else db.parent / f"{db.name}.backups"


def _stamp_path(db: Path, folder: Path | None) -> Path:
    return backup_folder(db, folder) / f"{db.name}.checked"


def _file_key(db: Path) -> list[int]:
    info = db.stat()
    return [info.st_dev, info.st_ino]


def full_check_due(db: Path, folder: Path | None) -> bool:
    """True unless this very file passed a full check in the last day."""
    try:
        stamp = json.loads(_stamp_path(db, folder).read_text(encoding="utf-8"))
        key = _file_key(db)
        return not (
            stamp.get("file") == key and 0 <= time.time() - stamp["at"] < CHECK_EVERY_SECONDS
        )
    except (OSError, ValueError, KeyError, TypeError):
        return True


def record_full_check(db: Path, folder: Path | None) -> None:
    """Remember that ``db`` passed a full check now (best effort: a read-only folder
    just means the check runs again next time)."""
    path = _stamp_path(db, folder)
    try:
        filemodes.make_folder(path.parent)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        fd = filemodes.open_new(partial, os.O_TRUNC | os.O_WRONLY)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"at": time.time(), "file": _file_key(db)}))
        os.replace(partial, path)
    except OSError:
        pass
