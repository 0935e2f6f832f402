"""The rows the lists show and the query that selects them: an action item with what the
list joins in (owners' names, its meeting), and the actions list's filters and sorts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import Field

from salestui.core.models.enums import ActionStatus
from salestui.core.models.fields import Line, OptionalLine
from salestui.core.models.records import _Model

SORTS = ("urgency", "due", "priority", "owner", "age", "check-in")


class ActionRow(_Model):
    """One row of the actions list, with what the list shows joined in."""

    id: int
    title: Line
    owners: list[Line] = Field(default_factory=list)
    owner_ids: list[int] = Field(default_factory=list)
    due: date | None = None
    priority: int = 2
    status: ActionStatus = ActionStatus.OPEN
    meeting_id: int | None = None
    meeting_title: OptionalLine = None
    created_at: datetime | None = None
    completed_at: datetime | None = None
    carried_count: int = 0
    last_follow_up: datetime | None = None
    next_follow_up: date | None = None
    confidential: bool = False


class ActionListRow(ActionRow):
    """A row of the paged actions list: ``ActionRow`` plus what waits or blocks it."""

    waiting_on: str | None = None
    blocked_by: str | None = None
    tags: list[str] = Field(default_factory=list)


@dataclass
class ActionQuery:
    """Filters for the actions list. Empty fields do not filter."""

    owner_ids: Sequence[int] | None = None
    statuses: Sequence[ActionStatus] | None = None
    due_before: date | None = None  # due strictly before
    due_on_or_after: date | None = None
    has_due: bool | None = None
    meeting_id: int | None = None
    series_id: int | None = None
    tag: str | None = None
    priority: int | None = None
    text: str | None = None
    unassigned: bool = False
    check_in_by: date | None = None  # its next check-in date is on or before this day
    ids: Sequence[int] | None = None
    not_ids: Sequence[int] | None = None  # leave these items out
    no_confidential: bool = False  # leave confidential items out (exports)
    sort: str = "due"  # due | priority | created | id
