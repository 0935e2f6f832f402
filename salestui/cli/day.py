"""``salestui day plan|report|show|capture|action|remove``: activity plans and daily
reports (rule 十五 行动报告制) from the command line, on the same ``DayService`` as the
TUI's "My day". Bad input is one line on stderr and exit 2, with nothing written."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import (
    json_option,
    names_are_input,
    parse_date_option,
    person_id,
    print_json,
    services,
    table,
    text,
)
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.day import DayService
    from salestui.core.models.day import PersonDay, Visit

OUTCOMES = ("visited", "not_reached", "postponed")

person_option = click.option(
    "--person", metavar="NAME", help="Whose day (name, unique prefix, initials); default: me."
)
date_option = click.option(
    "--date", "when", metavar="D", help="The day (today, 明天, fri, 2026-12-05); default: today."
)


def _service() -> DayService:
    from salestui.core.day import DayService

    return DayService(services())


def _who(person: str | None) -> int | None:
    """The person named with --person (unknown: bad input, exit 2); None: me."""
    return person_id(person) if person else None


def _amount(value: Any) -> str | None:
    from salestui.core.numbers_amounts import format_amount

    return format_amount(value) if value is not None else None


def visit_json(visit: Visit) -> dict[str, Any]:
    return {
        "id": visit.id,
        "person_id": visit.person_id,
        "date": visit.day.isoformat(),
        "customer": visit.customer,
        "purpose": visit.purpose,
        "planned": visit.planned,
        "planned_amount": _amount(visit.planned_amount),
        "outcome": visit.outcome.value if visit.outcome else None,
        "result": visit.result,
        "order_amount": _amount(visit.order_amount),
        "collection_amount": _amount(visit.collection_amount),
        "next_step": visit.next_step,
        "next_due": visit.next_due.isoformat() if visit.next_due else None,
        "action_id": visit.action_id,
    }


def day_json(day: PersonDay) -> dict[str, Any]:
    tally = day.tally
    return {
        "person": day.person.name,
        "person_id": day.person.id,
        "date": day.day.isoformat(),
        "visits": [visit_json(v) for v in day.visits],
        "unreported_earlier": [visit_json(v) for v in day.unreported_earlier],
        "instructions": [n.text for n in day.notes] + [a.title for a in day.actions],
        "planned": tally.planned,
        "made": tally.made,
        "reported": tally.reported,
        "unreported": tally.unreported,
        "planned_amount": _amount(tally.planned_amount),
        "order_amount": _amount(tally.order_amount),
        "collection_amount": _amount(tally.collection_amount),
    }


def _saved(visit: Visit, as_json: bool, message: str) -> None:
    if as_json:
        print_json(visit_json(visit))
    else:
        click.echo(message.format(id=visit.id, customer=visit.customer, date=visit.day))


@click.group("day")
def day() -> None:
    """Activity plans and daily reports: plan visits (up to a week ahead), report them."""


@day.command("plan")
@click.argument("customer")
@click.argument("purpose", nargs=-1)
@click.option("--amount", metavar="N", help="Planned amount in 万元.")
@date_option
@person_option
@json_option
def day_plan(
    customer: str, purpose: tuple[str, ...], amount: str | None, when: str | None,
    person: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Plan a visit to CUSTOMER, with its PURPOSE."""
    svc = _service()
    visit = svc.plan(customer, " ".join(purpose), parse_date_option(when), amount, _who(person))
    _saved(visit, as_json, _("Planned visit {id}: {customer} on {date}"))


@day.command("report")
@click.argument("customer")
@click.argument("result", nargs=-1)
@click.option("--outcome", type=click.Choice(OUTCOMES), default="visited", show_default=True)
@click.option("--order", metavar="N", help="Order amount in 万元.")
@click.option("--collection", metavar="N", help="Collection amount in 万元.")
@click.option("--next", "next_step", metavar="TEXT", default="", help="The next step.")
@click.option("--next-due", metavar="D", help="When the next step is due.")
@date_option
@person_option
@json_option
def day_report(
    customer: str, result: tuple[str, ...], outcome: str, order: str | None,
    collection: str | None, next_step: str, next_due: str | None, when: str | None,
    person: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Report the visit to CUSTOMER, with its RESULT (on the day's plan of that customer,
    else as a visit made without a plan)."""
    svc = _service()
    visit = svc.report(
        customer, outcome, " ".join(result), order, collection, next_step,
        parse_date_option(next_due), parse_date_option(when), _who(person),
    )  # fmt: skip
    _saved(visit, as_json, _("Reported visit {id}: {customer} on {date}"))


@day.command("capture")
@click.argument("line")
@date_option
@person_option
@json_option
def day_capture(line: str, when: str | None, person: str | None, as_json: bool) -> None:
    """Plan or report in one LINE, as "My day" reads it: '/v 华联超市 回款对账' or
    '/r 华联超市 已对账 回款 12 万 下一步: 周五 送样品'."""
    svc = _service()
    visit = svc.capture(line, parse_date_option(when), _who(person))
    _saved(visit, as_json, _("Saved visit {id}: {customer} on {date}"))


@day.command("action")
@click.argument("visit_id", type=int)
@json_option
def day_action(visit_id: int, as_json: bool) -> None:
    """Turn the next step of visit VISIT_ID into an action item."""
    action = _service().make_action(visit_id)
    if as_json:
        print_json({"id": action.id, "title": action.title, "due": action.due})
        return
    click.echo(_("Created action {id}: {title}").format(id=action.id, title=action.title))


@day.command("remove")
@click.argument("visit_id", type=int)
def day_remove(visit_id: int) -> None:
    """Take visit VISIT_ID (its plan and report) off its day (salestui undo brings it back)."""
    visit = _service().remove(visit_id)
    click.echo(_("Removed visit {id}: {customer}").format(id=visit_id, customer=visit.customer))


@day.command("show")
@click.option("--team", metavar="T", help="Everyone of this team, instead of one person.")
@date_option
@person_option
@json_option
def day_show(team: str | None, when: str | None, person: str | None, as_json: bool) -> None:
    """Show a day's plan and reports: plan vs actual, and planned visits of earlier days
    still not reported."""
    svc = _service()
    day_ = parse_date_option(when) or svc.services.clock.today()
    if team:
        with names_are_input():
            ids = svc.services.team_member_ids(team)
        days = svc.team_day(ids, day_).people
    else:
        days = [svc.my_day(svc.person(_who(person)), day_)]
    if as_json:
        print_json([day_json(d) for d in days] if team else day_json(days[0]))
        return
    for one in days:
        _print_day(one, svc.services.clock.today())


def _print_day(day_: PersonDay, today: date) -> None:
    from salestui.cli.day_output import day_lines

    title, rows, footer = day_lines(day_, today)
    grid = table(
        _("Id"), _("Customer"), _("Purpose"), _("Plan"), _("Outcome"), _("Result"),
        _("Order"), _("Collection"), _("Next step"), title=title,
    )  # fmt: skip
    for row in rows:
        grid.add_row(*(text(cell) for cell in row))
    from salestui.cli.output import console

    console().print(grid)
    for line in footer:
        click.echo(line)
