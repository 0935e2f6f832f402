"""Meeting minutes as markdown (DESIGN.md, "Minutes"): a pure function of the database.

Sections, in order: title and facts; attendance; agenda table (planned vs actual);
previous actions reviewed; discussion per item; decisions; action items table; action
items by person (with Unassigned); parking lot; speaking balance; timing summary.

The sections on how the meeting ran are ``minutes_meeting``'s, those on what it said and
decided ``minutes_content``'s; what they share (the status labels among it) is
``minutes_parts``'s.
"""

from __future__ import annotations

from salestui.core.export import minutes_content as content
from salestui.core.export import minutes_meeting as ran
from salestui.core.export.minutes_parts import (
    ATTENDANCE_LABELS,
    DECISION_STATUS_LABELS,
    ENTRY_LABELS,
    ITEM_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
    MinutesContext,
)
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

__all__ = [
    "ATTENDANCE_LABELS",
    "DECISION_STATUS_LABELS",
    "ENTRY_LABELS",
    "ITEM_STATUS_LABELS",
    "REVIEW_OUTCOME_LABELS",
    "render_minutes",
]


def render_minutes(services: Services, meeting_id: int) -> str:
    """The minutes of one meeting, in the current language. Same data, same bytes."""
    live = LiveMeeting(services)
    detail = services.meeting_detail(meeting_id)
    minutes = MinutesContext(services, meeting_id, live, detail, live.state(meeting_id))
    ran.title_and_facts(minutes)
    ran.attendance(minutes)
    ran.agenda_table(minutes)
    content.previous_actions(minutes)
    content.discussion(minutes)
    content.decisions(minutes)
    content.action_items(minutes)
    content.actions_by_person(minutes)
    content.parking_lot(minutes)
    content.speaking_balance(minutes)
    ran.timing(minutes)
    return minutes.doc.render()
