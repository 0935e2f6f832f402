"""``actions list``'s output: the text table, JSON and JSON lines, written as rows come.

One writer for every way a listing is read: straight from SQL (a plain listing, also the
quick path of ``cli.quick``) or from the actions screen's pager (due buckets, series, other
sorts). Loads neither click nor the models, so the quick path can use it.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from salestui.cli.stream import Cell, TextTable, plain, write_json_array, write_json_lines
from salestui.cli.vocabulary import label
from salestui.core.confidential_mark import mark
from salestui.core.store import listing_sql as action_sql
from salestui.i18n import N_, _

ACTION_HEADERS = (N_("ID"), N_("Title"), N_("Owners"), N_("Due"), N_("P"), N_("Status"),
                  N_("Meeting"))  # fmt: skip
READ_AT_ONCE = 500  # rows fetched from SQLite at a time
DEFAULT_LIMIT = 200  # rows of a table without --limit (JSON: every row)


def action_cells(
    action_id: int,
    title: str,
    owners: list[str],
    due: date | None,
    priority: int,
    status: str,
    meeting_title: str | None,
    confidential: bool,
    today: date,
) -> list[Cell]:
    """The cells of one actions-table row, each with whether it is a warning (overdue). A
    confidential item's title comes after the marker the app shows (``[confidential]``)."""
    from salestui.core.date_labels import format_due
    from salestui.core.names import join_names

    closed = status in ("done", "cancelled")
    overdue = due is not None and due < today and not closed
    # A closed item's due date is history, not a warning: show the plain date.
    if due is None:
        shown = "-"
    else:
        shown = due.isoformat() if closed else format_due(due, today)
    return [
        (str(action_id), False),
        (mark(title) if confidential else title, False),
        (join_names(owners) if owners else _("(unassigned)"), False),
        (shown, overdue),
        (f"p{priority}", False),
        (label("status", status), False),
        (meeting_title or "", False),
    ]


def write_listing(
    output: str,
    rows: Iterable[Any],
    limit: int,
    total: Callable[[], int],
) -> None:
    """Write the rows as they come (``output`` "table": lists of cells; "json" and
    "jsonl": encoded objects) and say when ``limit`` left some out."""
    if output == "jsonl":
        write_json_lines(rows, total=lambda count: total() if limit and count == limit else None)
        return
    if output == "json":
        count = write_json_array(rows)
    else:
        table = TextTable([_(h) for h in ACTION_HEADERS])
        count = table.write([(plain(text), warn) for text, warn in cells] for cells in rows)
        if count == 0:
            sys.stdout.write(_("No action items found.") + "\n")
            return
    if limit and count == limit and (matched := total()) > limit:
        from salestui.i18n import format_number

        message = _("Showing {shown} of {total}; use --limit 0 to see all.").format(
            shown=format_number(limit), total=format_number(matched)
        )
        (sys.stderr if output == "json" else sys.stdout).write(message + "\n")


def write_plain(
    conn: sqlite3.Connection,
    where: str,
    params: list[Any],
    output: str,
    today: date,
    limit: int,
    confidential: str = "a.confidential",
) -> None:
    """A listing in the due order read straight from SQL (``core.action_sql``)."""
    make = action_sql.table_sql if output == "table" else action_sql.json_sql
    sql = make(where, confidential)
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = conn.execute(sql, params)
    rows = _table_rows(cursor, today) if output == "table" else _json_rows(cursor)

    def total() -> int:
        return int(conn.execute(action_sql.count_sql(where), params).fetchone()[0])

    try:
        write_listing(output, rows, limit, total)
    finally:
        cursor.close()


def _fetched(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while batch := cursor.fetchmany(READ_AT_ONCE):
        yield from batch


def _table_rows(cursor: sqlite3.Cursor, today: date) -> Iterator[list[Cell]]:
    days: dict[str, date] = {}
    for action_id, title, due, priority, status, secret, meeting, names in _fetched(cursor):
        day = None
        if due is not None:
            day = days.get(due) or days.setdefault(due, date.fromisoformat(due))
        yield action_cells(
            action_id,
            title,
            names.split("\x1f") if names else [],
            day,
            priority,
            status,
            meeting,
            bool(secret),
            today,
        )


def _json_rows(cursor: sqlite3.Cursor) -> Iterator[str]:
    join = action_sql.json_row
    for head, owners, tail in _fetched(cursor):
        yield join(head, owners, tail)
