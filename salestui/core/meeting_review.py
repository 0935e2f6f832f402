"""Review of previous actions in a live meeting: which open actions come up, the meeting's
answer on each (stored as a follow-up), and the actions carried so often that they must be
resolved before the meeting can be confirmed."""

from __future__ import annotations

from salestui.core.actions_service import apply_status
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.followup import escalate, must_resolve
from salestui.core.meeting_agenda import AgendaFlow
from salestui.core.models import (
    OPEN_STATUSES,
    ActionRow,
    ActionStatus,
    FollowUp,
    FollowUpKind,
    Meeting,
    MeetingStatus,
)
from salestui.core.store import ActionQuery, Store
from salestui.core.store.undo import Scope
from salestui.i18n import N_, _

REVIEW_OUTCOMES = ("done", "open", "new_due", "drop", "escalate")
MUST_RESOLVE_REASON = N_(
    "Carried {count} times: it must be resolved now (done, new due date, dropped or escalated)"
)


def action_scopes(action_id: int) -> list[Scope]:
    """The rows an answer on one action may change (for undo)."""
    return [("action_items", {"id": action_id})] + [
        (table, {"action_id": action_id})
        for table in ("action_owners", "action_tags", "follow_ups")
    ]


def series_open_actions(store: Store, meeting: Meeting) -> list[ActionRow]:
    """Open actions from the other meetings of ``meeting``'s series (none without one)."""
    if meeting.series_id is None:
        return []
    rows = store.list_actions(
        ActionQuery(series_id=meeting.series_id, statuses=list(OPEN_STATUSES))
    )
    return [r for r in rows if r.meeting_id != meeting.id]


class Reviews:
    """The review of earlier meetings' open actions in one meeting."""

    def __init__(self, flow: AgendaFlow) -> None:
        self.flow = flow
        self.services = flow.services
        self.store = flow.store
        self.undo_log = flow.undo_log

    def review_candidates(self, meeting_id: int) -> list[ActionRow]:
        """Open actions from earlier meetings of the series, or owned by the attendees,
        not yet reviewed in this meeting; must-resolve (carried 3+) first."""
        meeting = self.services.meeting(meeting_id)
        found: dict[int, ActionRow] = {r.id: r for r in series_open_actions(self.store, meeting)}
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
        self.flow.scribes.check(self.services.meeting(meeting_id))
        title = self.services.action(action_id).title
        if outcome not in REVIEW_OUTCOMES:
            raise InvalidInput(_("Unknown review outcome: {outcome}").format(outcome=outcome))
        now = self.flow.now
        me = self.services.me()
        with self.undo_log.record(meeting_id, "review", title, *action_scopes(action_id)):
            # Read the action inside the write transaction (a follow-up logged meanwhile by
            # another process is not overwritten with what was read before it).
            action = self.services.action(action_id)
            if outcome == "open" and must_resolve(action.carried_count):
                raise Conflict(_(MUST_RESOLVE_REASON).format(count=action.carried_count))
            status = None
            if outcome in ("done", "drop"):  # the one status rule every front end follows
                status = ActionStatus.DONE if outcome == "done" else ActionStatus.CANCELLED
                apply_status(action, status, now)
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

    def must_resolve_actions(self, meeting_id: int) -> list[ActionRow]:
        """Open actions of the series carried three times and not yet answered in this
        meeting with done, a new date, drop or escalate (``open`` is refused for them)."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status == MeetingStatus.CONFIRMED or self._series_moved_on(meeting):
            return []  # the carry counts now are a later meeting's, not this one's
        reviewed = self.store.reviewed_action_ids(meeting_id)
        return [
            r
            for r in series_open_actions(self.store, meeting)
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
