"""``salestui invite``: people by name, or whole teams (``--team 销售一部``, ``--team "my
team"``), each team shown before it is invited."""

from __future__ import annotations

import click

from salestui.cli.common import ID, json_option, names_are_input, person_ids, print_json, services
from salestui.i18n import _


@click.command()
@click.argument("meeting_id", metavar="MEETING", type=ID)
@click.argument("names", metavar="[NAME...]", nargs=-1)
@click.option(
    "--team",
    "teams",
    metavar="TEAM",
    multiple=True,
    help="Invite everyone in TEAM (e.g. 销售一部), or 'my team'; repeatable.",
)
@click.option("--optional", is_flag=True, help="Invite as optional, not required.")
@click.option("--yes", is_flag=True, help="Do not ask before inviting a team.")
@json_option
def invite(
    meeting_id: int,
    names: tuple[str, ...],
    teams: tuple[str, ...],
    optional: bool,
    yes: bool,
    as_json: bool,
) -> None:
    """Invite people to MEETING (an id). Names: full name, prefix, pinyin initials or id;
    --team adds a whole team (listed first; asked on a terminal)."""
    from salestui.core.errors import InvalidInput

    svc = services()
    svc.meeting(meeting_id)
    if not names and not teams:
        raise InvalidInput(_("Name someone to invite, or a team with --team"))
    ids = person_ids(names)  # every name is checked before anyone is invited
    for team in teams:
        ids += _team_ids(team, as_json or yes)
    invited = svc.invite(meeting_id, list(dict.fromkeys(ids)), required=not optional)
    if as_json:
        people = [{"id": p.id, "name": p.name} for p in invited]
        print_json({"meeting_id": meeting_id, "required": not optional, "invited": people})
        return
    from salestui.core.names import join_names

    message = (
        _("Invited to meeting {id} (optional): {names}")
        if optional
        else _("Invited to meeting {id}: {names}")
    )
    click.echo(message.format(id=meeting_id, names=join_names([p.name for p in invited])))


def _team_ids(team: str, quiet: bool) -> list[int]:
    """The team's people, shown before they are invited (and asked, on a terminal)."""
    import sys

    from salestui.core.errors import Conflict
    from salestui.core.names import join_names

    with names_are_input():
        name, people = services().team_invitees(team)
    if not people:
        raise Conflict(_("No one is in {team}").format(team=name))
    if not quiet:
        click.echo(
            _("{team} ({count}): {names}").format(
                team=name, count=len(people), names=join_names([p.name for p in people])
            )
        )
        if sys.stdin.isatty() and not click.confirm(_("Invite them?"), default=True):
            raise click.Abort()
    return [p.id for p in people if p.id is not None]
