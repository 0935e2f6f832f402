"""``salestui numbers``: measurables and their figures (rule 十二 计数管理) from the command
line - list, add, set a value, set a goal, the scorecard, import and export.

Bad input (an unknown measurable, person, team or period, a number that is not one) is one
line on stderr and exit 2, with nothing written. An import with bad rows lists every bad
row on stdout first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from salestui.cli.common import json_option, print_json, services
from salestui.cli.numbers_output import (
    import_json,
    measurable_json,
    print_import,
    print_measurables,
    print_scorecard,
    row_json,
    value_json,
)
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from salestui.core.numbers import NumbersService

OWNER_HELP = "A person (full name, unique prefix, pinyin initials or id) or a team."
PERIOD_HELP = "2026-W48, 2026-11, a day, 'last week', 上周, 本月 ..."


def _numbers(create: bool = True) -> NumbersService:
    from salestui.core.numbers import NumbersService

    return NumbersService(services(create=create))


@click.group("numbers")
def numbers() -> None:
    """Measurables and their figures: plan vs actual by person and team (计数管理)."""


@numbers.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include measurables no longer used.")
@json_option
def numbers_list(show_all: bool, as_json: bool) -> None:
    """List the measurables, in scorecard order."""
    svc = _numbers(create=False)
    found = svc.measurables(include_inactive=show_all)
    if as_json:
        print_json([measurable_json(m, svc) for m in found])
        return
    if not found:
        click.echo(_("No measurables yet. Add one with 'salestui numbers add NAME'."))
        return
    print_measurables(found, svc)


@numbers.command("add")
@click.argument("name")
@click.option("--unit", default="", metavar="U", help="元, 万元, %, 家, 单 ...")
@click.option("--owner", metavar="NAME", help=OWNER_HELP)
@click.option(
    "--direction",
    type=click.Choice(["higher", "lower", "band"]),
    default="higher",
    show_default=True,
    help="Which way is good: higher, lower, or within a band (a goal like 90..110).",
)
@click.option(
    "--period", "kind", type=click.Choice(["week", "month"]), default="week", show_default=True
)
@click.option("--goal", metavar="G", help="Standing goal (a band: LOW..HIGH).")
@click.option("--key", metavar="K", help="A short name to type, e.g. sales.")
@click.option(
    "--rollup",
    type=click.Choice(["sum", "average", "none"]),
    help="A team's figure when it has none of its own: its members' sum or average "
    "(default: sum; none for a band or a %).",
)
@json_option
def numbers_add(
    name: str,
    unit: str,
    owner: str | None,
    direction: str,
    kind: str,
    goal: str | None,
    key: str | None,
    rollup: str | None,
    as_json: bool,
) -> None:
    """Add a measurable called NAME (e.g. 销售额 --unit 万元 --owner 销售一部)."""
    svc = _numbers()
    added = svc.add_measurable(
        name,
        unit=unit,
        owner=owner,
        direction=direction,
        period=kind,
        goal=goal,
        key=key,
        rollup=rollup,
    )
    if as_json:
        print_json(measurable_json(added, svc))
        return
    click.echo(_("Added measurable {id}: {name}").format(id=added.id, name=added.name))


period_option = click.option(
    "--period", "-p", "period", required=True, metavar="P", help=PERIOD_HELP
)
owner_option = click.option("--owner", metavar="NAME", help=OWNER_HELP + " Default: its owner.")


@numbers.command("set")
@click.argument("measurable")
@click.argument("value", required=False)
@period_option
@owner_option
@click.option("--clear", is_flag=True, help="Remove the value instead.")
@json_option
def numbers_set(
    measurable: str,
    value: str | None,
    period: str,
    owner: str | None,
    clear: bool,
    as_json: bool,
) -> None:
    """Record the actual (实绩) of MEASURABLE in a period: VALUE is an exact number
    (102.5, 1,234.5)."""
    from salestui.core.errors import InvalidInput

    if (value is None) != clear:
        raise InvalidInput(_("Give a VALUE, or --clear to remove it"))
    svc = _numbers()
    stored = svc.set_value(measurable, period, value, owner=owner)
    if as_json:
        print_json(value_json(stored) if stored else None)
        return
    found = svc.measurable(measurable)
    when = svc.period(period, found.period)
    who = svc.owner(owner, found)
    if stored is None:
        click.echo(
            _("Removed {measurable} {period} for {owner}").format(
                measurable=found.name, period=when.key, owner=who.name
            )
        )
        return
    click.echo(
        _("{measurable} {period} for {owner}: {value}").format(
            measurable=found.name,
            period=when.key,
            owner=who.name,
            value=f"{value_json(stored)['value']} {found.unit}".strip(),
        )
    )


@numbers.command("goal")
@click.argument("measurable")
@click.argument("target", required=False)
@click.option("--period", "-p", "period", metavar="P", help=PERIOD_HELP)
@click.option("--standing", is_flag=True, help="The owner's standing goal (every period).")
@owner_option
@click.option("--high", metavar="H", help="A band's high bound (or write TARGET as LOW..HIGH).")
@click.option("--clear", is_flag=True, help="Remove the goal instead.")
@json_option
def numbers_goal(
    measurable: str,
    target: str | None,
    period: str | None,
    standing: bool,
    owner: str | None,
    high: str | None,
    clear: bool,
    as_json: bool,
) -> None:
    """Set the goal (plan, 预估) of MEASURABLE for a period, or the owner's standing goal."""
    from salestui.core.errors import InvalidInput

    if (period is None) == (not standing):
        raise InvalidInput(_("Give --period P or --standing"))
    if (target is None) != clear:
        raise InvalidInput(_("Give a TARGET, or --clear to remove it"))
    svc = _numbers()
    goal = svc.set_goal(measurable, None if standing else period, target, owner=owner, high=high)
    found = svc.measurable(measurable)
    who = svc.owner(owner, found)
    when = _("standing") if standing else svc.period(period or "", found.period).key
    if as_json:
        from salestui.core.numbers_amounts import format_amount

        print_json(
            {
                "measurable": found.name,
                "period": None if standing else when,
                "owner": who.name,
                "goal": format_amount(goal.target) if goal else None,
                "goal_high": format_amount(goal.high) if goal and goal.high is not None else None,
            }
        )
        return
    from salestui.core.numbers_export import goal_text

    click.echo(
        _("Goal of {measurable} ({period}) for {owner}: {goal}").format(
            measurable=found.name,
            period=when,
            owner=who.name,
            goal=goal_text(goal) or _("(none)"),
        )
    )


