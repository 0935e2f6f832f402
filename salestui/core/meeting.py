"""The live meeting: start, agenda flow with timers, capture, attendance, speaking, end.

Nothing here keeps state in memory. Every event is written when it happens and every
timer is derived from stored timestamps, so a process killed mid-meeting resumes exactly
where it was when reopened.

``LiveMeeting`` is the one entry point of the live console and of ``salestui run``; it
starts meetings itself and hands every other operation to the helper of its concern:
``meeting_agenda`` (agenda flow and timers), ``meeting_capture`` (capture),
``meeting_edits`` (edits of what was captured), ``meeting_attendance`` (attendance and
speaking), ``meeting_review`` (review of previous actions) and ``meeting_close`` (ending
and confirmation), with ``meeting_undo`` and ``meeting_scribe`` under them all.
"""

from __future__ import annotations

from datetime import datetime

from salestui.core.boundary import storage_boundary
from salestui.core.capture import Capture
from salestui.core.errors import Conflict
from salestui.core.meeting_agenda import AgendaFlow, LiveState
from salestui.core.meeting_attendance import (
    SPEAKING_GRACE,
    SPEAKING_MIN_TALLY,
    Attendees,
    Balance,
    SpeakerShare,
)
from salestui.core.meeting_capture import CaptureResult, Captures
from salestui.core.meeting_close import Closing, Summary
from salestui.core.meeting_edits import EntryEdits
from salestui.core.meeting_numbers import MeetingNumbers
from salestui.core.meeting_review import (
    MUST_RESOLVE_REASON,
    REVIEW_OUTCOMES,
    Reviews,
    series_open_actions,
)
from salestui.core.meeting_scribe import Scribes
from salestui.core.meeting_undo import UndoLog, Undone
from salestui.core.models import (
    ActionItem,
    ActionRow,
    AgendaItem,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    Meeting,
    MeetingStatus,
)
from salestui.core.names import join_names
from salestui.core.service import Services
from salestui.core.timing import ItemTime
from salestui.i18n import _

__all__ = [
    "MUST_RESOLVE_REASON",
    "REVIEW_OUTCOMES",
    "SPEAKING_GRACE",
    "SPEAKING_MIN_TALLY",
    "Balance",
    "CaptureResult",
    "ItemTime",
    "LiveMeeting",
    "LiveState",
    "SpeakerShare",
    "Summary",
]


