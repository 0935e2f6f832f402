"""The Attendees tab of the Plan screen: invite by type-ahead, required or optional, remove.

Every change is written at once (``Services.invite``, ``Planning.set_required``,
``Planning.uninvite``); the pane then posts ``PlanChanged`` and the screen reads the
meeting again (and shows the pane who is invited and who can be). Removing someone can be
undone with ctrl+z. Inviting asks the screen for the meeting first
(``AttendeesPane.InviteRequested``: a new meeting is saved, then ``invite`` is called).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from salestui.core.models import Person
from salestui.core.names import join_names
from salestui.core.planning import Planning
from salestui.core.service import MeetingDetail, Services
from salestui.core.service_people import MY_TEAM, fold_team
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import ReadsLater
from salestui.tui.screens.plan_data import PLAN_ERRORS, PlanChanged, problem, say
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.person_picker import PersonPicker


def attendance_label(required: bool) -> str:
    return _("required") if required else _("optional")


class AttendeeTable(FitTable):
    BINDINGS = [
        # Row tables: home and end go to the first and last row.
        Binding("home", "scroll_top", N_("First row"), show=False, id="plan.table.first"),
        Binding("end", "scroll_bottom", N_("Last row"), show=False, id="plan.table.last"),
        Binding("space,o", "toggle_required", N_("Required/optional"), id="plan.attendee.toggle"),
        Binding("delete,d", "remove", N_("Remove"), id="plan.attendee.remove"),
    ]

    @dataclass
    class Pressed(Message):
        """A key of the table: ``toggle`` (required/optional) or ``remove``."""

        command: str

    def action_toggle_required(self) -> None:
        self.post_message(self.Pressed("toggle"))

    def action_remove(self) -> None:
        self.post_message(self.Pressed("remove"))


class AttendeesPane(Vertical):
    """A picker to invite people, and the table of who is invited."""

    BINDINGS = [
        Binding("ctrl+n", "new_person", N_("New person"), id="plan.new_person"),
        Binding("ctrl+y", "invite_team", N_("Invite a team"), id="plan.invite_team"),
    ]

    @dataclass
    class InviteRequested(Message):
        """Invite ``person``: the screen saves a new meeting first, then calls ``invite``."""

        person: Person
        required: bool = True
        others: tuple[Person, ...] = ()  # a team: invited with ``person``, at once

    def __init__(self, services: Services, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.services = services
        self.planning = Planning(services)
        self.detail: MeetingDetail | None = None
        self.people: list[Person] = []  # who can be invited, as the screen last read them
        self._keep_key: str | None = None  # the row to put the cursor on after the next show

    def compose(self) -> ComposeResult:
        yield Static(_("Invite"), classes="pane-label")
        yield PersonPicker(
            placeholder=_("Type a name, prefix or pinyin initials (wf = 王芳), then enter"),
            id="attendee-picker",
        )
        yield AttendeeTable()
        yield Static(classes="pane-empty", id="attendees-empty")

    @property
    def picker(self) -> PersonPicker:
        return self.query_one(PersonPicker)

    @property
    def table(self) -> AttendeeTable:
        return self.query_one(AttendeeTable)

    def on_mount(self) -> None:
        self.show(None, [])

    def _show_people(self) -> None:
        invited = {}
        if self.detail is not None:
            invited = {
                a.person.id: attendance_label(a.required)
                for a in self.detail.attendees
                if a.person.id is not None
            }
        self.picker.set_people(self.people, invited)

    def show(self, detail: MeetingDetail | None, people: list[Person]) -> None:
        """Who is invited to ``detail``'s meeting; ``people``: who can be."""
        self.detail, self.people = detail, people
        attendees = detail.attendees if detail else []
        columns = [
            FitColumn("name", _("Name"), ratio=1, min_width=8),
            FitColumn("role", _("Role")),
            FitColumn("team", _("Team"), ratio=1, min_width=6),
            FitColumn("attends", _("Attends")),
        ]
        rows = []
        for attendee in attendees:
            person = attendee.person
            rows.append(
                FitRow(
                    f"person-{person.id}",
                    [
                        Text(person.name, style="bold" if attendee.required else ""),
                        labels.role(person.role),
                        person.team or "-",
                        Text(
                            attendance_label(attendee.required),
                            style="" if attendee.required else "dim",
                        ),
                    ],
                )
            )
        self.table.set_data(columns, rows)
        if self._keep_key in self.table.row_keys:
            self.table.move_cursor(row=self.table.row_keys.index(self._keep_key), animate=False)
        self._keep_key = None
        self.table.display = bool(rows)
        empty = self.query_one("#attendees-empty", Static)
        empty.update(Text(_("No one invited yet.")))
        empty.display = not rows
        self._show_people()

    def _selected(self) -> tuple[int, Person, bool] | None:
        if self.detail is None or not self.detail.attendees or self.detail.meeting.id is None:
            return None
        row = self.table.cursor_row
        if not 0 <= row < len(self.detail.attendees):
            return None
        attendee = self.detail.attendees[row]
        return self.detail.meeting.id, attendee.person, attendee.required

    # -- inviting ------------------------------------------------------------------------

    def on_person_picker_picked(self, event: PersonPicker.Picked) -> None:
        event.stop()
        self.post_message(self.InviteRequested(event.person))

    def on_person_picker_no_match(self, event: PersonPicker.NoMatch) -> None:
        event.stop()
        query = event.query
        if fold_team(query) in MY_TEAM:
            self.action_invite_team(query)
            return

        def is_team(reads: Services) -> bool:
            return any(t.casefold() == query.casefold() for t in reads.teams())

        screen = self.screen
        if isinstance(screen, ReadsLater):  # the teams are read in a worker
            screen.read_later("typed-team", is_team, partial(self._no_match, query))

    def _no_match(self, query: str, team: bool) -> None:
        if team:
            self.action_invite_team(query)  # a team's name: show who, then invite
            return
        self.picker.show_message(
            _("No one matches {name}. ctrl+n adds a new person.").format(name=query)
        )

    def invite(
        self,
        meeting_id: int,
        person: Person,
        required: bool = True,
        others: tuple[Person, ...] = (),
    ) -> None:
        people = [p for p in (person, *others) if p.id is not None]
        ids = [p.id for p in people if p.id is not None]
        if not ids:
            return
        try:
            self.services.invite(meeting_id, ids, required=required)
        except PLAN_ERRORS as error:
            self.picker.show_message(problem(error))
            return
        self.picker.clear()
        say(
            self,
            _("Invited {name} ({attends})").format(
                name=join_names([p.name for p in people]), attends=attendance_label(required)
            ),
        )
        self._keep_key = f"person-{person.id}"
        self.post_message(PlanChanged())

    def action_new_person(self) -> None:
        try:
            from salestui.tui.screens.person_form import PersonFormScreen
        except ImportError:
            say(self, _("Adding people from here is not available yet"), "warning")
            return
        name = self.picker.query_text

        def created(person: Person | None) -> None:
            if person is not None:
                self.post_message(self.InviteRequested(person))

        self.app.push_screen(PersonFormScreen(self.services, name=name), created)

    def action_invite_team(self, text: str = "") -> None:
        """Everyone in a team (or my team), shown before they are invited."""
        from salestui.tui.screens.plan_team import TeamInviteScreen

        invited = {a.person.id for a in self.detail.attendees} if self.detail else set()

        def chosen(people: list[Person] | None) -> None:
            if people:
                self.post_message(self.InviteRequested(people[0], others=tuple(people[1:])))

        self.app.push_screen(
            TeamInviteScreen(self.services, {i for i in invited if i is not None}, text), chosen
        )

    # -- changing who comes --------------------------------------------------------------

    def on_attendee_table_pressed(self, event: AttendeeTable.Pressed) -> None:
        event.stop()
        if event.command == "toggle":
            self.toggle_required()
        else:
            self.remove_selected()

    def toggle_required(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        meeting_id, person, required = selected
        try:
            self.planning.set_required(meeting_id, person.id or 0, not required)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        self._keep_key = f"person-{person.id}"
        self.post_message(PlanChanged())

    def remove_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        meeting_id, person, _required = selected
        try:
            self.planning.uninvite(meeting_id, person.id or 0)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        label = _("Removed {name}").format(name=person.name)
        say(self, _("{what} - ctrl+z to undo").format(what=label))
        self.post_message(PlanChanged())
