"""Pydantic models: the domain vocabulary shared by the store, services, CLI and TUI.

Timestamps are aware datetimes (stored as UTC ISO-8601); due dates are plain dates.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from salestui.core.text import clean_line, clean_text


class Role(StrEnum):
    DIRECTOR = "director"
    DEPUTY = "deputy"
    LEAD = "lead"
    MEMBER = "member"


class MeetingKind(StrEnum):
    LEADERSHIP = "leadership"
    CONSULTATION = "consultation"
    COORDINATION = "coordination"
    WEEKLY = "weekly"
    DAILY = "daily"
    OTHER = "other"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    RUNNING = "running"
    ENDED = "ended"
    CONFIRMED = "confirmed"


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


class AgendaKind(StrEnum):
    INFO = "info"
    DISCUSSION = "discussion"
    DECISION = "decision"


class AgendaStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    SKIPPED = "skipped"
    PARKED = "parked"


class AttendanceStatus(StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"


class EntryKind(StrEnum):
    NOTE = "note"
    DECISION = "decision"
    ACTION = "action"
    LINK = "link"
    PARK = "park"
    TOPIC = "topic"


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


OPEN_STATUSES = (
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.WAITING,
    ActionStatus.BLOCKED,
)


class FollowUpKind(StrEnum):
    NOTE = "note"  # a team lead's dated follow-up
    REVIEW = "review"  # answered during a meeting's previous-actions review
    REASSIGN = "reassign"
    ESCALATE = "escalate"
    STATUS = "status"  # a plain status change (done, reopen, ...)
    EDIT = "edit"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, use_enum_values=False, validate_assignment=True)


class Person(_Model):
    id: int | None = None
    name: str = Field(min_length=1, max_length=80)
    role: Role = Role.MEMBER
    team: str | None = Field(default=None, max_length=80)
    reports_to: int | None = None
    email: str | None = None
    active: bool = True

    @field_validator("name", mode="before")
    @classmethod
    def _clean_name(cls, value: object) -> object:
        return clean_line(value) if isinstance(value, str) else value

    @field_validator("team", mode="before")
    @classmethod
    def _clean_team(cls, value: object) -> object:
        if isinstance(value, str):
            value = clean_line(value)
            return value or None
        return value


class Series(_Model):
    id: int | None = None
    title: str = Field(min_length=1, max_length=200)
    kind: MeetingKind = MeetingKind.WEEKLY
    cadence: Cadence = Cadence.WEEKLY
    chair_id: int | None = None
    planned_minutes: int = Field(default=60, gt=0, le=24 * 60)
    location: str | None = None
    purpose: str | None = None


class Meeting(_Model):
    id: int | None = None
    title: str = Field(min_length=1, max_length=200)
    kind: MeetingKind = MeetingKind.OTHER
    purpose: str = Field(min_length=1, max_length=2000)
    chair_id: int | None = None
    series_id: int | None = None
    scheduled_start: datetime | None = None
    planned_minutes: int = Field(default=60, gt=0, le=24 * 60)
    location: str | None = None
    status: MeetingStatus = MeetingStatus.DRAFT
    agenda_circulated_at: datetime | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    created_at: datetime | None = None

    @field_validator("title", mode="before")
    @classmethod
    def _clean_title(cls, value: object) -> object:
        return clean_line(value) if isinstance(value, str) else value

    @field_validator("purpose", mode="before")
    @classmethod
    def _clean_purpose(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class AgendaItem(_Model):
    id: int | None = None
    meeting_id: int
    position: int = 0
    title: str = Field(min_length=1, max_length=300)
    presenter_id: int | None = None
    timebox_minutes: int = Field(default=10, gt=0, le=480)  # as planned; never changed live
    extended_minutes: int = 0  # added (or, negative, taken) in the meeting
    kind: AgendaKind = AgendaKind.DISCUSSION
    status: AgendaStatus = AgendaStatus.PENDING
    started_at: datetime | None = None
    elapsed_seconds: int = 0
    carried_from: int | None = None  # meeting id the item was carried from
    carried_count: int = 0  # how many meetings in a row it has been carried
    standing: bool = False

    @field_validator("title", mode="before")
    @classmethod
    def _clean_title(cls, value: object) -> object:
        return clean_line(value) if isinstance(value, str) else value


class Attendance(_Model):
    meeting_id: int
    person_id: int
    required: bool = True
    status: AttendanceStatus = AttendanceStatus.INVITED
    arrived_at: datetime | None = None


class Entry(_Model):
    id: int | None = None
    meeting_id: int
    agenda_item_id: int | None = None
    kind: EntryKind = EntryKind.NOTE
    text: str = Field(min_length=1, max_length=20000)
    person_id: int | None = None
    at: datetime | None = None
    deleted: bool = False
    disposition: str | None = None  # parking lot: next | action | dropped

    @field_validator("text", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class Decision(_Model):
    id: int | None = None
    meeting_id: int
    agenda_item_id: int | None = None
    entry_id: int | None = None
    text: str = Field(min_length=1, max_length=5000)
    status: DecisionStatus = DecisionStatus.PROPOSED
    decided_at: datetime | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class ActionItem(_Model):
    id: int | None = None
    title: str = Field(min_length=1, max_length=2000)
    owner_ids: list[int] = Field(default_factory=list)
    due: date | None = None
    priority: int = Field(default=2, ge=1, le=3)
    status: ActionStatus = ActionStatus.OPEN
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    decision_id: int | None = None
    entry_id: int | None = None  # the capture line it came from
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    next_follow_up: date | None = None
    carried_count: int = 0
    waiting_on: str | None = None
    blocked_by: str | None = None
    tags: list[str] = Field(default_factory=list)
    unassigned_ok: bool = False  # knowingly left without owner or due date at confirmation

    @field_validator("title", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_line(value) if isinstance(value, str) else value


class FollowUp(_Model):
    id: int | None = None
    action_id: int
    at: datetime | None = None
    author_id: int | None = None
    kind: FollowUpKind = FollowUpKind.NOTE
    note: str = ""
    status: ActionStatus | None = None
    new_due: date | None = None
    next_check_in: date | None = None
    meeting_id: int | None = None
    person_id: int | None = None  # who it was reassigned or escalated to

    @field_validator("note", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class TemplateItem(_Model):
    id: int | None = None
    template_id: int | None = None
    position: int = 0
    title: str = Field(min_length=1, max_length=300)
    timebox_minutes: int = Field(default=10, gt=0, le=480)
    kind: AgendaKind = AgendaKind.DISCUSSION


class Template(_Model):
    """A starting point for a new meeting of a kind: purpose, length, agenda items."""

    id: int | None = None
    kind: MeetingKind
    name: str = Field(min_length=1, max_length=200)
    purpose: str = ""
    planned_minutes: int = Field(default=60, gt=0, le=24 * 60)
    items: list[TemplateItem] = Field(default_factory=list)


class SpeakingTurn(_Model):
    id: int | None = None
    meeting_id: int
    person_id: int
    started_at: datetime
    ended_at: datetime | None = None


class ActionRow(_Model):
    """One row of the actions list, with what the list shows joined in."""

    id: int
    title: str
    owners: list[str] = Field(default_factory=list)
    owner_ids: list[int] = Field(default_factory=list)
    due: date | None = None
    priority: int = 2
    status: ActionStatus = ActionStatus.OPEN
    meeting_id: int | None = None
    meeting_title: str | None = None
    created_at: datetime | None = None
    completed_at: datetime | None = None
    carried_count: int = 0
    last_follow_up: datetime | None = None
    next_follow_up: date | None = None
