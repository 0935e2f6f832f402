"""The archive: every meeting's minutes as its own file, plus an index, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from salestui.core.errors import Conflict, StorageError
from salestui.core.export.files import write_atomic
from salestui.core.export.markdown import Document, inline
from salestui.core.export.minutes import render_minutes
from salestui.core.export.slug import slugify
from salestui.core.models import Meeting
from salestui.core.service import Services
from salestui.i18n import _


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


def export_archive(services: Services, folder: Path | str, force: bool = False) -> ArchiveResult:
    """Write one markdown file per meeting and ``index.md`` linking them, newest first."""
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise StorageError(_("{path} is not a folder").format(path=target))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            _("Cannot create {path}: {reason}").format(path=target, reason=error.strerror)
        ) from error
    meetings = services.store.list_meetings(descending=True)
    taken: set[str] = set()
    names = [archive_name(meeting, taken) for meeting in meetings]
    if not force:
        # Refuse before writing anything, not half-way through.
        for name in [*names, "index.md"]:
            if (target / name).exists():
                raise Conflict(
                    _("{path} already exists (use --force to replace it)").format(
                        path=target / name
                    )
                )
    written: list[Path] = []
    index = Document()
    index.heading(1, _("Meeting archive"))
    lines = []
    for meeting, name in zip(meetings, names, strict=True):
        assert meeting.id is not None
        written.append(write_atomic(target / name, render_minutes(services, meeting.id), force))
        day = name[:10]
        lines.append(f"[{day} {inline(meeting.title)}](<{name}>)")
    if lines:
        index.bullets(lines)
    else:
        index.paragraph(_("No meetings yet."))
    written.append(write_atomic(target / "index.md", index.render(), force))
    return ArchiveResult(target, written)
