"""The Numbers part of analytics: plan vs actual per person and team over the scorecard's
13 periods, and who has been off track two periods running (``NumbersService`` does the
aggregating in SQL; this module picks the periods and adds up the chart's line).

Which periods: the last week that is over by the window's last day (the one a weekly
meeting reviews), and for monthly measurables the last month that is over by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from salestui.core.models.analytics import NumbersFigures, PlanPoint, Window
from salestui.core.models.numbers import Measurable, ScorecardRow
from salestui.core.numbers import NumbersService
from salestui.core.periods import Period, PeriodKind, period_of
from salestui.core.service import Services


def reviewed_period(kind: PeriodKind, last_day: date, today: date) -> Period:
    """The last period of ``kind`` that has ended by ``last_day`` (and before today)."""
    found = period_of(min(last_day, today), kind)
    while found.end > last_day or found.end >= today:
        found = found.previous()
    return found


def numbers_figures(
    services: Services, window: Window, measurable_id: int | None = None, everything: bool = True
) -> NumbersFigures:
    """The chart's line for ``measurable_id`` (default: the first measurable) and its rows
    for the window's team (or everyone); with ``everything``, every measurable's rows and
    those off track two periods running or more (without it, only the one in view's: what
    the screen draws first, the rest read after it)."""
    numbers = NumbersService(services)
    measurables = numbers.measurables()
    chosen = next(
        (m for m in measurables if m.id == measurable_id), measurables[0] if measurables else None
    )
    today = services.clock.today()

    def card(kind: PeriodKind, only: list[int] | None) -> list[ScorecardRow]:
        when = reviewed_period(kind, window.last_day, today)
        return numbers.scorecard(when, team=window.team, kind=kind, measurables=only)

    rows: list[ScorecardRow] = []
    if everything:
        for kind in PeriodKind:
            if any(m.period == kind for m in measurables):
                rows += card(kind, None)
    elif chosen is not None and chosen.id is not None:
        rows = card(chosen.period, [chosen.id])
    behind = [r for r in rows if r.off_track_streak >= 2]
    figures = NumbersFigures(measurables, chosen, rows, [], behind)
    figures.trend = plan_trend(figures.rows_of(chosen), window.team)
    return figures


def _tops(rows: Sequence[ScorecardRow], team: str | None) -> list[ScorecardRow]:
    """The rows the chart adds up: the team's own; else the measurable's owner's (the
    department's figure); else every team's; else everyone's."""
    if team is not None:
        own = [r for r in rows if r.owner.team == team]
        if own:
            return own
    owners = [
        r for r in rows if r.owner.key == (r.measurable.person_id or 0, r.measurable.team or "")
    ]
    if owners:
        return owners
    teams = [r for r in rows if r.owner.is_team]
    return teams or list(rows)


def plan_trend(rows: Sequence[ScorecardRow], team: str | None) -> list[PlanPoint]:
    """Plan and actual per period of the rows' window, added up over the top rows."""
    tops = _tops(rows, team)
    if not tops:
        return []
    points = []
    for index, period in enumerate(p.period for p in tops[0].history):
        goals = [g.target for r in tops if (g := r.history[index].goal) is not None]
        actuals = [a for r in tops if (a := r.history[index].actual) is not None]
        points.append(
            PlanPoint(
                period,
                sum(goals, Decimal(0)) if goals else None,
                sum(actuals, Decimal(0)) if actuals else None,
            )
        )
    return points


def measurable_label(measurable: Measurable) -> str:
    return f"{measurable.name} ({measurable.unit})" if measurable.unit else measurable.name