@storage_boundary
class LiveMeeting:
    """Operations of the live console and of ``salestui run``."""

    def __init__(self, services: Services, take_over: bool = False) -> None:
        """``take_over``: a change to a meeting another scribe holds makes "me" its scribe
        (recorded) instead of being refused (the CLI's ``--take-over``)."""
        self.services = services
        self.store = services.store
        self.undo_log = UndoLog(services)
        self.scribes = Scribes(services, take_over)
        self.flow = AgendaFlow(services, self.undo_log, self.scribes)
        self.captures = Captures(self.flow)
        self.edits = EntryEdits(self.captures)
        self.attendees = Attendees(self.flow)
        self.reviews = Reviews(self.flow)
        self.closing = Closing(self.flow, self.captures, self.reviews)
        self.numbers = MeetingNumbers(self.captures)  # the numbers review (/k, 对策)

    def undo(self, meeting_id: int) -> Undone:
        """Take back the meeting's newest live edit (see ``meeting_undo``)."""
        self.scribes.check(self.services.meeting(meeting_id))
        return self.undo_log.undo(meeting_id)

    @property
    def now(self) -> datetime:
        return self.services.clock.now()

    # -- starting ----------------------------------------------------------------------

    def preflight(self, meeting_id: int) -> list[str]:
        """Warnings the chair should see before starting (they may start anyway)."""
        detail = self.services.meeting_detail(meeting_id)
        warnings = []
        if detail.meeting.agenda_circulated_at is None:
            warnings.append(_("The agenda was never circulated to participants"))

        def required(status: AttendanceStatus) -> list[str]:
            return [a.person.name for a in detail.attendees if a.required and a.status == status]

        # Someone marked absent is absent, not "not signed in yet".
        if missing := required(AttendanceStatus.INVITED):
            warnings.append(
                _("Required attendees not marked present: {names}").format(
                    names=join_names(missing)
                )
            )
        if absent := required(AttendanceStatus.ABSENT):
            warnings.append(
                _("Required attendees absent: {names}").format(names=join_names(absent))
            )
        if excused := required(AttendanceStatus.EXCUSED):
            warnings.append(
                _("Required attendees excused: {names}").format(names=join_names(excused))
            )
        if detail.over_length:
            warnings.append(
                _("The agenda ({agenda} min) is longer than the meeting ({length} min)").format(
                    agenda=detail.agenda_minutes, length=detail.meeting.planned_minutes
                )
            )
        if not detail.agenda:
            warnings.append(_("The meeting has no agenda items"))
        return warnings

    def start(self, meeting_id: int) -> Meeting:
        """Start the meeting now: the first pending item becomes current.

        Open actions from earlier meetings of the same series count one more carry.
        """
        with self.store.transaction():  # two starts at once: the second one is refused
            meeting = self.services.meeting(meeting_id)
            if meeting.status == MeetingStatus.RUNNING:
                raise Conflict(_("The meeting is already running"))
            if meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
                raise Conflict(_("The meeting has already ended"))
            now = self.now
            meeting.status = MeetingStatus.RUNNING
            meeting.actual_start = now
            self.store.update_meeting(meeting)
            first = next(
                (i for i in self.store.list_agenda(meeting_id)
                 if i.status == AgendaStatus.PENDING),
                None,
            )  # fmt: skip
            if first is not None:
                self.flow.activate(first, now)
            if meeting.series_id is not None:
                carried = [row.id for row in series_open_actions(self.store, meeting)]
                self.store.increment_carried(carried)
            self.scribes.started(meeting_id)
        return meeting

    def running(self) -> list[Meeting]:
        """Meetings left running (e.g. by a crash): the app reopens on them."""
        return self.store.list_meetings(status=MeetingStatus.RUNNING)

    # -- timers and agenda flow (meeting_agenda) ------------------------------------------

    def state(self, meeting_id: int) -> LiveState:
        return self.flow.state(meeting_id)

    def state_of(self, meeting: Meeting, agenda: list[AgendaItem]) -> LiveState:
        """``state`` of a meeting and its agenda already read."""
        return self.flow.state_of(meeting, agenda)

    def next_item(self, meeting_id: int) -> AgendaItem | None:
        """Finish the current item and start the next pending one."""
        return self.flow.next_item(meeting_id)

    def previous_item(self, meeting_id: int) -> AgendaItem | None:
        """Go back one item; its recorded time keeps growing from where it was."""
        return self.flow.previous_item(meeting_id)

    def skip_item(self, meeting_id: int) -> AgendaItem | None:
        return self.flow.skip_item(meeting_id)

    def park_item(self, meeting_id: int) -> AgendaItem | None:
        return self.flow.park_item(meeting_id)

    def goto_item(self, meeting_id: int, item_id: int) -> AgendaItem:
        return self.flow.goto_item(meeting_id, item_id)

    def extend(self, meeting_id: int, minutes: int) -> AgendaItem:
        """Add (or with a negative number, take) minutes from the current item's time
        (see ``AgendaFlow.extend``)."""
        return self.flow.extend(meeting_id, minutes)

    # -- capture (meeting_capture, meeting_edits) -----------------------------------------

    def preview(self, line: str) -> str:
        """What a capture line will become, or the reason it cannot be saved."""
        return self.captures.preview(line)

    def parse(self, line: str) -> Capture:
        return self.captures.parse(line)

    def capture(self, meeting_id: int, line: str) -> CaptureResult:
        """Parse and save one line on the current item; nothing is saved if it fails."""
        return self.captures.capture(meeting_id, line)

    def entries(self, meeting_id: int, item_id: int | None = None) -> list[Entry]:
        return self.captures.entries(meeting_id, item_id)

    def edit_entry(self, entry_id: int, line: str) -> CaptureResult:
        """Replace an entry by a new capture line (its decision/action are replaced too)."""
        return self.edits.edit(entry_id, line)

    def save_edit(self, entry_id: int, line: str) -> CaptureResult:
        """An edited entry saved: its words only, or (with a leading command) anew."""
        return self.edits.save_edit(entry_id, line)

    def convert_entry(self, entry_id: int, kind: EntryKind) -> CaptureResult:
        """Make an entry a note, a decision or an action, keeping its own words."""
        return self.edits.convert(entry_id, kind)

    def delete_entry(self, entry_id: int) -> Entry:
        """Delete an entry and what it stood for; ``undo`` (or ``undelete_entry``) restores."""
        return self.edits.delete(entry_id)

    def undelete_entry(self, entry_id: int) -> CaptureResult:
        return self.edits.undelete(entry_id)

    # -- attendance and speaking balance (meeting_attendance) -----------------------------

    def set_attendance(
        self, meeting_id: int, person_id: int, status: AttendanceStatus | str
    ) -> Attendance:
        return self.attendees.set_attendance(meeting_id, person_id, status)

    def speak(self, meeting_id: int, person_id: int | None) -> None:
        """Mark who is speaking now (None: nobody). Ends the previous turn."""
        self.attendees.speak(meeting_id, person_id)

    def balance(self, meeting_id: int, threshold: float = 0.5) -> Balance:
        return self.attendees.balance(meeting_id, threshold)

    # -- review of previous actions (meeting_review) --------------------------------------

    def review_candidates(self, meeting_id: int) -> list[ActionRow]:
        """Open actions from earlier meetings of the series, or owned by the attendees,
        not yet reviewed in this meeting; must-resolve (carried 3+) first."""
        return self.reviews.review_candidates(meeting_id)

    def review_action(
        self,
        meeting_id: int,
        action_id: int,
        outcome: str,
        note: str = "",
        new_due: object = None,
    ) -> None:
        """Record the meeting's answer on one open action, as a follow-up."""
        self.reviews.review_action(meeting_id, action_id, outcome, note, new_due)

    def must_resolve_actions(self, meeting_id: int) -> list[ActionRow]:
        """Open actions of the series carried three times and not yet answered in this
        meeting with done, a new date, drop or escalate (``open`` is refused for them)."""
        return self.reviews.must_resolve_actions(meeting_id)

    # -- ending and confirmation (meeting_close) ------------------------------------------

    def end(self, meeting_id: int) -> Meeting:
        return self.closing.end(meeting_id)

    def set_decision(
        self, decision_id: int, status: DecisionStatus | str, text: str | None = None
    ) -> Decision:
        return self.closing.set_decision(decision_id, status, text)

    def settle_action(
        self,
        action_id: int,
        owners: list[str | int] | None = None,
        due: object = None,
        leave_unassigned: bool = False,
    ) -> ActionItem:
        """At confirmation: give an action its owner(s) and due date, or knowingly leave it."""
        return self.closing.settle_action(action_id, owners, due, leave_unassigned)

    def parking_lot(self, meeting_id: int) -> list[Entry]:
        return self.closing.parking_lot(meeting_id)

    def resolve_parked(
        self, entry_id: int, disposition: str, owners: list[str] | None = None
    ) -> ActionItem | None:
        """A parking-lot entry becomes a next-meeting item, an action, or is dropped."""
        return self.closing.resolve_parked(entry_id, disposition, owners)

    def open_questions(self, meeting_id: int) -> list[str]:
        """What still needs an answer before the meeting can be confirmed."""
        return self.closing.open_questions(meeting_id)

    def must_resolve_items(self, meeting_id: int) -> list[AgendaItem]:
        """Agenda items carried three times that this meeting neither finished nor dropped."""
        return self.closing.must_resolve_items(meeting_id)

    def drop_carried_item(self, item_id: int) -> AgendaItem:
        """At confirmation: drop a must-resolve agenda item, so it is never carried again."""
        return self.closing.drop_carried_item(item_id)

    def keep_for_next(self, item_id: int) -> AgendaItem:
        """At confirmation: a dropped agenda item goes back to the parking lot, so the next
        meeting carries it (undoes ``drop_carried_item``)."""
        return self.closing.keep_for_next(item_id)

    def confirm(self, meeting_id: int) -> Summary:
        """Close the review: allowed once every decision, action and parked item is answered."""
        return self.closing.confirm(meeting_id)

    def summary(self, meeting_id: int) -> Summary:
        return self.closing.summary(meeting_id)
