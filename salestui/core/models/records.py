"""The stored records: people, series, meetings, agenda items, attendance, entries,
decisions, action items, follow-ups, templates and speaking turns."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from salestui.core.errors import InvalidInput
from salestui.core.models.enums import (
    ActionStatus,
    AgendaKind,
    AgendaStatus,
    AttendanceStatus,
    Cadence,
    DecisionStatus,
    EntryKind,
    FollowUpKind,
    MeetingKind,
    MeetingStatus,
    Role,
)
from salestui.core.models.fields import (
    LOCATION_MAX,
    NAME_MAX,
    NOTE_MAX,
    SHORT_TEXT_MAX,
    TAGS_MAX,
    Day,
    Line,
    Moment,
    OptionalLine,
    OptionalText,
    Tag,
    Text,
    _tags,
    validation_message,
)


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


LOGIN_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.@-]*\$?$"  # a POSIX user name (and Samba's $)


class Person(_Model):
    id: int | None = None
    name: Line = Field(min_length=1, max_length=NAME_MAX)
    role: Role = Role.MEMBER
    team: OptionalLine = Field(default=None, max_length=NAME_MAX)
    reports_to: int | None = None
    email: OptionalLine = Field(default=None, max_length=LOCATION_MAX)
    active: bool = True
    # The operating-system user name (a shared host): when set, it decides who "I" am.
    login: OptionalLine = Field(default=None, max_length=64, pattern=LOGIN_PATTERN)


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
    confidential: bool = False  # a confidential topic (e.g. carried from a parked one)


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
    confidential: bool = False  # left out of exports unless asked for (issue 16)

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
    supersedes_id: int | None = None  # the earlier decision this one replaces
    confidential: bool = False


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
    confidential: bool = False  # left out of exports unless asked for (issue 16)


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
