"""What the live console shows, read from the database in one go (cheap indexed reads).

Nothing here is kept between reads: the screen calls ``read_console`` in a thread worker
every second and after every change, so what it shows is always what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from salestui.core.meeting import Balance, LiveMeeting, LiveState
from salestui.core.meeting_numbers import MeetingScorecard
from salestui.core.models import (
    ActionQuery,
    ActionRow,
    AgendaKind,
    AttendanceStatus,
    Entry,
    EntryKind,
    Meeting,
    MeetingStatus,
    Person,
)
from salestui.core.people_order import sort_people

WIDE = 100  # from this width the agenda and attendance panels show by default


@dataclass
class Speaker:
    """One person in the room's list; ``number`` 0: absent or excused, cannot speak."""

    number: int
    person: Person
    status: AttendanceStatus | None  # None: the chair, not on the attendance list
    required: bool
    arrived_at: datetime | None
    seconds: float
    share: float

    @property
    def person_id(self) -> int:
        return self.person.id or 0


@dataclass
class LiveView:
    state: LiveState
    balance: Balance
    speakers: list[Speaker]
    people: dict[int, Person]
    entries: list[Entry]  # on the current item (or outside the agenda when none runs)
    actions: dict[int, ActionRow]  # entry id -> the action it created
    scorecard: MeetingScorecard | None = None  # on a numbers-review item: what it reviews

    @property
    def speaking_now(self) -> Speaker | None:
        return next((s for s in self.speakers if s.person_id == self.balance.speaking_now), None)

    def speaker(self, number: int) -> Speaker | None:
        """The speaker with this number; absent and excused people have none."""
        if number <= 0:
            return None
        return next((s for s in self.speakers if s.number == number), None)

    @property
    def can_speak(self) -> list[Speaker]:
        """The people the speaker picker offers: not absent, not excused."""
        return [s for s in self.speakers if s.number > 0]

    def current_number(self) -> int:
        """The current item's position on the agenda, counted from 1."""
        current = self.state.current
        if current is None:
            return 0
        return next(
            (n for n, i in enumerate(self.state.items, 1) if i.item.id == current.item.id), 0
        )


def load_speakers(
    live: LiveMeeting, meeting_id: int, balance: Balance, people: dict[int, Person]
) -> list[Speaker]:
    """The chair (when not on the attendance list) and the attendees, in ``people_order``
    (reporting line, then name). Only people who can speak get a number: someone marked
    absent or excused is listed with number 0 and never offered as a speaker."""
    meeting = live.services.meeting(meeting_id)
    shares = {s.person.id: s for s in balance.shares}
    rows: list[tuple[Person, AttendanceStatus | None, bool, datetime | None]] = [
        (people[a.person_id], a.status, a.required, a.arrived_at)
        for a in live.services.attendance(meeting_id)
        if a.person_id in people
    ]
    listed = {person.id for person, *_rest in rows}
    chair = people.get(meeting.chair_id) if meeting.chair_id else None
    if chair is not None and chair.id not in listed:
        rows.append((chair, None, False, None))
    speakers: list[Speaker] = []
    number = 0
    for person, status, required, arrived in sort_people(rows, people, lambda r: r[0]):
        share = shares.get(person.id)
        can_speak = status not in (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED)
        number += can_speak
        speakers.append(
            Speaker(
                number=number if can_speak else 0,
                person=person,
                status=status,
                required=required,
                arrived_at=arrived,
                seconds=share.seconds if share else 0.0,
                share=share.share if share else 0.0,
            )
        )
    return speakers


def load_live(
    live: LiveMeeting, meeting_id: int, threshold: float, unchanged: LiveView | None = None
) -> LiveView:
    """Everything the console shows. ``unchanged``: the last view, when nothing was
    written since it was read - its entries are kept (the largest read) if the same item
    is current; the timers and speaking shares are read anew either way."""
    state = live.state(meeting_id)
    balance = live.balance(meeting_id, threshold)
    people = live.services.people_by_id()
    speakers = load_speakers(live, meeting_id, balance, people)
    current_id = state.current.item.id if state.current else None
    before = unchanged.state.current if unchanged is not None else None
    if unchanged is not None and (before.item.id if before else None) == current_id:
        return LiveView(
            state, balance, speakers, people, unchanged.entries, unchanged.actions,
            unchanged.scorecard,
        )  # fmt: skip
    entries = live.entries(meeting_id, current_id)
    if current_id is None:
        entries = [e for e in entries if e.agenda_item_id is None]
    action_ids = live.services.action_ids_for_entries(
        [e.id for e in entries if e.id and e.kind == EntryKind.ACTION]
    )
    rows = {}
    if action_ids:  # one query for all of them
        rows = {
            r.id: r for r in live.services.list_actions(ActionQuery(ids=list(action_ids.values())))
        }
    actions = {entry_id: rows[a] for entry_id, a in action_ids.items() if a in rows}
    scorecard = None
    if state.current is not None and state.current.item.kind == AgendaKind.NUMBERS:
        scorecard = live.numbers.scorecard(meeting_id)
    return LiveView(state, balance, speakers, people, entries, actions, scorecard)


@dataclass
class StartView:
    """Before the start: the meeting, the preflight warnings and who is expected."""

    meeting: Meeting
    warnings: list[str]
    speakers: list[Speaker]
    now: datetime


@dataclass
class ReviewView:
    """The previous actions still to review, and how many are reviewed already."""

    rows: list[ActionRow]
    reviewed: int
    today: date


@dataclass
class ConsoleRead:
    """One read of the console, in the mode it was asked for (``start``, ``review`` or
    ``run``): the meeting's status and clock, who records it, and what that mode shows."""

    status: MeetingStatus
    state: LiveState
    scribe: Person | None
    may_change: bool  # "me" may change the meeting (no scribe, or I am it)
    start: StartView | None = None
    review: ReviewView | None = None
    view: LiveView | None = None


def read_console(
    live: LiveMeeting,
    meeting_id: int,
    mode: str,
    threshold: float,
    unchanged: LiveView | None = None,
) -> ConsoleRead:
    """Everything the console draws in ``mode`` (``load_live`` for the agenda run)."""
    services = live.services
    meeting = services.meeting(meeting_id)
    view = load_live(live, meeting_id, threshold, unchanged) if mode == "run" else None
    read = ConsoleRead(
        status=meeting.status,
        state=view.state if view is not None else live.state(meeting_id),
        scribe=live.scribes.of(meeting_id),
        may_change=live.scribes.may_change(meeting_id),
        view=view,
    )
    if mode == "start":
        people = services.people_by_id()
        speakers = load_speakers(live, meeting_id, Balance([], None), people)
        read.start = StartView(meeting, live.preflight(meeting_id), speakers, services.clock.now())
    elif mode == "review":
        rows = live.review_candidates(meeting_id)
        reviewed = len(services.reviewed_action_ids(meeting_id))
        read.review = ReviewView(rows, reviewed, services.clock.today())
    return read
