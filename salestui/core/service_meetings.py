"""The service layer's meetings: plan them (create, edit, agenda, invitations) and read
them with their agenda, attendance, series and decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from salestui.core.boundary import storage_boundary
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.journal import MEETING, meeting_scopes
from salestui.core.models import (
    ActionItem,
    AgendaItem,
    AgendaKind,
    Attendance,
    AttendanceStatus,
    Decision,
    Entry,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Series,
)
from salestui.core.people_order import sort_people
from salestui.core.service_base import MAX_TIMEBOX, build
from salestui.core.service_people import PeopleServices
from salestui.i18n import _


@dataclass
class AttendeeView:
    person: Person
    required: bool
    status: AttendanceStatus
    arrived_at: datetime | None = None


@dataclass
class MeetingDetail:
    meeting: Meeting
    chair: Person | None
    agenda: list[AgendaItem]
    attendees: list[AttendeeView]
    entries: list[Entry]
    decisions: list[Decision]
    actions: list[ActionItem]
    people: dict[int, Person] = field(default_factory=dict)

    @property
    def agenda_minutes(self) -> int:
        return sum(item.timebox_minutes for item in self.agenda)

    @property
    def over_length(self) -> bool:
        return self.agenda_minutes > self.meeting.planned_minutes


@storage_boundary
class MeetingServices(PeopleServices):
    """Meetings: plan, edit and read them."""

    def meeting(self, meeting_id: int) -> Meeting:
        found = self.store.get_meeting(meeting_id)
        if found is None:
            raise NotFound(_("No meeting with id {id}").format(id=meeting_id))
        return found

    def new_meeting(
        self,
        title: str,
        purpose: str,
        kind: MeetingKind | str = MeetingKind.OTHER,
        start: datetime | None = None,
        minutes: int = 60,
        chair: str | int | None = None,
        location: str | None = None,
        series_id: int | None = None,
    ) -> Meeting:
        try:
            kind = MeetingKind(kind)
        except ValueError as error:
            raise InvalidInput(_("Unknown meeting kind: {kind}").format(kind=kind)) from error
        chair_id = self._resolve_person_id(chair)
        meeting = build(
            Meeting,
            title=title,
            purpose=purpose,
            kind=kind,
            scheduled_start=start,
            planned_minutes=minutes,
            chair_id=chair_id,
            location=location or None,
            series_id=series_id,
        )
        summary = _("New meeting “{title}”").format(title=meeting.title)
        with self.journal.step(MEETING, summary=summary) as step:
            added = self.store.add_meeting(meeting, self.clock.now())
            assert added.id is not None
            step.created(*meeting_scopes(added.id))
        return added

    def meetings(self, **filters: object) -> list[Meeting]:
        return self.store.list_meetings(**filters)  # type: ignore[arg-type]

    def upcoming_meetings(self, days: int = 7) -> list[Meeting]:
        """Meetings from the start of today to ``days`` ahead, plus any still running."""
        now = self.clock.now()
        start_of_today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        found = self.store.list_meetings(
            start_from=start_of_today, start_before=start_of_today + timedelta(days=days + 1)
        )
        running = self.store.list_meetings(status=MeetingStatus.RUNNING)
        seen = {m.id for m in found}
        return [m for m in running if m.id not in seen] + found

    def meeting_detail(
        self,
        meeting_id: int,
        people: dict[int, Person] | None = None,
        read_only: bool = False,
        meeting: Meeting | None = None,
    ) -> MeetingDetail:
        """The meeting with all it holds; ``people``: everyone by id, if already read;
        ``read_only``: its action items are for reading, never written back; ``meeting``:
        the meeting itself, if just read (an archive lists them all first)."""
        meeting = self.meeting(meeting_id) if meeting is None else meeting
        people = self.people_by_id() if people is None else people
        attendees = sort_people(
            (
                AttendeeView(people[a.person_id], a.required, a.status, a.arrived_at)
                for a in self.store.list_attendance(meeting_id)
                if a.person_id in people
            ),
            people,
            lambda a: a.person,
        )
        return MeetingDetail(
            meeting=meeting,
            chair=people.get(meeting.chair_id) if meeting.chair_id else None,
            agenda=self.store.list_agenda(meeting_id),
            attendees=attendees,
            entries=self.store.list_entries(meeting_id),
            decisions=self.store.list_decisions(meeting_id),
            actions=self.store.actions_of_meeting(meeting_id, for_update=not read_only),
            people=people,
        )

    def add_agenda_item(
        self,
        meeting_id: int,
        title: str,
        minutes: int = 10,
        presenter: str | int | None = None,
        kind: AgendaKind | str = AgendaKind.DISCUSSION,
    ) -> AgendaItem:
        self.meeting(meeting_id)
        if not isinstance(minutes, int) or minutes <= 0 or minutes > MAX_TIMEBOX:
            raise InvalidInput(
                _("A timebox must be between 1 and {max} minutes").format(max=MAX_TIMEBOX)
            )
        try:
            kind = AgendaKind(kind)
        except ValueError as error:
            raise InvalidInput(_("Unknown agenda item kind: {kind}").format(kind=kind)) from error
        presenter_id = self._resolve_person_id(presenter)
        item = build(
            AgendaItem,
            meeting_id=meeting_id,
            title=title,
            timebox_minutes=minutes,
            presenter_id=presenter_id,
            kind=kind,
        )
        with self.journal.meeting_step(meeting_id, _("added “{item}”").format(item=item.title)):
            return self.store.add_agenda_item(item)

    def invite(
        self, meeting_id: int, who: Sequence[str | int], required: bool = True
    ) -> list[Person]:
        """Invite people (all resolved before anything is written)."""
        self.meeting(meeting_id)
        invited = [self.person(w) if isinstance(w, int) else self.find_person(w) for w in who]
        if not invited:
            raise InvalidInput(_("Name at least one person to invite"))
        existing = {a.person_id: a for a in self.store.list_attendance(meeting_id)}
        change = _("invited {names}").format(names=", ".join(p.name for p in invited))
        with self.journal.meeting_step(meeting_id, change):
            for person in invited:
                assert person.id is not None
                previous = existing.get(person.id)
                self.store.set_attendance(
                    Attendance(
                        meeting_id=meeting_id,
                        person_id=person.id,
                        required=required,
                        status=previous.status if previous else AttendanceStatus.INVITED,
                        arrived_at=previous.arrived_at if previous else None,
                    )
                )
        return invited

    def mark_circulated(self, meeting_id: int) -> Meeting:
        meeting = self.meeting(meeting_id)
        meeting.agenda_circulated_at = self.clock.now()
        if meeting.status == MeetingStatus.DRAFT:
            meeting.status = MeetingStatus.CIRCULATED
        with self.journal.meeting_step(meeting_id, _("agenda circulated")):
            self.store.update_meeting(meeting)
        return meeting

    def edit_meeting(
        self,
        meeting_id: int,
        *,
        title: str,
        purpose: str,
        kind: MeetingKind | str,
        start: datetime | None,
        minutes: int,
        chair: str | int | None = None,
        location: str | None = None,
    ) -> Meeting:
        """Change what a planned meeting is (its agenda has its own operations). A meeting
        that has ended is the record of what happened: it can no longer be edited."""
        try:
            kind = MeetingKind(kind)
        except ValueError as error:
            raise InvalidInput(_("Unknown meeting kind: {kind}").format(kind=kind)) from error
        chair_id = self._resolve_person_id(chair)
        # read, check and write as one step (of the journal)
        with self.journal.meeting_step(meeting_id, _("details edited")):
            meeting = self.meeting(meeting_id)
            if meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
                raise Conflict(_("This meeting has ended; it can no longer be planned"))
            data = meeting.model_dump() | {
                "title": title,
                "kind": kind,
                "purpose": purpose,
                "chair_id": chair_id,
                "scheduled_start": start,
                "planned_minutes": minutes,
                "location": location or None,
            }
            updated: Meeting = build(Meeting, **data)
            self.store.update_meeting(updated)
        return updated

    def find_meeting(self, meeting_id: int) -> Meeting | None:
        """The meeting with that id, or None."""
        return self.store.get_meeting(meeting_id)

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        return self.store.list_agenda(meeting_id)

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return self.store.list_attendance(meeting_id)

    def series(self, series_id: int) -> Series | None:
        return self.store.get_series(series_id)

    def all_series(self) -> list[Series]:
        return self.store.list_series()

    def decision(self, decision_id: int) -> Decision | None:
        return self.store.get_decision(decision_id)

    def decisions(self, meeting_id: int) -> list[Decision]:
        return self.store.list_decisions(meeting_id)

    def reviewed_action_ids(self, meeting_id: int) -> set[int]:
        """The previous actions already answered in this meeting's review."""
        return self.store.reviewed_action_ids(meeting_id)

    def meeting_actions(self, meeting_id: int) -> list[ActionItem]:
        """The action items a meeting produced."""
        return self.store.actions_of_meeting(meeting_id)
