"""The actions list's columns and cells, drawn from an ``ActionPager`` by ``PagedTable``."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date, datetime, timedelta

from rich.cells import cell_len
from textual.theme import Theme

from salestui.core.dates import format_due
from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.followup import must_resolve
from salestui.core.models import ActionListRow, ActionStatus
from salestui.core.views import ActionPager
from salestui.i18n import _
from salestui.tui import labels
from salestui.tui.widgets.paged_table import Cell, PagedColumn

CHECK_IN_MARK = "↻"  # before the title of an open item whose next check-in date has come


def age_label(created: datetime | None, today: date) -> str:
    """How long an item has existed: ``5d``, ``3w``, ``2y``."""
    if created is None:
        return "-"
    days = max(0, (today - created.astimezone().date()).days)
    if days < 14:
        return _("{n}d").format(n=days)
    if days < 730:
        return _("{n}w").format(n=days // 7)
    return _("{n}y").format(n=days // 365)


def since_label(moment: datetime | None, today: date) -> str:
    """When something last happened: ``today``, ``3d ago``, or a short date."""
    if moment is None:
        return "-"
    days = (today - moment.astimezone().date()).days
    if days <= 0:
        return _("today")
    if days < 30:
        return _("{n}d ago").format(n=days)
    return labels.short_date(moment.astimezone().date(), today)


def carried_label(count: int) -> str:
    """Times carried over, with ``!`` once the item must be resolved."""
    if not count:
        return ""
    return f"{count} !" if must_resolve(count) else str(count)


def _widest(texts: Sequence[str]) -> int:
    return max(cell_len(t) for t in texts)


def action_columns(today: date) -> list[PagedColumn]:
    due_samples = [
        format_due(today - timedelta(days=999), today),
        format_due(today + timedelta(days=40), today),
        format_due(today + timedelta(days=400), today),
        format_due(today + timedelta(days=1), today),
    ]
    statuses = [labels.action_status(s) for s in ActionStatus]
    return [
        PagedColumn("title", _("Action"), ratio=3, min_width=12),
        PagedColumn("owners", _("Owner"), ratio=1, min_width=6),
        PagedColumn("due", _("Due"), width=_widest(due_samples)),
        PagedColumn("priority", _("Pri"), width=3),
        PagedColumn("status", _("Status"), width=_widest(statuses)),
        PagedColumn("meeting", _("From meeting"), ratio=1, min_width=8, hide_below=100),
        PagedColumn("age", _("Age"), width=4, justify="right", hide_below=90),
        PagedColumn("carried", _("Carried"), width=3, justify="right"),
        PagedColumn(
            "last",
            _("Follow-up"),
            width=_widest([_("today"), _("{n}d ago").format(n=29)]),
            hide_below=110,
        ),  # fmt: skip
    ]


class ActionsSource:
    """``PagedSource`` over a pager: rows are ``ActionListRow``, keys their ids."""

    def __init__(self, pager: ActionPager, today: date, theme: Theme) -> None:
        self.pager = pager
        self.today = today
        self.theme = theme

    @property
    def total(self) -> int:
        return self.pager.total

    def load(self, start: int, stop: int) -> None:
        self.pager.load(start, stop)

    def cached(self, index: int) -> ActionListRow | None:
        return self.pager.cached(index)

    def key(self, row: ActionListRow) -> Hashable:
        return row.id

    def cells(self, row: ActionListRow) -> list[Cell]:
        """(text, style) per column: cheaper to draw than Rich texts, 40 lines a frame."""
        theme = self.theme
        closed = row.status.is_closed
        error = f"bold {theme.error}"
        if row.due is None:
            due: Cell = "-"
        elif closed:  # "20d overdue" means nothing once it is done
            due = labels.short_date(row.due, self.today)
        else:
            due = (format_due(row.due, self.today), error if row.due < self.today else "")
        status_style = {
            ActionStatus.BLOCKED: error,
            ActionStatus.WAITING: f"{theme.warning}",
            ActionStatus.IN_PROGRESS: f"{theme.success}",
        }.get(row.status, "")
        check_in = (
            not closed and row.next_follow_up is not None and row.next_follow_up <= self.today
        )
        title = f"{CHECK_IN_MARK} {row.title}" if check_in else row.title
        if row.confidential:
            title = f"{_(CONFIDENTIAL_MARK)} {title}"
        cells: list[Cell] = [
            title,
            (", ".join(row.owners), "") if row.owners else (_("(unassigned)"), "dim"),
            due,
            (labels.priority(row.priority), error if row.priority == 1 else ""),
            (labels.action_status(row.status), status_style),
            (row.meeting_title or "-", "dim"),
            age_label(row.created_at, self.today),
            (carried_label(row.carried_count), error if must_resolve(row.carried_count) else ""),
            since_label(row.last_follow_up, self.today),
        ]
        if closed:
            return [
                (c[0], f"dim {c[1]}") if isinstance(c, tuple) else (str(c), "dim") for c in cells
            ]
        return cells
