"""The live meeting: start, agenda flow with timers, capture, attendance, speaking, end.

Nothing here keeps state in memory. Every event is written when it happens and every
timer is derived from stored timestamps, so a process killed mid-meeting resumes exactly
where it was when reopened.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from salestui.core.backup import backup_store
from salestui.core.boundary import storage_boundary
from salestui.core.capture import Capture, describe, parse_capture
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.followup import escalate, must_resolve
from salestui.core.meeting_edits import EntryEdits, entry_text
from salestui.core.meeting_scribe import Scribes
from salestui.core.meeting_undo import Recording, UndoLog, Undone
from salestui.core.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionRow,
    ActionStatus,
    AgendaItem,
    AgendaKind,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    FollowUp,
    FollowUpKind,
    Meeting,
    MeetingStatus,
    Person,
    SpeakingTurn,
)
from salestui.core.names import join_names
from salestui.core.service import MAX_TIMEBOX, Services
from salestui.core.store import ActionQuery
from salestui.core.text import clean_text
from salestui.core.timing import ItemTime, whole_minutes
from salestui.i18n import N_, _

SPEAKING_GRACE = timedelta(minutes=10)
SPEAKING_MIN_TALLY = timedelta(minutes=3)  # tallied speaking time before the balance warns


def _span(start: datetime | None, end: datetime) -> timedelta:
    """From ``start`` to ``end``, clamped at zero: a clock set back never gives a negative
    time (the live clock then shows 0:00, not -1:00:00)."""
    return max(end - start, timedelta(0)) if start else timedelta(0)


@dataclass
class LiveState:
    """Everything the live console shows, derived from the database at ``now``."""

    meeting: Meeting
    now: datetime
    items: list[ItemTime]
    current: ItemTime | None
    elapsed: timedelta
    planned_end: datetime | None
    projected_end: datetime | None
    late_by: timedelta

    @property
    def overrun_items(self) -> list[ItemTime]:
        return [i for i in self.items if i.overrun]


@dataclass
class CaptureResult:
    entry: Entry
    capture: Capture
    decision: Decision | None = None
    action: ActionItem | None = None
    new_item: AgendaItem | None = None


@dataclass
class SpeakerShare:
    person: Person
    seconds: float
    share: float


@dataclass
class Balance:
    shares: list[SpeakerShare]
    speaking_now: int | None
    dominant: SpeakerShare | None = None


@dataclass
class Summary:
    meeting: Meeting
    planned_minutes: int
    actual_minutes: int  # whole minutes, by the one rule of core.timing
    late_minutes: int
    items: list[ItemTime]
    decisions: list[Decision]
    actions: list[ActionItem]
    absent_required: list[Person] = field(default_factory=list)


REVIEW_OUTCOMES = ("done", "open", "new_due", "drop", "escalate")
MUST_RESOLVE_REASON = N_(
    "Carried {count} times: it must be resolved now (done, new due date, dropped or escalated)"
)


def _action_scopes(action_id: int) -> list[tuple[str, dict[str, int]]]:
    """The rows an answer on one action may change (for undo)."""
    return [("action_items", {"id": action_id})] + [
        (table, {"action_id": action_id})
        for table in ("action_owners", "action_tags", "follow_ups")
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
        self.edits = EntryEdits(self)
        self.scribes = Scribes(services, take_over)

    def undo(self, meeting_id: int) -> Undone:
        """Take back the meeting's newest live edit (see ``meeting_undo``)."""
        self.scribes.check(self.services.meeting(meeting_id))
        return self.undo_log.undo(meeting_id)

    def _flow(self, meeting_id: int, operation: str) -> AbstractContextManager[Recording]:
        """Record an agenda move or timebox change for undo (the current item names it)."""
        current = self._current(meeting_id)
        return self.undo_log.record(
            meeting_id,
            operation,
            current.title if current else "",
            ("agenda_items", {"meeting_id": meeting_id}),
        )

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
                self._activate(first, now)
            if meeting.series_id is not None:
                carried = [row.id for row in self._series_open_actions(meeting)]
                self.store.increment_carried(carried)
            self.scribes.started(meeting_id)
        return meeting

    def _series_open_actions(self, meeting: Meeting) -> list[ActionRow]:
        if meeting.series_id is None:
            return []
        rows = self.store.list_actions(
            ActionQuery(series_id=meeting.series_id, statuses=list(OPEN_STATUSES))
        )
        return [r for r in rows if r.meeting_id != meeting.id]

    def running(self) -> list[Meeting]:
        """Meetings left running (e.g. by a crash): the app reopens on them."""
        return self.store.list_meetings(status=MeetingStatus.RUNNING)

    # -- timers and agenda flow -----------------------------------------------------------

    def _running(self, meeting_id: int) -> Meeting:
        """The meeting, if it runs and "me" may change it."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status != MeetingStatus.RUNNING:
            raise Conflict(_("The meeting is not running"))
        self.scribes.check(meeting)
        return meeting

    @staticmethod
    def _elapsed(item: AgendaItem, now: datetime) -> timedelta:
        """Time spent on an item; never negative, even when the clock was set back."""
        return _span(item.started_at, now) + max(
            timedelta(seconds=item.elapsed_seconds), timedelta(0)
        )

    def _activate(self, item: AgendaItem, now: datetime) -> None:
        item.status = AgendaStatus.ACTIVE
        item.started_at = now
        self.store.update_agenda_item(item)

    def _pause(self, item: AgendaItem, now: datetime, status: AgendaStatus) -> None:
        item.elapsed_seconds = int(self._elapsed(item, now).total_seconds())
        item.started_at = None
        item.status = status
        self.store.update_agenda_item(item)

    def _current(self, meeting_id: int) -> AgendaItem | None:
        return next(
            (i for i in self.store.list_agenda(meeting_id) if i.status == AgendaStatus.ACTIVE),
            None,
        )

    def state(self, meeting_id: int) -> LiveState:
        meeting = self.services.meeting(meeting_id)
        now = self.now
        if meeting.status != MeetingStatus.RUNNING and meeting.actual_end:
            now = meeting.actual_end
        items = [ItemTime(i, self._elapsed(i, now)) for i in self.store.list_agenda(meeting_id)]
        current = next((i for i in items if i.item.status == AgendaStatus.ACTIVE), None)
        start = meeting.actual_start
        elapsed = _span(start, now)
        planned_end = start + timedelta(minutes=meeting.planned_minutes) if start else None
        projected = None
        if start:
            # What is left of every item still to run (an item gone back to has used some),
            # from now: an item running over pushes the forecast later every second.
            ahead = sum(
                (
                    max(i.remaining, timedelta(0))
                    for i in items
                    if i.item.status in (AgendaStatus.PENDING, AgendaStatus.ACTIVE)
                ),
                timedelta(0),
            )
            projected = now + ahead
        late_by = timedelta(0)
        if start and meeting.scheduled_start and start > meeting.scheduled_start:
            late_by = start - meeting.scheduled_start
        return LiveState(meeting, now, items, current, elapsed, planned_end, projected, late_by)

    def _move(self, meeting_id: int, leave_as: AgendaStatus, direction: int) -> AgendaItem | None:
        # One immediate transaction: the agenda is read inside it, so two processes moving
        # at once queue one behind the other and never leave two items active.
        with self.store.transaction():
            self._running(meeting_id)
            now = self.now
            agenda = self.store.list_agenda(meeting_id)
            current_index = next(
                (n for n, i in enumerate(agenda) if i.status == AgendaStatus.ACTIVE), None
            )
            if current_index is not None:
                self._pause(agenda[current_index], now, leave_as)
            if direction > 0:
                start = current_index + 1 if current_index is not None else 0
                target = next((i for i in agenda[start:] if i.status == AgendaStatus.PENDING), None)
            else:
                stop = current_index if current_index is not None else len(agenda)
                target = agenda[stop - 1] if stop > 0 else None
                if target is None and current_index is not None:
                    target = agenda[current_index]  # nothing before: stay on this one
            if target is not None:
                self._activate(target, now)
        return target

    def next_item(self, meeting_id: int) -> AgendaItem | None:
        """Finish the current item and start the next pending one."""
        with self._flow(meeting_id, "next"):
            return self._move(meeting_id, AgendaStatus.DONE, +1)

    def previous_item(self, meeting_id: int) -> AgendaItem | None:
        """Go back one item; its recorded time keeps growing from where it was."""
        with self._flow(meeting_id, "previous"):
            return self._move(meeting_id, AgendaStatus.PENDING, -1)

    def skip_item(self, meeting_id: int) -> AgendaItem | None:
        with self._flow(meeting_id, "skip"):
            return self._move(meeting_id, AgendaStatus.SKIPPED, +1)

    def park_item(self, meeting_id: int) -> AgendaItem | None:
        with self._flow(meeting_id, "park"):
            return self._move(meeting_id, AgendaStatus.PARKED, +1)

    def goto_item(self, meeting_id: int, item_id: int) -> AgendaItem:
        # read and move as one step (see _move)
        with self.store.transaction(), self._flow(meeting_id, "goto"):
            self._running(meeting_id)
            target = self.store.get_agenda_item(item_id)
            if target is None or target.meeting_id != meeting_id:
                raise NotFound(_("No agenda item with id {id}").format(id=item_id))
            now = self.now
            current = self._current(meeting_id)
            if current is not None and current.id != item_id:
                self._pause(current, now, AgendaStatus.PENDING)
            if target.status != AgendaStatus.ACTIVE:
                self._activate(target, now)
        return target

    def extend(self, meeting_id: int, minutes: int) -> AgendaItem:
        """Add (or with a negative number, take) minutes from the current item's time.

        The planned timebox is kept as it was; the change is stored apart, in
        ``extended_minutes``, and planned + extended stays between 1 and ``MAX_TIMEBOX``.
        """
        self._running(meeting_id)
        current = self._current(meeting_id)
        if current is None:
            raise Conflict(_("No agenda item is running"))
        with self._flow(meeting_id, "extend"):
            planned = current.timebox_minutes
            allowed = max(1, min(MAX_TIMEBOX, planned + current.extended_minutes + minutes))
            current.extended_minutes = allowed - planned
            self.store.update_agenda_item(current)
        return current

    # -- capture ----------------------------------------------------------------------------

    def preview(self, line: str) -> str:
        """What a capture line will become, or the reason it cannot be saved."""
        return describe(self.parse(line), self.services.clock.today())

    def parse(self, line: str) -> Capture:
        return parse_capture(line, self.services.people(), self.services.clock.today())

    def capture(self, meeting_id: int, line: str) -> CaptureResult:
        """Parse and save one line on the current item; nothing is saved if it fails."""
        self._running(meeting_id)  # a meeting not running is reported before a bad line
        parsed = self.parse(line)
        if not parsed.text:
            raise InvalidInput(_("Nothing to save"))
        topic = []  # a new agenda item reorders the agenda
        if parsed.kind == EntryKind.TOPIC:
            topic = [("agenda_items", {"meeting_id": meeting_id})]
        with self.undo_log.record(meeting_id, "capture", parsed.text, *topic) as recording:
            # Read the meeting and its current item inside the write transaction: another
            # process moving the agenda meanwhile cannot put the line on a stale item.
            meeting = self._running(meeting_id)
            current = self._current(meeting_id)
            now = self.now
            entry = self.store.add_entry(
                Entry(
                    meeting_id=meeting_id,
                    agenda_item_id=current.id if current else None,
                    kind=parsed.kind,
                    text=entry_text(line, parsed),
                    at=now,
                )
            )
            recording.created(
                ("entries", {"id": entry.id}),
                ("decisions", {"entry_id": entry.id}),
                ("action_items", {"entry_id": entry.id}),
            )
            result = CaptureResult(entry=entry, capture=parsed)
            self._materialise(meeting, current, entry, parsed, result)
        return result

    def _materialise(
        self,
        meeting: Meeting,
        current: AgendaItem | None,
        entry: Entry,
        parsed: Capture,
        result: CaptureResult,
    ) -> None:
        """Create the decision, action or agenda item a captured entry stands for."""
        assert meeting.id is not None and entry.id is not None
        now = self.now
        if parsed.kind == EntryKind.DECISION:
            result.decision = self.store.add_decision(
                Decision(
                    meeting_id=meeting.id,
                    agenda_item_id=entry.agenda_item_id,
                    entry_id=entry.id,
                    text=parsed.text,
                    decided_at=now,
                )
            )
        elif parsed.kind == EntryKind.ACTION:
            decisions = [
                d for d in self.store.list_decisions(meeting.id)
                if d.agenda_item_id == entry.agenda_item_id
            ]  # fmt: skip
            result.action = self.store.add_action(
                ActionItem(
                    title=parsed.text,
                    owner_ids=[p.id for p in parsed.owners if p.id is not None],
                    due=parsed.due,
                    priority=parsed.priority or 2,
                    meeting_id=meeting.id,
                    agenda_item_id=entry.agenda_item_id,
                    decision_id=decisions[-1].id if decisions else None,
                    entry_id=entry.id,
                    tags=list(parsed.tags),
                ),
                now,
            )
        elif parsed.kind == EntryKind.TOPIC:
            agenda = self.store.list_agenda(meeting.id)
            order = [i.id for i in agenda if i.id is not None]
            new_item = self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting.id,
                    title=parsed.text,
                    timebox_minutes=5,
                    kind=AgendaKind.DISCUSSION,
                )
            )
            where = order.index(current.id) + 1 if current and current.id in order else len(order)
            order.insert(where, new_item.id or 0)
            self.store.set_agenda_order(meeting.id, order)
            result.new_item = new_item

    def entries(self, meeting_id: int, item_id: int | None = None) -> list[Entry]:
        entries = self.store.list_entries(meeting_id)
        if item_id is None:
            return entries
        return [e for e in entries if e.agenda_item_id == item_id]

    def _entry(self, entry_id: int) -> Entry:
        entry = self.store.get_entry(entry_id)
        if entry is None:
            raise NotFound(_("No entry with id {id}").format(id=entry_id))
        return entry

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

    # -- attendance ---------------------------------------------------------------------------

    def set_attendance(
        self, meeting_id: int, person_id: int, status: AttendanceStatus | str
    ) -> Attendance:
        self.scribes.check(self.services.meeting(meeting_id))
        try:
            status = AttendanceStatus(status)
        except ValueError as error:
            raise InvalidInput(
                _("Unknown attendance status: {status}").format(status=status)
            ) from error
        current = {a.person_id: a for a in self.store.list_attendance(meeting_id)}
        attendance = current.get(person_id) or Attendance(
            meeting_id=meeting_id, person_id=self.services.person(person_id).id or 0,
            required=False,
        )  # fmt: skip
        attendance.status = status
        attendance.arrived_at = self.now if status == AttendanceStatus.LATE else None
        person = self.services.people_by_id().get(person_id)
        with self.undo_log.record(
            meeting_id, "attendance", person.name if person else str(person_id),
            ("attendance", {"meeting_id": meeting_id, "person_id": person_id}),
        ):  # fmt: skip
            self.store.set_attendance(attendance)
        return attendance

    # -- speaking balance ---------------------------------------------------------------------

    def speak(self, meeting_id: int, person_id: int | None) -> None:
        """Mark who is speaking now (None: nobody). Ends the previous turn."""
        self._running(meeting_id)
        now = self.now
        turns = self.store.list_speaking(meeting_id)
        open_turn = next((t for t in turns if t.ended_at is None), None)
        with self.store.transaction():
            self.store.end_speaking_turns(meeting_id, now)
            if person_id is not None and (open_turn is None or open_turn.person_id != person_id):
                self.services.person(person_id)
                self.store.add_speaking_turn(
                    SpeakingTurn(meeting_id=meeting_id, person_id=person_id, started_at=now)
                )

    def balance(self, meeting_id: int, threshold: float = 0.5) -> Balance:
        meeting = self.services.meeting(meeting_id)
        now = (
            self.now
            if meeting.status == MeetingStatus.RUNNING
            else (meeting.actual_end or self.now)
        )
        totals: dict[int, float] = {}
        speaking_now = None
        for turn in self.store.list_speaking(meeting_id):
            end = turn.ended_at or now
            if turn.ended_at is None:
                speaking_now = turn.person_id
            totals[turn.person_id] = totals.get(turn.person_id, 0.0) + max(
                0.0, (end - turn.started_at).total_seconds()
            )
        whole = sum(totals.values())
        people = self.services.people_by_id()
        shares = sorted(
            (
                SpeakerShare(people[pid], seconds, seconds / whole if whole else 0.0)
                for pid, seconds in totals.items()
                if pid in people
            ),
            key=lambda s: -s.seconds,
        )
        dominant = None
        # The warning needs enough tallied speech to mean something, not meeting time:
        # one voice holding 2 of the first 3 minutes spoken is already a lecture.
        if shares and whole >= SPEAKING_MIN_TALLY.total_seconds() and shares[0].share > threshold:
            dominant = shares[0]
        return Balance(shares, speaking_now, dominant)

    # -- review of previous actions ----------------------------------------------------------

    def review_candidates(self, meeting_id: int) -> list[ActionRow]:
        """Open actions from earlier meetings of the series, or owned by the attendees,
        not yet reviewed in this meeting; must-resolve (carried 3+) first."""
        meeting = self.services.meeting(meeting_id)
        found: dict[int, ActionRow] = {r.id: r for r in self._series_open_actions(meeting)}
        attendees = [a.person_id for a in self.store.list_attendance(meeting_id)]
        if attendees:
            for row in self.store.list_actions(
                ActionQuery(owner_ids=attendees, statuses=list(OPEN_STATUSES)), limit=200
            ):
                if row.meeting_id != meeting_id and row.meeting_id is not None:
                    found.setdefault(row.id, row)
        done = self.store.reviewed_action_ids(meeting_id)
        rows = [r for r in found.values() if r.id not in done]
        return sorted(rows, key=lambda r: (r.carried_count < 3, r.due is None, r.due, r.id))

    def review_action(
        self,
        meeting_id: int,
        action_id: int,
        outcome: str,
        note: str = "",
        new_due: object = None,
    ) -> None:
        """Record the meeting's answer on one open action, as a follow-up."""
        self.scribes.check(self.services.meeting(meeting_id))
        title = self.services.action(action_id).title
        if outcome not in REVIEW_OUTCOMES:
            raise InvalidInput(_("Unknown review outcome: {outcome}").format(outcome=outcome))
        now = self.now
        me = self.services.me()
        with self.undo_log.record(meeting_id, "review", title, *_action_scopes(action_id)):
            # Read the action inside the write transaction (a follow-up logged meanwhile by
            # another process is not overwritten with what was read before it).
            action = self.services.action(action_id)
            if outcome == "open" and must_resolve(action.carried_count):
                raise Conflict(_(MUST_RESOLVE_REASON).format(count=action.carried_count))
            status = None
            if outcome == "done":
                status = ActionStatus.DONE
                action.status = status
                action.completed_at = now
            elif outcome == "drop":
                status = ActionStatus.CANCELLED
                action.status = status
            elif outcome == "new_due":
                if new_due is None:
                    raise InvalidInput(_("A new due date is needed"))
                action.due = new_due  # type: ignore[assignment]
            elif outcome == "escalate":
                escalate(self.services, action_id, note, meeting_id=meeting_id)
                action = self.services.action(action_id)
            self.store.update_action(action, now)
            self.store.add_follow_up(
                FollowUp(
                    action_id=action_id,
                    at=now,
                    author_id=me.id if me else None,
                    kind=FollowUpKind.REVIEW,
                    note=note,
                    status=status,
                    new_due=action.due if outcome == "new_due" else None,
                    meeting_id=meeting_id,
                )
            )

    # -- ending and confirmation -------------------------------------------------------------

    def end(self, meeting_id: int) -> Meeting:
        self._running(meeting_id)
        now = self.now
        with self.store.transaction():  # read and write as one step
            meeting = self._running(meeting_id)
            current = self._current(meeting_id)
            if current is not None:
                self._pause(current, now, AgendaStatus.DONE)
            self.store.end_speaking_turns(meeting_id, now)
            meeting.status = MeetingStatus.ENDED
            meeting.actual_end = now
            self.store.update_meeting(meeting)
        return meeting

    def set_decision(
        self, decision_id: int, status: DecisionStatus | str, text: str | None = None
    ) -> Decision:
        decision = self.store.get_decision(decision_id)
        if decision is None:
            raise NotFound(_("No decision with id {id}").format(id=decision_id))
        try:
            decision.status = DecisionStatus(status)
        except ValueError as error:
            raise InvalidInput(
                _("Unknown decision status: {status}").format(status=status)
            ) from error
        if text is not None:
            cleaned = clean_text(text)
            if not cleaned:
                raise InvalidInput(_("A decision needs text"))
            decision.text = cleaned
        assert decision.id is not None
        with self.undo_log.record(
            decision.meeting_id, "decision", decision.text, ("decisions", {"id": decision.id})
        ):
            self.store.update_decision(decision)
        return decision

    def settle_action(
        self,
        action_id: int,
        owners: list[str | int] | None = None,
        due: object = None,
        leave_unassigned: bool = False,
    ) -> ActionItem:
        """At confirmation: give an action its owner(s) and due date, or knowingly leave it."""
        action = self.services.action(action_id)
        # An action not from a meeting has no meeting to record its undo under.
        scopes = _action_scopes(action_id) if action.meeting_id is not None else []
        with self.undo_log.record(action.meeting_id or 0, "settle", action.title, *scopes):
            if leave_unassigned:
                action.unassigned_ok = True
                self.store.update_action(action, self.now)
                return action
            return self.services.edit_action(
                action_id,
                owners=owners,
                due=due,  # type: ignore[arg-type]
            )

    def parking_lot(self, meeting_id: int) -> list[Entry]:
        return [e for e in self.store.list_entries(meeting_id) if e.kind == EntryKind.PARK]

    def resolve_parked(self, entry_id: int, disposition: str, owners: list[str] | None = None):
        """A parking-lot entry becomes a next-meeting item, an action, or is dropped."""
        entry = self._entry(entry_id)
        if entry.kind != EntryKind.PARK:
            raise InvalidInput(_("Only parking-lot entries can be resolved this way"))
        if disposition not in ("next", "action", "dropped"):
            raise InvalidInput(_("Unknown disposition: {value}").format(value=disposition))
        with self.undo_log.record(
            entry.meeting_id, "park_answer", entry.text, ("entries", {"id": entry_id})
        ) as recording:
            entry.disposition = disposition
            self.store.update_entry(entry)
            if disposition == "action":
                created = self.services.add_action(
                    entry.text, owners or [], meeting_id=entry.meeting_id,
                    agenda_item_id=entry.agenda_item_id,
                )  # fmt: skip
                recording.created(("action_items", {"id": created.id}))
                return created
        return None

    def open_questions(self, meeting_id: int) -> list[str]:
        """What still needs an answer before the meeting can be confirmed."""
        problems = []
        for decision in self.store.list_decisions(meeting_id):
            if decision.status == DecisionStatus.PROPOSED:
                problems.append(_("Decision not confirmed: {text}").format(text=decision.text))
        for action in self.store.actions_of_meeting(meeting_id):
            if action.status.is_closed:
                continue
            if action.unassigned_ok:
                continue
            if not action.owner_ids:
                problems.append(_("Action without an owner: {text}").format(text=action.title))
            elif action.due is None:
                problems.append(_("Action without a due date: {text}").format(text=action.title))
        for entry in self.parking_lot(meeting_id):
            if entry.disposition is None and not entry.deleted:
                problems.append(_("Parking-lot item not resolved: {text}").format(text=entry.text))
        for row in self.must_resolve_actions(meeting_id):
            problems.append(
                _("Action carried {count} times, not resolved: {text}").format(
                    count=row.carried_count, text=row.title
                )
            )
        for item in self.must_resolve_items(meeting_id):
            problems.append(
                _("Agenda item carried {count} times, not resolved: {text}").format(
                    count=item.carried_count, text=item.title
                )
            )
        return problems

    def must_resolve_actions(self, meeting_id: int) -> list[ActionRow]:
        """Open actions of the series carried three times and not yet answered in this
        meeting with done, a new date, drop or escalate (``open`` is refused for them)."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status == MeetingStatus.CONFIRMED or self._series_moved_on(meeting):
            return []  # the carry counts now are a later meeting's, not this one's
        reviewed = self.store.reviewed_action_ids(meeting_id)
        return [
            r
            for r in self._series_open_actions(meeting)
            if must_resolve(r.carried_count) and r.id not in reviewed
        ]

    def _series_moved_on(self, meeting: Meeting) -> bool:
        """True once a later meeting of the series has started."""
        if meeting.series_id is None or meeting.actual_start is None:
            return False
        return any(
            other.actual_start is not None and other.actual_start > meeting.actual_start
            for other in self.store.list_meetings(series_id=meeting.series_id)
            if other.id != meeting.id
        )

    def must_resolve_items(self, meeting_id: int) -> list[AgendaItem]:
        """Agenda items carried three times that this meeting neither finished nor dropped."""
        return [
            item
            for item in self.store.list_agenda(meeting_id)
            if must_resolve(item.carried_count)
            and item.status not in (AgendaStatus.DONE, AgendaStatus.DROPPED)
        ]

    def drop_carried_item(self, item_id: int) -> AgendaItem:
        """At confirmation: drop a must-resolve agenda item, so it is never carried again."""
        item = self.store.get_agenda_item(item_id)
        if item is None:
            raise NotFound(_("No agenda item with id {id}").format(id=item_id))
        meeting = self.services.meeting(item.meeting_id)
        if meeting.status != MeetingStatus.ENDED:
            raise Conflict(_("Only an ended meeting's carried items can be dropped"))
        if item.status == AgendaStatus.DONE:
            raise Conflict(_("This item was finished in the meeting"))
        item.status = AgendaStatus.DROPPED
        self.store.update_agenda_item(item)
        return item

    def keep_for_next(self, item_id: int) -> AgendaItem:
        """At confirmation: a dropped agenda item goes back to the parking lot, so the next
        meeting carries it (undoes ``drop_carried_item``)."""
        item = self.store.get_agenda_item(item_id)
        if item is None:
            raise NotFound(_("No agenda item with id {id}").format(id=item_id))
        if self.services.meeting(item.meeting_id).status != MeetingStatus.ENDED:
            raise Conflict(_("Only an ended meeting's carried items can be dropped"))
        if item.status == AgendaStatus.DROPPED:
            item.status = AgendaStatus.PARKED
            self.store.update_agenda_item(item)
        return item

    def confirm(self, meeting_id: int) -> Summary:
        """Close the review: allowed once every decision, action and parked item is answered."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status != MeetingStatus.ENDED:
            raise Conflict(_("Only an ended meeting can be confirmed"))
        problems = self.open_questions(meeting_id)
        if problems:
            raise Conflict(problems[0])
        meeting.status = MeetingStatus.CONFIRMED
        self.store.update_meeting(meeting)
        backup_store(self.store, "meeting")  # a verified, rotating copy of the confirmed state
        return self.summary(meeting_id)

    def summary(self, meeting_id: int) -> Summary:
        state = self.state(meeting_id)
        meeting = state.meeting
        detail = self.services.meeting_detail(meeting_id)
        absent = [
            a.person
            for a in detail.attendees
            if a.required and a.status in (AttendanceStatus.ABSENT, AttendanceStatus.INVITED)
        ]
        return Summary(
            meeting=meeting,
            planned_minutes=meeting.planned_minutes,
            actual_minutes=whole_minutes(state.elapsed),
            late_minutes=whole_minutes(state.late_by),
            items=state.items,
            decisions=detail.decisions,
            actions=detail.actions,
            absent_required=absent,
        )
