"""What the Meetings screen lists, read through the core services in bounded queries.

Upcoming meetings are those not yet over: scheduled from the start of today on (or not
scheduled at all), plus any still running from an earlier day. Everything else is past.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from salestui.core.models import Meeting, MeetingKind, MeetingStatus, Person, Series
from salestui.core.service import Services

PAGE_SIZE = 100  # rows fetched per group; the past grows by a page as the user scrolls
OVER = (MeetingStatus.ENDED, MeetingStatus.CONFIRMED)


@dataclass
class MeetingFilters:
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    series_id: int | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.kind or self.status or self.series_id is not None or self.text.strip())

    def query(self) -> dict[str, object]:
        """Keyword arguments for ``Services.meetings``."""
        found: dict[str, object] = {}
        if self.kind is not None:
            found["kind"] = self.kind
        if self.status is not None:
            found["status"] = self.status
        if self.series_id is not None:
            found["series_id"] = self.series_id
        if self.text.strip():
            found["text"] = self.text.strip()
        return found


@dataclass
class MeetingLine:
    meeting: Meeting
    chair: str
    attendees: int
    agenda_minutes: int
    agenda_items: int

    @property
    def over_length(self) -> bool:
        return self.agenda_minutes > self.meeting.planned_minutes


@dataclass
class MeetingsPage:
    now: datetime
    upcoming: list[MeetingLine] = field(default_factory=list)
    past: list[MeetingLine] = field(default_factory=list)
    more_upcoming: bool = False
    more_past: bool = False
    series: list[Series] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.past


def _start_of_today(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _unscheduled(services: Services, query: dict[str, object], limit: int) -> list[Meeting]:
    """Meetings without a start time (they sort first in ascending order)."""
    first = services.meetings(**query, limit=1)
    if not first or first[0].scheduled_start is not None:
        return []
    found = services.meetings(**query, limit=limit)
    return [m for m in found if m.scheduled_start is None]


def _descending_key(meeting: Meeting) -> tuple[float, int]:
    start = meeting.scheduled_start
    return (-(start.timestamp() if start else 0.0), -(meeting.id or 0))


def load_meetings(
    services: Services,
    filters: MeetingFilters,
    upcoming_limit: int = PAGE_SIZE,
    past_limit: int = PAGE_SIZE,
) -> MeetingsPage:
    now = services.clock.now()
    today = _start_of_today(now)
    page = MeetingsPage(now=now, series=services.all_series())
    query = filters.query()

    later = services.meetings(**query, start_from=today, limit=upcoming_limit + 1)
    page.more_upcoming = len(later) > upcoming_limit
    later = later[:upcoming_limit]
    stale_running: list[Meeting] = []
    if filters.status in (None, MeetingStatus.RUNNING):
        running_query = query | {"status": MeetingStatus.RUNNING}
        stale_running = services.meetings(**running_query, start_before=today, limit=upcoming_limit)
    unscheduled = _unscheduled(services, query, upcoming_limit)
    upcoming = stale_running + [m for m in later if m.status not in OVER]
    upcoming += [m for m in unscheduled if m.status not in OVER]

    earlier = services.meetings(**query, start_before=today, descending=True, limit=past_limit + 1)
    page.more_past = len(earlier) > past_limit
    earlier = earlier[:past_limit]
    running_ids = {m.id for m in stale_running}
    finished_lately = sorted(
        (m for m in later + unscheduled if m.status in OVER), key=_descending_key
    )
    past = finished_lately + [m for m in earlier if m.id not in running_ids]

    people = services.people_by_id()
    page.upcoming = [_line(services, m, people) for m in upcoming]
    page.past = [_line(services, m, people) for m in past]
    return page


def _line(services: Services, meeting: Meeting, people: dict[int, Person]) -> MeetingLine:
    assert meeting.id is not None
    chair = people.get(meeting.chair_id) if meeting.chair_id is not None else None
    agenda = services.agenda(meeting.id)
    return MeetingLine(
        meeting=meeting,
        chair=chair.name if chair else "",
        attendees=len(services.attendance(meeting.id)),
        agenda_minutes=sum(item.timebox_minutes for item in agenda),
        agenda_items=len(agenda),
    )
