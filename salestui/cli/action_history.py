"""``salestui actions history ID``: who did what to an action item, and when - its
follow-ups (status changes, reassignments, escalations, notes) and what the journal adds
(who created it, edits of its title, priority or tags, changes in a meeting, undos)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from salestui.cli.actions import actions
from salestui.cli.common import ID, json_option, label, local_moment, print_json, services
from salestui.i18n import _


@actions.command("history")
@click.argument("action_id", metavar="ID", type=ID)
@json_option
def actions_history(action_id: int, as_json: bool) -> None:
    """The history of action ID, oldest first: when, who, what."""
    from salestui.core.journal_text import follow_up_what

    svc = services(create=False)
    action = svc.action(action_id)
    people = svc.people_by_id()

    def name(person_id: int | None) -> str | None:
        if person_id is None:
            return None
        return people[person_id].name if person_id in people else f"#{person_id}"

    lines: list[tuple[datetime, str | None, str, str]] = []
    for entry in svc.follow_ups(action_id):
        parts = [follow_up_what(entry.kind.value, name(entry.person_id) or "-")]
        if entry.status is not None:
            parts.append(_("status → {status}").format(status=label("status", entry.status)))
        if entry.new_due is not None:
            parts.append(_("due → {date}").format(date=entry.new_due.isoformat()))
        if entry.next_check_in is not None:
            parts.append(_("check in → {date}").format(date=entry.next_check_in.isoformat()))
        if entry.at is not None:
            lines.append((entry.at, name(entry.author_id), " · ".join(parts), entry.note))
    for change in svc.journal.item_changes(action_id):
        lines.append((change.at, change.person, change.what, ""))
    lines.sort(key=lambda line: line[0])
    if as_json:
        print_json(
            {
                "id": action.id,
                "title": action.title,
                "history": [_line_json(*line) for line in lines],
            }
        )
        return
    click.echo(_("Action {id}: {title}").format(id=action.id, title=action.title))
    for at, who, what, note in lines:
        click.echo(f"{local_moment(at)} · {who or '-'} · {what}")
        if note:
            click.echo(f"    {note}")


def _line_json(at: datetime, who: str | None, what: str, note: str) -> dict[str, Any]:
    return {"at": at, "person": who, "what": what, "note": note}
