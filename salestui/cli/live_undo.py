"""``salestui run undo``: take back a meeting's newest live edit - the same undo, kept in
the database, as ctrl+z in the live console."""

from __future__ import annotations

import click

from salestui.cli.live_view import live


@click.command("undo", short_help="Undo the newest live edit of MEETING.")
@click.argument("meeting_id", metavar="MEETING", type=int)
def undo(meeting_id: int) -> None:
    """Undo the newest live edit of MEETING (a capture, an entry's edit, deletion or
    conversion, attendance, a decision's status, an agenda move or timebox change).
    Repeat to go further back; exit 1 when nothing is left to undo."""
    click.echo(live().undo(meeting_id).message)
