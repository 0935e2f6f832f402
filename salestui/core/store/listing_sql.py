"""The SQL of plain action listings, shared by the store and the command line's quick path.

Standard library only: ``salestui actions list`` answers a plain listing without loading the
models or the store (``cli.quick``), with the same filters and rows as the store's.

A JSON listing is made by SQLite itself (``json_object``), times included: a stored moment
(UTC, ``Z``) becomes local time with its offset (``2026-11-27T16:30:00+08:00``), as Python's
``astimezone().isoformat(timespec="seconds")`` gives it: SQLite adds the offset of each
span of time the C library reports (``moments``), and Python converts what lies outside.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

# Items without a due date come after every date, then by priority and id: the order of
# the index ``action_items_due_key``, so a listing is read in order without a sort.
DUE_ORDER = "coalesce(a.due, '9999-12-31'), a.priority, a.id"

# The owners' names (separated by U+001F) in their order.
OWNER_NAMES = """(SELECT group_concat(p.name, char(31)) FROM
    (SELECT p.name FROM action_owners o JOIN people p ON p.id = o.person_id
     WHERE o.action_id = a.id ORDER BY o.position) p)"""

# The owners' ids in their order, separated by commas (index action_owners_order).
OWNER_IDS = """(SELECT group_concat(person_id) FROM
    (SELECT person_id FROM action_owners WHERE action_id = a.id ORDER BY position))"""
DAY = 24 * 60 * 60
SOON = 400 * DAY  # how far past now the fast local times reach (later ones: the C library)


def placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


LOCAL_TIME = "salestui_local_time"  # a function of the connection (``use_local_time``)


def _local(value: object) -> str | None:
    """A stored moment in local time with its offset, as the models and ``jsonable``
    give it (None for NULL or what is not a moment)."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).astimezone().isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return None


