"""CLI commands about the organisation: ``people``, ``demo`` (``backup`` is in cli_data)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

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
@click.option("--email", metavar="ADDRESS", help="Where agendas, minutes and reminders go.")
@json_option
def people_add(
    name: str,
    role: str,
    team: str | None,
    reports_to: str | None,
    email: str | None,
    as_json: bool,
) -> None:
    """Add a person called NAME."""
    svc = services()
    manager = person_id(reports_to) if reports_to else None
    person = svc.add_person(name, role=role, team=team, reports_to=manager, email=email)
    if as_json:
        print_json(person_json(person, svc.people_by_id()))
        return
    click.echo(_("Added person {id}: {name}").format(id=person.id, name=person.name))


@people.command("edit")
@click.argument("who", metavar="PERSON")
@click.option("--name", metavar="NAME", help="A new name.")
@click.option("--role", type=click.Choice(ROLES))
@click.option("--team", metavar="T", help="Team name ('' for none).")
@click.option("--email", metavar="ADDRESS", help="Email address ('' for none).")
@json_option
def people_edit(
    who: str,
    name: str | None,
    role: str | None,
    team: str | None,
    email: str | None,
    as_json: bool,
) -> None:
    """Change PERSON (name, prefix, pinyin initials or id): name, role, team, email."""
    svc = services()
    changes: dict[str, object] = {"name": name, "role": role, "team": team, "email": email}
    changes = {key: value for key, value in changes.items() if value is not None}
    if "team" in changes:
        changes["team"] = str(changes["team"]).strip() or None
    person = svc.edit_person(person_id(who), **changes)
    if as_json:
        print_json(person_json(person, svc.people_by_id()))
        return
    click.echo(_("Changed person {id}: {name}").format(id=person.id, name=person.name))


@people.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def people_import(file: Path, as_json: bool) -> None:
    """Add or update people from a CSV FILE with a header row: name, role, team,
    reports_to, email (name needed; an empty cell keeps what is there). All or none."""
    from salestui.core.names import join_names
    from salestui.core.people_import import PeopleImport

    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        from salestui.core.errors import InvalidInput

        raise InvalidInput(_("{path} is not UTF-8 text").format(path=file)) from error
    report = PeopleImport(services()).run(text)
    if as_json:
        print_json({"added": report.added, "updated": report.updated})
        return
    click.echo(
        _("Added {added}, updated {updated}: {names}").format(
            added=len(report.added),
            updated=len(report.updated),
            names=join_names(report.added + report.updated),
        )
    )


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
    grid = table(_("ID"), _("Name"), _("Role"), _("Team"), _("Reports to"), _("Email"))
    for person in found:
        manager = everyone.get(person.reports_to) if person.reports_to else None
        grid.add_row(
            text(person.id),
            text(person.name),
            text(label("role", person.role)),
            text(person.team or ""),
            text(manager.name if manager else ""),
            text(person.email or ""),
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
