"""``people login`` and ``people password``: how a person signs in - their OS user name
on a shared host, their password for ``salestui serve`` (issue 17)."""

from __future__ import annotations

import sys

import click

from salestui.cli.common import person_id, services
from salestui.cli.people import people
from salestui.i18n import _


@people.command("login")
@click.argument("name")
@click.argument("login", required=False)
@click.option("--clear", is_flag=True, help="Remove the login: no OS user decides it.")
def people_login(name: str, login: str | None, clear: bool) -> None:
    """Set the OS user name (LOGIN) of the person NAME: on a shared host, that user is
    this person and nobody else is. Without LOGIN, show it."""
    from salestui.core.errors import InvalidInput

    svc = services()
    person = svc.person(person_id(name))
    assert person.id is not None
    if login is None and not clear:
        click.echo(person.login or _("{name} has no login").format(name=person.name))
        return
    if clear and login is not None:
        raise InvalidInput(_("Give a login or --clear, not both"))
    svc.edit_person(person.id, login=None if clear else login)
    if clear:
        click.echo(_("{name} has no login now").format(name=person.name))
    else:
        click.echo(_("{name} is login {login} now").format(name=person.name, login=login))


@people.command("password")
@click.argument("name")
@click.option("--clear", is_flag=True, help="Remove the password: no signing in with one.")
def people_password(name: str, clear: bool) -> None:
    """Set the password with which NAME signs in to 'salestui serve'. Asked at a
    prompt (twice), or read as one line from standard input; never an argument. Only
    its argon2 hash is kept."""
    svc = services()
    person = svc.person(person_id(name))
    assert person.id is not None
    if clear:
        svc.set_password(person.id, None)
        click.echo(_("{name} signs in with no password now").format(name=person.name))
        return
    svc.check_may_manage(person.id, own=True)
    password = _read_password()
    svc.set_password(person.id, password)
    click.echo(_("Password set for {name}").format(name=person.name))


def _read_password() -> str:
    """From a prompt (hidden, twice) on a terminal; else the first line of stdin."""
    from salestui.core.errors import InvalidInput

    if sys.stdin.isatty():
        first = str(click.prompt(_("New password"), hide_input=True))
        if str(click.prompt(_("Once more"), hide_input=True)) != first:
            raise InvalidInput(_("The two passwords differ; nothing changed"))
        return first
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput(_("No password given on standard input"))
    return line.rstrip("\r\n")
