"""CLI commands about the organisation and the file: ``people``, ``demo``, ``backup``."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import click

from salestui.cli_common import (
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
from salestui.i18n import _


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
@json_option
def people_add(
    name: str, role: str, team: str | None, reports_to: str | None, as_json: bool
) -> None:
    """Add a person called NAME."""
    svc = services()
    manager = person_id(reports_to) if reports_to else None
    person = svc.add_person(name, role=role, team=team, reports_to=manager)
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
    grid = table(_("ID"), _("Name"), _("Role"), _("Team"), _("Reports to"))
    for person in found:
        manager = everyone.get(person.reports_to) if person.reports_to else None
        grid.add_row(
            text(person.id),
            text(person.name),
            text(label("role", person.role)),
            text(person.team or ""),
            text(manager.name if manager else ""),
        )
    from salestui.cli_common import console

    console().print(grid)


_DEMO_LABELS = {
    "people": "demo:people",
    "teams": "demo:teams",
    "series": "demo:series",
    "meetings": "demo:meetings",
    "agenda_items": "demo:agenda_items",
    "entries": "demo:entries",
    "decisions": "demo:decisions",
    "actions": "demo:actions",
    "follow_ups": "demo:follow_ups",
}


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
    from salestui.core.demo import generate_demo
    from salestui.core.errors import Conflict

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
        message_id = _DEMO_LABELS.get(key)
        name = _(message_id) if message_id and _(message_id) != message_id else key
        click.echo(f"  {name}: {value}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def backup(file: Path, force: bool) -> None:
    """Copy the database to FILE (a consistent copy, safe while the app is open)."""
    from salestui.core.errors import Conflict, StorageError

    svc = services(create=False)
    file = file.expanduser()
    if file.is_dir():
        raise StorageError(_("{path} is a folder; give a file name").format(path=file))
    if not file.parent.is_dir():
        raise StorageError(_("The folder {folder} does not exist").format(folder=file.parent))
    if file.exists() and not force:
        raise Conflict(_("{path} already exists; use --force to overwrite it").format(path=file))
    if file.exists() and file.resolve() == svc.store.path.resolve():
        raise Conflict(_("{path} is the database itself").format(path=file))
    # Copy to a private temporary file next to FILE, then rename: FILE is either the old
    # file or a complete backup, never half written.
    partial = file.with_name(f".{file.name}.{os.getpid()}.partial")
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        svc.store.backup(partial)
        os.replace(partial, file)
    except OSError as error:
        raise StorageError(
            _("Cannot write {path}: {reason}").format(path=file, reason=error.strerror)
        ) from error
    finally:
        if partial.exists():
            partial.unlink()
    click.echo(_("Backed up {source} to {path}").format(source=svc.store.path, path=file))
