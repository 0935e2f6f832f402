"""The filters of the actions list: what a view or the filter form asks for.

``ActionFilter`` is what the user chose; ``views.build_query`` turns it into the store's
query on the clock's today.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from salestui.core.models import OPEN_STATUSES, SORTS, ActionQuery, ActionStatus

if TYPE_CHECKING:
    from salestui.core.service import Services

__all__ = ["OPEN", "ActionFilter", "DueBucket", "build_query", "end_of_week"]

OPEN = tuple(OPEN_STATUSES)


class DueBucket(StrEnum):
    OVERDUE = "overdue"  # open and due before today
    TODAY = "today"
    WEEK = "week"  # the next 7 days, today included
    LATER = "later"  # after those 7 days
    NONE = "none"  # no due date


@dataclass(frozen=True)
class ActionFilter:
    """Filters for the actions list; every one that is set must match."""

    owner_ids: tuple[int, ...] = ()  # owned by any of them
    team_lead_id: int | None = None  # owned by the lead or anyone in their reporting tree
    team: str | None = None  # owned by anyone whose team has this name
    statuses: tuple[ActionStatus, ...] = ()  # empty: any status
    bucket: DueBucket | None = None
    meeting_id: int | None = None
    series_id: int | None = None
    tag: str | None = None
    priority: int | None = None
    text: str = ""
    unassigned: bool = False
    check_in_due: bool = False  # the next check-in date has arrived
    escalated_to: int | None = None  # escalated to this person, not answered by them yet
    action_id: int | None = None  # this one item (a search hit opened from the palette)
    sort: str = "urgency"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["statuses"] = [s.value for s in self.statuses]
        data["owner_ids"] = list(self.owner_ids)
        data["bucket"] = self.bucket.value if self.bucket else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ActionFilter:
        """The filter stored by ``to_json``; raises ValueError / TypeError when damaged."""
        known = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in known}
        values["statuses"] = tuple(ActionStatus(s) for s in values.get("statuses") or ())
        values["owner_ids"] = tuple(int(i) for i in values.get("owner_ids") or ())
        bucket = values.get("bucket")
        values["bucket"] = DueBucket(bucket) if bucket else None
        if values.get("sort") not in SORTS:
            values["sort"] = "urgency"
        return cls(**values)


def end_of_week(today: date) -> date:
    """The last day of "this week": the next 7 days, today the first of them."""
    return today + timedelta(days=6)


def build_query(services: Services, action_filter: ActionFilter) -> ActionQuery:
    """The store query for ``action_filter`` on the clock's today."""
    f = action_filter
    today = services.clock.today()
    query = ActionQuery(
        meeting_id=f.meeting_id,
        series_id=f.series_id,
        tag=f.tag.lstrip("#") if f.tag else None,
        priority=f.priority,
        text=f.text.strip() or None,
        unassigned=f.unassigned,
        check_in_by=today if f.check_in_due else None,
    )
    owners: set[int] | None = set(f.owner_ids) if f.owner_ids else None
    if f.team_lead_id is not None:
        team = {f.team_lead_id, *services.store.reports_of(f.team_lead_id)}
        owners = team if owners is None else owners & team
    if f.team:
        members = set(services.team_member_ids(f.team))
        owners = members if owners is None else owners & members
    if owners is not None:
        query.owner_ids = sorted(owners)
    if f.escalated_to is not None:
        query.ids = services.escalated_to(f.escalated_to)
    if f.action_id is not None:
        known = query.ids
        query.ids = [f.action_id] if known is None or f.action_id in known else []
    statuses = list(f.statuses)
    if f.bucket == DueBucket.OVERDUE:
        statuses = [s for s in (statuses or OPEN) if s in OPEN]
        query.due_before = today
        if not statuses:
            query.ids = []  # closed items are never overdue
    elif f.bucket == DueBucket.TODAY:
        query.due_on_or_after, query.due_before = today, today + timedelta(days=1)
    elif f.bucket == DueBucket.WEEK:
        query.due_on_or_after = today
        query.due_before = end_of_week(today) + timedelta(days=1)
    elif f.bucket == DueBucket.LATER:
        query.due_on_or_after = end_of_week(today) + timedelta(days=1)
    elif f.bucket == DueBucket.NONE:
        query.has_due = False
    query.statuses = statuses or None
    return query
