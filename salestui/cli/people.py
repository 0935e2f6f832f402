"""CLI commands about the organisation: ``people``, ``demo`` (``backup`` is in cli_data)."""

from __future__ import annotations

import dataclasses

import click

from salestui.cli.common import (
    ROLES,
    json_option,
    label,
    person_id,
    person_json,
    print_json,
    services,
    table,
    text,
)
from salestui.i18n import NP_, _, pgettext


@click.group()
def people() -> None:
    """Add and list people (the sales organisation)."""


@people.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="member", show_default=True)
@click.option("--team", metavar="T", help="Team name, e.g. 华东.")
@click.option(
    "--reports-to",
    metavar="NAME",
    help="Manager: full name, unique prefix, pinyin initials or id (no match = exit 2).",
)
@click.option("--login", metavar="USER", help="Their OS user name on a shared host.")
@json_option
def people_add(
    name: str,
    role: str,
    team: str | None,
    reports_to: str | None,
    login: str | None,
    as_json: bool,
) -> None:
    """Add a person called NAME."""
    svc = services()
    manager = person_id(reports_to) if reports_to else None
    person = svc.add_person(name, role=role, team=team, reports_to=manager, login=login)
    if as_json:
        print_json(person_json(person, svc.people_by_id()))
        return
    click.echo(_("Added person {id}: {name}").format(id=person.id, name=person.name))


@people.command("list")
@click.option("--team", metavar="T", help="Only this team.")
@json_option
def people_list(team: str | None, as_json: bool) -> None:
    """List people."""
    svc = services()
    everyone = svc.people_by_id()
    found = svc.people(team=team)
    if as_json:
        print_json([person_json(p, everyone) for p in found])
        return
    if not found:
        click.echo(_("No people yet. Add some with 'salestui people add NAME' or 'salestui demo'."))
        return
    grid = table(_("ID"), _("Name"), _("Role"), _("Team"), _("Reports to"), _("Login"))
    for person in found:
        manager = everyone.get(person.reports_to) if person.reports_to else None
        grid.add_row(
            text(person.id),
            text(person.name),
            text(label("role", person.role)),
            text(person.team or ""),
            text(manager.name if manager else ""),
            text(person.login or ""),
        )
    from salestui.cli.common import console

    console().print(grid)


# The names of the demo summary's counts, translated in the context "demo" (English shows
# the field name itself).
_DEMO_LABELS = (
    NP_("demo", "people"), NP_("demo", "teams"), NP_("demo", "series"),
    NP_("demo", "meetings"), NP_("demo", "agenda_items"), NP_("demo", "entries"),
    NP_("demo", "decisions"), NP_("demo", "actions"), NP_("demo", "follow_ups"),
)  # fmt: skip


@click.command()
@click.option(
    "--scale",
    type=click.IntRange(min=0, max=10_000_000),
    default=0,
    show_default=True,
    help="0 = one realistic organisation; larger numbers add history for load testing.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option("--force", is_flag=True, help="Add demo data even if the database has people.")
@json_option
def demo(scale: int, seed: int, force: bool, as_json: bool) -> None:
    """Fill the database with a realistic sales organisation, meetings and actions."""
    from salestui.core.errors import Conflict
    from salestui.demo import generate_demo

    svc = services()
    if svc.people() and not force:
        raise Conflict(_("The database already has people; use --force to add demo data anyway"))
    summary = generate_demo(svc.store, svc.clock, seed=seed, scale=scale)
    counts = dataclasses.asdict(summary)
    if as_json:
        print_json(counts)
        return
    click.echo(_("Demo data added to {path}; the database now holds:").format(path=svc.store.path))
    for key, value in counts.items():
        name = pgettext("demo", key) if key in _DEMO_LABELS else key
        click.echo(f"  {name}: {value}")
