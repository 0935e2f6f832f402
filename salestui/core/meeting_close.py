"""Ending a live meeting and confirming it: the end itself, the answers the confirmation
asks for (decisions, actions' owners and dates, the parking lot, items carried too often),
the questions still open, the confirmation and the meeting's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from salestui.core.backup import backup_store
from salestui.core.cycle import REVIEW_ITEM_TITLE, carry_into_planned, planned_after
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.followup import must_resolve
from salestui.core.journal import meeting_scopes
from salestui.core.meeting_agenda import AgendaFlow
from salestui.core.meeting_capture import Captures
from salestui.core.meeting_review import Reviews, action_scopes
from salestui.core.models import (
    ActionItem,
    AgendaItem,
    AgendaStatus,
    AttendanceStatus,
    Decision,
    DecisionStatus,
    Entry,
    EntryKind,
    Meeting,
    MeetingStatus,
    Person,
)
from salestui.core.text import clean_text
from salestui.core.timing import ItemTime, whole_minutes
from salestui.i18n import _


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


class Closing:
    """The end of a meeting and everything its confirmation needs."""

    def __init__(self, flow: AgendaFlow, captures: Captures, reviews: Reviews) -> None:
        self.flow = flow
        self.captures = captures
        self.reviews = reviews
        self.services = flow.services
        self.store = flow.store
        self.undo_log = flow.undo_log

    def end(self, meeting_id: int) -> Meeting:
        self.flow.running(meeting_id)
        now = self.flow.now
        with self.store.transaction():  # read and write as one step
            meeting = self.flow.running(meeting_id)
            current = self.flow.current(meeting_id)
            if current is not None:
                self.flow.pause(current, now, AgendaStatus.DONE)
            self.store.end_speaking_turns(meeting_id, now)
            meeting.status = MeetingStatus.ENDED
            meeting.actual_end = now
            self.store.update_meeting(meeting)
        return meeting

    # -- the answers ------------------------------------------------------------------------

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
        scopes = action_scopes(action_id) if action.meeting_id is not None else []
        with self.undo_log.record(action.meeting_id or 0, "settle", action.title, *scopes):
            if leave_unassigned:
                action.unassigned_ok = True
                self.store.update_action(action, self.flow.now)
                return action
            return self.services.edit_action(
                action_id,
                owners=owners,
                due=due,  # type: ignore[arg-type]
            )

    def parking_lot(self, meeting_id: int) -> list[Entry]:
        return [e for e in self.store.list_entries(meeting_id) if e.kind == EntryKind.PARK]

    def resolve_parked(
        self, entry_id: int, disposition: str, owners: list[str] | None = None
    ) -> ActionItem | None:
        """A parking-lot entry becomes a next-meeting item, an action, or is dropped."""
        entry = self.captures.entry(entry_id)
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
                    agenda_item_id=entry.agenda_item_id, confidential=entry.confidential,
                )  # fmt: skip
                recording.created(("action_items", {"id": created.id}))
                return created
        return None

    # -- carried agenda items ---------------------------------------------------------------

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
        change = _("dropped “{item}”").format(item=item.title)
        with self.services.journal.meeting_step(item.meeting_id, change):
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
            change = _("kept “{item}” for the next meeting").format(item=item.title)
            with self.services.journal.meeting_step(item.meeting_id, change):
                self.store.update_agenda_item(item)
        return item

    # -- the confirmation -------------------------------------------------------------------

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
        for row in self.reviews.must_resolve_actions(meeting_id):
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

    def confirm(self, meeting_id: int) -> Summary:
        """Close the review: allowed once every decision, action and parked item is answered."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status != MeetingStatus.ENDED:
            raise Conflict(_("Only an ended meeting can be confirmed"))
        problems = self.open_questions(meeting_id)
        if problems:
            raise Conflict(problems[0])
        meeting.status = MeetingStatus.CONFIRMED
        following = planned_after(self.store, meeting)
        with self.services.journal.meeting_step(meeting_id, _("minutes confirmed")) as step:
            self.store.update_meeting(meeting)
            if following is not None and following.id is not None:
                # The next meeting, planned already, takes what this one left open.
                step.watch(*meeting_scopes(following.id))
                carry_into_planned(self.store, meeting, following, _(REVIEW_ITEM_TITLE))
        backup_store(self.store, "meeting")  # a verified, rotating copy of the confirmed state
        return self.summary(meeting_id)

    def summary(self, meeting_id: int) -> Summary:
        state = self.flow.state(meeting_id)
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
