"""``salestui run capture`` and ``run entries``: a line said in the meeting, captured on the
current item (the same capture line as the live console's), and the list of what was
captured."""

from __future__ import annotations

from typing import Any

import click

from salestui.cli.common import (
    ID,
    console,
    json_option,
    names_are_input,
    print_json,
    services,
    table,
    text,
)
from salestui.cli.live_view import live
from salestui.core.capture_numbers import is_number_line
from salestui.i18n import _

MEETING = click.argument("meeting_id", metavar="MEETING", type=ID)


@click.command("capture", short_help="Save one capture line (note, /d, /a, /l, /p, /t, /k).")
@MEETING
@click.argument("words", metavar="TEXT", nargs=-1, required=True)
@json_option
def run_capture(meeting_id: int, words: tuple[str, ...], as_json: bool) -> None:
    """Save one capture line on the current item, e.g. '/a @王芳 下周五 提交回款计划'.

    Plain text is a note; /d a decision; /a an action (@owner, due date, p1-p3, #tag);
    /l a link; /p the parking lot; /t a new agenda item; /k a number of the period
    under review and/or next period's target ('/k @王芳 销售额 102 目标 120'). Use --
    before a line that starts with '-'. Nothing is saved from a line that does not
    parse (exit 2).
    """
    from salestui.core.capture import describe
    from salestui.core.errors import Conflict

    svc = services()
    meeting = svc.meeting(meeting_id)
    if meeting.status.value != "running":
        raise Conflict(_("The meeting is not running"))
    line = " ".join(words)
    live_meeting = live()
    if is_number_line(line):
        _capture_number(live_meeting, meeting_id, line, as_json)
        return
    with names_are_input():  # an unknown @owner is bad input, like any unknown name
        result = live_meeting.capture(meeting_id, line)
    preview = describe(result.capture, svc.clock.today())
    if as_json:
        print_json(_capture_json(result, preview))
        return
    entry = result.entry
    message = _("Saved entry {id}: {preview}").format(id=entry.id, preview=preview)
    if result.decision is not None:
        message += " - " + _("decision {id}").format(id=result.decision.id)
    if result.action is not None:
        message += " - " + _("action {id}").format(id=result.action.id)
    if result.new_item is not None:
        message += " - " + _("new agenda item: {title}").format(title=result.new_item.title)
    click.echo(message)


def _capture_number(live_meeting: Any, meeting_id: int, line: str, as_json: bool) -> None:
    """A ``/k`` line: the actual of the period under review and/or the next target."""
    from salestui.core.meeting_numbers import describe_number
    from salestui.core.numbers_amounts import format_amount
    from salestui.core.numbers_export import goal_text

    with names_are_input():
        found = live_meeting.numbers.capture(meeting_id, line)
    preview = describe_number(found)
    if not as_json:
        click.echo(_("Saved: {what}").format(what=preview))
        return
    print_json(
        {
            "kind": "number",
            "measurable_id": found.measurable.id,
            "measurable": found.measurable.name,
            "owner": found.owner.name,
            "period": found.period.key,
            "value": format_amount(found.value) if found.value is not None else None,
            "target_period": found.next.key if found.target is not None else None,
            "target": goal_text(found.target) if found.target is not None else None,
            "preview": preview,
        }
    )


def _capture_json(result: Any, preview: str) -> dict[str, Any]:
    capture = result.capture
    return {
        "entry_id": result.entry.id,
        "kind": result.entry.kind,
        "text": result.entry.text,
        "agenda_item_id": result.entry.agenda_item_id,
        "preview": preview,
        "decision_id": result.decision.id if result.decision else None,
        "action_id": result.action.id if result.action else None,
        "new_agenda_item_id": result.new_item.id if result.new_item else None,
        "owners": [p.name for p in capture.owners],
        "due": capture.due,
        "priority": capture.priority,
        "tags": list(capture.tags),
        "links": list(capture.links),
    }


@click.command("entries", short_help="List what was captured in MEETING.")
@MEETING
@json_option
def run_entries(meeting_id: int, as_json: bool) -> None:
    """List what was captured in MEETING, item by item (deleted entries marked)."""
    from salestui.core.export.minutes import ENTRY_LABELS

    live_meeting = live()
    state = live_meeting.state(meeting_id)
    numbers = {t.item.id: n for n, t in enumerate(state.items, 1)}
    entries = live_meeting.entries(meeting_id)
    if as_json:
        print_json(
            [
                {
                    "id": e.id,
                    "agenda_item_id": e.agenda_item_id,
                    "item_number": numbers.get(e.agenda_item_id),
                    "kind": e.kind,
                    "text": e.text,
                    "at": e.at,
                    "deleted": e.deleted,
                    "disposition": e.disposition,
                }
                for e in entries
            ]
        )
        return
    if not entries:
        click.echo(_("Nothing captured yet."))
        return
    grid = table(_("ID"), _("#"), _("Kind"), _("Text"))
    for entry in entries:
        kind = _(ENTRY_LABELS[entry.kind])
        if entry.deleted:
            kind = _("{kind} (deleted)").format(kind=kind)
        number = numbers.get(entry.agenda_item_id)
        grid.add_row(
            text(entry.id),
            text(number if number is not None else "-"),
            text(kind, "dim" if entry.deleted else ""),
            text(entry.text, "dim" if entry.deleted else ""),
        )
    console().print(grid)
