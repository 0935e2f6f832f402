"""The SQL of plain action listings, shared by the store and the command line's quick path.

Standard library only: ``salestui actions list`` answers a plain listing without loading the
models or the store (``cli.quick``), with the same filters and rows as the store's.

A JSON listing is made by SQLite itself (``json_object``), times included: a stored moment
(UTC, ``Z``) becomes local time with its offset (``2026-11-27T16:30:00+08:00``), as Python's
``astimezone().isoformat(timespec="seconds")`` gives it; both ask the C library's
``localtime`` for the offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Items without a due date come after every date, then by priority and id: the order of
# the index ``action_items_due_key``, so a listing is read in order without a sort.
DUE_ORDER = "coalesce(a.due, '9999-12-31'), a.priority, a.id"

# The owners' names (separated by U+001F) in their order.
OWNER_NAMES = """(SELECT group_concat(p.name, char(31)) FROM
    (SELECT p.name FROM action_owners o JOIN people p ON p.id = o.person_id
     WHERE o.action_id = a.id ORDER BY o.position) p)"""

# The owners as two JSON arrays, names then ids, separated by U+001F.
_OWNERS_JSON = """(SELECT json_group_array(name) || char(31) || json_group_array(person_id) FROM
    (SELECT p.name, o.person_id FROM action_owners o JOIN people p ON p.id = o.person_id
     WHERE o.action_id = a.id ORDER BY o.position))"""


def placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def local_time(column: str) -> str:
    """SQL for a stored UTC moment as local ISO-8601 with the offset (NULL stays NULL)."""
    minutes = f"(julianday({column}, 'localtime') - julianday({column})) * 1440"
    sign = "CASE WHEN d < 0 THEN '-' ELSE '+' END"
    return (
        f"strftime('%Y-%m-%dT%H:%M:%S', {column}, 'localtime') || "
        f"(SELECT {sign} || printf('%02d:%02d', abs(d) / 60, abs(d) % 60) "
        f"FROM (SELECT CAST(round({minutes}) AS INTEGER) AS d))"
    )


def filter_clauses(
    params: list[Any],
    *,
    owner_ids: Sequence[int] | None = None,
    statuses: Sequence[str] = (),
    tag: str | None = None,
    priority: int | None = None,
    meeting_id: int | None = None,
    unassigned: bool = False,
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


def json_sql(where: str, confidential: str = "a.confidential") -> str:
    """Each row as three strings that ``json_row`` joins into the object ``actions list
    --json`` gives (the keys of ``cli.common.action_json``, in its order)."""
    last = "(SELECT max(f.at) FROM follow_ups f WHERE f.action_id = a.id)"
    return f"""SELECT json_object('id', a.id, 'title', a.title), {_OWNERS_JSON},
        json_object('due', a.due, 'priority', a.priority, 'status', a.status,
            'meeting_id', a.meeting_id, 'meeting_title', m.title,
            'created_at', {local_time("a.created_at")},
            'completed_at', {local_time("a.completed_at")},
            'carried_count', a.carried_count,
            'last_follow_up', (SELECT {local_time("t")} FROM (SELECT {last} AS t)),
            'next_follow_up', a.next_follow_up,
            'confidential', json(CASE WHEN {confidential} THEN 'true' ELSE 'false' END))
        FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
        {where} ORDER BY {DUE_ORDER}"""


def json_row(head: str, owners: str, tail: str) -> str:
    """One JSON object from the three parts ``json_sql`` reads."""
    names, _, ids = owners.partition("\x1f")
    return f'{head[:-1]},"owners":{names},"owner_ids":{ids},{tail[1:]}'


def count_sql(where: str) -> str:
    return f"SELECT count(*) FROM action_items a {where}"
