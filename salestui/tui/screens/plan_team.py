"""Invite a whole team (ctrl+y on the Attendees tab, or a team's name typed in the picker):
type 销售一部 or "my team", see who that is - and who is invited already - then enter
invites them all. Returns the people to invite, or None."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from salestui.core.errors import SalestuiError
from salestui.core.models import Person
from salestui.core.names import join_names
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.base import ReadsLater


class TeamInviteScreen(ReadsLater, ModalScreen[list[Person] | None]):
    CSS_PATH = "plan.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="plan.team.cancel")]

    def __init__(self, services: Services, invited: set[int], text: str = "") -> None:
        super().__init__()
        self.services = services
        self.invited = invited
        self.text = text
        self.found: list[Person] = []
        self.teams: list[str] | None = None  # read in a worker

    def compose(self) -> ComposeResult:
        with Vertical(id="team-box", classes="plan-dialog") as box:
            box.border_title = _("Invite a team")
            box.border_subtitle = _("enter invites them · escape cancels")
            yield Input(
                self.text,
                placeholder=_("A team (销售一部) or my team"),
                id="team-name",
                compact=True,
            )
            yield Static(id="team-members")

    def on_mount(self) -> None:
        self.read_later("teams", lambda services: services.teams(), self._teams_read)

    def _teams_read(self, teams: list[str]) -> None:
        self.teams = teams
        self.query_one("#team-name", Input).suggester = SuggestFromList(
            [*teams, _("my team")], case_sensitive=False
        )
        self._show(self.query_one("#team-name", Input).value)

    @on(Input.Changed, "#team-name")
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, typed: str) -> None:
        """Who the typed team is, read in a worker (the reporting tree of "my team")."""
        members = self.query_one("#team-members", Static)
        self.found = []
        if self.teams is None:
            members.update(Text(_("Reading…"), style="dim"))
            return
        if not typed.strip():
            members.update(Text(_("Teams: {names}").format(names=join_names(self.teams))))
            return
        self.read_later("team", partial(_invitees, typed), self._invitees_read)

    def _invitees_read(self, read: tuple[str, list[Person]] | str) -> None:
        members = self.query_one("#team-members", Static)
        if isinstance(read, str):
            members.update(Text(read, style="bold " + (self.app.current_theme.warning or "")))
            return
        name, people = read
        new = [p for p in people if p.id not in self.invited]
        already = [p for p in people if p.id in self.invited]
        self.found = new
        lines = [
            _("{team}: {count} to invite").format(team=name, count=len(new)),
            join_names([p.name for p in new]) or _("(everyone is invited already)"),
        ]
        if already:
            lines.append(
                _("Invited already: {names}").format(names=join_names([p.name for p in already]))
            )
        members.update(Text("\n".join(lines)))

    @on(Input.Submitted, "#team-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.found:
            self.dismiss(self.found)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _invitees(typed: str, services: Services) -> tuple[str, list[Person]] | str:
    """The team typed and its people, or why there is no such team."""
    try:
        return services.team_invitees(typed)
    except SalestuiError as error:
        return str(error)
