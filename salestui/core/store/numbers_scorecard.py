"""The scorecard in one query: every measurable of a period kind for every owner it has
numbers for, over a window of periods, with each period's value and the goals that may
apply - and, for a team with no figure of its own, its members' figures rolled up.

The service picks the goal that applies (``core.numbers``); this module only aggregates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from salestui.core.store.base import BaseStore, _placeholders

# {periods}: the window as a VALUES list; {measurables}: the extra measurable filter.
# The measurable's standing goal is its owner's (standing_*); a measurable without an
# owner: everyone's (common_*), and then a team's members' goals rolled up come first.
_MINE = (
    "(coalesce(m.person_id, 0) = coalesce(r.person_id, 0) "
    "AND coalesce(m.team, '') = coalesce(r.team, ''))"
)
_ANYONE = "(m.person_id IS NULL AND m.team IS NULL)"
_MEMBER_GOAL = "coalesce(pt.period_goal, pt.owner_goal, pt.standing_goal, pt.common_goal)"
_SCORECARD = """
WITH periods(idx, key) AS (VALUES {periods}),
m AS (SELECT * FROM measurables WHERE period = ? {measurables}),
pairs AS (SELECT * FROM (
    SELECT v.measurable_id, v.person_id, v.team FROM measurable_values v
      JOIN m ON m.id = v.measurable_id WHERE v.period IN (SELECT key FROM periods)
    UNION
    SELECT g.measurable_id, g.person_id, g.team FROM measurable_goals g
      JOIN m ON m.id = g.measurable_id
      WHERE g.period IN (SELECT key FROM periods) OR g.period = '*'
    UNION
    SELECT m.id, m.person_id, m.team FROM m WHERE m.person_id IS NOT NULL OR m.team IS NOT NULL
    UNION
    SELECT v.measurable_id, NULL, p.team FROM measurable_values v
      JOIN m ON m.id = v.measurable_id JOIN people p ON p.id = v.person_id
      WHERE m.rollup != 'none' AND p.team IS NOT NULL AND v.period IN (SELECT key FROM periods)
) AS u WHERE {pairs}),
points AS (
    SELECT r.measurable_id, r.person_id, r.team, pe.idx, v.value,
           g.target AS period_goal, g.target_high AS period_high,
           s.target AS owner_goal, s.target_high AS owner_high,
           CASE WHEN {mine} THEN m.goal END AS standing_goal,
           CASE WHEN {mine} THEN m.goal_high END AS standing_high,
           CASE WHEN {anyone} THEN m.goal END AS common_goal,
           CASE WHEN {anyone} THEN m.goal_high END AS common_high
    FROM pairs r JOIN m ON m.id = r.measurable_id CROSS JOIN periods pe
    LEFT JOIN measurable_values v ON v.measurable_id = r.measurable_id AND v.period = pe.key
         AND coalesce(v.person_id, 0) = coalesce(r.person_id, 0)
         AND coalesce(v.team, '') = coalesce(r.team, '')
    LEFT JOIN measurable_goals g ON g.measurable_id = r.measurable_id AND g.period = pe.key
         AND coalesce(g.person_id, 0) = coalesce(r.person_id, 0)
         AND coalesce(g.team, '') = coalesce(r.team, '')
    LEFT JOIN measurable_goals s ON s.measurable_id = r.measurable_id AND s.period = '*'
         AND coalesce(s.person_id, 0) = coalesce(r.person_id, 0)
         AND coalesce(s.team, '') = coalesce(r.team, '')
),
rolled AS (
    SELECT pt.measurable_id, p.team, pt.idx,
           CASE m.rollup WHEN 'average' THEN CAST(round(avg(pt.value)) AS INTEGER)
                ELSE sum(pt.value) END AS value,
           CASE m.rollup
                WHEN 'average' THEN CAST(round(avg({member_goal})) AS INTEGER)
                ELSE sum({member_goal}) END AS goal
    FROM points pt JOIN m ON m.id = pt.measurable_id JOIN people p ON p.id = pt.person_id
    WHERE m.rollup != 'none' AND p.team IS NOT NULL
    GROUP BY pt.measurable_id, p.team, pt.idx
)
SELECT pt.*, r.value AS rolled_value, r.goal AS rolled_goal,
       CASE WHEN pt.idx = 0 THEN op.name END AS person_name
FROM points pt JOIN m ON m.id = pt.measurable_id
LEFT JOIN rolled r ON pt.team IS NOT NULL AND r.measurable_id = pt.measurable_id
     AND r.team = pt.team AND r.idx = pt.idx
LEFT JOIN people op ON op.id = pt.person_id
WHERE {owners}
ORDER BY m.position, m.id,
         coalesce(m.person_id, 0) = coalesce(pt.person_id, 0)
         AND coalesce(m.team, '') = coalesce(pt.team, '') DESC,
         pt.team IS NULL, pt.team, op.team, pt.person_id, pt.idx
"""


class ScorecardStore(BaseStore):
    def scorecard_rows(
        self,
        kind: str,
        periods: Sequence[str],
        measurable_ids: Sequence[int] | None = None,
        person_ids: Sequence[int] | None = None,
        teams: Sequence[str] | None = None,
        include_inactive: bool = False,
    ) -> list[sqlite3.Row]:
        """One row per (measurable, owner, period of ``periods``), ordered by measurable,
        then its owner's row, the teams, the people (by team), so that each owner's periods
        follow each other oldest first (``idx`` is the position in
        ``periods``). ``person_ids`` / ``teams``: only those owners (either list matching
        is enough); None for both: every owner.

        Columns: measurable_id, person_id, team, idx, value, period_goal / period_high
        (set for that period), owner_goal / owner_high (the owner's standing goal),
        standing_goal / standing_high (the measurable's, for its owner), common_goal /
        common_high (the measurable's, when it has no owner: everyone's), rolled_value /
        rolled_goal (a team's members' figures), person_name (on each owner's first
        row only: the text is read once, not thirteen times).
        """
        params: list[Any] = []
        for index, key in enumerate(periods):
            params += [index, key]
        params.append(kind)
        extra = "" if include_inactive else "AND active = 1"
        if measurable_ids is not None:
            extra += f" AND id IN ({_placeholders(measurable_ids)})"
            params += list(measurable_ids)
        owners = pairs = "1 = 1"
        if person_ids is not None or teams is not None:
            people, groups = list(person_ids or ()), list(teams or ())
            who, which = _placeholders(people), _placeholders(groups)
            # the owners asked for, and the members of the teams asked for (their roll-up)
            pairs = (
                f"(person_id IN ({who}) OR team IN ({which}) "
                f"OR person_id IN (SELECT id FROM people WHERE team IN ({which})))"
            )
            owners = f"pt.person_id IN ({who}) OR pt.team IN ({which})"
            params += people + groups + groups + people + groups
        sql = _SCORECARD.format(
            periods=", ".join("(?, ?)" for _ in periods),
            measurables=extra,
            pairs=pairs,
            owners=f"({owners})",
            mine=_MINE,
            anyone=_ANYONE,
            member_goal=_MEMBER_GOAL,
        )
        # sqlite3.Row: read by column name like a dict, without building a dict per row
        # (a department's scorecard is tens of thousands of points).
        cursor = self.db.conn.cursor()
        cursor.row_factory = sqlite3.Row
        try:
            return cursor.execute(sql, params).fetchall()
        finally:
            cursor.close()
