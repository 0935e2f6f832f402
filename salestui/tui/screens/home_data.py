"""What the Home screen shows, read through the core services in a few bounded queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from salestui.core.models import OPEN_STATUSES, ActionQuery, ActionRow, Meeting, Person, Role
from salestui.core.outbox import Outbox
from salestui.core.service import Services

UPCOMING_DAYS = 7
DUE_SOON_DAYS = 7
MEETINGS_LIMIT = 40
ACTIONS_LIMIT = 25


@dataclass
class MeetingLine:
    meeting: Meeting
    attendees: int


@dataclass
class HomeData:
    today: date
    me: Person | None
    empty: bool = False  # nothing in the database yet
    meetings: list[MeetingLine] = field(default_factory=list)
    escalated: list[ActionRow] = field(default_factory=list)  # to me, not answered yet
    escalated_total: int = 0
    check_ins: list[ActionRow] = field(default_factory=list)  # mine, or my team's for a lead
    check_ins_total: int = 0
    overdue: list[ActionRow] = field(default_factory=list)
    overdue_total: int = 0
    due_soon: list[ActionRow] = field(default_factory=list)
    due_soon_total: int = 0
    my_open_total: int = 0
    open_total: int = 0
    overdue_all: int = 0
    outbox_waiting: int = 0  # messages not sent yet: waiting for a retry or given up
    outbox_given_up: int = 0


def _open_statuses() -> list[str]:
    return [status.value for status in OPEN_STATUSES]


def load_home(services: Services) -> HomeData:
    today = services.clock.today()
    me = services.me()
    data = HomeData(today=today, me=me)
    if not services.meetings(limit=1) and not services.count_actions(ActionQuery()):
        data.empty = True
        return data
    mail = Outbox(services).counts()
    data.outbox_given_up = mail.get("failed", 0)
    data.outbox_waiting = mail.get("pending", 0) + mail.get("sending", 0) + data.outbox_given_up
    data.open_total = services.count_actions(services.action_query(statuses=_open_statuses()))
    data.overdue_all = services.count_actions(services.action_query(overdue=True))
    meetings = services.upcoming_meetings(days=UPCOMING_DAYS)[:MEETINGS_LIMIT]
    data.meetings = [
        MeetingLine(m, len(services.attendance(m.id)) if m.id is not None else 0) for m in meetings
    ]
    if me is None or me.id is None:
        return data
    owner = str(me.id)  # find_person reads a number as an id
    escalated = services.escalated_to(me.id)
    data.escalated_total = len(escalated)
    if escalated:
        shown = escalated[:ACTIONS_LIMIT]
        rows = {r.id: r for r in services.list_actions(ActionQuery(ids=shown))}
        data.escalated = [rows[i] for i in shown if i in rows]
    if me.role == Role.MEMBER:
        check_ins = services.action_query(owner=owner, statuses=_open_statuses())
    else:  # a lead, deputy or director follows up on their reporting tree
        check_ins = services.action_query(team=owner, statuses=_open_statuses())
    check_ins.check_in_by = today
    data.check_ins = services.list_actions(check_ins, limit=ACTIONS_LIMIT)
    data.check_ins_total = services.count_actions(check_ins) if data.check_ins else 0
    overdue = services.action_query(owner=owner, overdue=True)
    overdue.not_ids = escalated  # shown once: under "Escalated to me"
    data.overdue = services.list_actions(overdue, limit=ACTIONS_LIMIT)
    data.overdue_total = services.count_actions(overdue)
    soon = services.action_query(
        owner=owner,
        statuses=_open_statuses(),
        due_before=today + timedelta(days=DUE_SOON_DAYS + 1),
    )
    soon.due_on_or_after = today
    data.due_soon = services.list_actions(soon, limit=ACTIONS_LIMIT)
    data.due_soon_total = services.count_actions(soon)
    data.my_open_total = services.count_actions(
        services.action_query(owner=owner, statuses=_open_statuses())
    )
    return data
