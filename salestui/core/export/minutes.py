"""Meeting minutes as markdown (DESIGN.md, "Minutes"): a pure function of the database.

Sections, in order: title and facts; attendance; agenda table (planned vs actual);
previous actions reviewed; discussion per item; decisions; action items table; action
items by person (with Unassigned); parking lot; speaking balance; timing summary.
"""

from __future__ import annotations

from datetime import date, timedelta

from salestui.core.export.agenda import KIND_LABELS, format_when
from salestui.core.export.markdown import Document, annotate, cell, inline, labelled, link_entry
from salestui.core.meeting import LiveMeeting
from salestui.core.models import (
    ActionItem,
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUpKind,
)
from salestui.core.names import join_names
from salestui.core.people_order import people_order, sort_people
from salestui.core.service import Services
from salestui.core.timing import ItemTime, whole_minutes
from salestui.i18n import N_, _, pgettext

ITEM_STATUS_LABELS = {
    AgendaStatus.PENDING: N_("not reached"),
    AgendaStatus.ACTIVE: N_("in progress"),
    AgendaStatus.DONE: N_("done"),
    AgendaStatus.SKIPPED: N_("skipped"),
    AgendaStatus.PARKED: N_("parked"),
    AgendaStatus.DROPPED: N_("dropped"),
}
DECISION_STATUS_LABELS = {
    DecisionStatus.PROPOSED: N_("proposed"),
    DecisionStatus.CONFIRMED: N_("confirmed"),
    DecisionStatus.REJECTED: N_("rejected"),
    DecisionStatus.SUPERSEDED: N_("superseded"),
}
ATTENDANCE_LABELS = {
    AttendanceStatus.PRESENT: N_("Present"),
    AttendanceStatus.LATE: N_("Late"),
    AttendanceStatus.ABSENT: N_("Absent"),
    AttendanceStatus.EXCUSED: N_("Excused"),
    AttendanceStatus.INVITED: N_("Not recorded"),
}
ENTRY_LABELS = {
    EntryKind.NOTE: N_("Note"),
    EntryKind.LINK: N_("Link"),
    EntryKind.DECISION: N_("Decision"),
    EntryKind.ACTION: N_("Action"),
    EntryKind.PARK: N_("Parked"),
    EntryKind.TOPIC: N_("New topic"),
}
REVIEW_OUTCOME_LABELS = {
    "done": N_("done"),
    "cancelled": N_("dropped"),
    "new_due": N_("new due date {due}"),
    "escalated": N_("escalated to {name}"),
    "open": N_("still open"),
}


def _minutes(delta: timedelta) -> str:
    return str(whole_minutes(delta))


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


def _due(value: date | None) -> str:
    return value.isoformat() if value else "-"


def _tagged(action: ActionItem) -> str:
    """The action's title with its tags (``提交计划 #finance``), escaped."""
    title = inline(action.title)
    tags = " ".join(inline(f"#{tag}") for tag in action.tags)
    return f"{title} {tags}" if tags else title


def _decision(text: str, status: DecisionStatus) -> str:
    return annotate(inline(text), _("({status})").format(status=_(DECISION_STATUS_LABELS[status])))


