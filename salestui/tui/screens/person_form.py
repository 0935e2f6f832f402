"""Add or edit a person: name, role, team, manager, email address and login (their OS
user name on a shared host: that user is this person, README "Teams"). A modal that
returns the saved ``Person`` (or ``None`` when cancelled), so any screen can add someone
without leaving what it is doing (the meeting planner does)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from salestui.core.errors import SalestuiError
from salestui.core.models import Person, Role
from salestui.core.service import Services
from salestui.core.service_people import person_in
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import ReadsLater


@dataclass
class _FormData:
    manager: Person | None
    people: list[Person]
    teams: list[str]
    staff: set[int]


def _form_data(person: Person | None, services: Services) -> _FormData:
    """What the form reads (in a worker): the person's manager, everyone the manager can
    be, the teams in use and the person's own staff (who cannot be their manager)."""
    manager = None
    if person is not None and person.reports_to is not None:
        manager = services.person_or_none(person.reports_to)
    staff = set(services.reports_of(person.id)) if person and person.id is not None else set()
    return _FormData(manager, services.people(), services.teams(), staff)


class PersonFormScreen(ReadsLater, ModalScreen[Person | None]):
    CSS_PATH = "person_form.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), priority=True, id="person_form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="person_form.cancel"),
    ]

    def __init__(self, services: Services, person: Person | None = None, name: str = "") -> None:
        super().__init__()
        self.services = services
        self.person = person
        self._initial_name = person.name if person else name
        # Read in a worker once the form is up (``_loaded``): until then the manager's
        # field is empty and saving waits.
        self.loaded = False
        self._manager: Person | None = None
        self._people: list[Person] = []  # whom "reports to" can name
        self._staff: set[int] = set()  # the person's own reports, directly or not

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        person = self.person
        with Vertical(id="person-box") as box:
            # A Text, not a string: a name such as "[b]x" is not markup.
            box.border_title = Text(
                _("Edit {name}").format(name=person.name) if person else _("Add a person")
            )
            box.border_subtitle = _("enter or ctrl+s saves · escape cancels")
            with Grid(id="person-fields"):
                yield Label(_("Name"), classes="field-label")
                yield Input(self._initial_name, id="person-name", max_length=80, compact=True)
                yield Label(_("Role"), classes="field-label")
                yield Select(
                    [(labels.role(role), role) for role in Role],
                    value=person.role if person else Role.MEMBER,
                    allow_blank=False,
                    id="person-role",
                    compact=True,
                )
                yield Label(_("Team"), classes="field-label")
                yield Input(
                    (person.team or "") if person else "",
                    id="person-team",
                    max_length=80,
                    compact=True,
                )
                yield Label(_("Reports to"), classes="field-label")
                yield Input(
                    placeholder=_("name, prefix or initials (wf = 王芳)"),
                    id="person-manager",
                    compact=True,
                )
                yield Static("", classes="field-label")
                yield Static(id="manager-hint")
                yield Label(_("Email"), classes="field-label")
                yield Input(
                    (person.email or "") if person else "",
                    placeholder=_("name@example.com (agendas and minutes go here)"),
                    id="person-email",
                    max_length=254,
                    compact=True,
                )
                yield Label(_("Login"), classes="field-label")
                yield Input(
                    (person.login or "") if person else "",
                    placeholder=_("their user name on a shared host (optional)"),
                    id="person-login",
                    max_length=64,
                    compact=True,
                )
            yield Static(id="person-error")

    def on_mount(self) -> None:
        self._show_manager_hint("")
        person = self.person
        self.read_later("person-form", partial(_form_data, person), self._loaded)

    def _loaded(self, data: _FormData) -> None:
        self._manager, self._people, self._staff = data.manager, data.people, data.staff
        self.loaded = True
        names = SuggestFromList([p.name for p in data.people], case_sensitive=False)
        manager = self.query_one("#person-manager", Input)
        manager.suggester = names
        self.query_one("#person-team", Input).suggester = SuggestFromList(
            data.teams, case_sensitive=False
        )
        if data.manager is not None and not manager.value:
            manager.value = data.manager.name  # Changed: the hint follows
        self._show_manager_hint(manager.value)

    # -- the manager field says who it resolves to as you type ---------------------------

    @on(Input.Changed, "#person-manager")
    def _manager_changed(self, event: Input.Changed) -> None:
        self._show_manager_hint(event.value)

    @on(Input.Changed)
    @on(Select.Changed)
    def _clear_error(self) -> None:
        self.query_one("#person-error", Static).remove_class("-shown")

    def _show_manager_hint(self, typed: str) -> None:
        hint = self.query_one("#manager-hint", Static)
        problem = False
        if not self.loaded:
            text = _("Reading…")
        elif not typed.strip():
            text = _("no manager: top of the reporting tree")
        else:
            try:
                manager = self._resolve_manager(typed)
            except SalestuiError as error:
                text, problem = str(error), True
            else:
                text = "→ " + self._describe(manager)
                problem = self._is_own_staff(manager)
                if problem:
                    text = _("A person cannot report to themselves or their own staff")
        hint.update(Text(text))
        hint.set_class(problem, "-problem")
        hint.visible = True

    def _resolve_manager(self, typed: str) -> Person:
        # The manager already set stays valid even if they are no longer active.
        if self._manager is not None and typed.strip() == self._manager.name:
            return self._manager
        return person_in(typed, self._people)

    def _is_own_staff(self, manager: Person) -> bool:
        if self.person is None or self.person.id is None or manager.id is None:
            return False
        if manager.id == self.person.id:
            return True
        return manager.id in self._staff

    @staticmethod
    def _describe(person: Person) -> str:
        details = labels.role(person.role)
        if person.team:
            details = _("{role}, {team}").format(role=details, team=person.team)
        return _("{name} ({details})").format(name=person.name, details=details)

    # -- saving --------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        if not self.loaded:  # the manager's field is not filled in yet
            self._show_error(_("Reading…"))
            return
        name = self.query_one("#person-name", Input).value
        role = self.query_one("#person-role", Select).value
        team = self.query_one("#person-team", Input).value
        email = self.query_one("#person-email", Input).value.strip() or None
        login = self.query_one("#person-login", Input).value.strip() or None
        typed_manager = self.query_one("#person-manager", Input).value.strip()
        manager: str | int | None = typed_manager or None
        if self._manager is not None and typed_manager == self._manager.name:
            manager = self._manager.id
        try:
            if self.person is None:
                saved = self.services.add_person(
                    name, role=str(role), team=team or None, reports_to=manager, email=email,
                    login=login,
                )  # fmt: skip
            else:
                assert self.person.id is not None
                saved = self.services.edit_person(
                    self.person.id,
                    name=name,
                    role=role,
                    team=team or None,
                    reports_to=manager,
                    email=email,
                    login=login,
                )
        except SalestuiError as error:  # a storage failure is one too
            self._show_error(str(error))
            return
        self.dismiss(saved)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#person-error", Static)
        error.update(Text(message))
        error.add_class("-shown")
        hint = self.query_one("#manager-hint", Static)
        if hint.has_class("-problem") and str(hint.content) == message:
            hint.visible = False  # said once, in the error line, is enough (its row stays)
        self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
