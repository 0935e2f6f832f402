"""CLI commands for action items: ``actions list|add|done|edit`` and ``followup``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import click

from salestui.cli.common import (
    ACTION_HEADERS,
    ACTION_STATUSES,
    ID,
    SQLITE_MAX_INTEGER,
    action_cells,
    action_json,
    action_row,
    json_option,
    names_are_input,
    parse_date_option,
    person_ids,
    print_json,
    services,
)
from salestui.cli.stream import TextTable, plain, write_json_array, write_json_lines
from salestui.i18n import _, format_number

if TYPE_CHECKING:
    from salestui.core.models import ActionRow
    from salestui.core.views import ActionPager

OWNER_HELP = "full name, unique prefix, pinyin initials or id (no match = exit 2)"
DEFAULT_LIMIT = 200
PAGE = 500  # rows read at a time for the sorted views


@click.group()
def actions() -> None:
    """List, add, complete and edit action items."""


@actions.command("list")
@click.option("--owner", metavar="N", help=f"Owned by this person: {OWNER_HELP}.")
@click.option("--team", metavar="T", help="Owned by anyone in team T (or in person T's reports).")
@click.option(
    "--status",
    "statuses",
    type=click.Choice(ACTION_STATUSES),
    multiple=True,
    help="Only these statuses (repeatable).",
)
@click.option("--overdue", is_flag=True, help="Open items due before today.")
@click.option("--due-before", metavar="D", help="Due strictly before D (e.g. fri, 下周五).")
@click.option("--meeting", "meeting_id", type=ID, metavar="ID", help="From this meeting.")
@click.option("--tag", metavar="T")
@click.option("--priority", type=click.IntRange(1, 3))
@click.option("--search", metavar="TEXT", help="Full-text search in titles.")
@click.option("--unassigned", is_flag=True, help="Only items without an owner.")
@click.option(
    "--due",
    "bucket",
    type=click.Choice(["overdue", "today", "week", "later", "none"]),
    help="Due bucket: overdue, today, this week (the next 7 days), later, or no due date.",
)
@click.option("--series", "series_id", type=ID, metavar="ID", help="From meetings of this series.")
@click.option(
    "--sort",
    type=click.Choice(["due", "urgency", "priority", "owner", "age"]),
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
    owner: str | None,
    team: str | None,
    statuses: tuple[str, ...],
    overdue: bool,
    due_before: str | None,
    meeting_id: int | None,
    tag: str | None,
    priority: int | None,
    search: str | None,
    unassigned: bool,
    bucket: str | None,
    series_id: int | None,
    sort: str,
    limit: int | None,
    as_json: bool,
    as_jsonl: bool,
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
    before = parse_date_option(due_before)
    if meeting_id is not None:
        svc.meeting(meeting_id)
    if bucket or series_id is not None or sort != "due":
        if before is not None:
            raise click.UsageError(
                _("--due-before cannot be combined with --due, --series or --sort")
            )
        _list_with_views(
            svc, owner, team, statuses, overdue, meeting_id, tag, priority, search, unassigned,
            bucket, series_id, sort, limit, output,
        )  # fmt: skip
        return
    with names_are_input():
        query = svc.action_query(
            owner=owner,
            team=team,
            statuses=list(statuses) or None,
            overdue=overdue,
            due_before=before,
            meeting_id=meeting_id,
            tag=tag,
            priority=priority,
            text=search,
            unassigned=unassigned,
        )
    rows = svc.store.iter_actions(query, limit=limit or None)
    write_listing(rows, output, svc.clock.today(), limit, lambda: svc.store.count_actions(query))


def _list_with_views(
    svc, owner, team, statuses, overdue, meeting_id, tag, priority, search, unassigned,
    bucket, series_id, sort, limit, output,
) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The filters and sorts of the actions screen (due buckets, series, urgency)."""
    from salestui.core.models import ActionStatus
    from salestui.core.views import ActionFilter, ActionPager, DueBucket

    with names_are_input():
        # The same owner / team resolution as the plain listing.
        owners = svc.action_query(owner=owner, team=team).owner_ids
    owner_ids: tuple[int, ...] = ()
    if owners is not None:
        owner_ids = tuple(owners) or (-1,)  # a team with nobody in it matches nothing
    if series_id is not None and svc.store.get_series(series_id) is None:
        from salestui.core.errors import NotFound

        raise NotFound(_("No series with id {id}").format(id=series_id))
    chosen = DueBucket("overdue") if overdue else (DueBucket(bucket) if bucket else None)
    pager = ActionPager(
        svc,
        ActionFilter(
            owner_ids=owner_ids,
            statuses=tuple(ActionStatus(s) for s in statuses),
            bucket=chosen,
            meeting_id=meeting_id,
            series_id=series_id,
            tag=tag,
            priority=priority,
            text=search or "",
            unassigned=unassigned,
            sort=sort,
        ),
    )
    write_pager(pager, output, svc.clock.today(), limit)


def write_pager(pager: ActionPager, output: str, today: date, limit: int) -> None:
    """Every row of ``pager`` (or the first ``limit``), read ``PAGE`` rows at a time."""
    wanted = min(limit, pager.total) if limit else pager.total
    rows = (
        row
        for start in range(0, wanted, PAGE)
        for row in pager.rows(start, min(start + PAGE, wanted))
    )
    write_listing(rows, output, today, limit, lambda: pager.total)


def write_listing(
    rows: Iterable[ActionRow], output: str, today: date, limit: int, total: Callable[[], int]
) -> None:
    """Write the rows as they come; say when ``limit`` left some out."""
    if output == "jsonl":
        write_json_lines(
            (action_json(r) for r in rows),
            total=lambda count: total() if limit and count == limit else None,
        )
        return
    if output == "json":
        count = write_json_array(action_json(r) for r in rows)
    else:
        table = TextTable([_(h) for h in ACTION_HEADERS])
        count = table.write(
            [(plain(text), warn) for text, warn in action_cells(r, today)] for r in rows
        )
        if count == 0:
            click.echo(_("No action items found."))
            return
    if limit and count == limit and (matched := total()) > limit:
        message = _("Showing {shown} of {total}; use --limit 0 to see all.").format(
            shown=format_number(limit), total=format_number(matched)
        )
        click.echo(message, err=output == "json")


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
