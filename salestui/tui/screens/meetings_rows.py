"""The Meetings table: its columns (fewer when the terminal is narrow) and rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.theme import Theme

from salestui.core.models import MeetingStatus
from salestui.i18n import _
from salestui.tui import labels
from salestui.tui.screens.meetings_data import MeetingLine, MeetingsPage
from salestui.tui.widgets.fit_table import FitColumn, FitRow

T = TypeVar("T")

MIN_TITLE = 20  # drop optional columns before the title gets narrower than this
PADDING = 2  # FitTable's cell padding, both sides
# Optional columns, the first dropped first when the terminal is narrow.
DROP_ORDER = ("chair", "kind", "people")


def cycle(values: Sequence[T], current: T, step: int) -> T:
    """The value ``step`` places after ``current`` in ``values``, wrapping round."""
    index = values.index(current) if current in values else 0
    return values[(index + step) % len(values)]


SEARCH_DEBOUNCE = 0.15  # seconds of no typing before a search runs


def next_series(
    series_ids: Sequence[int | None], current: int | None, step: int, notify: Callable[..., object]
) -> tuple[bool, int | None]:
    """A series filter's next value, cycling through none and every series: (False,
    None) with a word to the user when there is no series to cycle through."""
    if not series_ids:
        notify(_("There are no recurring series yet."), severity="warning")
        return False, None
    return True, cycle([None, *series_ids], current, step)


def when_text(line: MeetingLine, today: date) -> str:
    start = line.meeting.scheduled_start
    if start is None:
        return _("not scheduled")
    return f"{labels.short_date(labels.local_date(start), today)} {labels.local_time(start)}"


def _columns() -> list[FitColumn]:
    return [
        FitColumn("when", _("When")),
        FitColumn("title", _("Meeting"), ratio=1, min_width=12),
        FitColumn("kind", _("Kind")),
        FitColumn("status", _("Status")),
        FitColumn("chair", _("Chair")),
        FitColumn("people", _("People"), justify="right"),
        FitColumn("agenda", _("Agenda/min"), justify="right"),
    ]


def _meeting_cells(line: MeetingLine, theme: Theme, today: date) -> dict[str, Text | str]:
    meeting = line.meeting
    start = meeting.scheduled_start
    is_today = start is not None and labels.local_date(start) == today
    status_style = {
        MeetingStatus.RUNNING: f"bold {theme.success}",
        MeetingStatus.DRAFT: f"{theme.warning}",
    }.get(meeting.status, "")
    agenda = f"{line.agenda_minutes}/{meeting.planned_minutes}"
    if line.over_length:
        agenda_style = f"bold {theme.error}"
    elif line.agenda_items == 0:
        agenda_style = "dim"
    else:
        agenda_style = ""
    return {
        "when": Text(when_text(line, today), style="bold" if is_today else ""),
        "title": Text(meeting.title, style="bold" if is_today else ""),
        "kind": labels.meeting_kind(meeting.kind),
        "status": Text(labels.meeting_status(meeting.status), style=status_style),
        "chair": line.chair or "-",
        "people": str(line.attendees),
        "agenda": Text(agenda, style=agenda_style),
    }


def build_table(
    page: MeetingsPage, theme: Theme, width: int
) -> tuple[list[FitColumn], list[FitRow]]:
    """Columns and rows for ``page`` at ``width`` cells; headings split upcoming and past."""
    today = page.now.date()
    heading_style = f"bold underline {theme.accent or ''}".strip()
    rows: list[tuple[str, dict[str, Text | str], bool]] = []

    def group(name: str, title: str, lines: list[MeetingLine], none: str) -> None:
        rows.append((f"head-{name}", {"title": Text(title, style=heading_style)}, True))
        if not lines:
            rows.append((f"none-{name}", {"title": Text(none, style="dim")}, True))
        for line in lines:
            rows.append((f"meeting-{line.meeting.id}", _meeting_cells(line, theme, today), False))

    group("upcoming", _("Upcoming"), page.upcoming, _("No upcoming meetings"))
    group("past", _("Past"), page.past, _("No past meetings"))
    if page.more_past:
        more = Text(_("… move down to load older meetings"), style="dim italic")
        rows.append(("head-more", {"title": more}, True))

    columns = fit_columns(_columns(), [cells for _, cells, _ in rows], width)
    fit_rows = [
        FitRow(key, [cells.get(column.key, "") for column in columns], heading=heading)
        for key, cells, heading in rows
    ]
    return columns, fit_rows


def fit_columns(
    columns: list[FitColumn],
    rows: list[dict[str, Text | str]],
    width: int,
    drop_order: Sequence[str] = DROP_ORDER,
) -> list[FitColumn]:
    """Drop optional columns, in ``drop_order``, until the title has ``MIN_TITLE`` cells."""

    def natural(column: FitColumn) -> int:
        values = [cell_len(str(row.get(column.key, ""))) for row in rows]
        return max([cell_len(column.label), column.min_width, *values]) + PADDING

    kept = list(columns)
    for key in drop_order:
        fixed = sum(natural(c) for c in kept if c.ratio == 0)
        if width - fixed - PADDING >= MIN_TITLE:
            break
        kept = [c for c in kept if c.key != key]
    return kept
