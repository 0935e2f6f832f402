"""CLI commands that change one action item's state as the Actions screen does:
``actions status``, ``actions reopen`` and ``actions escalate`` (the same core operations,
so both front ends leave the same rows and history)."""

from __future__ import annotations

import click

from salestui.cli.actions import _print_action, actions
from salestui.cli.common import ACTION_STATUSES, ID, json_option, services
from salestui.i18n import _


def _ops():  # type: ignore[no-untyped-def]
    from salestui.core.actions_service import ActionsService

    return ActionsService(services())


def _set_status(action_id: int, status: str, changed: str, already: str, as_json: bool,
                reason: str = "", note: str = "") -> None:  # fmt: skip
    """One status change, said as ``changed`` or - when the item was already so and
    nothing was written - as ``already``."""
    undo = _ops().set_status([action_id], status, reason=reason, note=note)
    _print_action(action_id, changed if undo.count else already, as_json)


@actions.command("status")
@click.argument("action_id", metavar="ID", type=ID)
@click.argument("status", type=click.Choice(ACTION_STATUSES))
@click.option("--reason", default="", help="On whom it waits / by what it is blocked.")
@click.option("--note", default="", help="Why, for the history.")
@json_option
def actions_status(action_id: int, status: str, reason: str, note: str, as_json: bool) -> None:
    """Set the STATUS of action ID (an item already so stays as it was; nothing is
    logged). A waiting or blocked item takes a --reason."""
    _set_status(
        action_id,
        status,
        _("Status changed: action {id}: {title}"),
        _("Already so: action {id}: {title}"),
        as_json,
        reason=reason,
        note=note,
    )


@actions.command("reopen")
@click.argument("action_id", metavar="ID", type=ID)
@click.option("--note", default="", help="Why it is open again.")
@json_option
def actions_reopen(action_id: int, note: str, as_json: bool) -> None:
    """Set action ID back to open (an open item stays as it was)."""
    _set_status(
        action_id,
        "open",
        _("Reopened: action {id}: {title}"),
        _("Already open: action {id}: {title}"),
        as_json,
        note=note,
    )


@actions.command("escalate")
@click.argument("action_id", metavar="ID", type=ID)
@click.option("--note", default="", help="Why it goes up.")
@json_option
def actions_escalate(action_id: int, note: str, as_json: bool) -> None:
    """Escalate action ID one level up its owner's reporting line: the manager joins
    the owners and the history records it."""
    manager = _ops().escalate(action_id, note)
    message = _("Escalated to {name}: action {{id}}: {{title}}").format(name=manager.name)
    _print_action(action_id, message, as_json)
