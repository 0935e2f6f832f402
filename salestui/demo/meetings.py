"""Writing the demo's meetings: a scheduled one with its agenda and invitations; a held
one with its agenda as it ran (some items over their time, one parked, one skipped),
attendance and speaking turns. What was said in a held meeting is ``demo.discussion``'s."""

from __future__ import annotations

from datetime import datetime, timedelta

from salestui.core.models import (
    AgendaItem,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    SpeakingTurn,
)
from salestui.demo import data as data
from salestui.demo.actions import Held
from salestui.demo.discussion import Discussion
from salestui.demo.spec import ItemSpec, MeetingSpec
from salestui.demo.state import BuildState

# One item as it ran: its spec, its status, when it started (None: skipped), its seconds.
ItemRun = tuple[ItemSpec, AgendaStatus, datetime | None, int]


class MeetingWriter:
    """Writes each planned meeting, scheduled or held."""

    def __init__(self, state: BuildState) -> None:
        self.state = state
        self.store = state.store
        self.ids = state.ids

    def new_meeting(self, spec: MeetingSpec, **extra: object) -> int:
        """The meeting row itself, created three days before it (or now, if later)."""
        created = min(self.state.now, spec.start - timedelta(days=3))
        meeting = Meeting(
            title=spec.title,
            kind=spec.kind,
            purpose=spec.purpose,
            chair_id=self.ids[spec.chair],
            series_id=spec.series_id,
            scheduled_start=spec.start,
            planned_minutes=spec.minutes,
            location=spec.location,
            status=spec.status,
            agenda_circulated_at=spec.circulated_at,
            **extra,  # type: ignore[arg-type]
        )
        saved = self.store.add_meeting(meeting, created)
        assert saved.id is not None
        self.state.meeting_ids[spec.key] = saved.id
        return saved.id

    def schedule(self, spec: MeetingSpec) -> None:
        """An upcoming meeting: its agenda (the item carried from the last one marked so)
        and who is invited."""
        meeting_id = self.new_meeting(spec)
        carried_from = self.state.meeting_ids.get(spec.carried_from_key or "")
        for position, (title, minutes, presenter, kind) in enumerate(spec.items, 1):
            self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                    presenter_id=self.ids[presenter] if presenter else None,
                    timebox_minutes=minutes,
                    kind=kind,
                    carried_from=carried_from if title == data.CARRIED_ITEM[0] else None,
                    carried_count=1 if title == data.CARRIED_ITEM[0] and carried_from else 0,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
        for name, required in spec.attendees:
            self.store.set_attendance(
                Attendance(meeting_id=meeting_id, person_id=self.ids[name], required=required)
            )

    def hold(self, spec: MeetingSpec) -> None:
        """A past meeting, as it went: circulated, started (perhaps late), its agenda run,
        attendance taken, the discussion written and (for some) the speaking turns."""
        rng = self.state.rng
        start = spec.start
        self._circulate(spec)
        late_by = rng.choice((0, 0, 0, 0, 1, 2, 3, 5, 8))
        actual_start = start + timedelta(minutes=late_by, seconds=rng.randint(0, 50))
        timings, moment = self._run_agenda(spec, actual_start)
        actual_end = moment + timedelta(seconds=rng.randint(30, 120))
        meeting_id = self.new_meeting(spec, actual_start=actual_start, actual_end=actual_end)
        if spec.series_id is not None:
            self.state.held[spec.series_id].append(Held(start, meeting_id, self.ids[spec.chair]))

        present = self.attendance(spec, meeting_id, actual_start)
        agenda = self._write_agenda(spec, meeting_id, timings)
        Discussion(self.state, spec, meeting_id, agenda, present).write()
        if spec.speaking:
            self.speaking(spec, meeting_id, present, actual_start, actual_end)

    def _circulate(self, spec: MeetingSpec) -> None:
        """When the agenda went out: a day or two before (never for the first coordination
        meeting), the evening before for a daily one."""
        start = spec.start
        if (
            spec.circulated_at is None
            and spec.kind != MeetingKind.DAILY
            and spec.key not in ("coordination-0",)
        ):
            lead_days = 2 if spec.kind == MeetingKind.LEADERSHIP else 1
            spec.circulated_at = self.state.local(
                start.date() - timedelta(days=lead_days), 17, self.state.rng.randint(0, 50)
            )
        if spec.kind == MeetingKind.DAILY:
            spec.circulated_at = self.state.local(start.date() - timedelta(days=1), 18)

    def _run_agenda(
        self, spec: MeetingSpec, actual_start: datetime
    ) -> tuple[list[ItemRun], datetime]:
        """The agenda as it ran: elapsed time per item, some over their timebox; and the
        moment the last item finished."""
        rng = self.state.rng
        timings: list[ItemRun] = []
        moment = actual_start
        for item in spec.items:
            title, minutes, _presenter, _kind = item
            status = spec.item_status.get(title, AgendaStatus.DONE)
            if status == AgendaStatus.SKIPPED:
                timings.append((item, status, None, 0))
                continue
            if status == AgendaStatus.PARKED:
                elapsed = rng.randint(90, 240)
            elif title in spec.overrun_items:  # the item that always runs long
                elapsed = int(minutes * 60 * rng.uniform(1.1, 1.5))
            else:
                elapsed = int(minutes * 60 * rng.choice((0.6, 0.75, 0.85, 0.95, 1.0, 1.05, 1.2)))
                elapsed += rng.randint(-20, 20)
                if 0 < elapsed - minutes * 60 < 60:  # on time, or over by a minute or more
                    elapsed = minutes * 60 - rng.randint(0, 30)
            elapsed = max(30, elapsed)
            timings.append((item, status, moment, elapsed))
            moment += timedelta(seconds=elapsed + rng.randint(5, 40))
        return timings, moment

    def _write_agenda(
        self, spec: MeetingSpec, meeting_id: int, timings: list[ItemRun]
    ) -> list[tuple[AgendaItem, AgendaStatus, datetime | None]]:
        """The held meeting's agenda items, each with its status and when it started."""
        # started_at stays empty: the live core keeps it only while an item's timer runs
        # (elapsed = elapsed_seconds + now - started_at); when each item ran is kept here.
        agenda: list[tuple[AgendaItem, AgendaStatus, datetime | None]] = []
        for position, ((title, minutes, presenter, kind), status, started, elapsed) in enumerate(
            timings, 1
        ):
            saved = self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                    presenter_id=self.ids[presenter] if presenter else None,
                    timebox_minutes=minutes,
                    kind=kind,
                    status=status,
                    elapsed_seconds=elapsed,
                    standing=spec.series_id is not None and title != data.CARRIED_ITEM[0],
                )
            )
            agenda.append((saved, status, started))
        return agenda

    def attendance(self, spec: MeetingSpec, meeting_id: int, actual_start: datetime) -> list[str]:
        """Take attendance; returns the names of those who were there."""
        rng = self.state.rng
        present: list[str] = []
        for name, required in spec.attendees:
            status = spec.forced_attendance.get(name)
            if status is None:
                if name == spec.chair:
                    status = AttendanceStatus.PRESENT
                else:
                    roll = rng.random()
                    status = (
                        AttendanceStatus.PRESENT
                        if roll < 0.84
                        else AttendanceStatus.LATE
                        if roll < 0.92
                        else AttendanceStatus.EXCUSED
                        if roll < 0.96 or not required
                        else AttendanceStatus.ABSENT
                    )
            arrived = None
            if status == AttendanceStatus.LATE:
                arrived = actual_start + timedelta(minutes=rng.randint(3, 15))
            if status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE):
                present.append(name)
            self.store.set_attendance(
                Attendance(
                    meeting_id=meeting_id,
                    person_id=self.ids[name],
                    required=required,
                    status=status,
                    arrived_at=arrived,
                )
            )
        return present

    def speaking(
        self,
        spec: MeetingSpec,
        meeting_id: int,
        present: list[str],
        start: datetime,
        end: datetime,
    ) -> None:
        """Speaking turns from start to end: balanced, or dominated by the chair."""
        rng = self.state.rng
        others = sorted(set(present) - {spec.chair}, key=lambda n: self.ids[n])
        dominated = spec.speaking == "dominated"
        # Dominated: the chair takes about two turns in three, and long ones.
        chair_odds = 0.65 if dominated else 1.5 / (len(others) + 1.5)
        moment = start + timedelta(seconds=rng.randint(5, 30))
        while True:
            if rng.random() < chair_odds:
                name = spec.chair
                length = rng.randint(60, 300) if dominated else rng.randint(40, 180)
            else:
                name = rng.choice(others)
                length = rng.randint(20, 150)
            finish = moment + timedelta(seconds=length)
            if finish > end:
                break
            self.store.add_speaking_turn(
                SpeakingTurn(
                    meeting_id=meeting_id,
                    person_id=self.ids[name],
                    started_at=moment,
                    ended_at=finish,
                )
            )
            moment = finish + timedelta(seconds=rng.randint(1, 15))
