"""Meeting minutes as markdown (DESIGN.md, "Minutes"): a pure function of the database.

Sections, in order: title and facts; attendance; numbers (when the meeting reviewed
numbers: ``minutes_numbers``); agenda table (planned vs actual);
previous actions reviewed; discussion per item; decisions; action items table; action
items by person (with Unassigned); parking lot; speaking balance; timing summary.

The sections on how the meeting ran are ``minutes_meeting``'s, those on what it said and
decided ``minutes_content``'s; what they share (the status labels among it) is
``minutes_parts``'s.
"""

from __future__ import annotations

from dataclasses import replace

from salestui.core.export import minutes_content as content
from salestui.core.export import minutes_day as day
from salestui.core.export import minutes_meeting as ran
from salestui.core.export import minutes_numbers as numbers
from salestui.core.export.confidential import kept
from salestui.core.export.minutes_links import supersede_notes
from salestui.core.export.minutes_parts import (
    ATTENDANCE_LABELS,
    DECISION_STATUS_LABELS,
    ENTRY_LABELS,
    ITEM_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
    MinutesContext,
)
from salestui.core.meeting import LiveMeeting
from salestui.core.models import DecisionStatus, Meeting, Person
from salestui.core.service import MeetingDetail, Services

__all__ = [
    "ATTENDANCE_LABELS",
    "DECISION_STATUS_LABELS",
    "ENTRY_LABELS",
    "ITEM_STATUS_LABELS",
    "REVIEW_OUTCOME_LABELS",
    "read_minutes",
    "render_minutes",
]


def render_minutes(
    services: Services,
    meeting_id: int,
    people: dict[int, Person] | None = None,
    include_confidential: bool = False,
    meeting: Meeting | None = None,
) -> str:
    """The minutes of one meeting, in the current language. Same data, same bytes.
    ``people``: everyone by id, when already read (an archive reads them once), and
    ``meeting`` itself likewise. Confidential notes, decisions and actions are left out
    unless ``include_confidential`` (then they are marked)."""
    minutes = read_minutes(services, meeting_id, people, include_confidential, meeting)
    ran.title_and_facts(minutes)
    ran.attendance(minutes)
    numbers.numbers(minutes)
    ran.agenda_table(minutes)
    day.day_table(minutes)  # a daily meeting's plans and reports
    content.previous_actions(minutes)
    content.discussion(minutes)
    content.decisions(minutes)
    content.action_items(minutes)
    content.actions_by_person(minutes)
    content.parking_lot(minutes)
    content.speaking_balance(minutes)
    ran.timing(minutes)
    return minutes.doc.render()


def read_minutes(
    services: Services,
    meeting_id: int,
    people: dict[int, Person] | None = None,
    include_confidential: bool = False,
    meeting: Meeting | None = None,
) -> MinutesContext:
    """Everything the minutes of ``meeting_id`` say, in a few queries whatever its size."""
    store, live = services.store, LiveMeeting(services)
    detail = services.meeting_detail(meeting_id, people, read_only=True, meeting=meeting)
    detail, notes = shown_detail(services, detail, include_confidential)
    reviewed_ids = sorted(store.reviewed_action_ids(meeting_id))
    logged = store.meeting_follow_ups(meeting_id, reviewed_ids)
    reviewed = [
        (a, logged.get(a.id or 0, []))
        for a in kept(store.get_actions(reviewed_ids), include_confidential, "title")
    ]
    timed = bool(store.list_speaking(meeting_id))  # else the balance has nothing to say
    context = MinutesContext(
        services,
        meeting_id,
        live,
        detail,
        live.state_of(detail.meeting, detail.agenda),
        reviewed,
        live.balance(meeting_id) if timed else None,
        notes=notes,
    )
    numbers.read_numbers(context)
    return context


def shown_detail(
    services: Services, detail: MeetingDetail, include_confidential: bool
) -> tuple[MeetingDetail, dict[int, str]]:
    """The meeting as its minutes show it: confidential entries, decisions, actions and
    agenda items (with what was captured under them) left out, or marked; decisions
    superseded by a later one kept; and a note per decision on what it superseded or what
    superseded it."""
    store = services.store
    meeting_id = detail.meeting.id or 0
    decisions = [
        d
        for d in store.list_decisions(meeting_id, include_superseded=True)
        if d.status != DecisionStatus.SUPERSEDED or store.successor_of(d.id or 0) is not None
    ]
    agenda = kept(detail.agenda, include_confidential, "title")
    hidden = {i.id for i in detail.agenda} - {i.id for i in agenda}  # confidential topics
    shown = replace(
        detail,
        agenda=agenda,
        entries=[
            e
            for e in kept(detail.entries, include_confidential)
            if e.agenda_item_id is None or e.agenda_item_id not in hidden
        ],
        decisions=kept(decisions, include_confidential),
        actions=kept(detail.actions, include_confidential, "title"),
    )
    return shown, supersede_notes(services, shown.decisions)
