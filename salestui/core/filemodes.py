"""The modes of the files and folders salestui makes beside a database.

Private by default: files 0600, folders 0700. With ``shared = true`` in the config (a
shared host, README "Teams"), 0660 and 2770 instead: read and written by the group that
owns the database folder (the set-group-id bit gives new files that group), and by no
one else. SQLite makes the ``-wal`` and ``-shm`` files with the database file's mode.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
SHARED_FILE, SHARED_FOLDER = 0o660, 0o2770

_shared = False


def set_shared(shared: bool) -> None:
    """Use the group's modes (True) or private ones for what is made from now on."""
    global _shared
    _shared = shared


def is_shared() -> bool:
    return _shared


def file_mode() -> int:
    return SHARED_FILE if _shared else PRIVATE_FILE


def folder_mode() -> int:
    return SHARED_FOLDER if _shared else PRIVATE_FOLDER


def open_new(path: Path | str, flags: int) -> int:
    """``os.open`` with ``O_CREAT`` and the file mode; in shared mode the mode is set
    whatever the umask (a umask of 022 would take the group's write away)."""
    fd = os.open(path, flags | os.O_CREAT, file_mode())
    if _shared:
        try:
            os.fchmod(fd, SHARED_FILE)
        except OSError:
            pass  # not the owner (an existing file): its mode stays as it is
    return fd


def make_folder(path: Path, parents: bool = False) -> None:
    """``mkdir`` (an existing folder is fine) with the folder mode, whatever the umask."""
    existed = path.is_dir()
    path.mkdir(mode=folder_mode(), parents=parents, exist_ok=True)
    if _shared and not existed:
        os.chmod(path, SHARED_FOLDER)


def set_file_mode(path: Path) -> None:
    """Give a file the file mode (after it was copied into place)."""
    os.chmod(path, file_mode())
