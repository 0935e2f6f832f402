"""Paging the actions list at 100,000 rows: sort keys, keyset windows, urgency in SQL.

Every sort is a tuple of ascending keys ending in the id, so a window is found from the
last key of the previous one (``(k0, k1, id) > (?, ?, ?)``) and a stable order holds
under ties. The urgency score is computed here from the same weights as
``salestui.core.followup.urgency``; date arithmetic is turned into comparisons against
thresholds worked out once in Python (SQLite's ``julianday`` is slow on every row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from salestui.core import followup as rules
from salestui.core.clock import to_utc_iso
from salestui.core.models import OPEN_STATUSES, ActionQuery, ActionStatus
from salestui.core.schema import SORT_KEYS_VERSION
from salestui.core.schema_keys import FAR_FUTURE, NO_OWNER, OPEN_STATUS_SQL
from salestui.core.store.action_rows import ActionRowsStore
from salestui.core.store.base import _placeholders

DUE_KEY = f"coalesce(a.due, '{FAR_FUTURE}')"
CHECK_IN_KEY = f"coalesce(a.next_follow_up, '{FAR_FUTURE}')"
OWNER_KEY = f"coalesce(a.owner_name, '{NO_OWNER}')"  # the first owner's name, kept by triggers
# Before the sort keys' migration (a file opened read-only): the first owner (position 0)
# by a join, which is faster than a subquery per row.
JOINED_OWNER_KEY = f"coalesce(p0.name, '{NO_OWNER}')"
OWNER_JOIN = (
    "LEFT JOIN action_owners o0 ON o0.action_id = a.id AND o0.position = 0 "
    "LEFT JOIN people p0 ON p0.id = o0.person_id"
)
_OPEN = OPEN_STATUS_SQL
assert {s.strip("' ") for s in _OPEN.split(",")} == {s.value for s in OPEN_STATUSES}
OPEN_VALUES = frozenset(s.value for s in OPEN_STATUSES)
# The terms of the open items' index (schema_keys), word for word: SQLite uses a partial
# index only for a query that repeats its condition.
OPEN_WHERE = f"a.status IN ({_OPEN})"
CLOSED_WHERE = "a.status IN ({})".format(
    ", ".join(f"'{s.value}'" for s in ActionStatus if s.value not in OPEN_VALUES)
)
# The index each sort reads along (its keys, in order, then the id); urgency has none: its
# open items are scored (over their own index), its closed ones score 0 and follow the due
# date's index. A sort without an index (by next check-in, a short list's sort) sorts the
# matching rows.
SORT_INDEXES = {
    "due": "action_items_due_key",
    "priority": "action_items_priority_key",
    "owner": "action_items_owner_key",
    "age": "action_items_created",
}
TAIL_INDEX = "action_items_due_key"
WINDOW_GUESS = 100  # the rows a window reads, for choosing how to read it

Key = tuple[Any, ...]


def _local_midnight_utc(day: date) -> str:
    return to_utc_iso(datetime.combine(day, time(0)).astimezone())


def urgency_sql(today: date) -> tuple[str, list[Any]]:
    """The urgency score of ``a`` as an SQL expression, and its parameters.

    The formula is the one in ``followup.urgency``; ages count local calendar days, so
    each "full week" threshold is the UTC instant of a local midnight.
    """
    overdue_cap_days = rules.OVERDUE_MAX // rules.OVERDUE_PER_DAY
    params: list[Any] = [
        (today - timedelta(days=overdue_cap_days)).isoformat(),
        today.isoformat(),
        today.isoformat(),
        today.isoformat(),
        (today + timedelta(days=rules.DUE_SOON_DAYS)).isoformat(),
        (today + timedelta(days=rules.DUE_WEEK_DAYS)).isoformat(),
    ]
    due = (
        "CASE WHEN a.due IS NULL THEN 0 "
        f"WHEN a.due <= ? THEN {rules.OVERDUE_MAX} "
        f"WHEN a.due < ? THEN {rules.OVERDUE_PER_DAY} * "
        "CAST(julianday(?) - julianday(a.due) AS INTEGER) "
        f"WHEN a.due = ? THEN {rules.DUE_TODAY} "
        f"WHEN a.due <= ? THEN {rules.DUE_SOON} "
        f"WHEN a.due <= ? THEN {rules.DUE_WEEK} ELSE 0 END"
    )
    priority = (
        "CASE a.priority "
        + " ".join(f"WHEN {p} THEN {points}" for p, points in rules.PRIORITY_POINTS.items())
        + " ELSE 0 END"
    )
    # A full week open <=> created before the local midnight starting (today - 7k + 1).
    age_steps = []
    for weeks in range(rules.AGE_MAX_WEEKS, 0, -1):
        age_steps.append(f"WHEN a.created_at < ? THEN {weeks * rules.AGE_PER_WEEK}")
        params.append(_local_midnight_utc(today - timedelta(days=7 * weeks - 1)))
    age = "CASE " + " ".join(age_steps) + " ELSE 0 END"
    carried = (
        f"{rules.CARRY_POINTS} * a.carried_count + CASE WHEN a.carried_count >= "
        f"{rules.MUST_RESOLVE_AFTER} THEN {rules.MUST_RESOLVE_BONUS} ELSE 0 END"
    )
    state = (
        f"CASE a.status WHEN 'blocked' THEN {rules.BLOCKED_POINTS} "
        f"WHEN 'waiting' THEN {rules.WAITING_POINTS} ELSE 0 END"
    )
    sql = (
        f"(CASE WHEN a.status IN ({_OPEN}) THEN "
        f"({due}) + ({priority}) + ({age}) + ({carried}) + ({state}) ELSE 0 END)"
    )
    return sql, params


def sort_keys(
    sort: str, today: date, owner_column: bool = True
) -> tuple[list[str], list[Any], str]:
    """The ascending key expressions of ``sort`` (the id last), their parameters, and any
    join they need (``owner_column``: the file has ``owner_name``)."""
    if sort == "urgency":
        score, params = urgency_sql(today)
        return [f"-{score}", DUE_KEY, "a.id"], params, ""
    if sort == "due":
        return [DUE_KEY, "a.priority", "a.id"], [], ""
    if sort == "priority":
        return ["a.priority", DUE_KEY, "a.id"], [], ""
    if sort == "owner":
        if not owner_column:
            return [JOINED_OWNER_KEY, DUE_KEY, "a.id"], [], OWNER_JOIN
        return [OWNER_KEY, DUE_KEY, "a.id"], [], ""
    if sort == "age":  # oldest first
        return ["a.created_at", "a.id"], [], ""
    if sort == "check-in":  # the next check-in first, then by due date
        return [CHECK_IN_KEY, DUE_KEY, "a.id"], [], ""
    raise ValueError(f"unknown sort {sort!r}")


@dataclass(frozen=True)
class _Rows:
    """The rows a window reads from: conditions (ANDed) with their parameters, and a join."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    join: str = ""

    def narrowed(self, condition: str) -> _Rows:
        return replace(self, conditions=[*self.conditions, condition])


