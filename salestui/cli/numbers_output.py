"""How ``salestui numbers`` writes: the JSON shapes (amounts as exact decimal strings, so
``102.5`` never turns into ``102.49999``) and the text tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.output import jsonable
from salestui.cli.stream import Cell, TextTable, plain
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from decimal import Decimal

    from salestui.core.models.numbers import (
        Countermeasure,
        Goal,
        Measurable,
        NumberValue,
        Owner,
        ScorecardRow,
    )
    from salestui.core.numbers import NumbersService
    from salestui.core.numbers_import import ImportReport
    from salestui.core.periods import Period


def _amount(number: Decimal | None) -> str | None:
    from salestui.core.numbers_amounts import format_amount

    return None if number is None else format_amount(number)


def _owner(owner: Owner) -> dict[str, Any]:
    return {"name": owner.name, "person_id": owner.person_id, "team": owner.team}


def _goal(goal: Goal | None) -> dict[str, Any] | None:
    if goal is None:
        return None
    return {"target": _amount(goal.target), "high": _amount(goal.high), "source": goal.source.value}


def measurable_json(measurable: Measurable, svc: NumbersService) -> dict[str, Any]:
    owner = svc.owner(None, measurable) if measurable.person_id or measurable.team else None
    return {
        "id": measurable.id,
        "name": measurable.name,
        "key": measurable.key,
        "unit": measurable.unit,
        "owner": _owner(owner) if owner else None,
        "direction": measurable.direction.value,
        "period": measurable.period.value,
        "goal": _amount(measurable.goal),
        "goal_high": _amount(measurable.goal_high),
        "rollup": measurable.rollup.value,
        "position": measurable.position,
        "active": measurable.active,
        "description": measurable.description,
    }


def value_json(value: NumberValue) -> dict[str, Any]:
    return {
        "measurable_id": value.measurable_id,
        "measurable": value.measurable,
        "unit": value.unit,
        "period": value.period,
        "owner": _owner(value.owner),
        "value": _amount(value.value),
        "goal": _goal(value.goal),
        "entered_at": jsonable(value.entered_at),
        "entered_by": value.entered_by,
        "source": value.source.value,
    }


def _countermeasure_json(measure: Countermeasure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "action_id": measure.action_id,
        "title": measure.action_title,
        "status": measure.action_status,
        "cause": measure.cause,
        "owner": _owner(measure.owner),
    }


def row_json(row: ScorecardRow) -> dict[str, Any]:
    return {
        "measurable_id": row.measurable.id,
        "measurable": row.measurable.name,
        "unit": row.measurable.unit,
        "direction": row.measurable.direction.value,
        "owner": _owner(row.owner),
        "period": row.period.key,
        "goal": _goal(row.goal),
        "actual": _amount(row.actual),
        "rolled_up": row.current.rolled_up,
        "variance": _amount(row.variance),
        "variance_pct": _amount(row.variance_pct),
        "status": row.status.value,
        "off_track_streak": row.off_track_streak,
        "history": [
            {
                "period": p.period.key,
                "goal": _goal(p.goal),
                "actual": _amount(p.actual),
                "status": p.status.value,
            }
            for p in row.history
        ],
        "countermeasures": [_countermeasure_json(c) for c in row.countermeasures],
    }


def import_json(report: ImportReport) -> dict[str, Any]:
    return {
        "file": str(report.path),
        "rows": report.rows,
        "good": len(report.good),
        "bad_rows": report.bad_rows,
        "imported": report.imported,
        "dry_run": report.dry_run,
        "problems": [
            {"row": p.row, "column": p.column, "reason": p.reason} for p in report.problems
        ],
    }


# -- text ------------------------------------------------------------------------------------


def _cells(*values: object) -> list[Cell]:
    return [(plain(v), False) for v in values]


def print_measurables(found: Sequence[Measurable], svc: NumbersService) -> None:
    from salestui.core.numbers_export import goal_text
    from salestui.core.numbers_track import direction_label
    from salestui.core.periods import kind_label

    table = TextTable(
        [
            _("ID"),
            _("Key"),
            _("Measurable"),
            _("Unit"),
            _("Owner"),
            _("Direction"),
            _("Period"),
            _("Goal"),
        ]
    )
    table.write(
        _cells(
            m.id,
            m.key or "",
            m.name,
            m.unit,
            svc.owner(None, m).name if m.person_id or m.team else "",
            direction_label(m.direction),
            kind_label(m.period),
            goal_text(svc_goal(m)),
        )
        for m in found
    )


def svc_goal(measurable: Measurable) -> Goal | None:
    from salestui.core.models.numbers import Goal, GoalSource

    if measurable.goal is None:
        return None
    return Goal(measurable.goal, measurable.goal_high, GoalSource.STANDING)


def print_scorecard(period: Period, rows: Sequence[ScorecardRow]) -> None:
    from salestui.core.models.numbers import TrackStatus
    from salestui.core.numbers_amounts import format_amount
    from salestui.core.numbers_export import goal_text
    from salestui.core.numbers_track import scorecard_status, sparkline

    click.echo(_("Scorecard {period}").format(period=period.label()))
    if not rows:
        click.echo(_("No numbers for this period."))
        return
    table = TextTable(
        [
            _("Measurable"),
            _("Owner"),
            _("Goal"),
            _("Actual"),
            _("Variance"),
            _("Var. %"),
            _("Status"),
            _("Last 13"),
        ]
    )

    def cells(row: ScorecardRow) -> list[Cell]:
        pct = row.variance_pct
        variance = row.variance
        off = row.status == TrackStatus.OFF_TRACK
        status = scorecard_status(row)
        return [
            *_cells(
                f"{row.measurable.name} ({row.measurable.unit})"
                if row.measurable.unit
                else row.measurable.name,
                row.owner.name,
                goal_text(row.goal),
                format_amount(row.actual) + ("*" if row.current.rolled_up else ""),
            ),
            (plain(f"{variance:+f}" if variance is not None else ""), off),
            (plain(f"{pct:+f}%" if pct is not None else ""), off),
            (plain(status), off),
            (sparkline(row.sparkline), False),
        ]

    table.write(cells(r) for r in rows)
    if any(r.current.rolled_up for r in rows):
        click.echo(_("* the team's members' figures added up (the team has none of its own)"))


def print_import(report: ImportReport) -> None:
    for problem in report.problems:
        click.echo(_("Row {row}: {reason}").format(row=problem.row, reason=plain(problem.reason)))
    bad = len(report.bad_rows)
    if report.dry_run:
        message = ngettext(
            "Checked {rows} row: {good} good, {bad} bad; nothing imported (dry run)",
            "Checked {rows} rows: {good} good, {bad} bad; nothing imported (dry run)",
            report.rows,
        )
    elif report.refused:
        return  # the error line says it
    elif bad:
        message = ngettext(
            "Imported {good} of {rows} row; skipped {bad} bad",
            "Imported {good} of {rows} rows; skipped {bad} bad",
            report.rows,
        )
    else:
        message = ngettext("Imported {good} row", "Imported {good} rows", report.imported)
    click.echo(message.format(rows=report.rows, good=len(report.good), bad=bad))
