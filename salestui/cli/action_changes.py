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


@actions.command("status")
@click.argument("action_id", metavar="ID", type=ID)
@click.argument("status", type=click.Choice(ACTION_STATUSES))
@click.option("--reason", default="", help="On whom it waits / by what it is blocked.")
@click.option("--note", default="", help="Why, for the history.")
@json_option
def actions_status(action_id: int, status: str, reason: str, note: str, as_json: bool) -> None:
    """Set the STATUS of action ID (an item already so stays as it was; nothing is
    logged). A waiting or blocked item takes a --reason."""
    undo = _ops().set_status([action_id], status, reason=reason, note=note)
    if undo.count:
        _print_action(action_id, _("Status changed: action {id}: {title}"), as_json)
    else:
        _print_action(action_id, _("Already so: action {id}: {title}"), as_json)


@actions.command("reopen")
@click.argument("action_id", metavar="ID", type=ID)
@click.option("--note", default="", help="Why it is open again.")
@json_option
def actions_reopen(action_id: int, note: str, as_json: bool) -> None:
    """Set action ID back to open (an open item stays as it was)."""
    undo = _ops().set_status([action_id], "open", note=note)
    if undo.count:
        _print_action(action_id, _("Reopened: action {id}: {title}"), as_json)
    else:
        _print_action(action_id, _("Already open: action {id}: {title}"), as_json)


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