def _with_hints(rows: _Rows, query: ActionQuery) -> _Rows:
    """``rows`` with the conditions the query implies on the sort keys: a read along an
    index then starts and stops where the matching rows are, instead of passing every
    other row first (a due filter by due date; unassigned items, which sort last, by
    owner). They hold for every matching row, so nothing else changes."""
    terms: list[tuple[str, Any]] = []
    if query.due_before is not None:  # a due date before it: never NULL
        terms.append((f"{DUE_KEY} < ?", query.due_before.isoformat()))
    if query.due_on_or_after is not None:
        terms.append((f"{DUE_KEY} >= ?", query.due_on_or_after.isoformat()))
    if query.has_due is False:
        terms.append((f"{DUE_KEY} = ?", FAR_FUTURE))
    if query.unassigned:  # no owner: no first owner's name
        terms.append((f"{OWNER_KEY} = ?", NO_OWNER))
    return replace(
        rows,
        conditions=[*rows.conditions, *(t for t, _ in terms)],
        params=[*rows.params, *(p for _, p in terms)],
    )


@dataclass(frozen=True)
class _Scan:
    """How a window is read: ascending from after ``bound`` (or from the start, skipping
    ``offset`` rows), or descending from before it (or from the end)."""

    bound: Key | None
    descending: bool
    limit: int
    offset: int = 0


