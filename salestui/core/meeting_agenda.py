"""The live meeting's agenda flow and timers: which item runs, moving between items,
changing a timebox, and the live state (every time derived from stored timestamps).

Every move is one immediate transaction that reads the agenda inside it, so two processes
moving at once queue one behind the other and never leave two items active.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from salestui.core.errors import Conflict, NotFound
from salestui.core.meeting_scribe import Scribes
from salestui.core.meeting_undo import Recording, UndoLog
from salestui.core.models import AgendaItem, AgendaStatus, Meeting, MeetingStatus
from salestui.core.service import MAX_TIMEBOX, Services
from salestui.core.timing import ItemTime
from salestui.i18n import _


def span(start: datetime | None, end: datetime) -> timedelta:
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


class AgendaFlow:
    """The agenda of a running meeting: its current item, its moves and its timers."""

    def __init__(self, services: Services, undo_log: UndoLog, scribes: Scribes) -> None:
        self.services = services
        self.store = services.store
        self.undo_log = undo_log
        self.scribes = scribes

    @property
    def now(self) -> datetime:
        return self.services.clock.now()

    # -- the running meeting and its current item ----------------------------------------

    def running(self, meeting_id: int) -> Meeting:
        """The meeting, if it runs and "me" may change it."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status != MeetingStatus.RUNNING:
            raise Conflict(_("The meeting is not running"))
        self.scribes.check(meeting)
        return meeting

    def current(self, meeting_id: int) -> AgendaItem | None:
        """The active item of the meeting, if one is."""
        return next(
            (i for i in self.store.list_agenda(meeting_id) if i.status == AgendaStatus.ACTIVE),
            None,
        )

    @staticmethod
    def elapsed(item: AgendaItem, now: datetime) -> timedelta:
        """Time spent on an item; never negative, even when the clock was set back."""
        return span(item.started_at, now) + max(
            timedelta(seconds=item.elapsed_seconds), timedelta(0)
        )

    def activate(self, item: AgendaItem, now: datetime) -> None:
        """Make ``item`` the running one from ``now``."""
        item.status = AgendaStatus.ACTIVE
        item.started_at = now
        self.store.update_agenda_item(item)

    def pause(self, item: AgendaItem, now: datetime, status: AgendaStatus) -> None:
        """Stop ``item``'s clock at ``now`` (its time is kept) and leave it as ``status``."""
        item.elapsed_seconds = int(self.elapsed(item, now).total_seconds())
        item.started_at = None
        item.status = status
        self.store.update_agenda_item(item)

    # -- the live state ---------------------------------------------------------------------

    def state(self, meeting_id: int) -> LiveState:
        """Every item's time, the meeting's elapsed time and its forecast end, at now (or at
        the meeting's end once it ended)."""
        meeting = self.services.meeting(meeting_id)
        return self.state_of(meeting, self.store.list_agenda(meeting_id))

    def state_of(self, meeting: Meeting, agenda: list[AgendaItem]) -> LiveState:
        """``state`` of a meeting and its agenda already read."""
        now = self.now
        if meeting.status != MeetingStatus.RUNNING and meeting.actual_end:
            now = meeting.actual_end
        items = [ItemTime(i, self.elapsed(i, now)) for i in agenda]
        current = next((i for i in items if i.item.status == AgendaStatus.ACTIVE), None)
        start = meeting.actual_start
        elapsed = span(start, now)
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

    # -- moves ------------------------------------------------------------------------------

    def _flow(self, meeting_id: int, operation: str) -> AbstractContextManager[Recording]:
        """Record an agenda move or timebox change for undo (the current item names it)."""
        current = self.current(meeting_id)
        return self.undo_log.record(
            meeting_id,
            operation,
            current.title if current else "",
            ("agenda_items", {"meeting_id": meeting_id}),
        )

    def _move(self, meeting_id: int, leave_as: AgendaStatus, direction: int) -> AgendaItem | None:
        # One immediate transaction: the agenda is read inside it, so two processes moving
        # at once queue one behind the other and never leave two items active.
        with self.store.transaction():
            self.running(meeting_id)
            now = self.now
            agenda = self.store.list_agenda(meeting_id)
            current_index = next(
                (n for n, i in enumerate(agenda) if i.status == AgendaStatus.ACTIVE), None
            )
            if current_index is not None:
                self.pause(agenda[current_index], now, leave_as)
            if direction > 0:
                start = current_index + 1 if current_index is not None else 0
                target = next((i for i in agenda[start:] if i.status == AgendaStatus.PENDING), None)
            else:
                stop = current_index if current_index is not None else len(agenda)
                target = agenda[stop - 1] if stop > 0 else None
                if target is None and current_index is not None:
                    target = agenda[current_index]  # nothing before: stay on this one
            if target is not None:
                self.activate(target, now)
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
            self.running(meeting_id)
            target = self.store.get_agenda_item(item_id)
            if target is None or target.meeting_id != meeting_id:
                raise NotFound(_("No agenda item with id {id}").format(id=item_id))
            now = self.now
            current = self.current(meeting_id)
            if current is not None and current.id != item_id:
                self.pause(current, now, AgendaStatus.PENDING)
            if target.status != AgendaStatus.ACTIVE:
                self.activate(target, now)
        return target

    def extend(self, meeting_id: int, minutes: int) -> AgendaItem:
        """Add (or with a negative number, take) minutes from the current item's time.

        The planned timebox is kept as it was; the change is stored apart, in
        ``extended_minutes``, and planned + extended stays between 1 and ``MAX_TIMEBOX``.
        """
        self.running(meeting_id)
        current = self.current(meeting_id)
        if current is None:
            raise Conflict(_("No agenda item is running"))
        with self._flow(meeting_id, "extend"):
            planned = current.timebox_minutes
            allowed = max(1, min(MAX_TIMEBOX, planned + current.extended_minutes + minutes))
            current.extended_minutes = allowed - planned
            self.store.update_agenda_item(current)
        return current
