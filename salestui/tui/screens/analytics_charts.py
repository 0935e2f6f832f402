"""The analytics screen's charts, drawn with plotext (textual-plotext's ``PlotextPlot``):
plan vs actual of a measurable, the hours spent in meetings, the ratings per series, and
the share of actions done on time against the 90 % line.

Only numbers and period keys go inside a chart (plotext counts every character as one
cell, so Chinese text there would break its frame): titles and legends are drawn beside
it, in the user's language, by the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salestui.core.analytics_text import short_period
from salestui.core.models.analytics import (
    ON_TIME_GOAL,
    FollowThrough,
    MeetingFigures,
    NumbersFigures,
)
from salestui.core.periods import Period

PLAN_COLOR = "orange"
ACTUAL_COLOR = "cyan"
GOAL_COLOR = "red"
LINE_COLORS = ("cyan", "orange", "green", "magenta")
MAX_SERIES = 4  # rating lines in one chart


def _start(plt: Any, periods: Sequence[Period]) -> list[int]:
    """A cleared chart for the periods; their x positions (``_periods`` labels them once
    everything is drawn: plotting sets ticks of its own)."""
    plt.clear_figure()
    plt.frame(True)
    return list(range(1, len(periods) + 1))


def _periods(plt: Any, periods: Sequence[Period], width: int) -> None:
    """The periods along the x axis (every other label when the chart is narrow)."""
    xs = list(range(1, len(periods) + 1))
    step = 1 if width >= 70 else 2 if width >= 40 else 4
    keep = [x for x in xs if (len(xs) - x) % step == 0]
    plt.xticks(keep, [short_period(periods[x - 1]) for x in keep])
    plt.xlim(0.5, len(xs) + 0.5)


def _points(xs: Sequence[int], values: Sequence[float | None]) -> tuple[list[int], list[float]]:
    kept = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
    return [x for x, _ in kept], [v for _, v in kept]


def numbers_chart(plt: Any, figures: NumbersFigures, width: int) -> bool:
    """Actual and plan as lines, for the measurable in view. False: nothing to draw."""
    if not figures.trend:
        plt.clear_figure()
        return False
    periods = [p.period for p in figures.trend]
    xs = _start(plt, periods)
    line_x, line = _points(xs, [float(p.plan) if p.plan is not None else None
                                for p in figures.trend])  # fmt: skip
    if line:
        plt.plot(line_x, line, color=PLAN_COLOR, marker="braille")
    real_x, real = _points(xs, [float(p.actual) if p.actual is not None else None
                                for p in figures.trend])  # fmt: skip
    if real:
        plt.plot(real_x, real, color=ACTUAL_COLOR, marker="hd")
        plt.scatter(real_x, real, color=ACTUAL_COLOR, marker="●")
    values = real + line
    if values:
        low, high = min(values), max(values)
        margin = (high - low) * 0.1 or abs(high) * 0.1 or 1
        plt.ylim(low - margin, high + margin)
    _periods(plt, periods, width)
    return True


def load_chart(plt: Any, figures: MeetingFigures, width: int) -> bool:
    """Hours spent in meetings per period, as bars."""
    periods = [p.period for p in figures.load]
    xs = _start(plt, periods)
    hours = [p.minutes / 60 for p in figures.load]
    plt.bar(xs, hours, color=ACTUAL_COLOR, width=0.5)
    plt.ylim(0, max(hours) * 1.1 or 1)
    _periods(plt, periods, width)
    return any(hours)


def ratings_chart(plt: Any, figures: MeetingFigures, width: int) -> bool:
    """Each series' average rating per period (1-10), one line each."""
    trends = figures.ratings[:MAX_SERIES]
    if not trends:
        plt.clear_figure()
        return False
    periods = [p.period for p in trends[0].points]
    xs = _start(plt, periods)
    for trend, color in zip(trends, LINE_COLORS, strict=False):
        x, y = _points(xs, [float(p.average) if p.average is not None else None
                            for p in trend.points])  # fmt: skip
        plt.plot(x, y, color=color, marker="hd")
    plt.ylim(0, 10)
    plt.yticks([0, 2, 4, 6, 8, 10])
    _periods(plt, periods, width)
    return True


def on_time_chart(plt: Any, follow: FollowThrough, width: int) -> bool:
    """The share of actions done on time per period, and the 90 % line."""
    periods = [p.period for p in follow.trend]
    xs = _start(plt, periods)
    x, y = _points(xs, [float(p.rate) if p.rate is not None else None for p in follow.trend])
    plt.hline(float(ON_TIME_GOAL), GOAL_COLOR)
    if y:
        plt.plot(x, y, color=ACTUAL_COLOR, marker="hd")
    plt.ylim(0, 100)
    plt.yticks([0, 50, float(ON_TIME_GOAL)])  # the goal line labelled by its own tick
    _periods(plt, periods, width)
    return bool(y)
