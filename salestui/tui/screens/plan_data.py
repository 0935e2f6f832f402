"""What the Plan screen shares between its panes, without any widget: what it reads (in a
thread worker, ``read_plan``), toasts, errors, labels. The meeting form's rules are the
core's (``core.meeting_form``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget

from salestui.core.models import AgendaItem, Cadence, Meeting, MeetingKind, Person, Template
from salestui.core.planning import REVIEW_ITEM_TITLE, Planning
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import _
from salestui.tui import labels
from salestui.tui.errors import RECOVERABLE, error_message

# What a screen catches around a core call: the core's own errors (a storage failure - a
# file locked longer than the busy timeout, a read-only database - is one of them).
PLAN_ERRORS = RECOVERABLE


def say(widget: Widget, message: str, severity: SeverityLevel = "information") -> None:
    """A toast. Never markup: messages hold titles and names, and ``[`` is a valid title."""
    widget.notify(message, severity=severity, markup=False)


def problem(error: Exception) -> str:
    """The one line to show for an error caught with ``PLAN_ERRORS``."""
    return error_message(error)


@dataclass
class PlanRead:
    """What the Plan screen shows of a meeting, read in one go off the UI thread."""

    detail: MeetingDetail | None  # None: a new meeting, not saved yet
    cadence: Cadence | None  # the meeting's series, if it recurs
    carried_from: dict[int, datetime | None]  # agenda item id -> the meeting it came from
    people: list[Person]  # everyone who can be invited
    template_kinds: set[MeetingKind]  # kinds of meeting with a template (ctrl+t)
    me: Person | None  # who "me" is: the chair of a new meeting


def read_plan(services: Services, meeting_id: int | None) -> PlanRead:
    planning = Planning(services)
    detail = services.meeting_detail(meeting_id) if meeting_id is not None else None
    cadence = None
    if detail is not None and detail.meeting.series_id is not None:
        series = services.series(detail.meeting.series_id)
        cadence = series.cadence if series else None
    carried = {
        item.id: planning.carried_from_date(item)
        for item in (detail.agenda if detail else [])
        if item.id is not None and item.carried_from is not None
    }
    return PlanRead(
        detail, cadence, carried, services.people(), planning.template_kinds(), services.me()
    )


@dataclass
class PlanChanged(Message):
    """A pane wrote to the database (one step of the journal, which ctrl+z takes back):
    the screen reads the meeting again."""


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


def carried_label(item: AgendaItem, source: datetime | None, today: date) -> str:
    """``carried from Fri 20 Nov (x2)`` (``source``: when the meeting it came from was),
    ``standing``, or nothing."""
    if item.carried_from is not None:
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
