"""Planning meetings: agenda editing with undo, recurring series, templates, circulation.

The series operations are ``planning_series``'s; ``Planning`` hands them on."""

from __future__ import annotations

from datetime import datetime

from salestui.core.boundary import storage_boundary
from salestui.core.errors import Conflict, InvalidInput, NotFound
from salestui.core.models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    Cadence,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Series,
    Template,
    TemplateItem,
)
from salestui.core.planning_series import (
    REVIEW_ITEM_MINUTES,
    REVIEW_ITEM_TITLE,
    SeriesPlans,
    add_cadence,
)
from salestui.core.service import MAX_TIMEBOX, Services
from salestui.core.service_base import build
from salestui.i18n import N_, _, ngettext

__all__ = [
    "DEFAULT_TEMPLATES",
    "REVIEW_ITEM_MINUTES",
    "REVIEW_ITEM_TITLE",
    "Planning",
    "add_cadence",
]

# The default templates, written to the database (in the user's language) the first time
# templates are listed; from then on they are the user's to edit.
DEFAULT_TEMPLATES: list[tuple[MeetingKind, str, str, int, list[tuple[str, int, AgendaKind]]]] = [
    (
        MeetingKind.WEEKLY,
        N_("Weekly regular meeting"),
        N_("Review the week's problems and results; set next week's targets"),
        60,
        [
            (N_("Last week's results"), 10, AgendaKind.NUMBERS),
            (N_("Each salesperson's numbers"), 20, AgendaKind.NUMBERS),
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


@storage_boundary
class Planning:
    """Operations of the planning screens, on top of the core services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store
        self.journal = services.journal
        self.series = SeriesPlans(services)

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
        updated: AgendaItem = build(AgendaItem, **data)
        change = _("edited “{item}”").format(item=item.title)
        with self.journal.meeting_step(item.meeting_id, change):
            self.store.update_agenda_item(updated, before=item)
        return updated

    def delete_item(self, item_id: int) -> AgendaItem:
        """Delete an agenda item (the journal's undo puts it back, where it was)."""
        item = self._item(item_id)
        self._editable(item.meeting_id)
        change = _("deleted “{item}”").format(item=item.title)
        with self.journal.meeting_step(item.meeting_id, change):
            order = [i.id for i in self.store.list_agenda(item.meeting_id) if i.id is not None]
            self.store.delete_agenda_item(item_id)
            self.store.set_agenda_order(item.meeting_id, [i for i in order if i != item_id])
        return item

    def move_item(self, item_id: int, delta: int) -> list[AgendaItem]:
        """Move an item up (delta < 0) or down; returns the new agenda."""
        item = self._item(item_id)
        self._editable(item.meeting_id)
        change = _("moved “{item}”").format(item=item.title)
        with self.journal.meeting_step(item.meeting_id, change):
            order = [i.id for i in self.store.list_agenda(item.meeting_id) if i.id is not None]
            index = order.index(item_id)
            target = max(0, min(len(order) - 1, index + delta))
            if target != index:
                order.insert(target, order.pop(index))
                self.store.set_agenda_order(item.meeting_id, order)
        return self.store.list_agenda(item.meeting_id)

    # -- attendees --------------------------------------------------------------------

    def _name(self, person_id: int) -> str:
        person = self.store.get_person(person_id)
        return person.name if person else f"#{person_id}"

    def set_required(self, meeting_id: int, person_id: int, required: bool) -> None:
        change = (_("{name} required") if required else _("{name} optional")).format(
            name=self._name(person_id)
        )
        with self.journal.meeting_step(meeting_id, change):
            for attendance in self.store.list_attendance(meeting_id):
                if attendance.person_id == person_id:
                    attendance.required = required
                    self.store.set_attendance(attendance)
                    return
            self.store.set_attendance(
                Attendance(meeting_id=meeting_id, person_id=person_id, required=required)
            )

    def uninvite(self, meeting_id: int, person_id: int) -> None:
        change = _("removed {name}").format(name=self._name(person_id))
        with self.journal.meeting_step(meeting_id, change):
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

    def template_kinds(self) -> set[MeetingKind]:
        """The kinds of meeting that have a template - counting the defaults before
        ``templates`` first writes them. Only reads (a front end's reader may call it)."""
        kinds = {template.kind for template in self.store.list_templates()}
        if self.store.get_setting("templates_seeded") is None:
            kinds |= {kind for kind, *_rest in DEFAULT_TEMPLATES}
        return kinds

    def save_template(self, template: Template) -> Template:
        return self.store.save_template(template)

    def apply_template(self, meeting_id: int, template: Template) -> list[AgendaItem]:
        """Append a template's items to a meeting's agenda."""
        self._editable(meeting_id)
        count = len(template.items)
        change = ngettext(
            "{count} item added from {name}", "{count} items added from {name}", count
        ).format(count=count, name=template.name)
        with self.journal.meeting_step(meeting_id, change):
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

    # -- series (planning_series) ----------------------------------------------------

    def make_recurring(self, meeting_id: int, cadence: Cadence | str) -> Series:
        """Start a series from this meeting: its attendees and agenda become the defaults."""
        return self.series.make_recurring(meeting_id, cadence)

    def next_meeting(self, series_id: int, start: datetime | None = None) -> Meeting:
        """Create the next occurrence of a series, pre-filled (see
        ``SeriesPlans.next_meeting``)."""
        return self.series.next_meeting(series_id, start)

    def next_after(
        self,
        meeting_id: int,
        start: datetime | None = None,
        cadence: Cadence | str | None = None,
    ) -> tuple[Meeting, bool]:
        """The meeting after this one, and whether it was created now (see
        ``SeriesPlans.next_after``)."""
        return self.series.next_after(meeting_id, start, cadence)

    def carried_from_date(self, item: AgendaItem) -> datetime | None:
        if item.carried_from is None:
            return None
        source = self.store.get_meeting(item.carried_from)
        return source.scheduled_start if source else None

    def circulate(self, meeting_id: int) -> Meeting:
        """Record that the agenda went out now."""
        return self.services.mark_circulated(meeting_id)
