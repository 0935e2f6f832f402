"""Writing exported documents: atomically, and never over an existing file unasked.

Never over a database either: a SQLite file, its ``-wal``, ``-shm`` or ``-journal`` is
refused even with ``--force`` (``export minutes 1 -o salestui.db --force`` would
otherwise replace the department's data with markdown).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from salestui.core.errors import Conflict, InvalidInput, StorageError
from salestui.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
# The first four bytes of a -wal file (big- or little-endian checksums).
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def is_database_file(path: Path) -> bool:
    """True when ``path`` is a SQLite database, or the -wal/-shm/-journal of one."""
    if not path.is_file():
        return False
    head = _head(path, len(SQLITE_HEADER))
    if head == SQLITE_HEADER or head[:4] in WAL_MAGICS:
        return True
    for suffix in DATABASE_SIDE_FILES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            main = path.with_name(path.name[: -len(suffix)])
            if _head(main, len(SQLITE_HEADER)) == SQLITE_HEADER:
                return True
    return False


def refuse_database(path: Path) -> None:
    """Raise InvalidInput when writing an export to ``path`` would destroy a database."""
    if is_database_file(path):
        raise InvalidInput(
            _("{path} is a database file; an export never replaces it").format(path=path)
        )


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_atomic(path: Path | str, text: str | bytes, force: bool = False) -> Path:
    """Write ``text`` (UTF-8 with LF line ends; bytes as they are) to ``path`` through a
    temporary file and a rename.

    A reader never sees half a file, and a crash leaves the old file intact. Refuses to
    replace an existing file unless ``force``, and a database file always. A replaced file
    keeps its permissions (a private 0600 file stays private); a new one follows the umask.
    """
    target = Path(path).expanduser()
    if target.is_symlink() and target.is_file():
        target = target.resolve()  # replace the file the link names, not the link
    if target.is_dir():
        raise StorageError(_("{path} is a folder, not a file").format(path=target))
    refuse_database(target)
    if target.exists() and not target.is_file():
        return _write_special(target, text)
    if target.exists() and not force:
        raise Conflict(_("{path} already exists (use --force to replace it)").format(path=target))
    folder = target.parent
    if not folder.is_dir():
        raise StorageError(_("The folder {folder} does not exist").format(folder=folder))
    try:
        existing = target.stat() if target.exists() else None
        mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_encoded(text))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, mode)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    return target


def _encoded(text: str | bytes) -> bytes:
    """What goes into the file: text as UTF-8 (its "\\n" written as is), bytes unchanged."""
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8")


def _write_special(target: Path, text: str | bytes) -> Path:
    """``-o /dev/stdout`` or a named pipe: written straight through (a rename would put a
    plain file in the device's place); anything else that is not a file is refused."""
    kind = target.stat().st_mode
    if not (stat.S_ISCHR(kind) or stat.S_ISFIFO(kind)):
        raise StorageError(_("{path} is not a regular file").format(path=target))
    try:
        with target.open("wb") as handle:
            handle.write(_encoded(text))
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    return target
