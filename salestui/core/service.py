"""Core services used alike by the CLI and the TUI: validate, then write through the store.

Messages in the exceptions raised here go through ``_()``; the store never builds text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pydantic import ValidationError

from salestui.core.clock import Clock
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionRow,
    ActionStatus,
    AgendaItem,
    AgendaKind,
    Attendance,
    AttendanceStatus,
    Decision,
    Entry,
    FollowUp,
    FollowUpKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Role,
    validation_message,
)
from salestui.core.people_order import sort_people
from salestui.core.store import ActionQuery, Store
from salestui.i18n import _

MAX_TIMEBOX = 480


def _build(model: type, **values: object):  # type: ignore[no-untyped-def]
    """A model from values; a bad value raises InvalidInput (the models do it themselves)."""
    try:
        return model(**values)
    except ValidationError as error:  # a model built with model_validate
        raise InvalidInput(validation_message(error)) from error


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


class Services:
    """The application's operations, bound to one store and one clock."""

    def __init__(self, store: Store, clock: Clock | None = None, me: str | None = None) -> None:
        self.store = store
        self.clock = clock or Clock()
        self._me_name = me

    # -- people ------------------------------------------------------------------------

    def people(self, team: str | None = None) -> list[Person]:
        return self.store.list_people(team=team)

    def people_by_id(self) -> dict[int, Person]:
        return {p.id: p for p in self.store.list_people(active_only=False) if p.id is not None}

    def person(self, person_id: int) -> Person:
        found = self.store.get_person(person_id)
        if found is None:
            raise NotFound(_("No person with id {id}").format(id=person_id))
        return found

    def find_person(self, query: str) -> Person:
        """A person by full name, unique prefix or pinyin initials."""
        query = query.strip().lstrip("@＠")
        if not query:
            raise InvalidInput(_("A name is needed"))
        if query.isdigit():
            return self.person(int(query))
        from salestui.core.names import match_person

        found = match_person(query, self.store.list_people())
        assert isinstance(found, Person)
        return found

    def add_person(
        self,
        name: str,
        role: Role | str = Role.MEMBER,
        team: str | None = None,
        reports_to: str | int | None = None,
        email: str | None = None,
    ) -> Person:
        manager_id = self._resolve_person_id(reports_to)
        try:
            role = Role(role)
        except ValueError as error:
            raise InvalidInput(_("Unknown role: {role}").format(role=role)) from error
        person = _build(Person, name=name, role=role, team=team, email=email)
        person.reports_to = manager_id
        if self.store.person_by_name(person.name):
            raise InvalidInput(_("Someone called {name} already exists").format(name=person.name))
        return self.store.add_person(person, self.clock.now())

    def edit_person(self, person_id: int, **changes: object) -> Person:
        person = self.person(person_id)
        if "reports_to" in changes:
            manager_id = self._resolve_person_id(changes.pop("reports_to"))  # type: ignore[arg-type]
            if manager_id == person_id or (
                manager_id is not None and manager_id in self.store.reports_of(person_id)
            ):
                raise InvalidInput(_("A person cannot report to themselves or their own staff"))
            changes["reports_to"] = manager_id
        data = person.model_dump() | changes
        updated = _build(Person, **data)
        other = self.store.person_by_name(updated.name)
        if other and other.id != person_id:
            raise InvalidInput(_("Someone called {name} already exists").format(name=updated.name))
        self.store.update_person(updated)
        return updated

    def _resolve_person_id(self, who: str | int | None) -> int | None:
        if who is None or who == "":
            return None
        if isinstance(who, int):
            return self.person(who).id
        return self.find_person(who).id

    def manager_of(self, person_id: int) -> Person | None:
        person = self.person(person_id)
        return self.store.get_person(person.reports_to) if person.reports_to else None

    def team_member_ids(self, team: str) -> list[int]:
        """Everyone in a team, or - when ``team`` names a person - that person and their
        whole reporting tree."""
        ids = self.store.team_member_ids(team)
        if ids:
            return ids
        if team in self.store.teams():
            return []
        lead = self.find_person(team)
        assert lead.id is not None
        return [lead.id, *self.store.reports_of(lead.id)]

    def set_me(self, name: str | None) -> None:
        """Who the user is from now on (a name, as ``find_person`` reads it)."""
        self._me_name = name

    @property
    def me_name(self) -> str | None:
        """The name given for the user, if any (``me()`` finds the person)."""
        return self._me_name

    @property
    def me_chosen(self) -> bool:
        """Whether anyone said who the user is (else ``me`` falls back to the director)."""
        return bool(self._me_name)

    def me(self) -> Person | None:
        """The user: config's ``me``, else the first director in the database."""
        if self._me_name:
            try:
                return self.find_person(self._me_name)
            except (NotFound, InvalidInput):
                return None
        for person in self.store.list_people():
            if person.role == Role.DIRECTOR:
                return person
        return None

    # -- meetings ----------------------------------------------------------------------

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
        meeting = _build(
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
        return self.store.add_meeting(meeting, self.clock.now())

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

    def meeting_detail(self, meeting_id: int) -> MeetingDetail:
        meeting = self.meeting(meeting_id)
        people = self.people_by_id()
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
            actions=self.store.actions_of_meeting(meeting_id),
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
        item = _build(
            AgendaItem,
            meeting_id=meeting_id,
            title=title,
            timebox_minutes=minutes,
            presenter_id=presenter_id,
            kind=kind,
        )
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
        with self.store.transaction():
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
        self.store.update_meeting(meeting)
        return meeting

    # -- actions ------------------------------------------------------------------------

    def action(self, action_id: int) -> ActionItem:
        found = self.store.get_action(action_id)
        if found is None:
            raise NotFound(_("No action item with id {id}").format(id=action_id))
        return found

    def add_action(
        self,
        title: str,
        owners: Sequence[str | int] = (),
        due: date | None = None,
        priority: int = 2,
        meeting_id: int | None = None,
        agenda_item_id: int | None = None,
        decision_id: int | None = None,
        tags: Sequence[str] = (),
    ) -> ActionItem:
        owner_ids = [pid for pid in (self._resolve_person_id(o) for o in owners) if pid]
        if meeting_id is not None:
            self.meeting(meeting_id)
        action = _build(
            ActionItem,
            title=title,
            owner_ids=owner_ids,
            due=due,
            priority=priority,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            decision_id=decision_id,
            tags=list(tags),
        )
        return self.store.add_action(action, self.clock.now())

    def action_query(
        self,
        *,
        owner: str | None = None,
        team: str | None = None,
        statuses: Sequence[ActionStatus | str] | None = None,
        overdue: bool = False,
        due_before: date | None = None,
        meeting_id: int | None = None,
        tag: str | None = None,
        priority: int | None = None,
        text: str | None = None,
        unassigned: bool = False,
        sort: str = "due",
    ) -> ActionQuery:
        """Turn user-level filters (names, team names) into a store query."""
        owner_ids: list[int] | None = None
        if owner:
            person = self.find_person(owner)
            assert person.id is not None
            owner_ids = [person.id]
        if team:
            members = self.team_member_ids(team)
            owner_ids = members if owner_ids is None else [i for i in owner_ids if i in members]
        parsed_statuses: list[ActionStatus] | None = None
        if statuses:
            try:
                parsed_statuses = [ActionStatus(s) for s in statuses]
            except ValueError as error:
                raise InvalidInput(
                    _("Unknown status. Use one of: {choices}").format(
                        choices=", ".join(s.value for s in ActionStatus)
                    )
                ) from error
        query = ActionQuery(
            owner_ids=owner_ids,
            statuses=parsed_statuses,
            due_before=due_before,
            meeting_id=meeting_id,
            tag=tag.lstrip("#") if tag else None,
            priority=priority,
            text=text,
            unassigned=unassigned,
            sort=sort,
        )
        if overdue:
            today = self.clock.today()
            query.due_before = min(today, due_before) if due_before else today
            query.statuses = [
                s for s in (parsed_statuses or OPEN_STATUSES) if s in OPEN_STATUSES
            ] or [ActionStatus.OPEN]
        return query

    def list_actions(
        self, query: ActionQuery, limit: int | None = None, offset: int = 0
    ) -> list[ActionRow]:
        return self.store.list_actions(query, limit=limit, offset=offset)

    def _log(self, action_id: int, kind: FollowUpKind, note: str = "", **extra: object) -> None:
        me = self.me()
        self.store.add_follow_up(
            FollowUp(
                action_id=action_id,
                at=self.clock.now(),
                author_id=me.id if me else None,
                kind=kind,
                note=note,
                **extra,  # type: ignore[arg-type]
            )
        )

    def set_status(self, action_id: int, status: ActionStatus | str, note: str = "") -> ActionItem:
        """The same change as the Actions screen makes (``ActionsService.set_status``): an
        item already in ``status`` is left as it is and nothing is logged."""
        from salestui.core.actions_service import ActionsService

        try:
            status = ActionStatus(status)
        except ValueError as error:
            raise InvalidInput(_("Unknown status: {status}").format(status=status)) from error
        ActionsService(self).set_status([action_id], status, note=note)
        return self.action(action_id)

    def _apply_status(self, action: ActionItem, status: ActionStatus) -> None:
        from salestui.core.actions_service import apply_status

        apply_status(action, status, self.clock.now())

    def mark_done(self, action_id: int, note: str = "") -> ActionItem:
        return self.set_status(action_id, ActionStatus.DONE, note)

    def edit_action(
        self,
        action_id: int,
        *,
        title: str | None = None,
        owners: Sequence[str | int] | None = None,
        due: date | None = None,
        clear_due: bool = False,
        priority: int | None = None,
        status: ActionStatus | str | None = None,
        tags: Sequence[str] | None = None,
    ) -> ActionItem:
        self.action(action_id)  # a missing item is reported before a bad owner
        owner_ids = None
        if owners is not None:
            owner_ids = [pid for pid in (self._resolve_person_id(o) for o in owners) if pid]
        if status is not None:
            try:
                status = ActionStatus(status)
            except ValueError as error:
                raise InvalidInput(_("Unknown status: {status}").format(status=status)) from error
        with self.store.transaction():  # read, change and write as one step
            action = self.action(action_id)
            data = action.model_dump()
            if title is not None:
                data["title"] = title
            if owner_ids is not None:
                data["owner_ids"] = owner_ids
            if due is not None:
                data["due"] = due
            if clear_due:
                data["due"] = None
            if priority is not None:
                data["priority"] = priority
            if tags is not None:
                data["tags"] = [t.lstrip("#") for t in tags]
            updated = _build(ActionItem, **data)
            if status is not None:
                self._apply_status(updated, status)
            self.store.update_action(updated, self.clock.now(), before=action)
            if owners is not None and updated.owner_ids != action.owner_ids:
                # One entry per new owner, naming them, as the actions screen records it.
                for person_id in updated.owner_ids or [None]:
                    self._log(action_id, FollowUpKind.REASSIGN, "", person_id=person_id)
            if status is not None and updated.status != action.status:
                self._log(action_id, FollowUpKind.STATUS, "", status=updated.status)
            if updated.due != action.due:
                self._log(action_id, FollowUpKind.EDIT, "", new_due=updated.due)
        return updated

    def add_follow_up(
        self,
        action_id: int,
        note: str,
        status: ActionStatus | str | None = None,
        new_due: date | None = None,
        next_check_in: date | None = None,
    ) -> FollowUp:
        self.action(action_id)  # a missing item is reported before a bad note
        follow_up = _build(
            FollowUp,
            action_id=action_id,
            note=note,
            at=self.clock.now(),
            new_due=new_due,
            next_check_in=next_check_in,
        )
        if not follow_up.note:
            raise InvalidInput(_("A follow-up needs a note"))
        if status is not None:
            try:
                follow_up.status = ActionStatus(status)
            except ValueError as error:
                raise InvalidInput(_("Unknown status: {status}").format(status=status)) from error
        me = self.me()
        follow_up.author_id = me.id if me else None
        with self.store.transaction():  # read, change and write as one step
            action = self.action(action_id)
            if follow_up.status is not None:
                self._apply_status(action, follow_up.status)
            if new_due is not None:
                action.due = new_due
            if next_check_in is not None:
                action.next_follow_up = next_check_in
            self.store.update_action(action, self.clock.now())
            return self.store.add_follow_up(follow_up)

    def follow_ups(self, action_id: int) -> list[FollowUp]:
        self.action(action_id)
        return self.store.list_follow_ups(action_id)
