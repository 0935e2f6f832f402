"""``actions list``'s output: the text table, JSON and JSON lines, written as rows come.

One writer for every way a listing is read: straight from SQL (a plain listing, also the
quick path of ``cli.quick``) or from the actions screen's pager (due buckets, series, other
sorts). Loads neither click nor the models, so the quick path can use it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from salestui.cli.stream import Cell, TextTable, encode, plain, write_json_array, write_json_lines
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
    "jsonl": batches of encoded objects) and say when ``limit`` left some out."""
    if output == "jsonl":
        write_json_lines(rows, total=lambda count: total() if limit and count == limit else None)
        return
    if output == "json":
        count = write_json_array(rows)
    else:
        table = TextTable([_(h) for h in ACTION_HEADERS], main=1)  # the title gives way last
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
    """A listing in the due order read straight from SQL (``store.listing_sql``)."""
    if output == "table":
        sql = action_sql.table_sql(where, confidential)
    else:
        sql = action_sql.json_sql(where, confidential, action_sql.moment_sql(conn))
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = conn.execute(sql, params)
    rows: Iterable[Any]
    if output == "table":
        rows = _table_rows(cursor, today)
    else:
        rows = _json_batches(cursor, _Owners(action_sql.owner_names(conn)))

    def total() -> int:
        return int(conn.execute(action_sql.count_sql(where), params).fetchone()[0])

    try:
        write_listing(output, rows, limit, total)
    finally:
        cursor.close()


def _table_rows(cursor: sqlite3.Cursor, today: date) -> Iterator[list[Cell]]:
    days: dict[str, date] = {}
    while batch := cursor.fetchmany(READ_AT_ONCE):
        for action_id, title, due, priority, status, secret, meeting, names in batch:
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


class _Owners(dict[bytes | None, bytes]):
    """The owners' part of a JSON row (``,"owners":[...],"owner_ids":[...],``) for each
    list of owner ids, made once per list."""

    def __init__(self, names: dict[int, str]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, ids: bytes | None) -> bytes:
        known = [int(i) for i in ids.split(b",")] if ids else []
        known = [i for i in known if i in self.names]
        names = encode([self.names[i] for i in known])
        part = f',"owners":{names},"owner_ids":{encode(known)},'.encode()
        self[ids] = part
        return part


# What SQLite's JSON may carry that the text a connection reads never does (a control
# character escaped, DEL, C1, bidi controls: another tool wrote them): a byte search finds
# the batches that may hold one, a pattern the rows that do.
_MAYBE = (b"\\", b"\x7f", b"\xc2", b"\xe2")
_UNCLEAN = rb"\\(?:u00|[bfnrt])|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"


def _json_batches(cursor: sqlite3.Cursor, owners: _Owners) -> Iterator[list[bytes]]:
    join = action_sql.json_row
    while batch := cursor.fetchmany(READ_AT_ONCE):
        rows = [join(head, owners[ids], tail) for head, ids, tail in batch]
        joined = b"".join(rows)
        if any(mark in joined for mark in _MAYBE):
            unclean = re.compile(_UNCLEAN)  # (compiled once: re keeps it)
            if unclean.search(joined):
                rows = [_cleaned(row) if unclean.search(row) else row for row in rows]
        yield rows


def _cleaned(row: bytes) -> bytes:
    """A JSON row with every text as the connection's text factory reads it (controls
    and terminal sequences taken out), as the listings made from the models give it."""
    from salestui.core.text import read_text

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return read_text(value.encode("utf-8", "surrogatepass"))
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    item = json.loads(row.decode("utf-8", "replace"))
    return encode({name: clean(value) for name, value in item.items()}).encode()