def render_minutes(services: Services, meeting_id: int) -> str:
    """The minutes of one meeting, in the current language. Same data, same bytes."""
    live = LiveMeeting(services)
    detail = services.meeting_detail(meeting_id)
    state = live.state(meeting_id)
    meeting = detail.meeting
    people = detail.people
    doc = Document()

    def name(person_id: int | None) -> str:
        person = people.get(person_id) if person_id else None
        return inline(person.name) if person else "-"

    def owners(action: ActionItem) -> str:
        return join_names([name(p) for p in action.owner_ids]) or _("Unassigned")

    # 1. Title and facts
    day = (
        meeting.scheduled_start.astimezone().strftime("%Y-%m-%d") if meeting.scheduled_start else ""
    )
    doc.heading(1, _("Minutes: {title} {date}").format(title=meeting.title, date=day).strip())
    facts = [
        labelled(_("Kind"), _(KIND_LABELS[meeting.kind])),
        labelled(_("Purpose"), inline(meeting.purpose)),
        labelled(pgettext("export", "Chair"), name(meeting.chair_id)),
        labelled(_("Planned"), format_when(meeting.scheduled_start, meeting.planned_minutes)),
    ]
    if meeting.actual_start:
        start = meeting.actual_start.astimezone()
        end = meeting.actual_end.astimezone().strftime("%H:%M") if meeting.actual_end else "-"
        facts.append(
            labelled(
                _("Actual"),
                _("{start}-{end} ({minutes} min)").format(
                    start=start.strftime("%Y-%m-%d %H:%M"), end=end, minutes=_minutes(state.elapsed)
                ),
            )
        )
        if state.late_by >= timedelta(minutes=1):
            facts.append(
                labelled(
                    _("Started late by"),
                    _("{minutes} min").format(minutes=_minutes(state.late_by)),
                )
            )
    if meeting.location:
        facts.append(labelled(_("Location"), inline(meeting.location)))
    doc.bullets(facts)

    # 2. Attendance
    doc.heading(2, _("Attendance"))
    lines = []
    for status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.LATE,
        AttendanceStatus.ABSENT,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.INVITED,
    ):
        group = [a for a in detail.attendees if a.status == status]
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
    doc.bullets(lines)

    # 3. Agenda table
    doc.heading(2, _("Agenda"))
    if state.items:
        rows = []
        for number, timed in enumerate(state.items, start=1):
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
                    name(item.presenter_id),
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
    else:
        doc.paragraph(_("No agenda items."))

    # 4. Previous actions reviewed
    doc.heading(2, _("Previous actions reviewed"))
    reviewed = []
    for action_id in sorted(services.store.reviewed_action_ids(meeting_id)):
        action = services.store.get_action(action_id)
        if action is None:
            continue
        log = [
            f
            for f in services.store.list_follow_ups(action_id)
            if f.meeting_id == meeting_id and f.kind in (FollowUpKind.REVIEW, FollowUpKind.ESCALATE)
        ]
        outcome = _(REVIEW_OUTCOME_LABELS["open"])
        for f in log:
            if f.kind == FollowUpKind.ESCALATE:
                outcome = _(REVIEW_OUTCOME_LABELS["escalated"]).format(name=name(f.person_id))
            elif f.status and f.status.value == "done":
                outcome = _(REVIEW_OUTCOME_LABELS["done"])
            elif f.status and f.status.value == "cancelled":
                outcome = _(REVIEW_OUTCOME_LABELS["cancelled"])
            elif f.new_due:
                outcome = _(REVIEW_OUTCOME_LABELS["new_due"]).format(due=f.new_due.isoformat())
        notes = "; ".join(inline(f.note) for f in log if f.note)
        line = _("{title} ({owners}): {outcome}").format(
            title=inline(action.title), owners=owners(action), outcome=outcome
        )
        reviewed.append(_("{line} - {notes}").format(line=line, notes=notes) if notes else line)
    if reviewed:
        doc.bullets(reviewed)
    else:
        doc.paragraph(_("No previous actions were reviewed."))

    # 5. Discussion
    doc.heading(2, _("Discussion"))
    entries = [e for e in detail.entries if not e.deleted]
    by_item: dict[int | None, list[Entry]] = {}
    for entry in entries:
        by_item.setdefault(entry.agenda_item_id, []).append(entry)
    decisions_by_entry = {d.entry_id: d for d in detail.decisions if d.entry_id}
    actions_by_entry = {a.entry_id: a for a in detail.actions if a.entry_id}

    def entry_line(entry: Entry) -> str:
        label = _(ENTRY_LABELS[entry.kind])
        text = link_entry(entry.text) if entry.kind == EntryKind.LINK else inline(entry.text)
        if entry.kind == EntryKind.DECISION and entry.id in decisions_by_entry:
            decision = decisions_by_entry[entry.id]
            text = _decision(decision.text, decision.status)
        if entry.kind == EntryKind.ACTION and entry.id in actions_by_entry:
            action = actions_by_entry[entry.id]
            text = _("{title} - owner: {owners}; due: {due}").format(
                title=_tagged(action), owners=owners(action), due=_due(action.due)
            )
        return labelled(label, text)

    for number, timed in enumerate(state.items, start=1):
        doc.heading(3, timed.item.title, number=number)
        item_entries = by_item.get(timed.item.id, [])
        if item_entries:
            doc.bullets(entry_line(e) for e in item_entries)
        else:
            doc.paragraph(_("Nothing recorded."))
    if by_item.get(None):
        doc.heading(3, _("Outside the agenda"))
        doc.bullets(entry_line(e) for e in by_item[None])

    # 6. Decisions
    doc.heading(2, _("Decisions"))
    decisions = [d for d in detail.decisions if d.status != DecisionStatus.SUPERSEDED]
    if decisions:
        doc.numbered(_decision(d.text, d.status) for d in decisions)
    else:
        doc.paragraph(_("No decisions."))

    # 7. Action items table
    doc.heading(2, _("Action items"))
    actions = [a for a in detail.actions if not (a.status.value == "cancelled" and a.entry_id)]
    if actions:
        doc.table(
            [_("Action"), _("Owners"), _("Due"), _("Priority")],
            [[_tagged(a) or "-", owners(a), _due(a.due), f"P{a.priority}"] for a in actions],
        )
    else:
        doc.paragraph(_("No action items."))

    # 8. Action items by person
    doc.heading(2, _("Action items by person"))
    by_person: dict[int, list[ActionItem]] = {}
    unassigned: list[ActionItem] = []
    for action in actions:
        if not action.owner_ids:
            unassigned.append(action)
        for owner in action.owner_ids:
            by_person.setdefault(owner, []).append(action)
    order = people_order(people)
    for person_id in sorted(
        by_person, key=lambda p: order(people[p]) if p in people else (True, p)
    ):
        doc.heading(3, people[person_id].name if person_id in people else str(person_id))
        doc.bullets(
            _("{title} (due {due})").format(title=_tagged(a), due=_due(a.due))
            for a in by_person[person_id]
        )
    doc.heading(3, _("Unassigned"))
    if unassigned:
        doc.bullets(
            _("{title} (due {due})").format(title=_tagged(a), due=_due(a.due)) for a in unassigned
        )
    else:
        doc.paragraph(_("(none)"))

    # 9. Parking lot, speaking balance, timing
    doc.heading(2, _("Parking lot"))
    parked = [e for e in entries if e.kind == EntryKind.PARK]
    parked_items = [t.item for t in state.items if t.item.status == AgendaStatus.PARKED]
    disposition_labels = {
        "next": _("to the next meeting"),
        "action": _("became an action"),
        "dropped": _("dropped"),
    }
    lines = [
        annotate(
            inline(e.text),
            _("({status})").format(status=disposition_labels[e.disposition])
            if e.disposition in disposition_labels
            else "",
        )
        for e in parked
    ]
    lines += [_("Agenda item parked: {title}").format(title=inline(i.title)) for i in parked_items]
    if lines:
        doc.bullets(lines)
    else:
        doc.paragraph(_("(none)"))

    balance = live.balance(meeting_id)
    if balance.shares:
        doc.heading(2, _("Speaking balance"))
        doc.bullets(
            _("{name}: {minutes} min ({share}%)").format(
                name=inline(s.person.name),
                minutes=whole_minutes(s.seconds),
                share=round(s.share * 100),
            )
            for s in sort_people(balance.shares, people, lambda s: s.person)
        )

    doc.heading(2, _("Timing"))
    timing = [
        labelled(_("Planned length"), _("{minutes} min").format(minutes=meeting.planned_minutes)),
        labelled(
            _("Actual length"),
            _("{minutes} min").format(minutes=_minutes(state.elapsed))
            if meeting.actual_start
            else _("not held"),
        ),
        labelled(_("Agenda total"), _("{minutes} min").format(minutes=detail.agenda_minutes)),
    ]
    extended = sum(t.item.extended_minutes for t in state.items)
    if extended:
        timing.append(
            labelled(
                _("Extended in the meeting"), _("{minutes} min").format(minutes=f"{extended:+d}")
            )
        )
    timing += [_overrun_line(t) for t in state.items if t.over_minutes]
    doc.bullets(timing)
    if any(t.over_minutes for t in state.items):
        doc.paragraph(_("An overrun counts from the planned time plus any extension."))
    return doc.render()
