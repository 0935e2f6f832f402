"""``salestui actions modify``: bulk by filter, like Taskwarrior's ``task FILTER modify``.

The filters are those of ``actions list``; what to change is said with ``--set-*`` (and
``--add-tag``), so that ``--status`` and ``--owner`` keep meaning what they mean in the
list. The change of every matching item is one journal step: ``salestui undo`` takes it
back at once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from salestui.cli.action_filter import OWNER_HELP, Filters, filter_options
from salestui.cli.actions import actions
from salestui.cli.common import (
    ACTION_STATUSES,
    json_option,
    names_are_input,
    parse_date_option,
    print_json,
    services,
)
from salestui.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from salestui.core.actions_bulk import PlannedChange

CONFIRM_ABOVE = 100  # items: more than this many are changed only when confirmed


@actions.command("modify")
@filter_options
@click.option("--set-due", metavar="WHEN", help="New due date (e.g. fri, 下周五, 2026-12-05).")
@click.option("--clear-due", is_flag=True, help="Remove the due date.")
@click.option("--set-status", type=click.Choice(ACTION_STATUSES), help="New status.")
@click.option("--reason", default="", help="With --set-status waiting/blocked: on whom / by what.")
@click.option(
    "--set-owner", "set_owners", metavar="N", multiple=True,
    help=f"Replaces the owners (repeatable): {OWNER_HELP}.",
)  # fmt: skip
@click.option("--set-priority", type=click.IntRange(1, 3), help="New priority.")
@click.option("--add-tag", "add_tags", metavar="T", multiple=True, help="Add a tag (repeatable).")
@click.option("--note", default="", help="Why, for the items' histories.")
@click.option("--dry-run", is_flag=True, help="List what would change; change nothing.")
@click.option("--yes", is_flag=True, help=f"Change more than {CONFIRM_ABOVE} items without asking.")
@json_option
def actions_modify(
    filters: Filters,
    set_due: str | None,
    clear_due: bool,
    set_status: str | None,
    reason: str,
    set_owners: tuple[str, ...],
    set_priority: int | None,
    add_tags: tuple[str, ...],
    note: str,
    dry_run: bool,
    yes: bool,
    as_json: bool,
) -> None:
    """Change every action item the filters match (the filters of `actions list`; no
    filter: every item) as one step that `salestui undo` takes back. Items already so are
    left alone. More than 100 items are changed only with --yes (or when confirmed at a
    terminal); --dry-run lists what would change."""
    from salestui.core.actions_bulk import BulkChanges

    svc = services(create=False)
    bulk = BulkChanges(svc)
    with names_are_input():
        change = bulk.modification(
            due=parse_date_option(set_due),
            clear_due=clear_due,
            status=set_status,
            reason=reason,
            owners=list(set_owners) if set_owners else None,
            priority=set_priority,
            add_tags=add_tags,
        )
    ids = bulk.matching_ids(filters.query(svc))
    matched = len(ids)
    if dry_run or not yes:  # what would change: to list it, or to count it before asking
        planned = bulk.preview(ids, change)
        if dry_run:
            _print_plan(planned, matched, as_json)
            return
        if len(planned) > CONFIRM_ABOVE:
            _confirm(len(planned))
        ids = [p.id for p in planned]
    changed = bulk.apply(ids, change, note) if ids else None
    count = changed.count if changed else 0
    if as_json:
        print_json({
            "changed": count, "matched": matched, "step": changed.step if changed else None,
        })  # fmt: skip
        return
    line = ngettext("Changed {n} item", "Changed {n} items", count).format(n=format_number(count))
    if changed and changed.step is not None:
        line += " " + _("(change #{step}; `salestui undo` takes it back)").format(step=changed.step)
    click.echo(line)


def _confirm(count: int) -> None:
    question = _("Change {n} items?").format(n=format_number(count))
    if not sys.stdin.isatty():
        raise click.UsageError(
            _("{n} items would change: add --yes to change them (--dry-run lists them)").format(
                n=format_number(count)
            )
        )
    if not click.confirm(question, default=False):
        raise click.ClickException(_("Nothing was changed"))


def _print_plan(planned: list[PlannedChange], matched: int, as_json: bool) -> None:
    from salestui.cli.stream import TextTable, plain

    svc = services()
    names: dict[int | None, str] = {p.id: p.name for p in svc.store.list_people(active_only=False)}
    if as_json:
        print_json({
            "would_change": len(planned), "matched": matched,
            "items": [{"id": p.id, "title": p.title, "changes": p.differences(names)}
                      for p in planned],
        })  # fmt: skip
        return
    if planned:
        table = TextTable([_("ID"), _("Title"), _("Changes")])
        table.write(
            [(str(p.id), False), (plain(p.title), False),
             (plain("; ".join(p.differences(names))), False)]
            for p in planned
        )  # fmt: skip
    click.echo(
        ngettext(
            "Would change {n} item (of {matched} matching); nothing was changed",
            "Would change {n} items (of {matched} matching); nothing was changed",
            len(planned),
        ).format(n=format_number(len(planned)), matched=format_number(matched))
    )
