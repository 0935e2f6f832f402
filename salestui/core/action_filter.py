"""The filters of the actions list: what a view or the filter form asks for.

``ActionFilter`` is what the user chose; ``views.build_query`` turns it into the store's
query on the clock's today.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from salestui.core.models import SORTS, ActionStatus

__all__ = ["ActionFilter", "DueBucket"]


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
