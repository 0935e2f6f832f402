"""The Actions screen's views: pick one, save the filters as one, and switch a scoped
view (Overdue, Waiting, Blocked, Due this week) between my team and the department."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, TypeVar

from textual.screen import Screen

from salestui.core.service import Services
from salestui.core.views import ActionFilter, View, Views
from salestui.i18n import _
from salestui.tui.screens.actions_forms import FormField, FormScreen, PickScreen
from salestui.tui.screens.hosts import Notifies

T = TypeVar("T")


class ViewHost(Notifies, Protocol):
    """What the view commands need of the screen they serve."""

    views: Views
    view: View | None
    filter: ActionFilter

    def open_view(self, view: View) -> None: ...
    def view_renamed(self, view: View) -> None: ...
    def push_form(self, form: Screen[str | None], done: Callable[[str | None], None]) -> None: ...
    def read_later(
        self, group: str, load: Callable[[Services], T], done: Callable[[T], None]
    ) -> None: ...


class ViewCommands:
    """The keys about views, acting on ``host``."""

    def __init__(self, host: ViewHost) -> None:
        self.host = host

    def pick(self) -> None:
        """The views to pick from are read in a worker; the list opens when they are in."""
        current = self.host.view.key if self.host.view else None

        def read(reads: Services) -> list[tuple[str, str]]:
            return [(v.key, v.name) for v in Views(reads).available()]

        self.host.read_later("views", read, partial(self._pick_from, current))

    def _pick_from(self, current: str | None, options: list[tuple[str, str]]) -> None:
        host = self.host

        def picked(key: str | None) -> None:
            if key:
                host.read_later("picked-view", partial(_resolve, key), host.open_view)

        def delete(key: str) -> str:
            name = key.partition(":")[2]
            host.views.delete(name)
            return _("Deleted view {name}").format(name=name)

        screen = PickScreen(
            _("Views"),
            options,
            current,
            on_delete=delete,
            deletable=lambda key: key.startswith("saved:"),
        )
        host.push_form(screen, picked)

    def save(self) -> None:
        host = self.host

        def submit(values: dict[str, str]) -> str:
            view = host.views.save(values["name"], host.filter)
            host.view_renamed(view)
            return _("Saved view {name}").format(name=view.name)

        current = host.view.name if host.view and host.view.saved else ""
        field = FormField("name", _("View name"), current, placeholder=_("e.g. 华东 overdue"))

        def saved(message: str | None) -> None:
            if message:
                host.notify(message, markup=False)

        host.push_form(FormScreen(_("Save these filters as a view"), [field], submit), saved)

    def toggle_scope(self) -> None:
        """My team <-> the whole department, for a scoped view of a lead (the other view,
        or why there is none, is read in a worker)."""
        view = self.host.view

        def read(reads: Services) -> tuple[View | None, bool]:
            views = Views(reads)
            other = views.other_scope(view) if view else None
            return other, other is None and bool(views.leads())

        self.host.read_later("scope", read, self._toggled)

    def _toggled(self, read: tuple[View | None, bool]) -> None:
        host = self.host
        other, leads = read
        if other is None:
            if leads:
                message = _(
                    "Only Overdue, Waiting on others, Blocked and Due this week switch "
                    "between your team and the department"
                )
            else:
                message = _("No one reports to you: this list is the department's already")
            host.notify(message, severity="warning", markup=False)
            return
        host.open_view(other)
        host.notify(_("Showing: {view}").format(view=other.name), markup=False)


def _resolve(key: str, reads: Services) -> View:
    return Views(reads).resolve(key)
