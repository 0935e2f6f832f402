"""The rows "My day" and the daily meeting's panel show: a day's plan, its reports, the
week ahead, what went unreported and the instructions of the day's meetings.

Pure functions of what was read (``core.models.day``): the screens only draw them.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from salestui.core.day_capture import OUTCOME_LABELS
from salestui.core.models.day import PersonDay, Tally, Visit, VisitOutcome
from salestui.core.numbers_amounts import format_amount
from salestui.i18n import _, format_date
from salestui.tui import labels
from salestui.tui.screens.run_tables import Tones
from salestui.tui.widgets.fit_table import FitColumn, FitRow

MARKS = {
    VisitOutcome.VISITED: "✓",
    VisitOutcome.NOT_REACHED: "✗",
    VisitOutcome.POSTPONED: "→",
}
WEEK = 8  # days shown in the strip: the day in view's week ahead


def outcome_text(
    visit: Visit, day: date, today: date, tones: Tones, *, evening: bool = False
) -> Text:
    """``✓ visited``, ``✗ not reached``, ``→ postponed``; an unreported plan of a day that
    is over is ``⚑ not reported``, of today or a day ahead nothing (today's reports may
    still come). ``evening``: the evening meeting, where today's reports are due, flags
    today's unreported plans too."""
    if visit.outcome is not None:
        style = "" if visit.outcome is VisitOutcome.VISITED else tones.warning
        return Text(f"{MARKS[visit.outcome]} {_(OUTCOME_LABELS[visit.outcome])}", style=style)
    if day < today or (evening and day == today):
        return Text("⚑ " + _("not reported"), style=f"bold {tones.warning}")
    return Text("")


def plan_columns() -> list[FitColumn]:
    return [
        FitColumn("customer", _("Customer"), min_width=6),
        FitColumn("purpose", _("Purpose"), ratio=1, min_width=6),
        FitColumn("amount", _("Plan 万"), justify="right"),
        FitColumn("status", _("Status")),
    ]


def plan_rows(day: PersonDay, today: date, tones: Tones) -> list[FitRow]:
    return [
        FitRow(
            f"visit-{visit.id}",
            [
                visit.customer,
                visit.purpose,
                format_amount(visit.planned_amount),
                outcome_text(visit, day.day, today, tones),
            ],
        )
        for visit in day.planned
    ]


def report_columns() -> list[FitColumn]:
    return [
        FitColumn("customer", _("Customer"), min_width=6),
        FitColumn("outcome", _("Outcome")),
        FitColumn("result", _("Result"), ratio=2, min_width=6),
        FitColumn("order", _("Order"), justify="right"),
        FitColumn("collection", _("Collected"), justify="right"),
        FitColumn("next", _("Next step"), ratio=1, min_width=6),
    ]


def next_step_text(visit: Visit) -> Text:
    if not visit.next_step:
        return Text("")
    if visit.action_id is not None:
        return Text(_("{step} → #{id}").format(step=visit.next_step, id=visit.action_id))
    return Text(visit.next_step)


def report_rows(day: PersonDay, today: date, tones: Tones) -> list[FitRow]:
    rows = []
    for visit in day.reports:
        customer = visit.customer if visit.planned else _("{customer} (unplanned)").format(
            customer=visit.customer
        )  # fmt: skip
        rows.append(
            FitRow(
                f"visit-{visit.id}",
                [
                    customer,
                    outcome_text(visit, day.day, today, tones),
                    visit.result,
                    format_amount(visit.order_amount),
                    format_amount(visit.collection_amount),
                    next_step_text(visit),
                ],
            )
        )
    return rows


def tally_text(tally: Tally) -> str:
    """``2 of 3 visits made · 30 万 planned, 15 万 reported``."""
    return _("{made} of {planned} visits made · {planned_amount} 万 planned, "
             "{reported_amount} 万 reported").format(
        made=tally.made, planned=tally.planned,
        planned_amount=format_amount(tally.planned_amount),
        reported_amount=format_amount(tally.reported_amount),
    )  # fmt: skip


def week_strip(day: date, today: date, counts: dict[date, int]) -> Text:
    """The days around the one in view with how many visits each has: ``Thu 26 · [Fri
    27 (3)] Sat 28 Mon 30 (2)``."""
    text = Text()
    start = min(day, today)
    for offset in range(WEEK):
        shown = start + timedelta(days=offset)
        if offset:
            text.append("  ")
        label = format_date(shown, "EEEd")
        if counts.get(shown):
            label = f"{label} ({counts[shown]})"
        if shown == day:
            text.append(f"[{label}]", style="bold reverse")
        elif shown == today:
            text.append(label, style="bold underline")
        else:
            text.append(label, style="" if counts.get(shown) else "dim")
    return text


def unreported_text(day: PersonDay, tones: Tones) -> Text:
    """The planned visits of earlier days never reported, flagged."""
    if not day.unreported_earlier:
        return Text("")
    shown = ", ".join(
        f"{v.customer} ({format_date(v.day, 'MMMEd')})" for v in day.unreported_earlier[:4]
    )
    more = len(day.unreported_earlier) - 4
    if more > 0:
        shown = _("{shown} and {count} more").format(shown=shown, count=more)
    return Text(
        "⚑ " + _("Not reported yet: {visits}").format(visits=shown),
        style=f"bold {tones.warning}",
    )


def instructions_text(day: PersonDay) -> Text:
    """What the day's daily meetings said to the person: notes naming them, actions."""
    parts = [note.text for note in day.notes]
    parts += [_("#{id} {title}").format(id=a.id, title=a.title) for a in day.actions]
    if not parts:
        return Text("")
    return Text(_("Instructions: {items}").format(items=" · ".join(parts)))


def day_title(day: date, today: date) -> str:
    return labels.day_label(day, today) if abs((day - today).days) <= 1 else labels.long_date(day)
