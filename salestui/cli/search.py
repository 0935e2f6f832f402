"""``salestui search WORDS...``: one search over everything the department wrote."""

from __future__ import annotations

import click

from salestui.cli.common import SQLITE_MAX_INTEGER, json_option, print_json, services
from salestui.i18n import _


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=SQLITE_MAX_INTEGER),
    default=20,
    show_default=True,
    help="At most N hits of each kind.",
)
@json_option
def search(words: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Find WORDS (all of them, any order; "quotes" for a phrase) in action titles,
    follow-up notes, waiting/blocked reasons, decisions, meeting notes, agenda items and
    meetings. Each hit says where it matched and which action or meeting to open."""
    from salestui.cli.stream import TextTable, plain
    from salestui.core.export.confidential import mark
    from salestui.core.search import search as find

    svc = services(create=False)
    hits = find(svc.store, " ".join(words), limit)
    if as_json:
        print_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "text": h.text,
                    "action_id": h.action_id,
                    "meeting_id": h.meeting_id,
                    "at": h.at,
                    "confidential": h.confidential,
                }
                for h in hits
            ]
        )
        return
    if not hits:
        click.echo(_("Nothing found."))
        return
    table = TextTable([_("Where"), _("Opens"), _("Text")])
    table.write(
        [
            (plain(hit.where), False),
            (_("action {id}").format(id=hit.action_id) if hit.action_id is not None
             else _("meeting {id}").format(id=hit.meeting_id), False),
            (plain(mark(hit.text) if hit.confidential else hit.text), False),
        ]
        for hit in hits
    )  # fmt: skip
