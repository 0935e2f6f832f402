"""The meeting form's rules, shared by every front end: read what was typed, say what is
wrong with each field, then create the meeting or change it (``Services.edit_meeting``
refuses a meeting that has ended)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from salestui.core.dates import parse_datetime
from salestui.core.errors import InvalidInput, SalestuiError
from salestui.core.models import Meeting, MeetingKind, Person
from salestui.core.service import Services
from salestui.core.service_people import person_in
from salestui.core.text import clean_line, clean_text
from salestui.i18n import _

MAX_MEETING_MINUTES = 24 * 60
MAX_TITLE, MAX_PURPOSE, MAX_ITEM_TITLE = 200, 2000, 300  # as the models allow

FIELDS = ("title", "kind", "purpose", "chair", "start", "minutes", "location")


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
    if not text.isdecimal():
        raise InvalidInput(_("Type a whole number of minutes"))
    value = int(text)
    if not 0 < value <= maximum:
        raise InvalidInput(_("Between 1 and {max} minutes").format(max=maximum))
    return value


def check_form(
    services: Services, typed: FormInput, people: Sequence[Person] | None = None
) -> CheckedForm:
    """Read every field; collect one message per field that cannot be used. ``people``
    (the active ones, read before): the chair is found among them, without a read."""
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
            chair = (
                services.find_person(typed.chair)
                if people is None
                else person_in(typed.chair, people)
            )
            checked.chair_id, checked.chair_name = chair.id, chair.name
        except SalestuiError as error:
            checked.errors["chair"] = str(error)
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
    return services.edit_meeting(
        meeting_id,
        title=form.title,
        purpose=form.purpose,
        kind=form.kind,
        start=form.start,
        minutes=form.minutes,
        chair=form.chair_id,
        location=form.location,
    )


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
