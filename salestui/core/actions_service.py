"""Working on action items between meetings: follow-ups, statuses with their reasons,
reassigning with history, escalating, and bulk changes.

Every operation checks all of its input (names, dates, statuses) before it writes, and
writes in one transaction that is one step of the journal (``core.journal``): a bad name or
date changes nothing, and any change - of one item or of ten thousand - undoes as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from salestui.core import followup
from salestui.core.boundary import storage_boundary
from salestui.core.dates import parse_date
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.journal import ACTIONS, ItemChange, action_scopes
from salestui.core.models import (
    ActionItem,
    ActionListRow,
    ActionStatus,
    AgendaItem,
    Decision,
    FollowUp,
    Meeting,
    Person,
)
from salestui.core.service import Services
from salestui.core.text import clean_line
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.actions_bulk import BulkChanges

MAX_REASON = 200  # "waiting on" / "blocked by"


@dataclass
class Changed:
    """What a change did: how many items it changed (items already so are not counted),
    and its step in the journal (None when it changed nothing) - ``Journal.undo`` takes
    it back."""

    count: int
    step: int | None = None


@dataclass
class ActionDetail:
    action: ActionItem
    row: ActionListRow
    owners: list[Person]
    meeting: Meeting | None
    agenda_item: AgendaItem | None
    decision: Decision | None
    follow_ups: list[FollowUp]
    people: dict[int, Person]
    urgency: followup.Urgency
    changes: list[ItemChange]  # what the follow-ups leave out: who created it, edits...


@dataclass
class TeamLine:
    person: Person
    depth: int  # 0 = me, 1 = reports to me, ...
    open: int = 0
    overdue: int = 0
    done_this_week: int = 0
    oldest: ActionListRow | None = None


def parse_optional_date(text: str, today: date) -> date | None:
    """A natural date (``fri``, ``下周五``, ``12/5``); empty text is no date."""
    text = text.strip()
    return parse_date(text, today) if text else None


def parse_status(value: ActionStatus | str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError as error:
        raise InvalidInput(_("Unknown status: {status}").format(status=value)) from error


@storage_boundary
class ActionsService:
    """Operations on action items used by the actions screen (and fit for the CLI)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- reading ------------------------------------------------------------------------

    def detail(self, action_id: int) -> ActionDetail:
        action = self.services.action(action_id)
        rows = self.store.action_rows([action_id])
        if not rows:
            raise NotFound(_("No action item with id {id}").format(id=action_id))
        people = self.services.people_by_id()
        meeting = self.store.get_meeting(action.meeting_id) if action.meeting_id else None
        item = self.store.get_agenda_item(action.agenda_item_id) if action.agenda_item_id else None
        decision = self.store.get_decision(action.decision_id) if action.decision_id else None
        return ActionDetail(
            action=action,
            row=rows[0],
            owners=[people[i] for i in action.owner_ids if i in people],
            meeting=meeting,
            agenda_item=item,
            decision=decision,
            follow_ups=self.store.list_follow_ups(action_id),
            people=people,
            urgency=followup.urgency(rows[0], self.services.clock.today()),
            changes=self.services.journal.item_changes(action_id),
        )

    def team(self, lead: Person) -> list[TeamLine]:
        """The lead and everyone below them (depth first, by name), with their counts."""
        assert lead.id is not None
        people = self.services.people_by_id()
        children: dict[int, list[Person]] = {}
        for person in people.values():
            if person.reports_to is not None and person.active:
                children.setdefault(person.reports_to, []).append(person)
        lines: list[TeamLine] = []

        def walk(person: Person, depth: int) -> None:
            lines.append(TeamLine(person, depth))
            for child in sorted(children.get(person.id or 0, []), key=lambda p: p.name):
                if all(line.person.id != child.id for line in lines):  # no loops
                    walk(child, depth + 1)

        walk(lead, 0)
        today = self.services.clock.today()
        monday = today - timedelta(days=today.weekday())
        since = datetime.combine(monday, time(0)).astimezone()
        ids = [line.person.id for line in lines if line.person.id is not None]
        stats = self.store.owner_stats(ids, today, since)
        oldest_ids = {pid: self.store.oldest_open_action(pid) for pid in ids}
        oldest_rows = {
            row.id: row for row in self.store.action_rows([i for i in oldest_ids.values() if i])
        }
        for line in lines:
            pid = line.person.id or 0
            line.open, line.overdue, line.done_this_week = stats.get(pid, (0, 0, 0))
            oldest = oldest_ids.get(pid)
            line.oldest = oldest_rows.get(oldest) if oldest else None
        return lines

    # -- one item -------------------------------------------------------------------------

    def add_follow_up(
        self,
        action_id: int,
        note: str,
        status: ActionStatus | str | None = None,
        new_due: date | None = None,
        next_check_in: date | None = None,
        reason: str = "",
    ) -> FollowUp:
        """Log a follow-up; ``reason`` says on whom it waits or by what it is blocked."""
        if status is not None:
            status = parse_status(status)
            self._check_reason(status, reason)
        with self.services.journal.step(ACTIONS, *action_scopes([action_id])):
            logged = self.services.add_follow_up(
                action_id, note, status=status, new_due=new_due, next_check_in=next_check_in
            )
            if status is not None:
                action = self.services.action(action_id)
                self._apply_reason(action, status, reason)
                self.store.update_action(action, self.services.clock.now())
        return logged

    def escalate(self, action_id: int, note: str = "") -> Person:
        """One level up the owner's reporting line (never skipping one)."""
        return followup.escalate(self.services, action_id, note)

    def escalation_target(self, action_id: int) -> Person:
        return followup.escalation_target(self.services, action_id)

    # -- one or many, with undo ---------------------------------------------------------

    def set_status(
        self, ids: Sequence[int], status: ActionStatus | str, reason: str = "", note: str = ""
    ) -> Changed:
        """Set the status of every item; ``done`` records the completion time, a reopened
        item loses it. ``reason``: on whom it waits / by what it is blocked."""
        bulk = self._bulk()
        return bulk.apply(ids, bulk.modification(status=status, reason=reason), note)

    def mark_done(self, ids: Sequence[int]) -> Changed:
        return self.set_status(ids, ActionStatus.DONE)

    def reassign(self, ids: Sequence[int], owners: Sequence[str | int], note: str = "") -> Changed:
        """Give every item to ``owners`` (replacing the owners it had). The log keeps one
        reassign entry per new owner, so the history shows who had it when."""
        bulk = self._bulk()
        return bulk.apply(ids, bulk.modification(owners=list(owners)), note)

    def set_due(self, ids: Sequence[int], due: date | None) -> Changed:
        """Move every item's due date (``None`` clears it)."""
        bulk = self._bulk()
        return bulk.apply(ids, bulk.modification(due=due, clear_due=due is None))

    def _bulk(self) -> BulkChanges:
        """Every change of one or many items goes through ``BulkChanges``: one journal step,
        the items read and written together (10,000 at once in well under 2 s)."""
        from salestui.core.actions_bulk import BulkChanges

        return BulkChanges(self.services)

    # -- helpers ----------------------------------------------------------------------------

    def _actions(self, ids: Sequence[int]) -> list[ActionItem]:
        """The items, read together (a bulk change of 10,000 reads them in three queries);
        an id that is not there is reported and nothing changes."""
        if not ids:
            raise InvalidInput(_("No action items chosen"))
        wanted = list(dict.fromkeys(ids))
        found = self.store.actions_by_ids(wanted)
        if len(found) != len(wanted):
            there = {a.id for a in found}
            missing = next(i for i in wanted if i not in there)
            raise NotFound(_("No action item with id {id}").format(id=missing))
        return found

    def _person(self, who: str | int) -> Person:
        return self.services.person(who) if isinstance(who, int) else self.services.find_person(who)

    @staticmethod
    def _check_reason(status: ActionStatus, reason: str) -> None:
        if len(reason.strip()) > MAX_REASON:
            raise InvalidInput(_("{field} is too long").format(field=_("reason")))
        if status in (ActionStatus.WAITING, ActionStatus.BLOCKED):
            return
        if reason.strip():
            raise InvalidInput(_("Only a waiting or blocked item takes a reason"))

    @staticmethod
    def _apply_reason(action: ActionItem, status: ActionStatus, reason: str) -> None:
        _apply_reason(action, status, reason)

    def _author(self) -> int | None:
        me = self.services.me()
        return me.id if me else None


