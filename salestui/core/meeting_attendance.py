"""Who is in a live meeting and who speaks: attendance, speaking turns and the speaking
balance (each person's share of the time spoken, and the one voice that dominates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from salestui.core.errors import InvalidInput
from salestui.core.meeting_agenda import AgendaFlow
from salestui.core.models import (
    Attendance,
    AttendanceStatus,
    MeetingStatus,
    Person,
    SpeakingTurn,
)
from salestui.i18n import _

SPEAKING_GRACE = timedelta(minutes=10)
SPEAKING_MIN_TALLY = timedelta(minutes=3)  # tallied speaking time before the balance warns


@dataclass
class SpeakerShare:
    person: Person
    seconds: float
    share: float


@dataclass
class Balance:
    shares: list[SpeakerShare]
    speaking_now: int | None
    dominant: SpeakerShare | None = None


class Attendees:
    """Attendance and speaking turns of a meeting."""

    def __init__(self, flow: AgendaFlow) -> None:
        self.flow = flow
        self.services = flow.services
        self.store = flow.store
        self.undo_log = flow.undo_log

    def set_attendance(
        self, meeting_id: int, person_id: int, status: AttendanceStatus | str
    ) -> Attendance:
        self.flow.scribes.check(self.services.meeting(meeting_id))
        try:
            status = AttendanceStatus(status)
        except ValueError as error:
            raise InvalidInput(
                _("Unknown attendance status: {status}").format(status=status)
            ) from error
        current = {a.person_id: a for a in self.store.list_attendance(meeting_id)}
        attendance = current.get(person_id) or Attendance(
            meeting_id=meeting_id, person_id=self.services.person(person_id).id or 0,
            required=False,
        )  # fmt: skip
        attendance.status = status
        attendance.arrived_at = self.flow.now if status == AttendanceStatus.LATE else None
        person = self.services.people_by_id().get(person_id)
        with self.undo_log.record(
            meeting_id, "attendance", person.name if person else str(person_id),
            ("attendance", {"meeting_id": meeting_id, "person_id": person_id}),
        ):  # fmt: skip
            self.store.set_attendance(attendance)
        return attendance

    def speak(self, meeting_id: int, person_id: int | None) -> None:
        """Mark who is speaking now (None: nobody). Ends the previous turn."""
        self.flow.running(meeting_id)
        now = self.flow.now
        turns = self.store.list_speaking(meeting_id)
        open_turn = next((t for t in turns if t.ended_at is None), None)
        with self.store.transaction():
            self.store.end_speaking_turns(meeting_id, now)
            if person_id is not None and (open_turn is None or open_turn.person_id != person_id):
                self.services.person(person_id)
                self.store.add_speaking_turn(
                    SpeakingTurn(meeting_id=meeting_id, person_id=person_id, started_at=now)
                )

    def balance(self, meeting_id: int, threshold: float = 0.5) -> Balance:
        meeting = self.services.meeting(meeting_id)
        now = (
            self.flow.now
            if meeting.status == MeetingStatus.RUNNING
            else (meeting.actual_end or self.flow.now)
        )
        totals: dict[int, float] = {}
        speaking_now = None
        for turn in self.store.list_speaking(meeting_id):
            end = turn.ended_at or now
            if turn.ended_at is None:
                speaking_now = turn.person_id
            totals[turn.person_id] = totals.get(turn.person_id, 0.0) + max(
                0.0, (end - turn.started_at).total_seconds()
            )
        whole = sum(totals.values())
        people = self.services.people_by_id()
        shares = sorted(
            (
                SpeakerShare(people[pid], seconds, seconds / whole if whole else 0.0)
                for pid, seconds in totals.items()
                if pid in people
            ),
            key=lambda s: -s.seconds,
        )
        dominant = None
        # The warning needs enough tallied speech to mean something, not meeting time:
        # one voice holding 2 of the first 3 minutes spoken is already a lecture.
        if shares and whole >= SPEAKING_MIN_TALLY.total_seconds() and shares[0].share > threshold:
            dominant = shares[0]
        return Balance(shares, speaking_now, dominant)
