"""Dates as lists and previews show them, in the current language (standard library and
``salestui.i18n`` only: the quick listing of ``cli.quick`` uses them)."""

from __future__ import annotations

from datetime import date

from salestui.i18n import _, format_date


def format_due(due: date, today: date) -> str:
    """A short label for a due date in lists: today, tomorrow, 3d overdue, Fri, 4 Dec,
    4 Dec 2027 (周五, 12月4日, 2027年12月4日 in Chinese)."""
    days = (due - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days < 0:
        return _("{n}d overdue").format(n=-days)
    if days <= 6:
        return format_date(due, "EEE")
    return format_date(due, "MMMd" if due.year == today.year else "yMMMd")


def format_day(day: date, today: date) -> str:
    """A date in full for a preview: ``Fri 4 Dec`` (``Fri, 4 Dec 2027`` in another year;
    ``12月4日周五`` in Chinese)."""
    return format_date(day, "MMMEd" if day.year == today.year else "yMMMEd")
