"""Recurring series of meetings: making a meeting recurring, planning a series' next
meeting (pre-filled with its attendees, standing items and what the last one left open),
and the cadence arithmetic."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from salestui.core.cycle import (
    HELD,
    KIND_CADENCE,
    REVIEW_ITEM_TITLE,
    add_next_agenda,
    carry_into_planned,
    last_held,
    left_open,
    planned_after,
)
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.journal import MEETING, meeting_scopes, series_scopes
from salestui.core.models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    AttendanceStatus,
    Cadence,
    Meeting,
    Series,
)
from salestui.core.service import Services
from salestui.i18n import _

REVIEW_ITEM_MINUTES = 10


def add_cadence(moment: datetime, cadence: Cadence) -> datetime:
    """The next occurrence after ``moment`` (monthly keeps the day, clamped to month end)."""
    if cadence == Cadence.DAILY:
        nxt = moment + timedelta(days=1)
        while nxt.weekday() >= 5:  # daily meetings are working-day meetings
            nxt += timedelta(days=1)
        return nxt
    if cadence == Cadence.WEEKLY:
        return moment + timedelta(weeks=1)
    if cadence == Cadence.BIWEEKLY:
        return moment + timedelta(weeks=2)
    year = moment.year + moment.month // 12
    month = moment.month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


class SeriesPlans:
    """The series operations of ``Planning``."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    def make_recurring(self, meeting_id: int, cadence: Cadence | str) -> Series:
        """Start a series from this meeting: its attendees and agenda become the defaults."""
        meeting = self.services.meeting(meeting_id)
        try:
            cadence = Cadence(cadence)
        except ValueError as error:
            raise InvalidInput(_("Unknown cadence: {cadence}").format(cadence=cadence)) from error
        now = self.services.clock.now()
        change = _("made recurring")
        assert meeting.id is not None
        with self.services.journal.meeting_step(meeting.id, change) as step:
            if meeting.series_id is not None:
                step.watch(*series_scopes(meeting.series_id))
                series = self.store.get_series(meeting.series_id)
                assert series is not None
                series.cadence = cadence
                self.store.update_series(series)
                self.store.clear_series_items(series.id or 0)
            else:
                series = self.store.add_series(
                    Series(
                        title=meeting.title,
                        kind=meeting.kind,
                        cadence=cadence,
                        chair_id=meeting.chair_id,
                        planned_minutes=meeting.planned_minutes,
                        location=meeting.location,
                        purpose=meeting.purpose,
                    ),
                    now,
                )
                assert series.id is not None
                step.created(*series_scopes(series.id))
                meeting.series_id = series.id
                self.store.update_meeting(meeting)
            assert series.id is not None
            for attendance in self.store.list_attendance(meeting_id):
                self.store.set_series_attendee(series.id, attendance.person_id, attendance.required)
            held = meeting.status in HELD
            for item in self.store.list_agenda(meeting_id):
                if held and left_open(item, _(REVIEW_ITEM_TITLE)):
                    continue  # what a held meeting left open is carried, not standing
                if item.carried_from is None and _(REVIEW_ITEM_TITLE) != item.title:
                    # It is a standing item from now on: never carried as well.
                    item.standing = True
                    self.store.update_agenda_item(item)
                    self.store.add_series_item(
                        series.id, item.title, item.timebox_minutes, item.presenter_id,
                        item.kind.value,
                    )  # fmt: skip
        return series

    def next_meeting(self, series_id: int, start: datetime | None = None) -> Meeting:
        """Create the next occurrence of a series, pre-filled (``start``: else one cadence
        after the latest meeting, never in the past).

        The agenda: "Review of open actions" first, then the standing items, then what the
        last held meeting left open (``cycle.add_next_agenda``).
        """
        series = self.store.get_series(series_id)
        if series is None:
            raise NotFound(_("No series with id {id}").format(id=series_id))
        now = self.services.clock.now()
        last = self.store.list_meetings(series_id=series_id, descending=True, limit=1)
        previous = last[0] if last else None
        if start is None and previous and previous.scheduled_start:
            start = add_cadence(previous.scheduled_start.astimezone(), series.cadence)
            while start < now:
                start = add_cadence(start, series.cadence)
        elif start is None:
            start = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        summary = _("Planned the next meeting “{title}”").format(title=series.title)
        with self.services.journal.step(MEETING, summary=summary) as step:
            meeting = self.store.add_meeting(
                Meeting(
                    title=series.title,
                    kind=series.kind,
                    purpose=series.purpose or series.title,
                    chair_id=series.chair_id,
                    series_id=series_id,
                    scheduled_start=start,
                    planned_minutes=series.planned_minutes,
                    location=series.location,
                ),
                now,
            )
            assert meeting.id is not None
            step.created(*meeting_scopes(meeting.id))
            for person_id, required in self.store.series_attendees(series_id):
                self.store.set_attendance(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=person_id,
                        required=required,
                        status=AttendanceStatus.INVITED,
                    )
                )
            self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting.id,
                    title=_(REVIEW_ITEM_TITLE),
                    timebox_minutes=REVIEW_ITEM_MINUTES,
                    kind=AgendaKind.DISCUSSION,
                )
            )
            add_next_agenda(
                self.store, meeting.id, self.store.series_items(series_id),
                last_held(self.store, series_id), _(REVIEW_ITEM_TITLE),
            )  # fmt: skip
        return meeting

    def next_after(
        self,
        meeting_id: int,
        start: datetime | None = None,
        cadence: Cadence | str | None = None,
    ) -> tuple[Meeting, bool]:
        """The meeting after this one, and whether it was created now.

        Only for a meeting that has ended. A meeting already planned after this one in its
        series is returned as it is (asking twice never makes two). A meeting without a
        series becomes recurring first: at ``cadence``, else its kind's usual cadence
        (``cycle.KIND_CADENCE``).
        """
        meeting = self.services.meeting(meeting_id)
        summary = _("Planned the meeting after “{title}”").format(title=meeting.title)
        # Making it recurring and planning the next one are one step: one undo.
        with self.services.journal.step(MEETING, *meeting_scopes(meeting_id), summary=summary):
            return self._next_after(meeting, start, cadence)

    def _next_after(
        self, meeting: Meeting, start: datetime | None, cadence: Cadence | str | None
    ) -> tuple[Meeting, bool]:
        meeting_id = meeting.id
        assert meeting_id is not None
        if meeting.status not in HELD:
            # Its open items are not known yet: carrying now would carry the last
            # meeting's items a second time.
            raise Conflict(
                _(
                    "Meeting {id} has not been held yet: plan its next meeting once it has ended"
                ).format(id=meeting_id)
            )
        if meeting.series_id is None:
            chosen = cadence if cadence is not None else KIND_CADENCE[meeting.kind]
            self.make_recurring(meeting_id, chosen)
            meeting = self.services.meeting(meeting_id)
        elif cadence is not None:
            raise InvalidInput(
                _("Meeting {id} already recurs; its cadence is changed on its Plan screen").format(
                    id=meeting_id
                )
            )
        existing = planned_after(self.store, meeting)
        if existing is not None:
            assert existing.id is not None
            # Planned before this one ended: it takes what this one left open, once.
            with self.services.journal.step(MEETING, *meeting_scopes(existing.id)):
                carry_into_planned(self.store, meeting, existing, _(REVIEW_ITEM_TITLE))
            return existing, False
        assert meeting.series_id is not None
        return self.next_meeting(meeting.series_id, start), True
