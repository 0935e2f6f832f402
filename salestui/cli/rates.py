"""``salestui rates``: the hourly cost of each role's time, for the meeting cost on the
analytics screen and in the report. Department-wide: kept in the database, not in anyone's
personal config."""

from __future__ import annotations

import click

from salestui.cli.common import json_option, print_json, services
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
