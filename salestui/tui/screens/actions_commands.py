"""The actions screen's changes to items: follow-up, done, status, reassign, due date,
escalate. Each opens a small form when it needs input, calls ``ActionsService``, and tells
the user what happened (or why nothing did). Each change is one step of the journal:
ctrl+z (``salestui.tui.undo``) takes it back, from any screen, after a restart too.

``ActionCommands`` is a plain helper the screen owns, not a mixin: it knows the screen
only through ``CommandHost`` - which items are chosen, and what to do after a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any, Protocol, TypeVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from salestui.core.actions_service import ActionsService, Changed, parse_optional_date
from salestui.core.errors import InvalidInput, SalestuiError
from salestui.core.models import OPEN_STATUSES, ActionListRow, ActionStatus, Person
from salestui.core.prompts import resolved_date
from salestui.core.service import Services
from salestui.i18n import _, ngettext
from salestui.tui import labels
from salestui.tui.screens.actions_filters import Directory, names_to_ids
from salestui.tui.screens.actions_forms import FormField, FormScreen
from salestui.tui.screens.actions_select import CONFIRM_ABOVE, ConfirmManyScreen
from salestui.tui.screens.hosts import Notifies

T = TypeVar("T")


def _status_choices(with_unchanged: bool) -> list[tuple[str, str]]:
    choices = [("", _("unchanged"))] if with_unchanged else []
    return choices + [(s.value, labels.action_status(s)) for s in ActionStatus]


class CommandHost(Notifies, Protocol):
    """What the commands need of the screen they serve."""

    @property
    def app(self) -> App[Any]: ...
    def targets(self) -> list[int]: ...
    @property
    def directory(self) -> Directory: ...
    def read_later(
        self, group: str, load: Callable[[Services], T], done: Callable[[T], None]
    ) -> None: ...
    def current_row(self) -> ActionListRow | None: ...
    def after_change(self, clear_selection: bool = True) -> None: ...
    def push_form(self, form: Screen[str | None], done: Callable[[str | None], None]) -> None: ...


class ActionCommands:
    """The changes the actions screen's keys make, on the items its host has chosen."""

    def __init__(self, host: CommandHost, ops: ActionsService) -> None:
        self.host = host
        self.ops = ops

    def notify(
        self, message: str, severity: SeverityLevel = "information", markup: bool = False
    ) -> None:
        self.host.notify(message, severity=severity, markup=markup)

    def current_row(self) -> ActionListRow | None:
        return self.host.current_row()

    def after_change(self, clear_selection: bool = True) -> None:
        self.host.after_change(clear_selection)

    def _day(self, text: str) -> str:
        """What a date field resolves to, shown in the form before saving."""
        return resolved_date(text, self._today())

    def _people(self, text: str) -> str:
        """Who a names field resolves to, shown in the form before saving."""
        directory = self.host.directory
        return ", ".join(directory.name(i) for i in names_to_ids(directory, text))

    def _today(self) -> date:
        return self.ops.services.clock.today()

    def _form(
        self, title: str, fields: list[FormField], submit: Callable[[dict[str, str]], str]
    ) -> None:
        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)
                self.after_change()

        self.host.push_form(FormScreen(title, fields, submit), done)

    @staticmethod
    def _remember(label: str, changed: Changed, already: str) -> str:
        """The toast of a change; ``already`` when it changed nothing (every item was
        already so): then there is nothing to undo either."""
        if not changed.count:
            return already
        return _("{what} · ctrl+z undoes").format(what=label)

    def _with_targets(self, what: str, change: Callable[[list[int]], None]) -> None:
        """``change`` the chosen items; more than ``CONFIRM_ABOVE`` only once confirmed."""
        ids = self.host.targets()
        if not ids:
            self.notify(_("No action item here"), severity="warning", markup=False)
            return
        if len(ids) <= CONFIRM_ABOVE:
            change(ids)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                change(ids)
            else:
                self.notify(_("Nothing was changed"), markup=False)

        self.host.app.push_screen(ConfirmManyScreen(len(ids), what), answered)

    # -- commands -------------------------------------------------------------------------

    def follow_up(self) -> None:
        row = self.current_row()
        if row is None:
            self.notify(_("No action item here"), severity="warning", markup=False)
            return
        dates = _("fri, 下周五, 12/5 (empty: unchanged)")

        def submit(values: dict[str, str]) -> str:
            note = values["note"].strip()
            if not note:
                raise InvalidInput(_("A follow-up needs a note"))
            today = self._today()
            new_due = parse_optional_date(values["due"], today)
            check_in = parse_optional_date(values["check_in"], today)
            self.ops.add_follow_up(
                row.id, note, status=values["status"] or None, new_due=new_due,
                next_check_in=check_in, reason=values["reason"],
            )  # fmt: skip
            return _("Follow-up saved")

        self._form(
            _("Follow-up: {title}").format(title=row.title),
            [
                FormField("note", _("Note"), placeholder=_("what happened (required)")),
                FormField("status", _("Status"), "", choices=_status_choices(True)),
                FormField(
                    "reason",
                    _("Waiting on / blocked by"),
                    row.waiting_on or row.blocked_by or "",
                    placeholder=_("only for waiting or blocked"),
                ),  # fmt: skip
                FormField("due", _("New due date"), placeholder=dates, resolve=self._day),
                FormField("check_in", _("Next check-in"), placeholder=dates, resolve=self._day),
            ],
            submit,
        )

    def done(self) -> None:
        self._with_targets(_("Mark done"), self._done)

    def _done(self, ids: list[int]) -> None:
        try:
            changed = self.ops.mark_done(ids)
        except SalestuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(
            self._remember(
                _("Marked {n} done").format(n=changed.count),
                changed,
                _("Nothing changed: already done"),
            ),
            markup=False,
        )
        self.after_change()

    def set_status(self) -> None:
        self._with_targets(_("Set status"), self._set_status)

    def _set_status(self, ids: list[int]) -> None:
        row = self.current_row()
        current = row.status.value if row and len(ids) == 1 else ActionStatus.IN_PROGRESS.value

        def submit(values: dict[str, str]) -> str:
            changed = self.ops.set_status(ids, values["status"], reason=values["reason"])
            status = labels.action_status(ActionStatus(values["status"]))
            return self._remember(
                _("{n} set to {status}").format(n=changed.count, status=status),
                changed,
                _("Nothing changed: already {status}").format(status=status),
            )

        self._form(
            ngettext("Status of {n} item", "Status of {n} items", len(ids)).format(n=len(ids))
            if len(ids) > 1
            else _("Status"),
            [
                FormField("status", _("Status"), current, choices=_status_choices(False)),
                FormField(
                    "reason",
                    _("Waiting on / blocked by"),
                    placeholder=_("only for waiting or blocked"),
                ),  # fmt: skip
            ],
            submit,
        )

    def reopen(self) -> None:
        self._with_targets(_("Reopen"), self._reopen)

    def _reopen(self, ids: list[int]) -> None:
        try:
            changed = self.ops.set_status(ids, ActionStatus.OPEN)
        except SalestuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(
            self._remember(
                _("Reopened {n}").format(n=changed.count),
                changed,
                _("Nothing changed: already open"),
            ),
            markup=False,
        )
        self.after_change()

    def reassign(self) -> None:
        self._with_targets(_("Reassign"), self._reassign)

    def _reassign(self, ids: list[int]) -> None:

        def submit(values: dict[str, str]) -> str:
            directory = self.host.directory
            owners = names_to_ids(directory, values["owners"])
            if not owners:
                raise InvalidInput(_("Name at least one person"))
            changed = self.ops.reassign(ids, list(owners), note=values["note"])
            names = ", ".join(directory.name(i) for i in owners)
            return self._remember(
                _("{n} reassigned to {names}").format(n=changed.count, names=names),
                changed,
                _("Nothing changed: already owned by {names}").format(names=names),
            )

        self._form(
            ngettext("Reassign {n} item", "Reassign {n} items", len(ids)).format(n=len(ids)),
            [
                FormField(
                    "owners",
                    _("New owner"),
                    placeholder=_("names, comma between"),
                    resolve=self._people,
                ),  # fmt: skip
                FormField("note", _("Note"), placeholder=_("why (optional)")),
            ],
            submit,
        )

    def set_due(self) -> None:
        self._with_targets(_("Set due date"), self._set_due)

    def _set_due(self, ids: list[int]) -> None:

        def submit(values: dict[str, str]) -> str:
            due = parse_optional_date(values["due"], self._today())
            changed = self.ops.set_due(ids, due)
            when = labels.short_date(due, self._today()) if due else _("no due date")
            return self._remember(
                _("{n} due {date}").format(n=changed.count, date=when),
                changed,
                _("Nothing changed: already due {date}").format(date=when),
            )

        self._form(
            ngettext("Due date of {n} item", "Due date of {n} items", len(ids)).format(n=len(ids)),
            [
                FormField(
                    "due",
                    _("Due"),
                    placeholder=_("fri, 下周五, 12/5 (empty: no due date)"),
                    resolve=self._day,
                )
            ],  # fmt: skip
            submit,
        )

    def escalate(self) -> None:
        row = self.current_row()
        if row is None:
            self.notify(_("No action item here"), severity="warning", markup=False)
            return
        if row.status not in OPEN_STATUSES:
            self.notify(_("Only an open item can be escalated"), severity="warning", markup=False)
            return
        action_id = row.id

        def read(reads: Services) -> Person:
            return ActionsService(reads).escalation_target(action_id)

        self.host.read_later("escalation", read, partial(self._escalate, row))

    def _escalate(self, row: ActionListRow, target: Person) -> None:
        """The escalation form, once whom it goes to is read."""

        def submit(values: dict[str, str]) -> str:
            manager = self.ops.escalate(row.id, values["note"].strip())
            return _("Escalated to {name}").format(name=manager.name)

        self._form(
            _("Escalate to {name} (one level up)?").format(name=target.name),
            [FormField("note", _("Note"), placeholder=_("what help is needed (optional)"))],
            submit,
        )

    def go_meeting(self) -> None:
        """Open the meeting the item came from."""
        row = self.current_row()
        if row is None or row.meeting_id is None:
            message = _("This item did not come from a meeting")
            self.notify(message, severity="warning", markup=False)
            return
        try:
            self.host.app.open_meeting(row.meeting_id)  # type: ignore[attr-defined]
        except ImportError:  # that meeting screen is not part of this build
            message = _("That meeting cannot be opened here yet")
            self.notify(message, severity="warning", markup=False)
        except SalestuiError as error:
            self.notify(str(error), severity="error", markup=False)
