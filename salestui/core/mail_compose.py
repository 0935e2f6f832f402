"""The messages salestui sends, built from the database: the agenda before a meeting
(with an iCalendar invitation), the minutes after it (each reader's own action items
first). Each is markdown as text/plain with an HTML part rendered from the same markdown
(markdown-it-py). Building reads only; the outbox queues what is built (``core.outbox``).

Reminders are ``mail_remind``'s; what they share is here."""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape

from icalendar import Calendar, vCalAddress, vText
from markdown_it import MarkdownIt

from salestui import __version__
from salestui.core.errors import Conflict
from salestui.core.export.agenda import render_agenda
from salestui.core.export.ics import clean_ics, meeting_event, person_address
from salestui.core.export.markdown import Document, inline
from salestui.core.mail_settings import MailSettings
from salestui.core.models import ActionStatus, MeetingStatus, Person
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import _

# Text parts as quoted-printable or base64 (never raw 8-bit), headers RFC 2047-encoded.
POLICY = email.policy.SMTP.clone(cte_type="7bit")
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_STYLE = (
    "body{font-family:sans-serif;line-height:1.4}"
    "table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 6px}"
)


@dataclass
class Outgoing:
    """One message, built: who it is for and its bytes."""

    kind: str  # agenda | minutes | reminder
    person: Person
    subject: str
    data: bytes
    meeting_id: int | None = None


@dataclass
class Composed:
    """What a send builds: the messages, and who could not be written to (no address)."""

    messages: list[Outgoing] = field(default_factory=list)
    no_address: list[Person] = field(default_factory=list)


def to_html(markdown: str, title: str, body: str | None = None) -> str:
    """The markdown as a small HTML page (user text stays text: raw HTML is escaped).
    ``body``: the markdown already rendered (the same minutes for every reader)."""
    body = _MARKDOWN.render(markdown) if body is None else body
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head>\n<body>\n{body}</body></html>\n"
    )


def new_message(
    settings: MailSettings,
    now: datetime,
    subject: str,
    markdown: str,
    calendar: bytes | None = None,
    html: str | None = None,
) -> EmailMessage:
    """A message without its recipient: text/plain and text/html (``html``, else the
    markdown rendered), an invitation attached. ``addressed`` makes it one person's."""
    message = EmailMessage(policy=POLICY)
    message["Subject"] = subject
    message["From"] = settings.from_address()
    message["Date"] = format_datetime(now.astimezone())
    message["X-Mailer"] = f"salestui {__version__}"
    message.set_content(markdown, charset="utf-8")
    page = html if html is not None else to_html(markdown, subject)
    message.add_alternative(page, subtype="html", charset="utf-8")
    if calendar is not None:
        message.add_attachment(
            calendar,
            maintype="text",
            subtype="calendar",
            filename="invite.ics",
            params={"method": "REQUEST", "charset": "utf-8"},
        )
    return message


def addressed(message: EmailMessage, person: Person) -> bytes:
    """The message to ``person``, as it goes out (each copy its own Message-ID)."""
    assert person.email
    del message["To"]
    del message["Message-ID"]
    local, _at, domain = person.email.rpartition("@")
    message["To"] = Address(display_name=person.name, username=local, domain=domain)
    sender = message["From"].addresses[0].domain or "localhost"
    message["Message-ID"] = make_msgid("salestui", domain=sender)
    return message.as_bytes(policy=POLICY)


def build_message(
    settings: MailSettings,
    now: datetime,
    person: Person,
    subject: str,
    markdown: str,
    calendar: bytes | None = None,
) -> bytes:
    """One message to ``person``: text/plain and text/html, an invitation attached."""
    return addressed(new_message(settings, now, subject, markdown, calendar), person)


def _addressed(people: Sequence[Person], composed: Composed) -> list[Person]:
    """Those who have an address; the others are noted in ``composed.no_address``."""
    found = []
    for person in people:
        if person.email:
            found.append(person)
        elif all(p.id != person.id for p in composed.no_address):
            composed.no_address.append(person)
    return found


