"""The closed vocabularies: roles, meeting kinds and statuses, agenda, entry, decision and
action statuses, follow-up kinds."""

from __future__ import annotations

from enum import StrEnum


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
    NUMBERS = "numbers"  # a numbers review: the console shows the scorecard (rule 十二)


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
