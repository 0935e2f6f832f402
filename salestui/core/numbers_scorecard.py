"""Scorecard rows from the store's one query (``ScorecardStore.scorecard_rows``): which goal
applies in each period, the actual (a team's own, else its members' rolled up), and the
status by the measurable's direction. No SQL here and no aggregation: only the shaping of
rows the database already summed.

Which goal applies, first found: the goal set for that period and owner; the owner's
standing goal; the measurable's standing goal when the row is the measurable's owner's;
for a team, its members' goals rolled up (when the measurable rolls up); the measurable's
standing goal when it has no owner (then it is everyone's).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import groupby
from typing import Any, Protocol

from salestui.core.models.numbers import (
    Countermeasure,
    Goal,
    GoalSource,
    Measurable,
    Owner,
    PeriodPoint,
    ScorecardRow,
)
from salestui.core.numbers_amounts import from_stored
from salestui.core.numbers_track import status
from salestui.core.periods import Period


class _Row(Protocol):
    """A row of the store's query: a dict, or a ``sqlite3.Row``, read by column name."""

    def __getitem__(self, key: str, /) -> Any: ...


# Where a point's goal comes from, first found (a roll-up only for a team's row).
_GOALS = (
    ("period_goal", "period_high", GoalSource.PERIOD),
    ("owner_goal", "owner_high", GoalSource.OWNER),
    ("standing_goal", "standing_high", GoalSource.STANDING),
    ("rolled_goal", None, GoalSource.ROLLUP),
    ("common_goal", "common_high", GoalSource.STANDING),
)


def _goal(row: _Row, is_team: bool) -> Goal | None:
    for target, high, source in _GOALS:
        value = row[target]
        if value is not None and (is_team or source is not GoalSource.ROLLUP):
            return _made_goal(value, row[high] if high else None, source)
    return None


@lru_cache(maxsize=4096)
def _made_goal(target: int, high: int | None, source: GoalSource) -> Goal:
    """One Goal object per distinct goal: a scorecard repeats a few goals thousands of
    times."""
    found = from_stored(target)
    assert found is not None
    return Goal(found, from_stored(high), source)


def _point(row: _Row, period: Period, measurable: Measurable) -> PeriodPoint:
    is_team = row["team"] is not None
    goal = _goal(row, is_team)
    actual = from_stored(row["value"])
    rolled = False
    if actual is None and is_team and row["rolled_value"] is not None:
        actual, rolled = from_stored(row["rolled_value"]), True
    return PeriodPoint(period, goal, actual, status(measurable.direction, goal, actual), rolled)


def owner_of(row: _Row) -> Owner:
    if row["team"] is not None:
        return Owner(team=row["team"], name=row["team"])
    return Owner(person_id=row["person_id"], name=row["person_name"] or f"#{row['person_id']}")


def build_rows(
    rows: Iterable[_Row],
    window: Sequence[Period],
    measurables: dict[int, Measurable],
    countermeasures: Sequence[Countermeasure] = (),
) -> list[ScorecardRow]:
    """One ``ScorecardRow`` per (measurable, owner), in the store's order; each row's
    history has one point per period of ``window`` (the last being the one reviewed)."""
    found: list[ScorecardRow] = []
    by_owner: dict[tuple[int, tuple[int, str]], list[Countermeasure]] = {}
    for measure in countermeasures:
        by_owner.setdefault((measure.measurable_id, measure.owner.key), []).append(measure)
    keyed = groupby(rows, key=lambda r: (r["measurable_id"], r["person_id"], r["team"]))
    for (measurable_id, _person, _team), group in keyed:
        measurable = measurables[measurable_id]
        points: list[PeriodPoint | None] = [None] * len(window)
        first: _Row | None = None
        for row in group:
            first = first or row
            points[row["idx"]] = _point(row, window[row["idx"]], measurable)
        assert first is not None
        owner = owner_of(first)
        history = [p for p in points if p is not None]
        found.append(
            ScorecardRow(
                measurable=measurable,
                owner=owner,
                period=window[-1],
                history=history,
                countermeasures=by_owner.get((measurable_id, owner.key), []),
            )
        )
    return found
