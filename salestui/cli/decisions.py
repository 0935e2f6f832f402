"""``salestui decisions``: the decision register - list it with filters, supersede an
earlier decision, mark a decision confidential (issue 16)."""

from __future__ import annotations

from typing import Any

import click

from salestui.cli.common import ID, SQLITE_MAX_INTEGER, json_option, names_are_input, print_json
from salestui.cli.common import services as open_services
from salestui.i18n import _

STATUSES = ("proposed", "confirmed", "rejected", "superseded")


@click.group("decisions")
def decisions() -> None:
    """The decision register: every decision across meetings."""


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "text": row.text,
        "status": row.status.value,
        "meeting_id": row.meeting_id,
        "meeting": row.meeting_title,
        "date": row.when.astimezone().date().isoformat() if row.when else None,
        "actions": row.actions,
        "done": row.done,
        "execution": row.execution,
        "owners": row.owners,
        "supersedes_id": row.supersedes_id,
        "superseded_by_id": row.superseded_by_id,
        "confidential": row.confidential,
    }


@decisions.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only decisions in this status.")
@click.option("--series", metavar="S", help="Only meetings of series S (its title or id).")
@click.option("--owner", metavar="N", help="Only decisions with an action N owns.")
@click.option("--text", metavar="W", default="", help="Words in the decision or its meeting.")
@click.option(
    "--limit", type=click.IntRange(min=1, max=SQLITE_MAX_INTEGER), default=200,
    show_default=True, help="At most N decisions, newest meeting first.",
)  # fmt: skip
@json_option
def decisions_list(
    status: str | None, series: str | None, owner: str | None, text: str, limit: int,
    as_json: bool,
) -> None:  # fmt: skip
    """Every decision with its meeting, status and how many of its actions are done."""
    from salestui.cli.stream import TextTable, plain
    from salestui.core.decisions import DecisionRegister

    register = DecisionRegister(open_services(create=False))
    with names_are_input():
        query = register.query(status=status, series=series, owner=owner, text=text)
    page = register.page(query, limit=limit)
    if as_json:
        print_json({"total": page.total, "decisions": [_row_json(r) for r in page.rows]})
        return
    if not page.rows:
        click.echo(_("No decisions."))
        return
    from salestui.core.export.minutes_parts import DECISION_STATUS_LABELS

    table = TextTable([_("Id"), _("Date"), _("Meeting"), _("Decision"), _("Status"), _("Done")])
    table.write(
        [
            (str(row.id), False),
            (row.when.astimezone().date().isoformat() if row.when else "-", False),
            (plain(row.meeting_title), False),
            (plain(_decision_words(row)), False),
            (_(DECISION_STATUS_LABELS[row.status]), False),
            (row.execution, False),
        ]
        for row in page.rows
    )
    if page.more:
        click.echo(_("{shown} of {total} decisions").format(shown=len(page.rows), total=page.total))


def _decision_words(row: Any) -> str:
    words = row.text
    if row.confidential:
        words = _("[confidential]") + " " + words
    if row.superseded_by_id is not None:
        words += " → " + _("superseded by #{id}").format(id=row.superseded_by_id)
    elif row.supersedes_id is not None:
        words += " ← " + _("supersedes #{id}").format(id=row.supersedes_id)
    return str(words)


@decisions.command("supersede")
@click.argument("old_id", metavar="OLD", type=ID)
@click.argument("new_id", metavar="NEW", type=ID)
def decisions_supersede(old_id: int, new_id: int) -> None:
    """Mark decision OLD superseded by decision NEW (of the same or a later meeting).
    `salestui undo` takes it back."""
    from salestui.core.decisions import DecisionRegister

    register = DecisionRegister(open_services())
    old = register.supersede(old_id, new_id)
    click.echo(_("Decision {old} “{text}” is superseded by decision {new}").format(
        old=old_id, text=old.text, new=new_id))  # fmt: skip


@decisions.command("confidential")
@click.argument("kind", type=click.Choice(["note", "decision", "action", "item"]))
@click.argument("row_id", metavar="ID", type=ID)
@click.option("--off", is_flag=True, help="No longer confidential.")
def decisions_confidential(kind: str, row_id: int, off: bool) -> None:
    """Mark a meeting note (entry id), decision, action item or agenda item (item)
    confidential: left out of every export unless --include-confidential is given."""
    from salestui.core.decisions import DecisionRegister

    DecisionRegister(open_services()).set_confidential(kind, row_id, not off)
    click.echo(_("Marked confidential") if not off else _("No longer confidential"))
