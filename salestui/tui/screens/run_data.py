"""What the live console shows, read from the database in one go (cheap indexed reads).

Nothing here is kept between reads: the screen calls ``load_live`` every second and after
every change, so what it shows is always what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from salestui.core.meeting import Balance, LiveMeeting, LiveState
from salestui.core.models import ActionRow, AttendanceStatus, Entry, EntryKind, Person
from salestui.core.store import ActionQuery

WIDE = 100  # from this width the agenda and attendance panels show by default


@dataclass
class Speaker:
    """One person who may speak: the chair first, then the attendees in attendance order."""

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

    @property
    def speaking_now(self) -> Speaker | None:
        return next((s for s in self.speakers if s.person_id == self.balance.speaking_now), None)

    def speaker(self, number: int) -> Speaker | None:
        return next((s for s in self.speakers if s.number == number), None)

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
    """The chair first (when not on the attendance list), then the attendees; numbered."""
    meeting = live.services.meeting(meeting_id)
    attendance = live.store.list_attendance(meeting_id)
    shares = {s.person.id: s for s in balance.shares}
    speakers: list[Speaker] = []

    def add(person: Person, status, required, arrived) -> None:  # type: ignore[no-untyped-def]
        share = shares.get(person.id)
        speakers.append(
            Speaker(
                number=len(speakers) + 1,
                person=person,
                status=status,
                required=required,
                arrived_at=arrived,
                seconds=share.seconds if share else 0.0,
                share=share.share if share else 0.0,
            )
        )

    listed = {a.person_id for a in attendance}
    chair = people.get(meeting.chair_id) if meeting.chair_id else None
    if chair is not None and chair.id not in listed:
        add(chair, None, False, None)
    ordered = sorted(attendance, key=lambda a: a.person_id != meeting.chair_id)
    for row in ordered:
        if row.person_id in people:
            add(people[row.person_id], row.status, row.required, row.arrived_at)
    return speakers


def load_live(live: LiveMeeting, meeting_id: int, threshold: float) -> LiveView:
    state = live.state(meeting_id)
    balance = live.balance(meeting_id, threshold)
    people = live.services.people_by_id()
    speakers = load_speakers(live, meeting_id, balance, people)
    current_id = state.current.item.id if state.current else None
    entries = live.entries(meeting_id, current_id)
    if current_id is None:
        entries = [e for e in entries if e.agenda_item_id is None]
    action_ids = live.store.action_ids_for_entries(
        [e.id for e in entries if e.id and e.kind == EntryKind.ACTION]
    )
    rows = {}
    if action_ids:  # one query for all of them
        rows = {
            r.id: r for r in live.store.list_actions(ActionQuery(ids=list(action_ids.values())))
        }
    actions = {entry_id: rows[a] for entry_id, a in action_ids.items() if a in rows}
    return LiveView(state, balance, speakers, people, entries, actions)
