"""Exporting the numbers: one row per stored value with its goal, as a CSV or an Excel
workbook that ``numbers import`` reads back unchanged (the first five columns are the
import's, named in the user's language).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from salestui.core.models.numbers import Goal, NumberValue
from salestui.core.numbers_amounts import format_amount
from salestui.core.numbers_files import csv_text, write_table
from salestui.i18n import pgettext


def header() -> list[str]:
    return [
        pgettext("numbers column", "measurable"),
        pgettext("numbers column", "period"),
        pgettext("numbers column", "owner"),
        pgettext("numbers column", "value"),
        pgettext("numbers column", "goal"),
        pgettext("numbers column", "unit"),
        pgettext("numbers column", "entered at"),
        pgettext("numbers column", "entered by"),
        pgettext("numbers column", "source"),
    ]


def goal_text(goal: Goal | None) -> str:
    """``120``, a band ``90..110``, or ``""``."""
    if goal is None:
        return ""
    if goal.high is not None:
        return f"{format_amount(goal.target)}..{format_amount(goal.high)}"
    return format_amount(goal.target)


def _sheet_number(number: Decimal) -> int | float | str:
    """A cell a spreadsheet keeps exactly: a whole number, a float whose shortest form is
    the number itself, else the text."""
    if number == number.to_integral_value() and abs(number) < 2**53:
        return int(number)
    as_float = float(number)
    return as_float if Decimal(repr(as_float)) == number else format_amount(number)


def rows(values: Sequence[NumberValue], for_sheet: bool = False) -> list[list[Any]]:
    table: list[list[Any]] = []
    for value in values:
        goal: Any = goal_text(value.goal)
        if for_sheet and value.goal is not None and value.goal.high is None:
            goal = _sheet_number(value.goal.target)
        table.append(
            [
                value.measurable,
                value.period,
                value.owner.name,
                _sheet_number(value.value) if for_sheet else format_amount(value.value),
                goal,
                value.unit,
                f"{value.entered_at.astimezone():%Y-%m-%d %H:%M}",
                value.entered_by or "",
                value.source.value,
            ]
        )
    return table


def export_values(
    values: Sequence[NumberValue], output: Path | None, force: bool = False
) -> Path | str:
    """Write the values to ``output`` (.csv or .xlsx; returns the path), or return them as
    CSV text when ``output`` is None."""
    if output is None:
        return csv_text(header(), rows(values))
    sheet = output.suffix.lower() == ".xlsx"
    return write_table(output, header(), rows(values, for_sheet=sheet), force=force)
