"""The analytics report (``salestui export report``): the analytics screen's figures as
markdown tables - numbers, meetings, follow-through - for a window of 13 periods ending
with the one asked for, for the department or one team. The same database and day always
give the same bytes (no time of writing in it; rows in a fixed order)."""

from __future__ import annotations

from salestui.core.analytics import AnalyticsService
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
from salestui.core.export.markdown import Document, cell, labelled
from salestui.core.models.analytics import (
    ON_TIME_GOAL,
    FollowThrough,
    MeetingFigures,
    NumbersFigures,
    Window,
)
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_track import status_label
from salestui.core.periods import Period
from salestui.i18n import _


def render_report(analytics: AnalyticsService, window: Window) -> str:
    doc = Document()
    doc.heading(1, _("Analytics: {period}").format(period=window.period.label()))
    first, last = window.periods[0], window.periods[-1]
    doc.bullets(
        [
            labelled(_("Period"), _period_text(last)),
            labelled(_("Window"), f"{first.key} – {last.key}"),
            labelled(_("Team"), cell(window.team) if window.team else _("the whole department")),
        ]
    )
    _numbers(doc, analytics.numbers(window))
    _meetings(doc, analytics.meetings(window))
    _follow_through(doc, analytics.follow_through(window))
    return doc.render()


def _period_text(period: Period) -> str:
    """``2026-11 (November 2026)``; a week's label names its key already."""
    label = period.label()
    return label if label.startswith(period.key) else f"{period.key} ({label})"


def _numbers(doc: Document, figures: NumbersFigures) -> None:
    doc.heading(2, _("Numbers"))
    if not figures.measurables:
        doc.paragraph(_("No numbers recorded for this period."))
        return
    header = [_("Measurable"), _("Owner"), _("Goal"), _("Actual"), _("Variance %"),
              _("Status"), _("On track")]  # fmt: skip
    rows = []
    for row in figures.rows:
        scored = [p for p in row.history if p.goal is not None and p.actual is not None]
        hits = sum(1 for p in scored if p.status.value == "on_track")
        rows.append([
            cell(measurable_label(row.measurable)), cell(row.owner.name),
            format_amount(row.goal.target) if row.goal else "-",
            format_amount(row.actual) or "-", rate_text(row.variance_pct),
            status_label(row.status), part_text(hits, len(scored)),
        ])  # fmt: skip
    doc.paragraph(
        _("Plan vs actual of the period under review; on track: periods of the last {n}.")
        .format(n=len(figures.rows[0].history) if figures.rows else 0)
    )  # fmt: skip
    doc.table(header, rows)
    doc.heading(3, _("Off track two periods running"))
    doc.bullets(
        [
            _("{owner}: {measurable}, {n} periods").format(
                owner=cell(r.owner.name), measurable=cell(r.measurable.name), n=r.off_track_streak
            )
            for r in figures.off_track_twice
        ]
        or [_("Nobody.")]
    )
    for measurable in figures.measurables:
        trend = _plan_rows(figures, measurable.id)
        if trend:
            doc.heading(3, _("Plan vs actual: {name}").format(name=measurable_label(measurable)))
            doc.table([_("Period"), _("Plan"), _("Actual")], trend)


def _plan_rows(figures: NumbersFigures, measurable_id: int | None) -> list[list[str]]:
    from salestui.core.analytics_numbers import plan_trend

    rows = [r for r in figures.rows if r.measurable.id == measurable_id]
    points = plan_trend(rows, None)
    return [
        [p.period.key, format_amount(p.plan) or "-", format_amount(p.actual) or "-"] for p in points
    ]


def _meetings(doc: Document, figures: MeetingFigures) -> None:
    doc.heading(2, _("Meetings"))
    habits = figures.habits
    doc.bullets(
        [
            labelled(_("Meetings held"), str(habits.held)),
            labelled(_("Started late"), part_text(habits.late_starts, habits.held)),
            labelled(_("Agenda circulated in advance"), part_text(habits.circulated, habits.held)),
            labelled(_("Cost"), _("set hourly rates per role with 'salestui rates'"))
            if not figures.rates_set
            else "",
        ]
    )
    doc.heading(3, _("Meeting load"))
    doc.table(
        [_("Period"), _("Meetings"), _("Hours"), _("Person-hours"), _("Cost")],
        [[p.period.key, str(p.meetings), hours_text(p.minutes), hours_text(p.person_minutes),
          amount_text(p.cost)] for p in figures.load],
    )  # fmt: skip
    if not figures.series:
        return  # nothing held: no series, kinds or ratings to show
    doc.heading(3, _("Planned vs actual per series"))
    doc.table(
        [_("Series"), _("Meetings"), _("Planned (min)"), _("Actual (min)"), _("Overruns"),
         _("Rating")],
        [[cell(series_title(s.title)), str(s.meetings), str(s.planned_minutes),
          str(s.actual_minutes), part_text(s.overruns, s.meetings),
          f"{s.rating}" if s.rating is not None else "-"] for s in figures.series],
    )  # fmt: skip
    doc.heading(3, _("Overruns by kind of meeting"))
    doc.table(
        [_("Kind"), _("Meetings"), _("Overruns"), _("Rate")],
        [[kind_text(k.kind), str(k.meetings), str(k.overruns), rate_text(k.rate)]
         for k in figures.kinds],
    )  # fmt: skip
    if figures.ratings:
        doc.heading(3, _("Ratings per series"))
        rows = [[cell(series_title(t.title)), p.period.key, f"{p.average}", str(p.ratings)]
                for t in figures.ratings for p in t.points if p.average is not None]  # fmt: skip
        doc.table([_("Series"), _("Period"), _("Average (1-10)"), _("Ratings")], rows)


def _follow_through(doc: Document, follow: FollowThrough) -> None:
    doc.heading(2, _("Follow-through"))
    total = follow.total
    doc.bullets(
        [
            labelled(_("Done on time"), _("{part}; goal {goal}%").format(
                part=part_text(total.on_time, total.due), goal=ON_TIME_GOAL)
                if total.due else part_text(0, 0)),
            labelled(_("Decisions carried out"), part_text(follow.executed, follow.decisions)),
            labelled(_("Median time to close"), days_text(follow.median_days_to_close)),
            labelled(_("Median time to first follow-up"),
                     days_text(follow.median_follow_up_days)),
            labelled(_("Open items carried three times or more"), str(follow.carried_total)),
        ]
    )  # fmt: skip
    doc.heading(3, _("Done on time per period"))
    doc.table(
        [_("Period"), _("Due"), _("On time"), _("Rate")],
        [[p.period.key, str(p.due), str(p.on_time), rate_text(p.rate)] for p in follow.trend],
    )
    for title, lines in ((_("Done on time per team"), follow.teams),
                         (_("Done on time per person"), follow.people)):  # fmt: skip
        if lines:
            doc.heading(3, title)
            doc.table(
                [_("Name"), _("Due"), _("On time"), _("Rate")],
                [[cell(c.name), str(c.due), str(c.on_time), rate_text(c.rate)] for c in lines],
            )
    if follow.carried:
        doc.heading(3, _("Carried three times or more"))
        doc.table(
            ["#", _("Action"), _("Owner"), _("Carried"), _("Due")],
            [[str(c.action_id), cell(c.title), cell(c.owner), str(c.carried),
              c.due.isoformat() if c.due else "-"] for c in follow.carried],
        )  # fmt: skip