def status_values(
    action: ActionItem, status: ActionStatus, now: datetime, reason: str = ""
) -> dict[str, object]:
    """The one rule for a status change, whoever makes it (the CLI, the TUI, a follow-up,
    a bulk change): ``done`` records when (once), any other status clears it; waiting /
    blocked keep their reason (a new one replaces it), every other status clears both
    reasons. Returns the fields to set."""
    done = status == ActionStatus.DONE
    values: dict[str, object] = {
        "status": status,
        "completed_at": (action.completed_at or now) if done else None,
    }
    values.update(_reason_values(action, status, reason))
    return values


def apply_status(action: ActionItem, status: ActionStatus, now: datetime, reason: str = "") -> None:
    """``status_values`` set on ``action``."""
    for name, value in status_values(action, status, now, reason).items():
        setattr(action, name, value)


def _apply_reason(action: ActionItem, status: ActionStatus, reason: str) -> None:
    for name, value in _reason_values(action, status, reason).items():
        setattr(action, name, value)


def _reason_values(action: ActionItem, status: ActionStatus, reason: str) -> dict[str, object]:
    reason = clean_line(reason)
    if status == ActionStatus.WAITING:
        return {"waiting_on": reason or action.waiting_on, "blocked_by": None}
    if status == ActionStatus.BLOCKED:
        return {"blocked_by": reason or action.blocked_by, "waiting_on": None}
    return {"waiting_on": None, "blocked_by": None}
