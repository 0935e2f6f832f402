"""The follow-through of actions and decisions (issue 15), aggregated in SQL: on-time
completion per period, person and team; decisions whose actions are all done; the median
days to close and to the first follow-up; items carried over three times or more.

An action counts for on-time completion when it is due in the window and either done or
already past its due date (``today``: not yet due is not yet late); cancelled ones do not
count. It was on time when it was done on or before its due date, the day it was done
taken in local time (``offset``: an SQLite modifier such as ``'+480 minutes'``).
``members``: only actions one of these people owns (None: all of them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salestui.core.store.base import BaseStore, _placeholders

Days = Sequence[tuple[int, str, str]]  # (idx, first day, last day) as ISO dates
CARRIED_AT_LEAST = 3
# What counts as following an item up: a dated note, an answer in a review, a status
# change or an escalation - not an edit of its text or a new owner.
FOLLOW_UP_KINDS = "('note', 'review', 'status', 'escalate')"

_DUE = """WITH days(idx, lo, hi) AS (VALUES {days}),
due AS (
    SELECT a.id, d.idx,
           (a.status = 'done' AND a.completed_at IS NOT NULL
            AND date(a.completed_at, ?) <= a.due) AS on_time
    FROM action_items a JOIN days d ON a.due >= d.lo AND a.due <= d.hi
    WHERE a.due >= ? AND a.due <= ? AND a.status != 'cancelled'
      AND (a.due < ? OR a.status = 'done') {owned}
)
"""
_MEDIAN = """, ordered AS (
    SELECT v, row_number() OVER (ORDER BY v) AS rn, count(*) OVER () AS n FROM x
)
SELECT (SELECT count(*) FROM x) AS n,
       (SELECT avg(v) FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median"""


def _owned(members: Sequence[int] | None, params: list[Any], action: str = "a.id") -> str:
    if members is None:
        return ""
    params += list(members)
    who = _placeholders(members) or "NULL"
    return (
        f"AND EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = {action} "
        f"AND o.person_id IN ({who}))"
    )


class FollowThroughStore(BaseStore):
    def _due(
        self, days: Days, today: str, offset: str, members: Sequence[int] | None, params: list[Any]
    ) -> str:
        for idx, lo, hi in days:
            params += [idx, lo, hi]
        params += [offset, days[0][1], days[-1][2], today]
        owned = _owned(members, params)
        return _DUE.format(days=", ".join("(?, ?, ?)" for _ in days), owned=owned)

    def on_time_trend(
        self, days: Days, today: str, offset: str, members: Sequence[int] | None
    ) -> list[dict[str, Any]]:
        """Per period index with actions due: due, on_time."""
        params: list[Any] = []
        sql = self._due(days, today, offset, members, params)
        sql += "SELECT idx, count(*) AS due, sum(on_time) AS on_time FROM due GROUP BY idx"
        return self._rows(sql, params)

    def on_time_by_owner(
        self, days: Days, today: str, offset: str, members: Sequence[int] | None
    ) -> list[dict[str, Any]]:
        """Per owner (a person; an item with two owners counts for both): person_id, name,
        team, due, on_time. Lowest rate first, then by name."""
        params: list[Any] = []
        sql = self._due(days, today, offset, members, params)
        mine = "" if members is None else f"AND o.person_id IN ({_placeholders(members)})"
        params += list(members or ())
        sql += f"""SELECT o.person_id, p.name, p.team, count(*) AS due,
               sum(due.on_time) AS on_time
        FROM due JOIN action_owners o ON o.action_id = due.id
        JOIN people p ON p.id = o.person_id WHERE 1 = 1 {mine}
        GROUP BY o.person_id ORDER BY sum(due.on_time) * 1.0 / count(*), p.name, o.person_id"""
        return self._rows(sql, params)

    def on_time_by_team(
        self, days: Days, today: str, offset: str, members: Sequence[int] | None
    ) -> list[dict[str, Any]]:
        """Per team of the owners: team, due, on_time (an item counted once per team)."""
        params: list[Any] = []
        sql = self._due(days, today, offset, members, params)
        mine = "" if members is None else f"AND o.person_id IN ({_placeholders(members)})"
        params += list(members or ())
        sql += f"""SELECT p.team, count(DISTINCT due.id) AS due,
               count(DISTINCT CASE WHEN due.on_time THEN due.id END) AS on_time
        FROM due JOIN action_owners o ON o.action_id = due.id
        JOIN people p ON p.id = o.person_id WHERE p.team IS NOT NULL {mine}
        GROUP BY p.team ORDER BY p.team"""
        return self._rows(sql, params)

    def decision_execution(self, lo: str, hi: str, members: Sequence[int] | None) -> dict[str, Any]:
        """Of the decisions taken in [lo, hi) (not rejected or superseded) that have
        actions (cancelled ones aside): decisions, and executed (every action done)."""
        params: list[Any] = [lo, hi]
        owned = ""
        if members is not None:
            owned = (
                "AND d.id IN (SELECT a2.decision_id FROM action_items a2 "
                f"WHERE a2.decision_id IS NOT NULL {_owned(members, params, 'a2.id')})"
            )
        sql = f"""SELECT count(*) AS decisions, coalesce(sum(done = total), 0) AS executed
        FROM (SELECT d.id, count(a.id) AS total, sum(a.status = 'done') AS done
              FROM decisions d JOIN action_items a ON a.decision_id = d.id
              WHERE d.decided_at >= ? AND d.decided_at < ? AND a.status != 'cancelled'
                AND d.status NOT IN ('rejected', 'superseded') {owned}
              GROUP BY d.id)"""
        return self._rows(sql, params)[0]

    def days_to_close(self, lo: str, hi: str, members: Sequence[int] | None) -> dict[str, Any]:
        """Actions done in [lo, hi): n, and the median days from created to done."""
        params: list[Any] = [lo, hi]
        owned = _owned(members, params)
        sql = f"""WITH x AS (
            SELECT julianday(a.completed_at) - julianday(a.created_at) AS v
            FROM action_items a WHERE a.completed_at >= ? AND a.completed_at < ?
              AND a.status = 'done' {owned}
        ){_MEDIAN}"""
        return self._rows(sql, params)[0]

    def follow_up_latency(self, lo: str, hi: str, members: Sequence[int] | None) -> dict[str, Any]:
        """Actions made in [lo, hi) and followed up since: n, and the median days from
        made to the first follow-up."""
        params: list[Any] = [lo, hi]
        owned = _owned(members, params)
        sql = f"""WITH x AS (
            SELECT julianday(min(f.at)) - julianday(a.created_at) AS v
            FROM action_items a JOIN follow_ups f ON f.action_id = a.id
            WHERE a.created_at >= ? AND a.created_at < ? AND f.at >= a.created_at
              AND f.kind IN {FOLLOW_UP_KINDS} {owned}
            GROUP BY a.id
        ){_MEDIAN}"""
        return self._rows(sql, params)[0]

    def carried_items(
        self, members: Sequence[int] | None, limit: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Open actions carried over three times or more: how many, and the ``limit`` most
        carried (id, title, owner_name, carried_count, due)."""
        params: list[Any] = []
        owned = _owned(members, params)
        where = (
            f"FROM action_items a WHERE a.carried_count >= {CARRIED_AT_LEAST} "
            f"AND a.status NOT IN ('done', 'cancelled') {owned}"
        )
        total = self._rows(f"SELECT count(*) AS n {where}", params)[0]["n"]
        rows = self._rows(
            f"SELECT a.id, a.title, {self.confidential_column()} AS confidential, "
            "coalesce(a.owner_name, '') AS owner_name, "
            "a.carried_count, "
            f"a.due {where} ORDER BY a.carried_count DESC, a.due IS NULL, a.due, a.id LIMIT ?",
            [*params, limit],
        )
        return total, rows
