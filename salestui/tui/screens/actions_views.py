"""The Actions screen's views: pick one, save the filters as one, and switch a scoped
view (Overdue, Waiting, Blocked, Due this week) between my team and the department."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.screen import Screen

from salestui.core.errors import SalestuiError
from salestui.core.views import ActionFilter, View, Views
from salestui.i18n import _
from salestui.tui.screens.actions_forms import FormField, FormScreen, PickScreen
from salestui.tui.screens.hosts import Notifies


class ViewHost(Notifies, Protocol):
    """What the view commands need of the screen they serve."""

    views: Views
    view: View | None
    filter: ActionFilter

    def open_view(self, view: View) -> None: ...
    def view_renamed(self, view: View) -> None: ...
    def push_form(self, form: Screen[str | None], done: Callable[[str | None], None]) -> None: ...


class ViewCommands:
    """The keys about views, acting on ``host``."""

    def __init__(self, host: ViewHost) -> None:
        self.host = host

    def pick(self) -> None:
        host = self.host
        options = [(v.key, v.name) for v in host.views.available()]

        def picked(key: str | None) -> None:
            if not key:
                return
            try:
                host.open_view(host.views.resolve(key))
            except SalestuiError as error:
                host.notify(str(error), severity="error", markup=False)

        def delete(key: str) -> str:
            name = key.partition(":")[2]
            host.views.delete(name)
            return _("Deleted view {name}").format(name=name)

        screen = PickScreen(
            _("Views"),
            options,
            host.view.key if host.view else None,
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
        """My team <-> the whole department, for a scoped view of a lead."""
        host = self.host
        try:
            other = host.views.other_scope(host.view) if host.view else None
        except SalestuiError as error:
            host.notify(str(error), severity="error", markup=False)
            return
        if other is None:
            if host.views.leads():
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
