"""How domain values are named on screen: kinds, statuses, roles, dates and times.

Message ids are marked with ``N_`` here and translated with ``_()`` when shown, so the
language can change without re-importing the TUI.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.models import ActionStatus, MeetingKind, MeetingStatus, Role
from salestui.i18n import N_, _, format_date

MEETING_KINDS: dict[MeetingKind, str] = {
    MeetingKind.LEADERSHIP: N_("Leadership"),
    MeetingKind.CONSULTATION: N_("Consultation"),
    MeetingKind.COORDINATION: N_("Coordination"),
    MeetingKind.WEEKLY: N_("Weekly"),
    MeetingKind.DAILY: N_("Daily"),
    MeetingKind.OTHER: N_("Other"),
}

MEETING_STATUSES: dict[MeetingStatus, str] = {
    MeetingStatus.DRAFT: N_("draft"),
    MeetingStatus.CIRCULATED: N_("agenda circulated"),
    MeetingStatus.RUNNING: N_("running"),
    MeetingStatus.ENDED: N_("ended"),
    MeetingStatus.CONFIRMED: N_("confirmed"),
}

ACTION_STATUSES: dict[ActionStatus, str] = {
    ActionStatus.OPEN: N_("open"),
    ActionStatus.IN_PROGRESS: N_("in progress"),
    ActionStatus.WAITING: N_("waiting"),
    ActionStatus.BLOCKED: N_("blocked"),
    ActionStatus.DONE: N_("done"),
    ActionStatus.CANCELLED: N_("cancelled"),
}

ROLES: dict[Role, str] = {
    Role.DIRECTOR: N_("Director"),
    Role.DEPUTY: N_("Deputy director"),
    Role.LEAD: N_("Team lead"),
    Role.MEMBER: N_("Member"),
}


def meeting_kind(kind: MeetingKind) -> str:
    return _(MEETING_KINDS[kind])


def meeting_status(status: MeetingStatus) -> str:
    return _(MEETING_STATUSES[status])


def action_status(status: ActionStatus) -> str:
    return _(ACTION_STATUSES[status])


def role(value: Role) -> str:
    return _(ROLES[value])


def priority(value: int) -> str:
    return f"P{value}"


def long_date(day: date) -> str:
    """``Fri, 27 Nov 2026`` / ``2026年11月27日周五`` (the language's CLDR form)."""
    return format_date(day, "yMMMEd")


def short_date(day: date, today: date) -> str:
    """``Mon 30 Nov`` / ``11月30日周一`` (with the year when it is not this year's)."""
    if day.year != today.year:
        return long_date(day)
    return format_date(day, "MMMEd")


def day_label(day: date, today: date) -> str:
    """A heading for one day of meetings: ``Today · Fri 27 Nov``, ``Mon 30 Nov``."""
    offset = (day - today).days
    if offset == 0:
        return _("Today · {date}").format(date=short_date(day, today))
    if offset == 1:
        return _("Tomorrow · {date}").format(date=short_date(day, today))
    return short_date(day, today)


def local_time(moment: datetime | None) -> str:
    """``14:00`` in the local time zone, or a dash when there is no time."""
    if moment is None:
        return "-"
    return moment.astimezone().strftime("%H:%M")


def local_date(moment: datetime) -> date:
    return moment.astimezone().date()


def marked(words: str, confidential: bool, style: str = "") -> Text:
    """The words, after the confidential marker (``[confidential]``, reversed) when they
    are confidential: the one mark the app puts on confidential entries everywhere."""
    text = Text(words, style=style)
    if confidential:
        text = Text.assemble((_(CONFIDENTIAL_MARK), "bold reverse"), " ", text)
    return text
