"""The text figures beside each analytics chart (the same numbers the report writes), and
each chart's title and legend - as Rich renderables in the user's language."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from salestui.core.analytics_numbers import measurable_label
from salestui.core.analytics_text import (
    amount_text,
    days_text,
    hours_text,
    kind_text,
    part_text,
    rate_text,
    series_title,
)
from salestui.core.models.analytics import (
    ON_TIME_GOAL,
    Completion,
    FollowThrough,
    MeetingFigures,
    NumbersFigures,
)
from salestui.core.models.numbers import ScorecardRow, TrackStatus
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_track import sparkline, status_label
from salestui.i18n import _

ACTUAL_STYLE = "cyan"
PLAN_STYLE = "dark_orange"
GOAL_STYLE = "red"
BAD = "bold red"
GOOD = "green"


def _table(*headers: str, right: Sequence[int] = ()) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold",
                  expand=False)  # fmt: skip
    for index, header in enumerate(headers):
        table.add_column(header, justify="right" if index in right else "left", no_wrap=True)
    return table


def _line(label: str, value: str, style: str = "") -> Text:
    head = _("{label}:").format(label=label)
    # "Label: value"; a full-width colon (Chinese) brings its own space
    text = Text(head if head.endswith("：") else f"{head} ", style="bold")
    text.append(value, style=style)
    return text


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def legend(*parts: tuple[str, str, str]) -> Text:
    """``■ Actual  ─ Plan``: (mark, style, label) for each line of a chart."""
    text = Text()
    for mark, style, label in parts:
        if text:
            text.append("  ")
        text.append(mark, style=style)
        text.append(f" {label}")
    return text


# -- numbers ---------------------------------------------------------------------------------


def numbers_title(figures: NumbersFigures) -> str:
    if figures.measurable is None:
        return _("Numbers")
    return _("{measurable}: plan vs actual").format(measurable=measurable_label(figures.measurable))


def numbers_legend() -> Text:
    return legend(("●", ACTUAL_STYLE, _("Actual")), ("─", PLAN_STYLE, _("Plan")))


def numbers_figures(
    figures: NumbersFigures, behind: Sequence[ScorecardRow] | None = None
) -> RenderableType:
    """The measurable in view per owner; then who is off track two periods running across
    every measurable (``behind``; None: still being read)."""
    if figures.measurable is None:
        return Text(_("No numbers recorded yet: 'salestui numbers' adds them."))
    rows = figures.rows_of(figures.measurable)
    period = rows[0].period.key if rows else ""
    table = _table(_("Owner"), _("Goal"), _("Actual"), _("Var. %"), _("Status"), _("Hit"),
                   _("13 periods"), right=(1, 2, 3, 5))  # fmt: skip
    for row in rows:
        off = row.status == TrackStatus.OFF_TRACK
        scored = [p for p in row.history if p.goal is not None and p.actual is not None]
        hits = sum(1 for p in scored if p.status == TrackStatus.ON_TRACK)
        table.add_row(
            Text(row.owner.name, style="bold" if row.owner.is_team else ""),
            format_amount(row.goal.target) if row.goal else "-",
            format_amount(row.actual) or "-",
            rate_text(row.variance_pct),
            Text(status_label(row.status), style=BAD if off else ""),
            f"{hits}/{len(scored)}",
            sparkline(row.sparkline),
        )
    lines = [
        Text(f"{r.owner.name} · {r.measurable.name} · " + _("{n} periods").format(
            n=r.off_track_streak), style=BAD)
        for r in behind or ()
    ] or [Text(_("Nobody.") if behind is not None else _("Reading…"))]  # fmt: skip
    return Group(
        _line(_("Period under review"), period),
        table,
        Text(""),
        _heading(_("Off track two periods running")),
        *lines,
    )


# -- meetings --------------------------------------------------------------------------------


def load_title(figures: MeetingFigures) -> str:
    return _("Hours in meetings per period")


def ratings_title(figures: MeetingFigures) -> str:
    return _("Meeting ratings per series (1-10)")


def meetings_figures(figures: MeetingFigures) -> RenderableType:
    habits = figures.habits
    last = figures.load[-1]
    cost = amount_text(last.cost) if figures.rates_set else _("no hourly rates set")
    lines: list[RenderableType] = [
        _line(_("This period"), _("{meetings} meetings, {hours} h, {people} person-hours")
              .format(meetings=last.meetings, hours=hours_text(last.minutes),
                      people=hours_text(last.person_minutes))),
        _line(_("Cost this period"), cost),
        _line(_("Started late"), part_text(habits.late_starts, habits.held)),
        _line(_("Agenda circulated in advance"), part_text(habits.circulated, habits.held)),
        Text(""),
    ]  # fmt: skip
    series = _table(_("Series"), _("Held"), _("Plan"), _("Actual"), _("Over"), _("Rating"),
                    right=(1, 2, 3, 4, 5))  # fmt: skip
    for s in figures.series:
        series.add_row(series_title(s.title), str(s.meetings), str(s.planned_minutes),
                       str(s.actual_minutes), str(s.overruns),
                       f"{s.rating}" if s.rating is not None else "-")  # fmt: skip
    kinds = _table(_("Kind"), _("Held"), _("Overruns"), right=(1, 2))
    for k in figures.kinds:
        kinds.add_row(kind_text(k.kind), str(k.meetings), rate_text(k.rate))
    load = _table(_("Period"), _("Held"), _("Hours"), _("Person-hours"), _("Cost"),
                  right=(1, 2, 3, 4))  # fmt: skip
    for p in reversed(figures.load):
        load.add_row(p.period.key, str(p.meetings), hours_text(p.minutes),
                     hours_text(p.person_minutes), amount_text(p.cost))  # fmt: skip
    return Group(
        *lines,
        _heading(_("Planned vs actual minutes per series")), series, Text(""),
        _heading(_("Overruns by kind of meeting")), kinds, Text(""),
        _heading(_("Meeting load")), load,
    )  # fmt: skip


def ratings_legend(figures: MeetingFigures) -> Text:
    from salestui.tui.screens.analytics_charts import LINE_COLORS, MAX_SERIES

    styles = [c if c != "orange" else PLAN_STYLE for c in LINE_COLORS]
    parts = [("─", style, series_title(t.title))
             for t, style in zip(figures.ratings[:MAX_SERIES], styles, strict=False)]  # fmt: skip
    return legend(*parts) if parts else Text(_("No ratings yet: attendees rate a meeting "
                                               "when it is confirmed."))  # fmt: skip


# -- follow-through --------------------------------------------------------------------------


def on_time_title(follow: FollowThrough) -> str:
    return _("Actions done on time per period")


def on_time_legend() -> Text:
    return legend(("─", ACTUAL_STYLE, _("Done on time %")),
                  ("─", GOAL_STYLE, _("Goal {goal}%").format(goal=ON_TIME_GOAL)))  # fmt: skip


def _rate_style(rate: Decimal | None) -> str:
    if rate is None:
        return ""
    return GOOD if rate >= ON_TIME_GOAL else BAD


def _completion_table(heading: str, lines: Sequence[Completion]) -> Table:
    table = _table(heading, _("Due"), _("On time"), _("Rate"), right=(1, 2, 3))
    for c in lines:
        table.add_row(c.name, str(c.due), str(c.on_time),
                      Text(rate_text(c.rate), style=_rate_style(c.rate)))  # fmt: skip
    return table


def follow_figures(follow: FollowThrough) -> RenderableType:
    total = follow.total
    carried = [
        Text(f"#{c.action_id} {c.title} · {c.owner or '-'} · ×{c.carried}") for c in follow.carried
    ]
    return Group(
        _line(_("Done on time"), part_text(total.on_time, total.due), _rate_style(total.rate)),
        _line(_("Decisions carried out"), part_text(follow.executed, follow.decisions)),
        _line(_("Median time to close"), days_text(follow.median_days_to_close)),
        _line(_("Median time to first follow-up"), days_text(follow.median_follow_up_days)),
        _line(_("Open items carried three times or more"), str(follow.carried_total)),
        Text(""),
        _completion_table(_("Team"), follow.teams), Text(""),
        _completion_table(_("Person"), follow.people), Text(""),
        _heading(_("Carried three times or more")),
        *(carried or [Text(_("Nobody."))]),
    )  # fmt: skip
