"""The analytics of meetings (issue 15), aggregated in SQL: the load per period, planned vs
actual length per series, overruns by kind, late starts, agendas circulated in advance,
and the attendees' ratings - and the ratings themselves and the hourly rates per role.

A window is a list of ``(idx, lo, hi)`` bounds: the UTC moments (stored text) at which
each period starts and after which it has ended; a meeting belongs to the period it
started in. ``members``: only meetings one of these people attended (present or late),
and only their time (None: everyone). Costs come back as the sum of minutes x rate
(ten-thousandths): the service divides by 60 once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.clock import to_utc_iso
from salestui.core.store.analytics_follow import FollowThroughStore
from salestui.core.store.base import BaseStore, _placeholders

Bounds = Sequence[tuple[int, str, str]]

RATES_KEY = "hourly_rates"  # settings: {"role": "rate per hour", ...}, department-wide
PRESENT = "('present', 'late')"
# A meeting's length in whole minutes, rounded half up from seconds (core.timing's rule).
_MINUTES = (
    "CAST((max(0, CAST(round((julianday(m.actual_end) - julianday(m.actual_start)) * 86400) "
    "AS INTEGER)) + 30) / 60 AS INTEGER)"
)
_HELD = """WITH bounds(idx, lo, hi) AS (VALUES {bounds}),
held AS MATERIALIZED (
    SELECT m.id, m.kind, coalesce(m.series_id, 0) AS series_id, m.planned_minutes,
           m.scheduled_start, m.actual_start, m.agenda_circulated_at, b.idx,
           {minutes} AS minutes
    FROM meetings m JOIN bounds b ON m.actual_start >= b.lo AND m.actual_start < b.hi
    WHERE m.actual_start IS NOT NULL AND m.actual_end IS NOT NULL
      AND m.actual_start >= ? AND m.actual_start < ?
      AND m.status IN ('ended', 'confirmed') {team}
)
"""


def _member_clause(column: str, members: Sequence[int] | None, params: list[Any]) -> str:
    if members is None:
        return ""
    params += list(members)
    return f"AND {column} IN ({_placeholders(members) or 'NULL'})"


class AnalyticsStore(FollowThroughStore, BaseStore):
    def _held(self, bounds: Bounds, members: Sequence[int] | None, params: list[Any]) -> str:
        """The ``held`` meetings of the window as a WITH clause (its parameters added to
        ``params``)."""
        for idx, lo, hi in bounds:
            params += [idx, lo, hi]
        params += [bounds[0][1], bounds[-1][2]]
        team = ""
        if members is not None:
            inner = _member_clause("a.person_id", members, params)
            team = (
                "AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id "
                f"AND a.status IN {PRESENT} {inner})"
            )
        return _HELD.format(
            bounds=", ".join("(?, ?, ?)" for _ in bounds), minutes=_MINUTES, team=team
        )

    def meeting_load(
        self, bounds: Bounds, members: Sequence[int] | None, rates: dict[str, int]
    ) -> list[dict[str, Any]]:
        """Per period index (only those with meetings): meetings, minutes, person_minutes
        (minutes x the attendees present: the members only, for a team) and cost (the sum
        of minutes x the rate of each present attendee's role)."""
        params: list[Any] = []
        sql = self._held(bounds, members, params)
        for role, rate in rates.items():
            params += [role, rate]
        rate_rows = ", ".join("(?, ?)" for _ in rates) or "(NULL, 0)"
        # Per meeting, through the attendance's primary key (a join with a CTE of every
        # meeting's attendees would scan it once per meeting).
        people = f"""(SELECT count(*) FROM attendance a WHERE a.meeting_id = h.id
            AND a.status IN {PRESENT} {_member_clause("a.person_id", members, params)})"""
        cost = "0"
        if rates:
            cost = f"""(SELECT coalesce(sum(r.rate), 0) FROM attendance a
                JOIN people p ON p.id = a.person_id JOIN rates r ON r.role = p.role
                WHERE a.meeting_id = h.id AND a.status IN {PRESENT}
                {_member_clause("a.person_id", members, params)})"""
        sql += f""", rates(role, rate) AS (VALUES {rate_rows})
        SELECT h.idx, count(*) AS meetings, sum(h.minutes) AS minutes,
               coalesce(sum(h.minutes * {people}), 0) AS person_minutes,
               coalesce(sum(h.minutes * {cost}), 0) AS cost
        FROM held h GROUP BY h.idx ORDER BY h.idx"""
        return self._rows(sql, params)

    def meeting_series_timing(
        self, bounds: Bounds, members: Sequence[int] | None
    ) -> list[dict[str, Any]]:
        """Per series (0: no series): title, meetings, planned and actual minutes added
        up, overruns (longer than planned), rating_sum and ratings. Most meetings first."""
        params: list[Any] = []
        sql = self._held(bounds, members, params)
        sql += """SELECT h.series_id, coalesce(s.title, '') AS title, count(*) AS meetings,
               sum(h.planned_minutes) AS planned, sum(h.minutes) AS actual,
               sum(h.minutes > h.planned_minutes) AS overruns,
               coalesce(sum((SELECT sum(r.rating) FROM meeting_ratings r
                             WHERE r.meeting_id = h.id)), 0) AS rating_sum,
               coalesce(sum((SELECT count(*) FROM meeting_ratings r
                             WHERE r.meeting_id = h.id)), 0) AS ratings
        FROM held h LEFT JOIN series s ON s.id = h.series_id
        GROUP BY h.series_id ORDER BY meetings DESC, h.series_id = 0, title, h.series_id"""
        return self._rows(sql, params)

    def meeting_kind_overruns(
        self, bounds: Bounds, members: Sequence[int] | None
    ) -> list[dict[str, Any]]:
        """Per meeting kind: meetings held and how many ran longer than planned."""
        params: list[Any] = []
        sql = self._held(bounds, members, params)
        sql += """SELECT kind, count(*) AS meetings, sum(minutes > planned_minutes) AS overruns
        FROM held GROUP BY kind ORDER BY meetings DESC, kind"""
        return self._rows(sql, params)

    def meeting_habits(self, bounds: Bounds, members: Sequence[int] | None) -> dict[str, Any]:
        """held, late_starts (a minute or more after the scheduled start), circulated (the
        agenda went out before the meeting started)."""
        params: list[Any] = []
        sql = self._held(bounds, members, params)
        sql += """SELECT count(*) AS held,
            coalesce(sum(scheduled_start IS NOT NULL AND
                (julianday(actual_start) - julianday(scheduled_start)) * 86400 >= 59.5), 0)
                AS late_starts,
            coalesce(sum(agenda_circulated_at IS NOT NULL
                AND agenda_circulated_at <= actual_start), 0) AS circulated
        FROM held"""
        return self._rows(sql, params)[0]

    def rating_trend(self, bounds: Bounds, members: Sequence[int] | None) -> list[dict[str, Any]]:
        """Per series and period index with ratings: rating_sum and ratings."""
        params: list[Any] = []
        sql = self._held(bounds, members, params)
        sql += """SELECT h.series_id, h.idx, sum(r.rating) AS rating_sum, count(*) AS ratings
        FROM held h JOIN meeting_ratings r ON r.meeting_id = h.id
        GROUP BY h.series_id, h.idx ORDER BY h.series_id, h.idx"""
        return self._rows(sql, params)

    # -- ratings ---------------------------------------------------------------------------

    def meeting_ratings(self, meeting_id: int) -> dict[int, int]:
        """person id -> rating (1-10) of one meeting."""
        rows = self._rows(
            "SELECT person_id, rating FROM meeting_ratings WHERE meeting_id = ?", [meeting_id]
        )
        return {r["person_id"]: r["rating"] for r in rows}

    def set_meeting_ratings(
        self, meeting_id: int, ratings: dict[int, int | None], at: datetime
    ) -> None:
        """Store each person's rating (None: take theirs back), in one transaction."""
        with self.transaction():
            for person_id, rating in ratings.items():
                if rating is None:
                    self.db.execute(
                        "DELETE FROM meeting_ratings WHERE meeting_id = ? AND person_id = ?",
                        [meeting_id, person_id],
                    )
                    continue
                self.db.execute(
                    "INSERT INTO meeting_ratings (meeting_id, person_id, rating, rated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, person_id) "
                    "DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at",
                    [meeting_id, person_id, rating, to_utc_iso(at)],
                )

    # -- hourly rates per role (department-wide) ------------------------------------------

    def hourly_rates(self) -> dict[str, str]:
        """role -> rate per hour as text (exact), as the department configured them."""
        raw = self._one("SELECT value FROM settings WHERE key = ?", [RATES_KEY])
        if raw is None:
            return {}
        try:
            data = json.loads(raw["value"])
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def set_hourly_rates(self, rates: dict[str, str]) -> None:
        with self.transaction():
            if not rates:
                self.db.execute("DELETE FROM settings WHERE key = ?", [RATES_KEY])
                return
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [RATES_KEY, json.dumps(dict(sorted(rates.items())))],
            )
