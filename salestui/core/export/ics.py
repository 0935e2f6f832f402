"""iCalendar export: meetings as VEVENT (agenda and attendees), actions as VTODO."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, Todo, vCalAddress, vText

from salestui import __version__
from salestui.core.export.confidential import kept, mark
from salestui.core.models import ActionQuery, ActionStatus, Person
from salestui.core.service import MeetingDetail, Services
from salestui.core.text import clean_line
from salestui.i18n import _

TODO_STATUS = {
    ActionStatus.OPEN: "NEEDS-ACTION",
    ActionStatus.IN_PROGRESS: "IN-PROCESS",
    ActionStatus.WAITING: "NEEDS-ACTION",
    ActionStatus.BLOCKED: "NEEDS-ACTION",
    ActionStatus.DONE: "COMPLETED",
    ActionStatus.CANCELLED: "CANCELLED",
}
TODO_PRIORITY = {1: 1, 2: 5, 3: 9}
# C0 controls but TAB, CR, LF; DEL; C1 and bidi controls, as UTF-8 bytes.
_ICS_UNSAFE = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]"
    rb"|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _stamp(moment: datetime | None) -> datetime:
    # DTSTAMP from stored data (not the wall clock) keeps the file reproducible.
    return (moment or EPOCH).astimezone(UTC)


def meeting_event(detail: MeetingDetail, include_confidential: bool = False) -> Event:
    """One scheduled meeting as a VEVENT: time, title, place, agenda and attendees (each
    REQ- or OPT-PARTICIPANT). Confidential agenda items only with ``include_confidential``
    (marked)."""
    meeting = detail.meeting
    agenda = kept(detail.agenda, include_confidential, "title")
    assert meeting.scheduled_start is not None
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@salestui")
    event.add("dtstamp", _stamp(meeting.created_at))
    start = meeting.scheduled_start.astimezone(UTC)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.planned_minutes))
    event.add("summary", meeting.title)
    if meeting.location:
        event.add("location", meeting.location)
    lines = [_("Purpose: {purpose}").format(purpose=clean_line(meeting.purpose)), ""]
    for number, item in enumerate(agenda, start=1):
        presenter = detail.people.get(item.presenter_id) if item.presenter_id else None
        who = f" - {presenter.name}" if presenter else ""
        lines.append(f"{number}. {item.title} ({item.timebox_minutes} min){who}")
    event.add("description", "\n".join(lines))
    for attendee in detail.attendees:
        address = person_address(attendee.person)
        address.params["role"] = vText(
            "REQ-PARTICIPANT" if attendee.required else "OPT-PARTICIPANT"
        )
        event.add("attendee", address, encode=False)
    return event


def person_address(person: Person) -> vCalAddress:
    """``mailto:`` the person's address (a ``urn:`` without one), their name as CN."""
    address = vCalAddress(
        f"mailto:{person.email}" if person.email else f"urn:salestui:person:{person.id}"
    )
    address.params["cn"] = vText(person.name)
    return address


def clean_ics(data: bytes) -> bytes:
    """Stored text is cleaned when written and when read; this last pass keeps the file
    free of terminal controls whatever a value went through (CRLF, the format's line
    ends, stay)."""
    return _ICS_UNSAFE.sub(b"", data)


def render_ics(
    services: Services, meeting_id: int | None = None, include_confidential: bool = False
) -> bytes:
    """An RFC 5545 calendar of meetings (all, or one) and of actions that have a due date
    (confidential actions only with ``include_confidential``, marked)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//salestui//salestui {__version__}//EN")
    calendar.add("version", "2.0")
    meetings = (
        [services.meeting(meeting_id)] if meeting_id is not None else services.store.list_meetings()
    )
    for meeting in meetings:
        if meeting.scheduled_start is None or meeting.id is None:
            continue
        detail = services.meeting_detail(meeting.id)
        calendar.add_component(meeting_event(detail, include_confidential))
    query = ActionQuery(
        has_due=True, meeting_id=meeting_id, sort="id", no_confidential=not include_confidential
    )
    for row in services.store.list_actions(query):
        todo = Todo()
        todo.add("uid", f"action-{row.id}@salestui")
        todo.add("dtstamp", _stamp(row.created_at))
        todo.add("summary", mark(row.title) if row.confidential else row.title)
        if row.due is not None:
            todo.add("due", row.due)
        todo.add("status", TODO_STATUS[row.status])
        todo.add("priority", TODO_PRIORITY.get(row.priority, 5))
        if row.owners:
            todo.add("description", _("Owners: {names}").format(names=", ".join(row.owners)))
        if row.completed_at is not None:
            todo.add("completed", row.completed_at.astimezone(UTC))
        calendar.add_component(todo)
    return clean_ics(calendar.to_ical())
