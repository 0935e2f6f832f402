"""Pydantic models: the domain vocabulary shared by the store, services, CLI and TUI.

Timestamps are aware datetimes (stored as UTC ISO-8601); due dates are plain dates.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

from salestui.core.errors import InvalidInput
from salestui.core.text import clean_line, clean_text
from salestui.i18n import N_, _


def _line(value: object) -> object:
    return clean_line(value) if isinstance(value, str) else value


def _text(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _optional_line(value: object) -> object:
    return (clean_line(value) or None) if isinstance(value, str) else value


def _optional_text(value: object) -> object:
    return (clean_text(value) or None) if isinstance(value, str) else value


def _tags(value: object) -> object:
    if isinstance(value, list | tuple):
        return [t for t in (_line(v) for v in value) if t != ""]
    return value


# Every stored text field is one of these: cleaned of control characters (and of
# newlines, for a line) on the way in, and again when read back from the database.
Line = Annotated[str, BeforeValidator(_line)]
Text = Annotated[str, BeforeValidator(_text)]
OptionalLine = Annotated[str | None, BeforeValidator(_optional_line)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Tag = Annotated[str, BeforeValidator(_line), Field(min_length=1, max_length=40)]

# The years a stored date may fall in: far enough for any plan, and every date a year
# or so either side still exists (exports add days and minutes to them).
YEARS = (1900, 9000)


def _in_years(value: date | datetime | None) -> date | datetime | None:
    if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
        raise PydanticCustomError("date_range", "date out of range")
    return value


Day = Annotated[date | None, AfterValidator(_in_years)]
Moment = Annotated[datetime | None, AfterValidator(_in_years)]

# Length limits of free text (characters).
NAME_MAX = 80
LOCATION_MAX = 200
NOTE_MAX = 20_000
SHORT_TEXT_MAX = 500
TAGS_MAX = 20

FIELD_LABELS = {
    "name": N_("name"),
    "title": N_("title"),
    "purpose": N_("purpose"),
    "team": N_("team"),
    "text": N_("text"),
    "note": N_("note"),
    "planned_minutes": N_("length in minutes"),
    "timebox_minutes": N_("timebox"),
    "priority": N_("priority"),
    "location": N_("location"),
    "tags": N_("tag"),
    "email": N_("email"),
    "waiting_on": N_("waiting on"),
    "blocked_by": N_("blocked by"),
    "due": N_("due date"),
    "new_due": N_("due date"),
    "scheduled_start": N_("start"),
    "next_follow_up": N_("next follow-up"),
    "next_check_in": N_("next follow-up"),
}


def validation_message(error: ValidationError) -> str:
    """One readable line from a pydantic error: the first problem, with its field."""
    first = error.errors()[0]
    loc = [str(p) for p in first.get("loc", ())]
    where = _(FIELD_LABELS[loc[0]]) if loc and loc[0] in FIELD_LABELS else _("value")
    kind = first.get("type", "")
    context = first.get("ctx") or {}
    if kind in ("string_too_short", "missing"):
        return _("{field} must not be empty").format(field=where)
    if kind == "string_too_long":
        return _("{field} is too long (at most {limit} characters)").format(
            field=where, limit=context.get("max_length", "?")
        )
    if kind == "too_long":
        return _("{field}: at most {limit} allowed").format(
            field=where, limit=context.get("max_length", "?")
        )
    if kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        return _("{field} is out of range").format(field=where)
    if kind == "date_range":
        return _("{field} is out of range (years {first}-{last})").format(
            field=where, first=YEARS[0], last=YEARS[1]
        )
    if kind == "enum":
        return _("{field} has an unknown value").format(field=where)
    return _("{field} is not valid").format(field=where)


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
    DROPPED = "dropped"  # a must-resolve carried item the meeting chose to drop


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
    """A model whose invalid values raise ``InvalidInput`` with one readable line."""

    model_config = ConfigDict(frozen=False, use_enum_values=False, validate_assignment=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise InvalidInput(validation_message(error)) from error

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as error:
            raise InvalidInput(validation_message(error)) from error


class _Tracked(_Model):
    """A model that remembers the values it was stored with (``_stored``), so the store
    can write only what changed. Two of them are equal when their fields are."""

    _stored: dict | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__


class Person(_Model):
    id: int | None = None
    name: Line = Field(min_length=1, max_length=NAME_MAX)
    role: Role = Role.MEMBER
    team: OptionalLine = Field(default=None, max_length=NAME_MAX)
    reports_to: int | None = None
    email: OptionalLine = Field(default=None, max_length=LOCATION_MAX)
    active: bool = True


class Series(_Model):
    id: int | None = None
    title: Line = Field(min_length=1, max_length=200)
    kind: MeetingKind = MeetingKind.WEEKLY
    cadence: Cadence = Cadence.WEEKLY
    chair_id: int | None = None
    planned_minutes: int = Field(default=60, gt=0, le=24 * 60)
    location: OptionalLine = Field(default=None, max_length=LOCATION_MAX)
    purpose: OptionalText = Field(default=None, max_length=2000)


class Meeting(_Model):
    id: int | None = None
    title: Line = Field(min_length=1, max_length=200)
    kind: MeetingKind = MeetingKind.OTHER
    purpose: Text = Field(min_length=1, max_length=2000)
    chair_id: int | None = None
    series_id: int | None = None
    scheduled_start: Moment = None
    planned_minutes: int = Field(default=60, gt=0, le=24 * 60)
    location: OptionalLine = Field(default=None, max_length=LOCATION_MAX)
    status: MeetingStatus = MeetingStatus.DRAFT
    agenda_circulated_at: datetime | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    created_at: datetime | None = None


class AgendaItem(_Tracked):
    id: int | None = None
    meeting_id: int
    position: int = 0
    title: Line = Field(min_length=1, max_length=300)
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
    text: Text = Field(min_length=1, max_length=NOTE_MAX)
    person_id: int | None = None
    at: datetime | None = None
    deleted: bool = False
    # parking lot: next | action | dropped
    disposition: OptionalLine = Field(default=None, max_length=40)
    # What the entry stood for besides its words, kept across conversions: an action's
    # owners (ids), due (ISO date), priority and tags.
    detail: dict[str, Any] = Field(default_factory=dict)

    @field_validator("detail", mode="before")
    @classmethod
    def _detail(cls, value: object) -> object:
        if value is None or value == "":
            return {}
        return json.loads(value) if isinstance(value, str) else value


class Decision(_Model):
    id: int | None = None
    meeting_id: int
    agenda_item_id: int | None = None
    entry_id: int | None = None
    text: Text = Field(min_length=1, max_length=5000)
    status: DecisionStatus = DecisionStatus.PROPOSED
    decided_at: datetime | None = None


class ActionItem(_Tracked):
    id: int | None = None
    title: Line = Field(min_length=1, max_length=2000)
    owner_ids: list[int] = Field(default_factory=list)
    due: Day = None
    priority: int = Field(default=2, ge=1, le=3)
    status: ActionStatus = ActionStatus.OPEN
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    decision_id: int | None = None
    entry_id: int | None = None  # the capture line it came from
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    next_follow_up: Day = None
    carried_count: int = 0
    waiting_on: OptionalLine = Field(default=None, max_length=SHORT_TEXT_MAX)
    blocked_by: OptionalLine = Field(default=None, max_length=SHORT_TEXT_MAX)
    tags: Annotated[list[Tag], BeforeValidator(_tags)] = Field(
        default_factory=list, max_length=TAGS_MAX
    )
    unassigned_ok: bool = False  # knowingly left without owner or due date at confirmation


class FollowUp(_Model):
    id: int | None = None
    action_id: int
    at: datetime | None = None
    author_id: int | None = None
    kind: FollowUpKind = FollowUpKind.NOTE
    note: Text = Field(default="", max_length=NOTE_MAX)
    status: ActionStatus | None = None
    new_due: Day = None
    next_check_in: Day = None
    meeting_id: int | None = None
    person_id: int | None = None  # who it was reassigned or escalated to


class TemplateItem(_Model):
    id: int | None = None
    template_id: int | None = None
    position: int = 0
    title: Line = Field(min_length=1, max_length=300)
    timebox_minutes: int = Field(default=10, gt=0, le=480)
    kind: AgendaKind = AgendaKind.DISCUSSION


class Template(_Model):
    """A starting point for a new meeting of a kind: purpose, length, agenda items."""

    id: int | None = None
    kind: MeetingKind
    name: Line = Field(min_length=1, max_length=200)
    purpose: Text = Field(default="", max_length=2000)
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
