"""The service layer's action items: add, query, edit, follow up and change status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.journal import ACTIONS, action_scopes, created_action_scopes
from salestui.core.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionQuery,
    ActionRow,
    ActionStatus,
    FollowUp,
    FollowUpKind,
)
from salestui.core.service_base import build
from salestui.core.service_meetings import MeetingServices
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.service import Services


@storage_boundary
class ActionServices(MeetingServices):
    """Action items between meetings."""

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
        confidential: bool = False,
    ) -> ActionItem:
        owner_ids = [pid for pid in (self._resolve_person_id(o) for o in owners) if pid]
        if meeting_id is not None:
            self.meeting(meeting_id)
        action = build(
            ActionItem,
            title=title,
            owner_ids=owner_ids,
            due=due,
            priority=priority,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            decision_id=decision_id,
            tags=list(tags),
            confidential=confidential,
        )
        with self.journal.step(ACTIONS) as step:
            added = self.store.add_action(action, self.clock.now())
            assert added.id is not None
            step.created(*created_action_scopes(added.id))
        return added

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
        ActionsService(cast("Services", self)).set_status([action_id], status, note=note)
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
        note: str = "",
    ) -> ActionItem:
        """Change what is given; ``note`` goes with the history entries the change writes.
        A change that leaves the item as it was writes nothing."""
        self.action(action_id)  # a missing item is reported before a bad owner
        owner_ids = None
        if owners is not None:
            owner_ids = [pid for pid in (self._resolve_person_id(o) for o in owners) if pid]
        if status is not None:
            try:
                status = ActionStatus(status)
            except ValueError as error:
                raise InvalidInput(_("Unknown status: {status}").format(status=status)) from error
        # read, change and write as one step (of the journal)
        with self.journal.step(ACTIONS, *action_scopes([action_id])):
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
            updated = build(ActionItem, **data)
            if status is not None:
                self._apply_status(updated, status)
            if updated == action:
                return updated
            self.store.update_action(updated, self.clock.now(), before=action)
            if owners is not None and updated.owner_ids != action.owner_ids:
                # One entry per new owner, naming them, as the actions screen records it.
                for person_id in updated.owner_ids or [None]:
                    self._log(action_id, FollowUpKind.REASSIGN, note, person_id=person_id)
            if status is not None and updated.status != action.status:
                self._log(action_id, FollowUpKind.STATUS, note, status=updated.status)
            if updated.due != action.due:
                self._log(action_id, FollowUpKind.EDIT, note, new_due=updated.due)
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
        follow_up = build(
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
        # read, change and write as one step (of the journal)
        with self.journal.step(ACTIONS, *action_scopes([action_id])):
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

    def count_actions(self, query: ActionQuery) -> int:
        return self.store.count_actions(query)

    def has_actions(self) -> bool:
        """Whether the database holds any action item at all."""
        return bool(self.store.count("action_items"))

    def change_marks(self) -> tuple[int, int]:
        """A bookmark in the items' history, for ``changes_since``."""
        return self.store.change_marks()

    def changes_since(self, marks: tuple[int, int]) -> tuple[list[tuple[str, int]], int]:
        """Who changed how many items since ``marks`` (a name, or "" when the history does
        not say), and how many items were added."""
        authors, added = self.store.changes_since(marks)
        people = self.people_by_id() if authors else {}
        named = [
            (people[author].name if author in people else "", items) for author, items in authors
        ]
        return named, added

    def escalated_to(self, person_id: int) -> list[int]:
        """The open items escalated to the person that they have not answered yet (no
        follow-up, status change or other entry of theirs since), newest escalation first."""
        return [action_id for _f, action_id, _at in self.store.escalations_to(person_id)]

    def action_ids_for_entries(self, entry_ids: Sequence[int]) -> dict[int, int]:
        """Entry id -> the id of the action item it stands for."""
        return self.store.action_ids_for_entries(entry_ids)
