"""Action lifecycle rules: escalation along reporting lines, urgency, must-resolve.

The urgency weights are module constants so that the store's SQL (which sorts 100,000
rows by urgency without loading them) reads the same numbers as ``urgency`` below; a test
checks that the two agree row for row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from salestui.core.errors import InvalidInput
from salestui.core.models import ActionRow, ActionStatus, FollowUp, FollowUpKind, Person
from salestui.i18n import _, ngettext

if TYPE_CHECKING:  # the store imports the weights below; Services imports the store
    from salestui.core.service import Services

MUST_RESOLVE_AFTER = 3  # carries; then the next review requires a decision

# -- the urgency formula (README, "Urgency") -------------------------------------------------
OVERDUE_PER_DAY = 3
OVERDUE_MAX = 45  # reached after 15 days late
DUE_TODAY = 8
DUE_SOON_DAYS, DUE_SOON = 3, 5
DUE_WEEK_DAYS, DUE_WEEK = 7, 2
PRIORITY_POINTS = {1: 20, 2: 10, 3: 0}
AGE_PER_WEEK, AGE_MAX_WEEKS = 1, 10
CARRY_POINTS = 5
MUST_RESOLVE_BONUS = 10
BLOCKED_POINTS = 8
WAITING_POINTS = 4


def must_resolve(carried_count: int) -> bool:
    return carried_count >= MUST_RESOLVE_AFTER


def escalation_base(services: Services, action_id: int) -> int:
    """Whose manager the next escalation goes to: the person it was last escalated to
    (escalations older than the last reassignment do not count), else the first owner."""
    action = services.action(action_id)
    last: int | None = None
    for follow_up in services.store.list_follow_ups(action_id):
        if follow_up.kind == FollowUpKind.REASSIGN:
            last = None
        elif follow_up.kind == FollowUpKind.ESCALATE and follow_up.person_id:
            last = follow_up.person_id
    if last is not None and last in action.owner_ids:
        return last
    if not action.owner_ids:
        raise InvalidInput(_("An action without an owner cannot be escalated"))
    return action.owner_ids[0]


def escalation_target(services: Services, action_id: int) -> Person:
    """The next person up: the manager of whoever the action was last escalated to, else
    of its first owner. One level at a time, never skipping one."""
    base = escalation_base(services, action_id)
    manager = services.manager_of(base)
    if manager is None:
        raise InvalidInput(
            _("{name} has no manager to escalate to").format(name=services.person(base).name)
        )
    return manager


def escalate(
    services: Services, action_id: int, note: str = "", meeting_id: int | None = None
) -> Person:
    """Escalate one level: the manager joins the owners and the log records it."""
    from salestui.core.journal import ACTIONS, action_scopes  # the journal imports the store

    manager = escalation_target(services, action_id)
    assert manager.id is not None
    me = services.me()
    # read, change and write as one step (of the journal)
    with services.journal.step(ACTIONS, *action_scopes([action_id])):
        action = services.action(action_id)
        if manager.id not in action.owner_ids:
            action.owner_ids = [*action.owner_ids, manager.id]
            services.store.update_action(action, services.clock.now())
        services.store.add_follow_up(
            FollowUp(
                action_id=action_id,
                at=services.clock.now(),
                author_id=me.id if me else None,
                kind=FollowUpKind.ESCALATE,
                note=note,
                meeting_id=meeting_id,
                person_id=manager.id,
            )
        )
    return manager


@dataclass
class Urgency:
    score: int
    reasons: list[str]


def urgency(row: ActionRow, today: date) -> Urgency:
    """How much an open item needs attention now. The formula (README, "Urgency"):

    overdue: 3 per day late, up to 45; due today 8, within 3 days 5, within 7 days 2;
    priority: p1 20, p2 10, p3 0; age: 1 per full week open (counted in local dates),
    up to 10; carried: 5 per carry, plus 10 once it must be resolved (3 carries);
    blocked 8, waiting 4. Closed items score 0.
    """
    if row.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
        return Urgency(0, [])
    score = 0
    reasons: list[str] = []
    if row.due is not None:
        days = (today - row.due).days
        if days > 0:
            points = min(OVERDUE_PER_DAY * days, OVERDUE_MAX)
            score += points
            reasons.append(_("{days}d overdue: +{points}").format(days=days, points=points))
        elif days == 0:
            score += DUE_TODAY
            reasons.append(_("due today: +8"))
        elif days >= -DUE_SOON_DAYS:
            score += DUE_SOON
            reasons.append(_("due within 3 days: +5"))
        elif days >= -DUE_WEEK_DAYS:
            score += DUE_WEEK
            reasons.append(_("due within a week: +2"))
    priority_points = PRIORITY_POINTS.get(row.priority, 0)
    if priority_points:
        score += priority_points
        reasons.append(_("priority p{p}: +{points}").format(p=row.priority, points=priority_points))
    if row.created_at is not None:
        weeks = max(0, (today - row.created_at.astimezone().date()).days // 7)
        if weeks:
            points = min(weeks, AGE_MAX_WEEKS) * AGE_PER_WEEK
            score += points
            reasons.append(_("open {weeks} weeks: +{points}").format(weeks=weeks, points=points))
    if row.carried_count:
        points = CARRY_POINTS * row.carried_count + (
            MUST_RESOLVE_BONUS if must_resolve(row.carried_count) else 0
        )
        score += points
        reasons.append(
            ngettext(
                "carried {n} time: +{points}", "carried {n} times: +{points}", row.carried_count
            ).format(n=row.carried_count, points=points)
        )
    if row.status == ActionStatus.BLOCKED:
        score += BLOCKED_POINTS
        reasons.append(_("blocked: +8"))
    elif row.status == ActionStatus.WAITING:
        score += WAITING_POINTS
        reasons.append(_("waiting: +4"))
    return Urgency(score, reasons)