def use_local_time(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the function ``local_time`` calls (Python's own conversion: right in
    every year, where SQLite's 'localtime' takes another year's rules outside 1970-2037)."""
    conn.create_function(LOCAL_TIME, 1, _local, deterministic=True)


def local_time(column: str) -> str:
    """SQL for a stored UTC moment as local ISO-8601 with the offset (NULL stays NULL),
    through Python (``use_local_time``): for the moments ``moments`` has no period for."""
    return f"{LOCAL_TIME}({column})"


def filter_clauses(
    params: list[Any],
    *,
    owner_ids: Sequence[int] | None = None,
    statuses: Sequence[str] = (),
    tag: str | None = None,
    priority: int | None = None,
    meeting_id: int | None = None,
    unassigned: bool = False,
    due_before: str | None = None,
) -> list[str]:
    """The WHERE terms of these filters (over ``action_items a``); their values are added
    to ``params`` in order. ``owner_ids`` empty matches nothing; None does not filter."""
    where: list[str] = []
    if owner_ids is not None:
        if not owner_ids:
            where.append("0")
        else:
            # IN (not a correlated EXISTS): SQLite reads the owners' index once.
            where.append(
                "a.id IN (SELECT o.action_id FROM action_owners o "
                f"WHERE o.person_id IN ({placeholders(owner_ids)}))"
            )
            params.extend(owner_ids)
    if unassigned:
        where.append("NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = a.id)")
    if statuses:
        where.append(f"a.status IN ({placeholders(statuses)})")
        params.extend(statuses)
    if meeting_id is not None:
        where.append("a.meeting_id = ?")
        params.append(meeting_id)
    if tag:
        where.append("a.id IN (SELECT t.action_id FROM action_tags t WHERE t.tag = ?)")
        params.append(tag)
    if priority is not None:
        where.append("a.priority = ?")
        params.append(priority)
    if due_before is not None:
        where.append("a.due < ?")
        params.append(due_before)
    return where


def where_sql(terms: Sequence[str]) -> str:
    return f"WHERE {' AND '.join(terms)}" if terms else ""


def table_sql(where: str, confidential: str = "a.confidential") -> str:
    """The rows of the text table: id, title, due, priority, status, confidential, the
    meeting's title and the owners' names (``OWNER_NAMES``)."""
    return f"""SELECT a.id, a.title, a.due, a.priority, a.status, {confidential},
        m.title, {OWNER_NAMES}
        FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
        {where} ORDER BY {DUE_ORDER}"""


def json_sql(
    where: str, confidential: str = "a.confidential", moment: Callable[[str], str] = local_time
) -> str:
    """Each row as three byte strings that ``json_row`` joins into the object ``actions list
    --json`` gives (the keys of ``cli.common.action_json``, in its order): the id and title,
    the owners' ids (``OWNER_IDS``) and the rest. ``moment`` writes a stored moment's SQL
    as local time (``local_time``, or ``moments`` for the periods of the data)."""
    last = "(SELECT max(f.at) FROM follow_ups f WHERE f.action_id = a.id)"
    return f"""SELECT CAST(json_object('id', a.id, 'title', a.title) AS BLOB),
        CAST({OWNER_IDS} AS BLOB),
        CAST(json_object('due', a.due, 'priority', a.priority, 'status', a.status,
            'meeting_id', a.meeting_id, 'meeting_title', m.title,
            'created_at', {moment("a.created_at")},
            'completed_at', {moment("a.completed_at")},
            'carried_count', a.carried_count,
            'last_follow_up', (SELECT {moment("t")} FROM (SELECT {last} AS t)),
            'next_follow_up', a.next_follow_up,
            'confidential', json(CASE WHEN {confidential} THEN 'true' ELSE 'false' END))
            AS BLOB)
        FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
        {where} ORDER BY {DUE_ORDER}"""


def json_row(head: bytes, owners: bytes, tail: bytes) -> bytes:
    """One JSON object from ``json_sql``'s first and last parts and the owners' part
    (``,"owners":[...],"owner_ids":[...],``)."""
    return head[:-1] + owners + tail[1:]


def owner_names(conn: sqlite3.Connection) -> dict[int, str]:
    """Everyone's name by id (owners may have left: inactive people too)."""
    return {int(person_id): name for person_id, name in conn.execute("SELECT id, name FROM people")}


def first_moment(conn: sqlite3.Connection) -> str | None:
    """The earliest moment an item was made (index action_items_created)."""
    row = conn.execute("SELECT min(created_at) FROM action_items").fetchone()
    return str(row[0]) if row and row[0] else None


def _stored(seconds: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def offset_periods(start: int, end: int) -> list[tuple[int, int, int]] | None:
    """The spans of time (``[from, until)`` in seconds since the epoch) in which the local
    offset from UTC stays the same, with that offset in minutes, from ``start`` to ``end``;
    None when an offset is not a whole number of minutes (no fast form for it).

    The C library's offset is read once a day and a change is found to the second by
    halving (time zones change their offset at most once in a day)."""
    periods: list[tuple[int, int, int]] = []
    begin, offset = start, time.localtime(start).tm_gmtoff
    day = start
    while day < end:
        following = min(day + DAY, end)
        then = time.localtime(following).tm_gmtoff
        if then != offset:
            low, high = day, following
            while high - low > 1:
                middle = (low + high) // 2
                if time.localtime(middle).tm_gmtoff == offset:
                    low = middle
                else:
                    high = middle
            periods.append((begin, high, offset))
            begin, offset = high, then
        day = following
    periods.append((begin, end, offset))
    if any(seconds % 60 for _, _, seconds in periods):
        return None
    return [(begin, until, seconds // 60) for begin, until, seconds in periods]


def moments(periods: list[tuple[int, int, int]]) -> Callable[[str], str]:
    """Moments within ``periods`` (``offset_periods``) in local time by adding their
    offset in SQLite, many times faster than a call per moment; a moment outside them
    goes through ``local_time``."""

    def write(column: str) -> str:
        branches = [f"WHEN {column} IS NULL THEN NULL"]
        branches.append(f"WHEN {column} < '{_stored(periods[0][0])}' THEN {local_time(column)}")
        for _begin, until, minutes in periods:
            sign = "-" if minutes < 0 else "+"
            hours, rest = divmod(abs(minutes), 60)
            shifted = f"replace(datetime({column}, '{minutes:+d} minutes'), ' ', 'T')"
            suffix = f"{sign}{hours:02d}:{rest:02d}"
            branches.append(f"WHEN {column} < '{_stored(until)}' THEN {shifted} || '{suffix}'")
        return f"(CASE {' '.join(branches)} ELSE {local_time(column)} END)"

    return write


def moment_sql(conn: sqlite3.Connection) -> Callable[[str], str]:
    """How ``json_sql`` writes moments for this database's span of time (from its first
    item to a year past now); ``conn`` gets ``use_local_time`` for the others."""
    use_local_time(conn)
    first = first_moment(conn)
    if first is None:
        return local_time
    try:
        start = int(datetime.fromisoformat(first[:19]).replace(tzinfo=UTC).timestamp())
    except ValueError:
        return local_time
    periods = offset_periods(start, int(time.time()) + SOON)
    return moments(periods) if periods else local_time


def count_sql(where: str) -> str:
    return f"SELECT count(*) FROM action_items a {where}"
