"""The sections of the minutes on how the meeting ran: title and facts, attendance, the
agenda table (planned vs actual) and the timing summary."""

from __future__ import annotations

from datetime import timedelta

from salestui.core.export.agenda import KIND_LABELS, format_when
from salestui.core.export.markdown import annotate, cell, inline, labelled
from salestui.core.export.minutes_parts import (
    ATTENDANCE_LABELS,
    ITEM_STATUS_LABELS,
    MinutesContext,
    minutes_text,
)
from salestui.core.models import AgendaStatus, AttendanceStatus
from salestui.core.names import join_names
from salestui.core.timing import ItemTime
from salestui.i18n import _, pgettext


def _extended(timed: ItemTime) -> str:
    """``+5`` (or ``-2``) minutes given in the meeting, ``-`` for none."""
    return f"{timed.item.extended_minutes:+d}" if timed.item.extended_minutes else "-"


def _overrun_line(timed: ItemTime) -> str:
    """How an item went against its time: over planned + extended (what the room agreed),
    and over the original plan when an extension makes the two differ."""
    item = timed.item
    if item.extended_minutes < 0:  # shortened: the plan was not overrun by more
        message = _(
            "{title} by {minutes} min (planned {planned}, extended by {extended}, "
            "actual {actual} min)"
        )
    elif item.extended_minutes:
        message = _(
            "{title} by {minutes} min (planned {planned}, extended by {extended}, "
            "actual {actual} min; {over_plan} min over the plan)"
        )
    else:
        message = _("{title} by {minutes} min")
    return labelled(
        _("Overrun"),
        message.format(
            title=inline(item.title),
            minutes=timed.over_minutes,
            planned=item.timebox_minutes,
            extended=f"{item.extended_minutes:+d}",
            actual=timed.actual_minutes,
            over_plan=timed.over_plan_minutes,
        ),
    )


def title_and_facts(m: MinutesContext) -> None:
    """1. The title (with the day) and the meeting's facts: kind, purpose, chair, when."""
    meeting, state, doc = m.meeting, m.state, m.doc
    day = (
        meeting.scheduled_start.astimezone().strftime("%Y-%m-%d") if meeting.scheduled_start else ""
    )
    doc.heading(1, _("Minutes: {title} {date}").format(title=meeting.title, date=day).strip())
    facts = [
        labelled(_("Kind"), _(KIND_LABELS[meeting.kind])),
        labelled(_("Purpose"), inline(meeting.purpose)),
        labelled(pgettext("export", "Chair"), m.name(meeting.chair_id)),
        labelled(_("Planned"), format_when(meeting.scheduled_start, meeting.planned_minutes)),
    ]
    if meeting.actual_start:
        start = meeting.actual_start.astimezone()
        end = meeting.actual_end.astimezone().strftime("%H:%M") if meeting.actual_end else "-"
        facts.append(
            labelled(
                _("Actual"),
                _("{start}-{end} ({minutes} min)").format(
                    start=start.strftime("%Y-%m-%d %H:%M"),
                    end=end,
                    minutes=minutes_text(state.elapsed),
                ),
            )
        )
        if state.late_by >= timedelta(minutes=1):
            facts.append(
                labelled(
                    _("Started late by"),
                    _("{minutes} min").format(minutes=minutes_text(state.late_by)),
                )
            )
    if meeting.location:
        facts.append(labelled(_("Location"), inline(meeting.location)))
    doc.bullets(facts)


def attendance(m: MinutesContext) -> None:
    """2. Who was present, late, absent, excused, or not recorded."""
    m.doc.heading(2, _("Attendance"))
    lines = []
    for status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.ABSENT,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.INVITED,
    ):
        group = [a for a in m.detail.attendees if a.status == status]
        if not group and status == AttendanceStatus.INVITED:
            continue
        names = []
        for a in group:
            label = inline(a.person.name)
            if status == AttendanceStatus.LATE and a.arrived_at:
                label = annotate(
                    label,
                    _("(arrived {time})").format(time=a.arrived_at.astimezone().strftime("%H:%M")),
                )
            if a.required and status in (AttendanceStatus.ABSENT, AttendanceStatus.INVITED):
                label = annotate(label, _("(required)"))
            names.append(label)
        lines.append(labelled(_(ATTENDANCE_LABELS[status]), join_names(names) or _("(none)")))
    m.doc.bullets(lines)


def agenda_table(m: MinutesContext) -> None:
    """3. The agenda, planned vs actual minutes, with each item's status."""
    doc = m.doc
    doc.heading(2, _("Agenda"))
    if not m.state.items:
        doc.paragraph(_("No agenda items."))
        return
    rows = []
    for number, timed in enumerate(m.state.items, start=1):
        item = timed.item
        if item.status == AgendaStatus.PENDING and timed.elapsed.total_seconds() > 0:
            state_text = _("unfinished")  # left with "previous" and never finished
        else:
            state_text = _(ITEM_STATUS_LABELS[item.status])
        if timed.over_minutes:
            state_text = annotate(
                state_text,
                _("(over by {minutes} min)").format(minutes=timed.over_minutes),
            )
        rows.append(
            [
                str(number),
                cell(item.title),
                m.name(item.presenter_id),
                str(item.timebox_minutes),
                _extended(timed),
                str(timed.actual_minutes),
                state_text,
            ]
        )
    doc.table(
        [_("No."), _("Item"), _("Presenter"), _("Planned min"), _("Extended min"),
         _("Actual min"), _("Status")],
        rows,
    )  # fmt: skip


def timing(m: MinutesContext) -> None:
    """The timing summary: planned and actual length, extensions, and each overrun."""
    meeting, state, doc = m.meeting, m.state, m.doc
    doc.heading(2, _("Timing"))
    lines = [
        labelled(_("Planned length"), _("{minutes} min").format(minutes=meeting.planned_minutes)),
        labelled(
            _("Actual length"),
            _("{minutes} min").format(minutes=minutes_text(state.elapsed))
            if meeting.actual_start
            else _("not held"),
        ),
        labelled(_("Agenda total"), _("{minutes} min").format(minutes=m.detail.agenda_minutes)),
    ]
    extended = sum(t.item.extended_minutes for t in state.items)
    if extended:
        lines.append(
            labelled(
                _("Extended in the meeting"), _("{minutes} min").format(minutes=f"{extended:+d}")
            )
        )
    lines += [_overrun_line(t) for t in state.items if t.over_minutes]
    doc.bullets(lines)
    if any(t.over_minutes for t in state.items):
        doc.paragraph(_("An overrun counts from the planned time plus any extension."))
