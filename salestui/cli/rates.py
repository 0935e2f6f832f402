"""``salestui rates``: the hourly cost of each role's time, for the meeting cost on the
analytics screen and in the report. Department-wide: kept in the database, not in anyone's
personal config. And ``salestui run rate``: the attendees' 1-10 ratings of a meeting."""

from __future__ import annotations

import click

from salestui.cli.common import ID, json_option, person_id, print_json, services
from salestui.i18n import _

ROLES = ("director", "deputy", "lead", "member")


@click.command("rates")
@click.argument("role", required=False, type=click.Choice(ROLES))
@click.argument("rate", required=False, metavar="RATE")
@click.option("--clear", is_flag=True, help="Remove ROLE's rate.")
@json_option
def rates_command(role: str | None, rate: str | None, clear: bool, as_json: bool) -> None:
    """Show the hourly rates per role, or set ROLE's to RATE (an amount per hour).

    \b
    salestui rates               the rates in force
    salestui rates lead 300      an hour of a team lead's time costs 300
    salestui rates lead --clear
    """
    from salestui.core.analytics import AnalyticsService
    from salestui.core.errors import InvalidInput

    analytics = AnalyticsService(services())
    if role is not None:
        if clear == (rate is not None):
            raise InvalidInput(_("Give either a RATE or --clear"))
        analytics.set_hourly_rate(role, None if clear else rate)
    elif rate is not None or clear:
        raise InvalidInput(_("Name the role first: director, deputy, lead or member"))
    found = analytics.hourly_rates()
    if as_json:
        print_json({k: str(v) for k, v in found.items()})
        return
    if not found:
        click.echo(_("No hourly rates set: meetings show no cost."))
        return
    for name in ROLES:
        if name in found:
            click.echo(f"{name}\t{found[name]}")


@click.command("rate")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@click.argument("ratings", nargs=-1, metavar="[NAME=1-10]...")
@json_option
def rate_meeting(meeting_id: int, ratings: tuple[str, ...], as_json: bool) -> None:
    """Each attendee's 1-10 rating of an ended MEETING (NAME= takes one back); without
    ratings, list who rates it and what they gave. All are checked before any is saved.

    \b
    salestui run rate 22 王芳=8 "Li Ming=7"
    """
    from salestui.core.analytics import AnalyticsService
    from salestui.core.errors import InvalidInput

    svc = services()
    analytics = AnalyticsService(svc)
    given: dict[int, int | None] = {}
    for item in ratings:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(_("Write each rating as NAME=1-10: {text}").format(text=item))
        given[person_id(name.strip())] = _rating(value)
    if given:
        analytics.rate_meeting(meeting_id, given)
    raters = analytics.raters(meeting_id)
    if as_json:
        print_json([{"id": pid, "name": name, "rating": r} for pid, name, r in raters])
        return
    for _pid, name, rating in raters:
        click.echo(f"{name}\t{rating if rating is not None else '-'}")


def _rating(text: str) -> int | None:
    from salestui.core.errors import InvalidInput

    text = text.strip()
    if not text:
        return None
    if not text.isdecimal() or not 1 <= int(text) <= 10:
        raise InvalidInput(_("A rating is a whole number from 1 to 10"))
    return int(text)
