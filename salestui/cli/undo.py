"""``salestui undo [--list] [N]``: the journal of changes (``core.journal``) - list it, and
take back my newest change or change N, as ctrl+z does in the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import ID, json_option, local_moment, print_json, services
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.journal import JournalEntry

MAX_LIST = 10_000


def entry_json(entry: JournalEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at,
        "person": entry.person,
        "kind": entry.kind,
        "summary": entry.summary,
        "fields": entry.fields,
        "live": entry.live,
        "undone_at": entry.undone_at,
        "undone_by": entry.undone_by,
    }


def _undone_text(entry: JournalEntry) -> str:
    if entry.undone_at is None:
        return _("live meeting") if entry.live else ""
    return _("undone {when} by {who}").format(
        when=local_moment(entry.undone_at), who=entry.undone_by or "?"
    )


@click.command("undo")
@click.argument("step_id", metavar="[N]", type=ID, required=False)
@click.option("--list", "as_list", is_flag=True, help="List the newest changes instead.")
@click.option("--mine", is_flag=True, help="With --list: only my own changes.")
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIST),
    help="With --list: at most N changes (default 20).",
)
@json_option
def undo(step_id: int | None, as_list: bool, mine: bool, limit: int | None, as_json: bool) -> None:
    """Undo my newest change not undone yet, or change N (see --list): an edit, a status
    change, a reassignment, an escalation, a follow-up, a bulk change (one step however
    many items), a meeting's plan. It is refused - and nothing changes - when the change
    was undone already or something it changed was changed again since (undo that later
    change first). A live meeting's edits are undone with `salestui run undo`."""
    if as_list and step_id is not None:
        raise click.UsageError(_("Give N or --list, not both"))
    if (mine or limit is not None) and not as_list:
        raise click.UsageError(_("--mine and --limit go with --list"))
    journal = services(create=False).journal
    if as_list:
        _print_list(journal.recent(limit or 20, mine=mine), as_json)
        return
    entry = journal.undo(step_id)
    if as_json:
        print_json(entry_json(entry))
    else:
        click.echo(_("Undid #{id}: {summary}").format(id=entry.id, summary=entry.summary))


def _print_list(entries: list[JournalEntry], as_json: bool) -> None:
    from salestui.cli.stream import TextTable, plain

    if as_json:
        print_json([entry_json(e) for e in entries])
        return
    if not entries:
        click.echo(_("No changes recorded yet."))
        return
    table = TextTable(["#", _("When"), _("Who"), _("Change"), _("Undone")])
    table.write(
        [
            (str(e.id), False),
            (local_moment(e.at), False),
            (plain(e.person or "-"), False),
            (plain(e.summary), False),
            (plain(_undone_text(e)), False),
        ]
        for e in entries
    )