@numbers.command("scorecard")
@click.argument("period", required=False)
@click.option("--owner", metavar="NAME", help="Only this person's or team's numbers.")
@click.option("--team", metavar="T", help="A team's numbers and its members' (a lead: their tree).")
@click.option("--month", "monthly", is_flag=True, help="Monthly measurables (default: weekly).")
@json_option
def numbers_scorecard(
    period: str | None, owner: str | None, team: str | None, monthly: bool, as_json: bool
) -> None:
    """Plan vs actual for PERIOD (default: last week, or last month with --month): goal,
    actual, variance, on/off track, and the last 13 periods."""
    svc = _numbers(create=False)
    kind = "month" if monthly else "week"
    when = svc.review_period(kind) if period is None else svc.period(period)
    rows = svc.scorecard(when, owner=owner, team=team)
    if as_json:
        print_json([row_json(r) for r in rows])
        return
    print_scorecard(when, rows)


@numbers.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--dry-run", is_flag=True, help="Check every row and report; import nothing.")
@click.option("--skip-bad", is_flag=True, help="Import the good rows even if some are bad.")
@json_option
def numbers_import(file: Path, dry_run: bool, skip_bad: bool, as_json: bool) -> None:
    """Import figures from FILE (.csv or .xlsx) with the columns measurable, period, owner,
    value and an optional goal (or 指标, 期间, 负责人, 实绩, 目标). A blank owner is the
    measurable's owner. Nothing is imported if any row is bad, unless --skip-bad."""
    from salestui.core.errors import InvalidInput

    svc = _numbers()
    report = svc.import_file(file, dry_run=dry_run, skip_bad=skip_bad)
    if as_json:
        print_json(import_json(report))
    else:
        print_import(report)
    bad = len(report.bad_rows)
    if report.refused:
        raise InvalidInput(
            ngettext(
                "{count} row is bad; nothing was imported",
                "{count} rows are bad; nothing was imported",
                bad,
            ).format(count=bad)
        )


@numbers.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write FILE (.csv or .xlsx) instead of printing CSV.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.option("--measurable", metavar="M", help="Only this measurable.")
@click.option(
    "--period", "-p", "periods", multiple=True, metavar="P", help="Only this period (repeatable)."
)
@json_option
def numbers_export(
    output: Path | None,
    force: bool,
    measurable: str | None,
    periods: tuple[str, ...],
    as_json: bool,
) -> None:
    """Export the stored values with their goals as CSV (or .xlsx by FILE's extension),
    in the columns `numbers import` reads."""
    from salestui.core.numbers_export import export_values

    svc = _numbers(create=False)
    values = svc.values(measurable, list(periods) or None)
    if as_json:
        print_json([value_json(v) for v in values])
        return
    written = export_values(values, output, force=force)
    if isinstance(written, str):
        click.echo(written, nl=False)
        return
    click.echo(
        ngettext(
            "Wrote {count} value to {path}", "Wrote {count} values to {path}", len(values)
        ).format(count=len(values), path=written)
    )
