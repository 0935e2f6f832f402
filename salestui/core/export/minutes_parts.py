"""What every section of the minutes shares: the words for each status, the meeting being
written (its detail, its live state and the document so far) with how a person and an
action's owners are written, and the small formatters of times, dates, actions and
decisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from salestui.core.export.markdown import Document, annotate, inline
from salestui.core.meeting import LiveMeeting, LiveState
from salestui.core.meeting_attendance import Balance
from salestui.core.meeting_numbers import MeetingScorecard, SetTarget
from salestui.core.models import (
    ActionItem,
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUp,
    Meeting,
    Person,
)
from salestui.core.names import join_names
from salestui.core.service import MeetingDetail, Services
from salestui.core.timing import whole_minutes
from salestui.i18n import N_, _

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


@dataclass
class MinutesContext:
    """The meeting whose minutes are being written - everything read before a line is
    written - and the document they go into."""

    services: Services
    meeting_id: int
    live: LiveMeeting
    detail: MeetingDetail
    state: LiveState
    reviewed: list[tuple[ActionItem, list[FollowUp]]] = field(default_factory=list)
    """The earlier actions this meeting reviewed, by id, with what it logged on each."""
    balance: Balance | None = None  # who spoke how long (None: nobody's turn was timed)
    notes: dict[int, str] = field(default_factory=dict)
    """Per decision id: what it superseded or what superseded it (``minutes_links``)."""
    doc: Document = field(default_factory=Document)
    # The numbers review (``minutes_numbers``): None when the meeting reviewed no numbers.
    scorecard: MeetingScorecard | None = None
    targets: list[SetTarget] = field(default_factory=list)
    countermeasure_actions: dict[int, ActionItem] = field(default_factory=dict)

    @property
    def meeting(self) -> Meeting:
        return self.detail.meeting

    @property
    def people(self) -> dict[int, Person]:
        return self.detail.people

    @property
    def entries(self) -> list[Entry]:
        """The entries still standing (a deleted one is not in the minutes)."""
        return [e for e in self.detail.entries if not e.deleted]

    @property
    def actions(self) -> list[ActionItem]:
        """The actions the minutes list: all but those cancelled by an edit of their entry."""
        return [
            a for a in self.detail.actions if not (a.status.value == "cancelled" and a.entry_id)
        ]

    def name(self, person_id: int | None) -> str:
        person = self.people.get(person_id) if person_id else None
        return inline(person.name) if person else "-"

    def owners(self, action: ActionItem) -> str:
        return join_names([self.name(p) for p in action.owner_ids]) or _("Unassigned")


def minutes_text(delta: timedelta) -> str:
    return str(whole_minutes(delta))


def due_text(value: date | None) -> str:
    return value.isoformat() if value else "-"


def tagged(action: ActionItem) -> str:
    """The action's title with its tags (``提交计划 #finance``), escaped."""
    title = inline(action.title)
    tags = " ".join(inline(f"#{tag}") for tag in action.tags)
    return f"{title} {tags}" if tags else title


def decision_text(text: str, status: DecisionStatus) -> str:
    return annotate(inline(text), _("({status})").format(status=_(DECISION_STATUS_LABELS[status])))