class ActionPagingStore(ActionRowsStore):
    """Windows of the actions list, in any of ``SORTS``, without reading the rest."""

    def _action_where(self, query: ActionQuery, params: list[Any]) -> str:
        raise NotImplementedError  # ActionsStore provides it

    def action_keys(
        self,
        query: ActionQuery,
        sort: str,
        today: date,
        *,
        after: Key | None = None,
        before: Key | None = None,
        from_end: bool = False,
        offset: int = 0,
        limit: int = 50,
        matching: int | None = None,
    ) -> list[tuple[int, Key]]:
        """(id, sort key) of one window, in ascending order.

        ``after``: the rows just after that key; ``before``: the rows just before it;
        ``from_end``: the last ``limit`` rows; else ``offset`` rows from the start.
        ``matching``: how many rows the query matches, when known. When that is a good
        part of the table, the window is read along the sort's index (a few rows past
        the key, whatever the table's size); else the matching rows are sorted.
        """
        owner_column = self._sort_keys_ready()
        exprs, key_params, join = sort_keys(sort, today, owner_column)
        bound = after if after is not None else before
        if bound is not None and len(bound) != len(exprs):
            raise ValueError("a key from another sort")
        descending = from_end or before is not None
        skip = 0 if (descending or bound is not None) else max(0, offset)
        scan = _Scan(None if bound is None else tuple(bound), descending, max(0, limit), skip)
        where_params: list[Any] = []
        where = self._action_where(query, where_params)
        rows = _Rows([f"({where.removeprefix('WHERE ')})"] if where else [], where_params, join)
        if not (owner_column and self._broad(matching)):
            found = self._key_rows(rows, exprs, key_params, scan)
            return self._keys(found, descending)
        rows = _with_hints(rows, query)
        if sort == "urgency":
            found = self._urgency_rows(rows, exprs, key_params, scan, query)
        else:
            found = self._key_rows(rows, exprs, key_params, scan, SORT_INDEXES.get(sort))
        return self._keys(found, descending)

    @staticmethod
    def _keys(found: list[tuple[Any, ...]], descending: bool) -> list[tuple[int, Key]]:
        keys = [(int(row[-1]), tuple(row)) for row in found]
        if descending:
            keys.reverse()
        return keys

    def _sort_keys_ready(self) -> bool:
        """Whether the file has the sort keys' column and indexes (a file too old for
        them is only ever opened read-only, without them)."""
        ready: bool | None = getattr(self, "_sort_keys", None)
        if not ready:  # once there, they stay
            ready = self.user_version >= SORT_KEYS_VERSION
            self._sort_keys = ready
        return ready

    def _broad(self, matching: int | None) -> bool:
        """Whether ``matching`` rows are enough of the table to read along an index: a
        window then passes about WINDOW_GUESS * table / matching rows, which stays below
        the ``matching`` rows a sort would take."""
        if not matching:
            return False
        size = self.db.execute("SELECT max(id) FROM action_items").fetchone()[0] or 0
        return bool(matching * matching >= WINDOW_GUESS * size)

    def _key_rows(
        self,
        rows: _Rows,
        exprs: list[str],
        params: list[Any],
        scan: _Scan,
        index: str | None = None,
    ) -> list[tuple[Any, ...]]:
        """The keys of one window, in the scan's order. Without ``index``: one query that
        sorts every matching row (SQLite picks its plan). With it: along that index (the
        sort's keys, then the id), as a few ranges - the rows sharing the bound's first
        i keys and past its next one, for i from the last key back (a row-value
        comparison would not seek an index of expressions)."""
        columns = ", ".join(exprs)
        direction = " DESC" if scan.descending else ""
        op = "<" if scan.descending else ">"
        arms: list[tuple[list[str], list[Any], int]] = [([], [], 0)]
        if scan.bound is not None and index is None:
            arms = [([f"({columns}) {op} ({_placeholders(exprs)})"], [*params, *scan.bound], 0)]
        elif scan.bound is not None:
            arms = [
                (
                    [*(f"{e} = ?" for e in exprs[:i]), f"{exprs[i]} {op} ?"],
                    list(scan.bound[: i + 1]),
                    i,
                )
                for i in reversed(range(len(exprs)))
            ]
        indexed = f" INDEXED BY {index}" if index else ""
        found: list[tuple[Any, ...]] = []
        for terms, arm_params, first in arms:
            where = " AND ".join([*rows.conditions, *terms]) or "1"
            # The keys fixed by equality (or constant) are left out of the order: SQLite
            # then sees that the index gives it.
            order = ", ".join(
                f"{n + 1}{direction}" for n in range(first, len(exprs)) if not exprs[n].isdigit()
            )
            sql = (
                f"SELECT {columns} FROM action_items a{indexed} {rows.join} WHERE {where} "
                f"ORDER BY {order} LIMIT ? OFFSET ?"
            )
            more = [*params, *rows.params, *arm_params, scan.limit - len(found), scan.offset]
            found += self.db.execute(sql, more).fetchall()
            if len(found) >= scan.limit:
                break
        return found

    def _urgency_rows(
        self, rows: _Rows, exprs: list[str], params: list[Any], scan: _Scan, query: ActionQuery
    ) -> list[tuple[Any, ...]]:
        """A window by urgency: the open items' keys sorted (over their own index, which
        holds every column of the score), merged with the closed items' - which score 0,
        so go by due date and id, along that index."""
        if scan.bound is None and scan.offset:
            return self._key_rows(rows, exprs, params, scan)  # a jump: sort them all
        statuses = {s.value for s in query.statuses} if query.statuses else None
        found: list[tuple[Any, ...]] = []
        if statuses is None or statuses & OPEN_VALUES:
            found += self._key_rows(rows.narrowed(OPEN_WHERE), exprs, params, scan)
        if statuses is None or statuses - OPEN_VALUES:
            closed = rows.narrowed(CLOSED_WHERE)
            found += self._key_rows(closed, ["0", DUE_KEY, "a.id"], [], scan, TAIL_INDEX)
        found.sort(key=tuple, reverse=scan.descending)
        return found[: scan.limit]

    def action_urgency_scores(self, ids: Sequence[int], today: date) -> dict[int, int]:
        """The SQL urgency score of each of ``ids`` (tests compare it with Python's)."""
        if not ids:
            return {}
        score, params = urgency_sql(today)
        rows = self.db.execute(
            f"SELECT a.id, {score} FROM action_items a WHERE a.id IN ({_placeholders(ids)})",
            [*params, *ids],
        ).fetchall()
        return {int(r[0]): int(r[1]) for r in rows}
