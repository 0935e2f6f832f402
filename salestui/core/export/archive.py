"""The archive: every meeting's minutes as its own file, plus an index, newest first."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from salestui.core.errors import Conflict, StorageError
from salestui.core.export.files import current_umask, refuse_database
from salestui.core.export.markdown import Document, inline
from salestui.core.export.minutes import render_minutes
from salestui.core.export.slug import slugify
from salestui.core.models import Meeting, Person
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.i18n import _

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
PARALLEL_FROM = 400  # meetings: a smaller archive is written by this process alone


@dataclass
class ArchiveResult:
    folder: Path
    files: list[Path]


def archive_name(meeting: Meeting, taken: set[str]) -> str:
    """``YYYY-MM-DD-<slug>.md``, made unique with the meeting id when needed."""
    day = (
        meeting.scheduled_start.astimezone().strftime("%Y-%m-%d")
        if meeting.scheduled_start
        else "undated"
    )
    name = f"{day}-{slugify(meeting.title)}.md"
    if name in taken:
        name = f"{day}-{slugify(meeting.title)}-{meeting.id}.md"
    taken.add(name)
    return name


def export_archive(
    services: Services,
    folder: Path | str,
    force: bool = False,
    include_confidential: bool = False,
) -> ArchiveResult:
    """Write one markdown file per meeting and ``index.md`` linking them, newest first
    (confidential items only with ``include_confidential``, marked).

    Everything is written to a hidden temporary folder beside the target first and moved
    into place at the end, so an export stopped midway never leaves half an archive: a new
    folder appears whole (one rename), an existing one gets its files replaced one rename
    each, only after every file was written. The folder is fsynced once at the end, the
    files not one by one (that took most of the time): a crash of the machine just after
    an export may lose it, but no file is ever seen half-written.
    """
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise StorageError(_("{path} is not a folder").format(path=target))
    meetings = services.store.list_meetings(descending=True)
    taken: set[str] = set()
    names = [archive_name(meeting, taken) for meeting in meetings]
    for name in [*names, "index.md"]:
        refuse_database(target / name)
        if not force and (target / name).exists():
            # Refuse before writing anything, not half-way through.
            raise Conflict(
                _("{path} already exists (use --force to replace it)").format(path=target / name)
            )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        )
    except OSError as error:
        raise StorageError(
            _("Cannot create {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    try:
        _write_all(services, staging, meetings, names, include_confidential)
        written = _move_into_place(staging, target, [*names, "index.md"])
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ArchiveResult(target, written)


def _write_all(
    services: Services,
    staging: Path,
    meetings: list[Meeting],
    names: list[str],
    include_confidential: bool = False,
) -> None:
    """Every meeting's minutes and the index, into the private ``staging`` folder: plain
    writes (each file is moved into place whole later, by a rename), then one fsync.

    A big archive is rendered by two processes at once where that is safe (``_forked``):
    this one writes every other meeting, a forked copy of it the rest."""
    people = services.people_by_id()  # once, not per meeting
    jobs = list(zip(meetings, names, strict=True))
    child = _forked(services, staging, jobs[1::2], people, include_confidential)
    mine = jobs[0::2] if child is not None else jobs
    try:
        _render(services, staging, mine, people, include_confidential)
    finally:
        if child is not None:
            _wait(*child)
    index = Document()
    index.heading(1, _("Meeting archive"))
    lines = [f"[{name[:10]} {inline(meeting.title)}](<{name}>)" for meeting, name in jobs]
    if lines:
        index.bullets(lines)
    else:
        index.paragraph(_("No meetings yet."))
    _write_new(staging / "index.md", index.render())
    _fsync_folder(staging)


def _render(
    services: Services,
    staging: Path,
    jobs: list[tuple[Meeting, str]],
    people: dict[int, Person],
    include_confidential: bool,
) -> None:
    for meeting, name in jobs:
        assert meeting.id is not None
        minutes = render_minutes(services, meeting.id, people, include_confidential, meeting)
        _write_new(staging / name, minutes)


def _forked(
    services: Services,
    staging: Path,
    jobs: list[tuple[Meeting, str]],
    people: dict[int, Person],
    include_confidential: bool,
) -> tuple[int, int] | None:
    """A child process rendering ``jobs`` with a connection of its own (pid, and the pipe
    its error comes back on); None where forking is not safe or not worth it: few
    meetings, one core, no ``fork`` (Windows), another thread running (a fork copies
    only this one, and whatever locks the others held), or an in-memory database."""
    if (
        len(jobs) < PARALLEL_FROM // 2
        or (os.cpu_count() or 1) < 2
        or not hasattr(os, "fork")
        or threading.active_count() != 1
        or not Path(services.store.path).is_file()
    ):
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid != 0:
        os.close(write)
        return pid, read
    code = 1
    try:  # the child: never returns, never touches the parent's connection
        os.close(read)
        store = Store(services.store.path, read_only=True)
        _render(Services(store, services.clock), staging, jobs, people, include_confidential)
        code = 0
    except BaseException as error:  # noqa: BLE001 - the parent reports it
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        os.write(write, reason.encode("utf-8", "replace"))
    finally:
        os._exit(code)


def _wait(pid: int, read: int) -> None:
    """Wait for the child; its error, if it had one, is this export's."""
    try:
        _pid, status = os.waitpid(pid, 0)
        reason = b""
        while chunk := os.read(read, 4096):
            reason += chunk
    finally:
        os.close(read)
    if status != 0:
        raise OSError(0, reason.decode("utf-8", "replace") or f"status {status}")


def _write_new(path: Path, text: str) -> None:
    # A new file (never one there: O_EXCL), its bytes in one write, without a file
    # object's layers of buffering and encoding.
    data = text.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk (where a folder cannot be opened, as on Windows,
    there is nothing to do)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder
    finally:
        os.close(fd)


def _move_into_place(staging: Path, target: Path, names: list[str]) -> list[Path]:
    if not target.exists():
        os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp made it private
        os.rename(staging, target)  # the whole archive appears at once
        _fsync_folder(target.parent)
    else:
        for name in names:
            os.replace(staging / name, target / name)
        _fsync_folder(target)
    return [target / name for name in names]
