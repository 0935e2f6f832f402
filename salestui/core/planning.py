"""Planning meetings: agenda editing with undo, recurring series, templates, circulation."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from salestui.core.boundary import storage_boundary
from salestui.core.cycle import (
    HELD,
    KIND_CADENCE,
    add_next_agenda,
    last_held,
    left_open,
    planned_after,
)
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    AttendanceStatus,
    Cadence,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Series,
    Template,
    TemplateItem,
)
from salestui.core.service import MAX_TIMEBOX, Services, _build
from salestui.i18n import N_, _

REVIEW_ITEM_TITLE = N_("Review of open actions")
REVIEW_ITEM_MINUTES = 10

# The default templates, written to the database (in the user's language) the first time
# templates are listed; from then on they are the user's to edit.
DEFAULT_TEMPLATES: list[tuple[MeetingKind, str, str, int, list[tuple[str, int, AgendaKind]]]] = [
    (
        MeetingKind.WEEKLY,
        N_("Weekly regular meeting"),
        N_("Review the week's problems and results; set next week's targets"),
        60,
        [
            (N_("Last week's results"), 10, AgendaKind.INFO),
            (N_("Each salesperson's numbers"), 20, AgendaKind.DISCUSSION),
            (N_("Problems and countermeasures"), 15, AgendaKind.DISCUSSION),
            (N_("Next week's targets"), 10, AgendaKind.DECISION),
        ],
    ),
    (
        MeetingKind.DAILY,
        N_("Morning meeting"),
        N_("Share yesterday's results, today's plan and blockers"),
        15,
        [
            (N_("Yesterday"), 5, AgendaKind.INFO),
            (N_("Today"), 5, AgendaKind.INFO),
            (N_("Blockers"), 5, AgendaKind.DISCUSSION),
        ],
    ),
    (
        MeetingKind.COORDINATION,
        N_("Coordination with production"),
        N_("Match orders with capacity and agree delivery dates"),
        60,
        [
            (N_("Orders vs capacity"), 20, AgendaKind.DISCUSSION),
            (N_("Delivery dates"), 20, AgendaKind.DECISION),
            (N_("Quality issues"), 15, AgendaKind.DISCUSSION),
        ],
    ),
    (
        MeetingKind.LEADERSHIP,
        N_("Leadership meeting"),
        N_("Review department performance and decide priorities"),
        90,
        [
            (N_("Department results vs plan"), 20, AgendaKind.INFO),
            (N_("Key accounts and risks"), 30, AgendaKind.DISCUSSION),
            (N_("Decisions and priorities"), 25, AgendaKind.DECISION),
        ],
    ),
]


@dataclass
class DeletedItem:
    """What undo needs to put a deleted agenda item back where it was."""

    item: AgendaItem
    order: list[int]


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


@storage_boundary
class Planning:
    """Operations of the planning screens, on top of the core services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- agenda ----------------------------------------------------------------------

    def _editable(self, meeting_id: int) -> Meeting:
        meeting = self.services.meeting(meeting_id)
        if meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
            raise Conflict(_("This meeting has ended; its agenda can no longer change"))
        return meeting

    def _item(self, item_id: int) -> AgendaItem:
        item = self.store.get_agenda_item(item_id)
        if item is None:
            raise NotFound(_("No agenda item with id {id}").format(id=item_id))
        return item

    def edit_item(
        self,
        item_id: int,
        *,
        title: str | None = None,
        minutes: int | None = None,
        presenter: str | int | None = None,
        clear_presenter: bool = False,
        kind: AgendaKind | str | None = None,
    ) -> AgendaItem:
        item = self._item(item_id)
        self._editable(item.meeting_id)
        data = item.model_dump()
        if title is not None:
            data["title"] = title
        if minutes is not None:
            if minutes <= 0 or minutes > MAX_TIMEBOX:
                raise InvalidInput(
                    _("A timebox must be between 1 and {max} minutes").format(max=MAX_TIMEBOX)
                )
            data["timebox_minutes"] = minutes
        if presenter not in (None, ""):
            data["presenter_id"] = self.services._resolve_person_id(presenter)
        if clear_presenter:
            data["presenter_id"] = None
        if kind is not None:
            try:
                data["kind"] = AgendaKind(kind)
            except ValueError as error:
                raise InvalidInput(
                    _("Unknown agenda item kind: {kind}").format(kind=kind)
                ) from error
        updated: AgendaItem = _build(AgendaItem, **data)
        self.store.update_agenda_item(updated, before=item)
        return updated

    def delete_item(self, item_id: int) -> DeletedItem:
        """Delete an agenda item; keep what ``restore_item`` needs to undo it."""
        item = self._item(item_id)
        self._editable(item.meeting_id)
        order = [i.id for i in self.store.list_agenda(item.meeting_id) if i.id is not None]
        with self.store.transaction():
            self.store.delete_agenda_item(item_id)
            self.store.set_agenda_order(item.meeting_id, [i for i in order if i != item_id])
        return DeletedItem(item, order)

    def restore_item(self, deleted: DeletedItem) -> AgendaItem:
        """Undo a delete: the item comes back at its old place (with a new id)."""
        self._editable(deleted.item.meeting_id)
        with self.store.transaction():
            restored = self.store.add_agenda_item(deleted.item.model_copy(update={"id": None}))
            current = {i.id for i in self.store.list_agenda(deleted.item.meeting_id)}
            order = [
                restored.id if i == deleted.item.id else i
                for i in deleted.order
                if i == deleted.item.id or i in current
            ]
            order += [i for i in current if i not in order]
            self.store.set_agenda_order(deleted.item.meeting_id, [i for i in order if i])
        return self._item(restored.id or 0)

    def move_item(self, item_id: int, delta: int) -> list[AgendaItem]:
        """Move an item up (delta < 0) or down; returns the new agenda."""
        item = self._item(item_id)
        self._editable(item.meeting_id)
        order = [i.id for i in self.store.list_agenda(item.meeting_id) if i.id is not None]
        index = order.index(item_id)
        target = max(0, min(len(order) - 1, index + delta))
        if target != index:
            order.insert(target, order.pop(index))
            self.store.set_agenda_order(item.meeting_id, order)
        return self.store.list_agenda(item.meeting_id)

    # -- attendees --------------------------------------------------------------------

    def set_required(self, meeting_id: int, person_id: int, required: bool) -> None:
        for attendance in self.store.list_attendance(meeting_id):
            if attendance.person_id == person_id:
                attendance.required = required
                self.store.set_attendance(attendance)
                return
        self.store.set_attendance(
            Attendance(meeting_id=meeting_id, person_id=person_id, required=required)
        )

    def uninvite(self, meeting_id: int, person_id: int) -> None:
        self.store.remove_attendance(meeting_id, person_id)

    def person_hours(self, meeting_id: int) -> float:
        """Planned attendees x planned length, in hours (rule 1: what a meeting costs)."""
        meeting = self.services.meeting(meeting_id)
        count = len(self.store.list_attendance(meeting_id))
        return round(count * meeting.planned_minutes / 60, 2)

    # -- templates --------------------------------------------------------------------

    def templates(self, kind: MeetingKind | None = None) -> list[Template]:
        """The stored templates; the defaults are written (translated) on first use."""
        if self.store.get_setting("templates_seeded") is None:
            with self.store.transaction():
                for t_kind, name, purpose, minutes, items in DEFAULT_TEMPLATES:
                    self.store.save_template(
                        Template(
                            kind=t_kind,
                            name=_(name),
                            purpose=_(purpose),
                            planned_minutes=minutes,
                            items=[
                                TemplateItem(title=_(title), timebox_minutes=box, kind=k)
                                for title, box, k in items
                            ],
                        )
                    )
                self.store.set_setting("templates_seeded", "1")
        return self.store.list_templates(kind)

    def save_template(self, template: Template) -> Template:
        return self.store.save_template(template)

    def apply_template(self, meeting_id: int, template: Template) -> list[AgendaItem]:
        """Append a template's items to a meeting's agenda."""
        self._editable(meeting_id)
        with self.store.transaction():
            for item in template.items:
                self.store.add_agenda_item(
                    AgendaItem(
                        meeting_id=meeting_id,
                        title=item.title,
                        timebox_minutes=item.timebox_minutes,
                        kind=item.kind,
                    )
                )
        return self.store.list_agenda(meeting_id)

    # -- series -----------------------------------------------------------------------

    def make_recurring(self, meeting_id: int, cadence: Cadence | str) -> Series:
        """Start a series from this meeting: its attendees and agenda become the defaults."""
        meeting = self.services.meeting(meeting_id)
        try:
            cadence = Cadence(cadence)
        except ValueError as error:
            raise InvalidInput(_("Unknown cadence: {cadence}").format(cadence=cadence)) from error
        now = self.services.clock.now()
        with self.store.transaction():
            if meeting.series_id is not None:
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
        with self.store.transaction():
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
            return existing, False
        assert meeting.series_id is not None
        return self.next_meeting(meeting.series_id, start), True

    def carried_from_date(self, item: AgendaItem) -> datetime | None:
        if item.carried_from is None:
            return None
        source = self.store.get_meeting(item.carried_from)
        return source.scheduled_start if source else None

    def circulate(self, meeting_id: int) -> Meeting:
        """Record that the agenda went out now."""
        return self.services.mark_circulated(meeting_id)
