"""Writing exported documents: atomically, and never over an existing file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from salestui.core.errors import Conflict, StorageError
from salestui.i18n import _


def write_atomic(path: Path | str, text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A reader never sees half a file, and a crash leaves the old file intact. Refuses to
    replace an existing file unless ``force``.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise StorageError(_("{path} is a folder, not a file").format(path=target))
    if target.exists() and not force:
        raise Conflict(_("{path} already exists (use --force to replace it)").format(path=target))
    folder = target.parent
    if not folder.is_dir():
        raise StorageError(_("The folder {folder} does not exist").format(folder=folder))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp makes a private file; an exported document follows the umask.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    return target
