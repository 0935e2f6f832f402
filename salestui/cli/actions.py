"""CLI commands for action items: ``actions list|add|done|edit`` and ``followup``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.action_filter import OWNER_HELP, Filters, filter_options
from salestui.cli.common import (
    ACTION_STATUSES,
    ID,
    SQLITE_MAX_INTEGER,
    action_json,
    action_row,
    json_option,
    parse_date_option,
    person_ids,
    print_json,
    row_cells,
    services,
)
from salestui.cli.listing import DEFAULT_LIMIT, write_listing, write_plain
from salestui.cli.stream import encode
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.service import Services
    from salestui.core.views import ActionPager

PAGE = 500  # rows read at a time for the sorted views


@click.group()
def actions() -> None:
    """List, add, complete and edit action items."""


@actions.command("list")
@filter_options
@click.option(
    "--sort",
    type=click.Choice(["due", "urgency", "priority", "owner", "age", "check-in"]),
    default="due",
    show_default=True,
    help="Order; urgency is explained in the README.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0, max=SQLITE_MAX_INTEGER),
    default=None,
    help=f"At most N rows (0 = all). Default: {DEFAULT_LIMIT} in the table, all with "
    "--json or --jsonl.",
)
@json_option
@click.option(
    "--jsonl",
    "as_jsonl",
    is_flag=True,
    help='One JSON object a line; when --limit cut the list, a last line {"total": T, "shown": N}.',
)
def actions_list(
    filters: Filters, sort: str, limit: int | None, as_json: bool, as_jsonl: bool
) -> None:
    """List action items, soonest due first (or in the --sort order).

    Rows are written as they are read, so a list of any length starts at once and takes
    the same memory. With --json every matching row is given unless --limit is set; a
    limit that cuts the list is said on stderr (--jsonl says it in a last line).
    """
    if as_json and as_jsonl:
        raise click.UsageError(_("Give --json or --jsonl, not both"))
    if limit is None:
        limit = 0 if as_json or as_jsonl else DEFAULT_LIMIT
    output = "jsonl" if as_jsonl else "json" if as_json else "table"
    svc = services()
    if filters.needs_views or sort != "due":
        if filters.due_before is not None:
            raise click.UsageError(
                _("--due-before cannot be combined with --due, --series or --sort")
            )
        if filters.meeting_id is not None:
            svc.meeting(filters.meeting_id)
        _list_with_views(svc, filters, sort, limit, output)
        return
    query = filters.query(svc)
    where, params = svc.store.action_where(query)
    write_plain(
        svc.store.db.conn,
        where,
        params,
        output,
        svc.clock.today(),
        limit,
        svc.store.confidential_column(),
    )


def _list_with_views(svc: Services, filters: Filters, sort: str, limit: int, output: str) -> None:
    """The filters and sorts of the actions screen (due buckets, series, urgency)."""
    from salestui.core.views import ActionPager

    pager = ActionPager(svc, filters.view_filter(svc, sort))
    write_pager(pager, output, svc.clock.today(), limit)


def write_pager(pager: ActionPager, output: str, today: date, limit: int) -> None:
    """Every row of ``pager`` (or the first ``limit``), read ``PAGE`` rows at a time."""
    wanted = min(limit, pager.total) if limit else pager.total
    pages = (pager.rows(start, min(start + PAGE, wanted)) for start in range(0, wanted, PAGE))
    shaped: Iterable[Any] = (
        (row_cells(r, today) for page in pages for r in page)
        if output == "table"
        else ([encode(action_json(r)) for r in page] for page in pages)
    )
    write_listing(output, shaped, limit, lambda: pager.total)


def _print_action(action_id: int, message: str, as_json: bool) -> None:
    row = action_row(action_id)
    if as_json:
        print_json(action_json(row))
    else:
        click.echo(message.format(id=row.id, title=row.title))


@actions.command("add")
@click.argument("title")
@click.option("--owner", "owners", metavar="N", multiple=True, help=f"Repeatable: {OWNER_HELP}.")
@click.option("--due", metavar="D", help="e.g. fri, 'next friday', 2026-12-05, 下周五, 月底.")
@click.option("--priority", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option("--meeting", "meeting_id", type=ID, metavar="ID", help="The meeting it came from.")
@click.option("--tag", "tags", metavar="T", multiple=True, help="Repeatable.")
@json_option
def actions_add(
    title: str,
    owners: tuple[str, ...],
    due: str | None,
    priority: int,
    meeting_id: int | None,
    tags: tuple[str, ...],
    as_json: bool,
) -> None:
    """Add an action item TITLE."""
    svc = services()
    due_date = parse_date_option(due)
    if meeting_id is not None:
        svc.meeting(meeting_id)
    owner_ids = person_ids(owners)
    created = svc.add_action(
        title,
        owners=owner_ids,
        due=due_date,
        priority=priority,
        meeting_id=meeting_id,
        tags=[t.lstrip("#") for t in tags],
    )
    assert created.id is not None
    _print_action(created.id, _("Added action {id}: {title}"), as_json)


@actions.command("done")
@click.argument("action_id", metavar="ID", type=ID)
@click.option("--note", default="", help="What was done.")
@json_option
def actions_done(action_id: int, note: str, as_json: bool) -> None:
    """Mark action ID done (an item already done stays as it was; nothing is logged)."""
    from salestui.core.models import ActionStatus

    svc = services()
    if svc.action(action_id).status == ActionStatus.DONE:
        _print_action(action_id, _("Already done: action {id}: {title}"), as_json)
        return
    svc.mark_done(action_id, note)
    _print_action(action_id, _("Done: action {id}: {title}"), as_json)


@actions.command("edit")
@click.argument("action_id", metavar="ID", type=ID)
@click.option("--title")
@click.option(
    "--owner", "owners", metavar="N", multiple=True, help=f"Replaces the owners: {OWNER_HELP}."
)
@click.option("--no-owner", is_flag=True, help="Remove every owner (unassigned).")
@click.option("--due", metavar="D", help="New due date.")
@click.option("--no-due", is_flag=True, help="Remove the due date.")
@click.option("--priority", type=click.IntRange(1, 3))
@click.option("--status", type=click.Choice(ACTION_STATUSES))
@click.option("--note", default="", help="Why, for the history (with --owner, --status, --due).")
@json_option
def actions_edit(
    action_id: int,
    title: str | None,
    owners: tuple[str, ...],
    no_owner: bool,
    due: str | None,
    no_due: bool,
    priority: int | None,
    status: str | None,
    note: str,
    as_json: bool,
) -> None:
    """Change action ID."""
    from salestui.core.errors import InvalidInput

    if due is not None and no_due:
        raise click.UsageError(
            _("--due and --no-due cannot be used together"), click.get_current_context()
        )
    if owners and no_owner:
        raise click.UsageError(
            _("--owner and --no-owner cannot be used together"), click.get_current_context()
        )
    if (title, due, priority, status) == (None, None, None, None) and not (
        owners or no_owner or no_due
    ):
        raise InvalidInput(_("Nothing to change: give --title, --owner, --due, ..."))
    svc = services()
    svc.action(action_id)
    due_date = parse_date_option(due)
    new_owners: list[int] | None = None
    if owners:
        new_owners = list(person_ids(owners))
    elif no_owner:
        new_owners = []
    svc.edit_action(
        action_id,
        title=title,
        owners=new_owners,
        due=due_date,
        clear_due=no_due,
        priority=priority,
        status=status,
        note=note,
    )
    _print_action(action_id, _("Changed action {id}: {title}"), as_json)


@click.command()
@click.argument("action_id", metavar="ID", type=ID)
@click.argument("note")
@click.option("--status", type=click.Choice(ACTION_STATUSES), help="New status.")
@click.option("--due", metavar="D", help="New due date.")
@click.option("--next", "next_check", metavar="D", help="When to follow up next.")
@json_option
def followup(
    action_id: int,
    note: str,
    status: str | None,
    due: str | None,
    next_check: str | None,
    as_json: bool,
) -> None:
    """Log a dated follow-up NOTE on action ID (and optionally its new status/due)."""
    svc = services()
    svc.action(action_id)
    new_due = parse_date_option(due)
    next_date = parse_date_option(next_check)
    svc.add_follow_up(action_id, note, status=status, new_due=new_due, next_check_in=next_date)
    _print_action(action_id, _("Follow-up logged on action {id}: {title}"), as_json)
