"""The scorecard the live console shows on a numbers-review item (rule 十二 计数管理): each
measurable by owner with its goal, actual, variance and variance %, on or off track in
colour and in words, and a 13-period sparkline.

Rows are built from what the screen read (``LiveView.scorecard``); nothing is read here.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from salestui.core.meeting_numbers import MeetingScorecard
from salestui.core.models.numbers import TrackStatus
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_export import goal_text
from salestui.core.numbers_track import scorecard_status, sparkline, status_label
from salestui.i18n import _, ngettext
from salestui.tui.screens.run_tables import IdTable
from salestui.tui.widgets.fit_table import FitColumn, FitRow


@dataclass(frozen=True)
class TrackTones:
    """The theme's colours for on and off track."""

    on: str = "green"
    off: str = "red"


class ScorecardTable(IdTable):
    """The numbers under review; the cursor only reads (``/k`` on the line changes them)."""


def scorecard_columns() -> list[FitColumn]:
    return [
        FitColumn("measurable", _("Measurable"), ratio=3, min_width=6),
        FitColumn("owner", _("Owner"), ratio=2, min_width=4),
        FitColumn("goal", _("Goal"), justify="right"),
        FitColumn("actual", _("Actual"), justify="right"),
        FitColumn("variance", _("Var."), justify="right"),
        FitColumn("pct", _("Var. %"), justify="right"),
        FitColumn("status", _("Status"), ratio=2, min_width=_status_width()),
        FitColumn("trend", _("Last 13")),
    ]


def _status_width() -> int:
    """Room for the mark, the words of every status and the ellipsis of a cut streak."""
    return 3 + max(Text(status_label(s)).cell_len for s in TrackStatus)


def _signed(number: object, suffix: str = "") -> str:
    return "" if number is None else f"{number:+f}{suffix}"


def scorecard_rows(scorecard: MeetingScorecard, tones: TrackTones) -> list[FitRow]:
    rows = []
    for row in scorecard.rows:
        off = row.status == TrackStatus.OFF_TRACK
        tone = tones.off if off else tones.on if row.status == TrackStatus.ON_TRACK else "dim"
        actual = format_amount(row.actual) + ("*" if row.current.rolled_up else "")
        cells: list[Text | str] = [
            row.measurable.name,
            row.owner.name,
            goal_text(row.goal),
            Text(actual, style="bold" if off else ""),
            Text(_signed(row.variance), style=tone if off else ""),
            Text(_signed(row.variance_pct, "%"), style=tone if off else ""),
            Text(("✗ " if off else "✓ " if tone == tones.on else "") + scorecard_status(row),
                 style=f"bold {tone}" if off else tone),
            Text(sparkline(row.sparkline), style=tone if off else "dim"),
        ]  # fmt: skip
        key = f"n-{row.measurable.id}-{row.owner.person_id or 0}-{row.owner.team or ''}"
        rows.append(FitRow(key, cells))
    return rows


def scorecard_title(scorecard: MeetingScorecard) -> str:
    """``Scorecard 2026-W47 · Nov 16–22 · 3 off track · /k sets a figure``."""
    title = _("Scorecard {period}").format(period=scorecard.period.label())
    off = len(scorecard.off_track)
    if off:
        title += " · " + ngettext("{count} off track", "{count} off track", off).format(count=off)
    return title + " · " + _("/k @name measurable actual 目标 target")


def empty_scorecard_text(scorecard: MeetingScorecard) -> str:
    return _("No numbers for {period} yet: /k @name measurable actual sets one").format(
        period=scorecard.period.key
    )
