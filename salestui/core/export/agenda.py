"""The agenda document sent to participants before a meeting (rule 2 of the handbook)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from salestui.core.export.confidential import kept
from salestui.core.export.markdown import Document, cell, inline, labelled
from salestui.core.models import AgendaKind, MeetingKind
from salestui.core.names import join_names
from salestui.core.service import MeetingDetail
from salestui.i18n import N_, _, pgettext

KIND_LABELS = {
    MeetingKind.LEADERSHIP: N_("Leadership meeting"),
    MeetingKind.CONSULTATION: N_("Department consultation"),
    MeetingKind.COORDINATION: N_("Coordination with production"),
    MeetingKind.WEEKLY: N_("Weekly regular meeting"),
    MeetingKind.DAILY: N_("Daily meeting"),
    MeetingKind.OTHER: N_("Other meeting"),
}

AGENDA_KIND_LABELS = {
    AgendaKind.INFO: N_("info"),
    AgendaKind.DISCUSSION: N_("discussion"),
    AgendaKind.DECISION: N_("decision"),
    AgendaKind.NUMBERS: N_("numbers review"),
}


def format_when(start: datetime | None, minutes: int) -> str:
    """'2026-11-27 14:00-15:00 (60 min)' in local time; 'not scheduled' without a start."""
    if start is None:
        return _("not scheduled ({minutes} min)").format(minutes=minutes)
    local = start.astimezone()
    end = local + timedelta(minutes=minutes)
    end_text = (
        end.strftime("%H:%M") if end.date() == local.date() else end.strftime("%Y-%m-%d %H:%M")
    )
    return _("{start}-{end} ({minutes} min)").format(
        start=local.strftime("%Y-%m-%d %H:%M"), end=end_text, minutes=minutes
    )


def item_clock_times(detail: MeetingDetail) -> list[str]:
    """Each agenda item's planned time of day, ``09:00-09:10``, one after the other from
    the meeting's start; empty for a meeting without a start."""
    start = detail.meeting.scheduled_start
    if start is None:
        return []
    at = start.astimezone()
    times = []
    for item in detail.agenda:
        end = at + timedelta(minutes=item.timebox_minutes)
        times.append(f"{at:%H:%M}-{end:%H:%M}")
        at = end
    return times


def shown_agenda(detail: MeetingDetail, include_confidential: bool) -> MeetingDetail:
    """The meeting as an agenda export shows it: confidential items (a confidential topic
    carried from a parked one) left out, or with ``include_confidential`` marked."""
    return replace(detail, agenda=kept(detail.agenda, include_confidential, "title"))


def render_agenda(
    detail: MeetingDetail, clock_times: bool = False, include_confidential: bool = False
) -> str:
    """The agenda of one meeting as markdown: purpose, time, place, attendees, items.
    ``clock_times``: each item's planned time of day too (the agenda sent by mail), kept
    where the full agenda puts it when a confidential item is left out. Confidential items
    are left out unless ``include_confidential`` (then marked)."""
    times = dict(zip((i.id for i in detail.agenda), item_clock_times(detail), strict=False))
    total = detail.agenda_minutes  # the whole plan's, a left-out item's minutes included
    detail = shown_agenda(detail, include_confidential)
    meeting = detail.meeting
    doc = Document()
    date_text = (
        meeting.scheduled_start.astimezone().strftime("%Y-%m-%d") if meeting.scheduled_start else ""
    )
    title = _("Agenda: {title}").format(title=meeting.title)
    doc.heading(1, f"{title} {date_text}".strip())
    _facts(doc, detail)
    _attendees(doc, detail)
    shown_times = [times[i.id] for i in detail.agenda] if clock_times and times else []
    _items(doc, detail, shown_times, total)
    return doc.render()


def _facts(doc: Document, detail: MeetingDetail) -> None:
    """Kind, purpose, time, place and chair."""
    meeting = detail.meeting
    facts = [
        labelled(_("Kind"), _(KIND_LABELS[meeting.kind])),
        labelled(_("Purpose"), inline(meeting.purpose)),
        labelled(_("Time"), format_when(meeting.scheduled_start, meeting.planned_minutes)),
    ]
    if meeting.location:
        facts.append(labelled(_("Location"), inline(meeting.location)))
    if detail.chair:
        facts.append(labelled(pgettext("export", "Chair"), inline(detail.chair.name)))
    doc.bullets(facts)


def _attendees(doc: Document, detail: MeetingDetail) -> None:
    """Who is required and who is optional."""
    doc.heading(2, _("Attendees"))
    required = [inline(a.person.name) for a in detail.attendees if a.required]
    optional = [inline(a.person.name) for a in detail.attendees if not a.required]
    none = _("(none)")
    doc.bullets(
        [
            labelled(pgettext("export", "Required"), join_names(required) or none),
            labelled(pgettext("export", "Optional"), join_names(optional) or none),
        ]
    )


def _items(doc: Document, detail: MeetingDetail, times: list[str], total: int) -> None:
    """The agenda items as a table (with their time of day when ``times`` has them),
    their total (``total``: the whole agenda's) against the meeting's length."""
    meeting = detail.meeting
    people = detail.people
    doc.heading(2, _("Agenda"))
    if not detail.agenda:
        doc.paragraph(_("No agenda items yet."))
        return
    rows = []
    for number, item in enumerate(detail.agenda, start=1):
        presenter = people.get(item.presenter_id) if item.presenter_id else None
        rows.append(
            [
                str(number),
                cell(item.title),
                cell(presenter.name if presenter else None),
                _(AGENDA_KIND_LABELS[item.kind]),
                str(item.timebox_minutes),
            ]
        )
        if times:
            rows[-1].insert(1, times[number - 1])
    headers = [_("No."), _("Item"), _("Presenter"), _("Kind"), _("Minutes")]
    if times:
        headers.insert(1, _("Time"))
    doc.table(headers, rows)
    doc.paragraph(
        labelled(
            _("Total"),
            _("{total} of {length} min").format(total=total, length=meeting.planned_minutes),
        )
    )
    if total > meeting.planned_minutes:
        doc.paragraph(
            labelled(
                _("Warning"),
                _("the agenda is {over} min longer than the meeting.").format(
                    over=total - meeting.planned_minutes
                ),
            )
        )