def _when(detail: MeetingDetail) -> str:
    start = detail.meeting.scheduled_start
    return start.astimezone().strftime("%Y-%m-%d %H:%M") if start else ""


# -- the agenda ---------------------------------------------------------------------------


def invitation(
    detail: MeetingDetail, settings: MailSettings, sequence: int, now: datetime
) -> bytes:
    """The meeting as an iCalendar REQUEST: the chair (else the sender) organises it, each
    attendee is asked to answer (required or optional)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//salestui//salestui {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = meeting_event(detail)
    event.pop("DTSTAMP")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("sequence", sequence)
    event.add("status", "CONFIRMED")
    chair = detail.chair
    if chair is not None and chair.email:
        organizer = person_address(chair)
    else:
        name, address = settings.from_header()
        organizer = vCalAddress(f"mailto:{address}")
        if name:
            organizer.params["cn"] = vText(name)
    event.add("organizer", organizer, encode=False)
    attendees = event.get("ATTENDEE", [])
    for attendee in attendees if isinstance(attendees, list) else [attendees]:
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
    calendar.add_component(event)
    return clean_ics(calendar.to_ical())


def agenda_messages(services: Services, meeting_id: int, settings: MailSettings) -> Composed:
    """The agenda, with each item's time of day and an invitation, to each invitee."""
    detail = services.meeting_detail(meeting_id, read_only=True)
    if detail.meeting.scheduled_start is None:
        raise Conflict(_("Give the meeting a start time before sending its agenda"))
    if not detail.attendees:
        raise Conflict(_("Invite someone before sending the agenda"))
    now = services.clock.now()
    composed = Composed()
    markdown = render_agenda(detail, clock_times=True)
    calendar = invitation(detail, settings, services.store.agenda_batches(meeting_id), now)
    subject = _("Agenda: {title} ({when})").format(title=detail.meeting.title, when=_when(detail))
    message = new_message(settings, now, subject, markdown, calendar)  # one for all
    for person in _addressed([a.person for a in detail.attendees], composed):
        data = addressed(message, person)
        composed.messages.append(Outgoing("agenda", person, subject, data, meeting_id))
    return composed


# -- the minutes --------------------------------------------------------------------------


def _own_items(detail: MeetingDetail, person: Person) -> str:
    """The reader's action items from this meeting, as the first part of their copy."""
    doc = Document()
    doc.heading(2, _("Your action items"))
    mine = [
        a
        for a in detail.actions
        if person.id in a.owner_ids and a.status != ActionStatus.CANCELLED and not a.confidential
    ]  # a confidential item stays out of every mail, as out of the minutes
    if not mine:
        doc.paragraph(_("You have no action items from this meeting."))
        return doc.render()
    lines = []
    for action in mine:
        due = action.due.isoformat() if action.due else _("no due date")
        lines.append(_("{title} - due {due}").format(title=inline(action.title), due=due))
    doc.bullets(lines)
    return doc.render()


def minutes_messages(services: Services, meeting_id: int, settings: MailSettings) -> Composed:
    """The minutes to everyone invited (present or absent), own action items first."""
    from salestui.core.export.minutes import render_minutes

    detail = services.meeting_detail(meeting_id, read_only=True)
    if detail.meeting.status != MeetingStatus.CONFIRMED:
        raise Conflict(_("Minutes are sent once the meeting is confirmed"))
    minutes = render_minutes(services, meeting_id)
    now = services.clock.now()
    when = _when(detail) or detail.meeting.title
    subject = _("Minutes: {title} ({when})").format(title=detail.meeting.title, when=when)
    composed = Composed()
    minutes_html = _MARKDOWN.render(minutes)  # rendered once: the same for everyone
    for person in _addressed([a.person for a in detail.attendees], composed):
        own = _own_items(detail, person)
        html = to_html("", subject, _MARKDOWN.render(own) + minutes_html)
        message = new_message(settings, now, subject, own + "\n" + minutes, html=html)
        data = addressed(message, person)
        composed.messages.append(Outgoing("minutes", person, subject, data, meeting_id))
    return composed
