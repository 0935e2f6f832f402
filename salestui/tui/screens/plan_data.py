"""What the Plan screen reads and writes, without any widget: form checks, saving, labels.

``save_meeting`` is the small "update a meeting" operation the core does not have yet:
it validates through the pydantic ``Meeting`` model and writes with
``store.update_meeting``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget

from salestui.core.dates import parse_datetime
from salestui.core.errors import Conflict, InvalidInput, SalestuiError
from salestui.core.models import AgendaItem, Meeting, MeetingKind, MeetingStatus, Template
from salestui.core.planning import REVIEW_ITEM_TITLE, Planning
from salestui.core.service import Services, validation_message
from salestui.core.text import clean_line, clean_text
from salestui.i18n import _
from salestui.tui import labels

MAX_MEETING_MINUTES = 24 * 60
MAX_TITLE, MAX_PURPOSE, MAX_ITEM_TITLE = 200, 2000, 300  # as the models allow
# What a screen catches around a core call: the core's own errors, and SQLite's (a file
# locked longer than the busy timeout, a read-only database).
PLAN_ERRORS = (SalestuiError, sqlite3.Error)


def say(widget: Widget, message: str, severity: SeverityLevel = "information") -> None:
    """A toast. Never markup: messages hold titles and names, and ``[`` is a valid title."""
    widget.notify(message, severity=severity, markup=False)


def problem(error: Exception) -> str:
    """The one line to show for an error caught with ``PLAN_ERRORS``."""
    if isinstance(error, sqlite3.Error):
        return _("The database could not be used: {reason}").format(reason=error)
    return str(error)


FIELDS = ("title", "kind", "purpose", "chair", "start", "minutes", "location")


@dataclass
class UndoStep:
    """One thing ``ctrl+z`` can take back: what it was, and how to put it back."""

    label: str
    undo: Callable[[], object]


@dataclass
class PlanChanged(Message):
    """A pane wrote to the database: the screen reads the meeting again."""

    undo: UndoStep | None = None


@dataclass
class FormInput:
    """The meeting form as typed."""

    title: str = ""
    kind: MeetingKind = MeetingKind.OTHER
    purpose: str = ""
    chair: str = ""
    start: str = ""
    minutes: str = ""
    location: str = ""


@dataclass
class CheckedForm:
    """The form read and checked: a message per bad field, values ready to save."""

    errors: dict[str, str] = field(default_factory=dict)
    title: str = ""
    kind: MeetingKind = MeetingKind.OTHER
    purpose: str = ""
    chair_id: int | None = None
    chair_name: str | None = None
    start: datetime | None = None
    minutes: int | None = None
    location: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def too_long(maximum: int) -> str:
    return _("At most {max} characters").format(max=maximum)


def parse_minutes(text: str, maximum: int) -> int:
    """A whole number of minutes between 1 and ``maximum`` (``InvalidInput`` otherwise)."""
    text = text.strip().translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})
    if not text.isdigit():
        raise InvalidInput(_("Type a whole number of minutes"))
    value = int(text)
    if not 0 < value <= maximum:
        raise InvalidInput(_("Between 1 and {max} minutes").format(max=maximum))
    return value


def check_form(services: Services, typed: FormInput) -> CheckedForm:
    """Read every field; collect one message per field that cannot be used."""
    checked = CheckedForm(kind=typed.kind)
    checked.title = clean_line(typed.title)
    if not checked.title:
        checked.errors["title"] = _("A meeting needs a title")
    elif len(checked.title) > MAX_TITLE:
        checked.errors["title"] = too_long(MAX_TITLE)
    checked.purpose = clean_text(typed.purpose).strip()
    if not checked.purpose:
        checked.errors["purpose"] = _("A meeting needs a purpose: why meet at all?")
    elif len(checked.purpose) > MAX_PURPOSE:
        checked.errors["purpose"] = too_long(MAX_PURPOSE)
    if typed.chair.strip():
        try:
            chair = services.find_person(typed.chair)
            checked.chair_id, checked.chair_name = chair.id, chair.name
        except PLAN_ERRORS as error:
            checked.errors["chair"] = problem(error)
    if typed.start.strip():
        try:
            checked.start = parse_datetime(typed.start, services.clock.now())
        except SalestuiError as error:
            checked.errors["start"] = str(error)
    try:
        checked.minutes = parse_minutes(typed.minutes, MAX_MEETING_MINUTES)
    except SalestuiError as error:
        checked.errors["minutes"] = str(error)
    checked.location = clean_line(typed.location) or None
    return checked


def save_meeting(services: Services, meeting_id: int | None, form: CheckedForm) -> Meeting:
    """Create the meeting (``meeting_id`` None) or update it; nothing is written on error."""
    if not form.ok:
        raise InvalidInput(next(iter(form.errors.values())))
    assert form.minutes is not None
    if meeting_id is None:
        return services.new_meeting(
            title=form.title,
            purpose=form.purpose,
            kind=form.kind,
            start=form.start,
            minutes=form.minutes,
            chair=form.chair_id,
            location=form.location,
        )
    meeting = services.meeting(meeting_id)
    if meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
        raise Conflict(_("This meeting has ended; it can no longer be planned"))
    data = meeting.model_dump() | {
        "title": form.title,
        "kind": form.kind,
        "purpose": form.purpose,
        "chair_id": form.chair_id,
        "scheduled_start": form.start,
        "planned_minutes": form.minutes,
        "location": form.location,
    }
    try:
        updated = Meeting(**data)
    except ValidationError as error:
        raise InvalidInput(validation_message(error)) from error
    services.store.update_meeting(updated)
    return updated


def form_of(meeting: Meeting, chair_name: str | None) -> FormInput:
    """The form as it shows a stored meeting."""
    start = ""
    if meeting.scheduled_start is not None:
        start = meeting.scheduled_start.astimezone().strftime("%Y-%m-%d %H:%M")
    return FormInput(
        title=meeting.title,
        kind=meeting.kind,
        purpose=meeting.purpose,
        chair=chair_name or "",
        start=start,
        minutes=str(meeting.planned_minutes),
        location=meeting.location or "",
    )


# -- labels ---------------------------------------------------------------------------------


def moment_label(moment: datetime, today: date) -> str:
    """``Mon 30 Nov 14:30`` (the year added when it is not this year's)."""
    local = moment.astimezone()
    return _("{date} {time}").format(
        date=labels.short_date(local.date(), today), time=local.strftime("%H:%M")
    )


def agenda_total(total: int, length: int) -> tuple[str, bool]:
    """``Agenda 75 / 60 min - 15 min over`` and whether it is over the meeting's length
    (``length`` 0: not known, e.g. while the length field holds no number)."""
    if length <= 0:
        return _("Agenda {total} min").format(total=total), False
    if total > length:
        return (
            _("Agenda {total} / {length} min - {over} min over").format(
                total=total, length=length, over=total - length
            ),
            True,
        )
    return _("Agenda {total} / {length} min").format(total=total, length=length), False


def carried_label(planning: Planning, item: AgendaItem, today: date) -> str:
    """``carried from Fri 20 Nov (x2)``, ``standing``, or nothing."""
    if item.carried_from is not None:
        source = planning.carried_from_date(item)
        when = labels.short_date(source.astimezone().date(), today) if source else "?"
        return _("carried from {date} (x{count})").format(
            date=when, count=max(item.carried_count, 1)
        )
    if item.standing:
        return _("standing")
    return ""


def default_agenda_path(meeting: Meeting, export_dir: str | None, today: date) -> Path:
    """``<export dir or cwd>/<YYYY-MM-DD>-agenda-<id>.md``."""
    day = meeting.scheduled_start.astimezone().date() if meeting.scheduled_start else today
    folder = Path(export_dir).expanduser() if export_dir else Path.cwd()
    return folder / f"{day.isoformat()}-agenda-{meeting.id}.md"


def template_from_meeting(
    template: Template, meeting: Meeting, agenda: list[AgendaItem]
) -> Template:
    """``template`` rewritten from a meeting: its purpose, length and own agenda items."""
    items = [
        {"title": i.title, "timebox_minutes": i.timebox_minutes, "kind": i.kind}
        for i in agenda
        if i.carried_from is None and i.title != _(REVIEW_ITEM_TITLE)
    ]
    return Template.model_validate(
        template.model_dump(exclude={"items"})
        | {"purpose": meeting.purpose, "planned_minutes": meeting.planned_minutes, "items": items}
    )
