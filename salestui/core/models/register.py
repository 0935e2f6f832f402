"""The decision register's rows and filters: every decision across meetings, with its
meeting and how many of its actions are done (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import Field

from salestui.core.models.enums import DecisionStatus
from salestui.core.models.fields import Line, OptionalLine, OptionalText, Text
from salestui.core.models.records import _Model


@dataclass
class DecisionQuery:
    """Filters for the register. Empty fields do not filter."""

    status: DecisionStatus | None = None
    series_id: int | None = None
    owner_id: int | None = None  # owns one of the decision's actions
    text: str = ""  # in the decision's words or its meeting's title
    include_confidential: bool = True  # exports pass False unless asked


class DecisionRow(_Model):
    """One decision of the register, with what the register joins in."""

    id: int
    text: Text
    status: DecisionStatus
    meeting_id: int
    meeting_title: Line
    meeting_start: datetime | None = None
    series_id: int | None = None
    decided_at: datetime | None = None
    actions: int = 0  # its actions, cancelled ones left out
    done: int = 0  # of which done
    owners: list[Line] = Field(default_factory=list)  # owners of its actions
    supersedes_id: int | None = None
    supersedes_text: OptionalText = None
    superseded_by_id: int | None = None
    superseded_by_meeting: OptionalLine = None
    superseded_by_text: OptionalText = None
    superseded_by_confidential: bool = False
    confidential: bool = False

    @property
    def execution(self) -> str:
        """How many of its actions are done, as "2/3" ("-" without actions)."""
        return f"{self.done}/{self.actions}" if self.actions else "-"

    @property
    def when(self) -> datetime | None:
        return self.meeting_start or self.decided_at
