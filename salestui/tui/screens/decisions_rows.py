"""The Decisions table: its columns (fewer when the terminal is narrow), rows, and the
line under the table that shows the highlighted decision in full."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.theme import Theme

from salestui.core.decisions import RegisterPage
from salestui.core.export.minutes_parts import DECISION_STATUS_LABELS
from salestui.core.models import DecisionRow, DecisionStatus
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.meetings_rows import fit_columns
from salestui.tui.widgets.fit_table import FitColumn, FitRow

CONFIDENTIAL = N_("[confidential]")
DROP_ORDER = ("owners", "meeting", "when")


def status_label(status: DecisionStatus) -> str:
    return _(DECISION_STATUS_LABELS[status])


def _columns() -> list[FitColumn]:
    return [
        FitColumn("when", _("Date")),
        FitColumn("meeting", _("Meeting"), min_width=6),
        FitColumn("text", _("Decision"), ratio=1, min_width=12),
        FitColumn("status", _("Status")),
        FitColumn("done", _("Done"), justify="right"),
        FitColumn("owners", _("Owners")),
    ]


def decision_cell(row: DecisionRow, theme: Theme) -> Text:
    """The decision's words: a confidential marker first, and for a decision that
    replaced an earlier one, which ("replaces #3")."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if row.confidential:
        text.append(_(CONFIDENTIAL), style=f"bold {theme.warning}")
        text.append(" ")
    if row.supersedes_id is not None:
        text.append(_("replaces #{id}").format(id=row.supersedes_id), style=f"{theme.accent}")
        text.append(" ")
    style = {DecisionStatus.SUPERSEDED: "dim strike", DecisionStatus.REJECTED: "dim"}
    text.append(row.text, style=style.get(row.status, ""))
    return text


def status_cell(row: DecisionRow, theme: Theme) -> Text:
    """The status; a superseded decision names its successor ("superseded → #12")."""
    style = {
        DecisionStatus.CONFIRMED: f"{theme.success}",
        DecisionStatus.PROPOSED: f"{theme.warning}",
    }.get(row.status, "dim")
    text = Text(status_label(row.status), style=style)
    if row.superseded_by_id is not None:
        text.append(" → ", style="dim")
        text.append(f"#{row.superseded_by_id}", style=f"{theme.accent}")
    return text


def _cells(row: DecisionRow, theme: Theme, today: date) -> dict[str, Text | str]:
    when = row.when
    done_style = ""
    if row.actions and row.done == row.actions:
        done_style = f"bold {theme.success}"
    return {
        "when": labels.short_date(labels.local_date(when), today) if when else "-",
        "meeting": row.meeting_title,
        "text": decision_cell(row, theme),
        "status": status_cell(row, theme),
        "done": Text(row.execution, style=done_style),
        "owners": ", ".join(row.owners) or "-",
    }


def build_table(
    page: RegisterPage, theme: Theme, width: int, today: date
) -> tuple[list[FitColumn], list[FitRow]]:
    """Columns and rows for ``page`` at ``width`` cells; a last line when more can load."""
    rows: list[tuple[str, dict[str, Text | str], bool]] = [
        (f"decision-{row.id}", _cells(row, theme, today), False) for row in page.rows
    ]
    if page.more:
        more = Text(_("… move down to load older decisions"), style="dim italic")
        rows.append(("head-more", {"text": more}, True))
    columns = fit_columns(_columns(), [cells for _, cells, _ in rows], width, DROP_ORDER)
    fit_rows = [
        FitRow(key, [cells.get(column.key, "") for column in columns], heading=heading)
        for key, cells, heading in rows
    ]
    return columns, fit_rows


def detail_text(row: DecisionRow | None, theme: Theme) -> Text:
    """The highlighted decision in full: its meeting, and what it supersedes or what
    superseded it."""
    text = Text()
    if row is None:
        return text
    text.append(f"#{row.id} ", style="bold")
    if row.confidential:
        text.append(_(CONFIDENTIAL) + " ", style=f"bold {theme.warning}")
    text.append(row.text)
    text.append("  ·  " + row.meeting_title, style="dim")
    if row.superseded_by_id is not None:
        text.append("\n")
        text.append(
            _("Superseded by #{id} “{text}” ({meeting})").format(
                id=row.superseded_by_id,
                text=row.superseded_by_text or "",
                meeting=row.superseded_by_meeting or "",
            ),
            style=f"{theme.accent}",
        )
    elif row.supersedes_id is not None:
        text.append("\n")
        text.append(
            _("Supersedes #{id} “{text}”").format(
                id=row.supersedes_id, text=row.supersedes_text or ""
            ),
            style="dim",
        )
    return text
