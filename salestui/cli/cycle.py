"""The weekly cycle on the command line: ``meeting next`` plans the meeting after a held
one (with what it left open carried over), ``run drop-item`` resolves an agenda item that
has been carried three times."""

from __future__ import annotations

import click

from salestui.cli.common import (
    ID,
    json_option,
    local_moment,
    meeting_json,
    parse_datetime_option,
    print_json,
    services,
)
from salestui.i18n import _

CADENCES = ("daily", "weekly", "biweekly", "monthly")


@click.command("next", short_help="Plan the next meeting of a series (what was left open carries).")
@click.argument("meeting_id", metavar="ID", type=ID)
@click.option("--start", metavar="WHEN", help="e.g. 'mon 9:00', '下周一 9:00' (default: cadence).")
@click.option(
    "--cadence",
    type=click.Choice(CADENCES),
    help="For a meeting not yet recurring (default: its kind's, e.g. weekly for weekly).",
)
@json_option
def meeting_next(meeting_id: int, start: str | None, cadence: str | None, as_json: bool) -> None:
    """Plan the meeting after ID (an ended or confirmed meeting) and print its id.

    Its agenda: the review of open actions, the series' standing items, then what ID
    left open - items skipped, parked or never reached, and parked topics sent "to the
    next meeting" - each carried with its count raised by one. A meeting that is not yet
    recurring becomes a series first (--cadence, else its kind's usual cadence). If the
    next meeting is already planned, its id is printed and nothing new is made.
    """
    from salestui.core.planning import Planning

    svc = services()
    when = parse_datetime_option(start)
    created_meeting, created = Planning(svc).next_after(meeting_id, when, cadence)
    if as_json:
        data = meeting_json(created_meeting, svc.people_by_id())
        data["created"] = created
        print_json(data)
        return
    agenda = svc.store.list_agenda(created_meeting.id or 0)
    carried = sum(1 for item in agenda if item.carried_from is not None)
    message = (
        _("Created meeting {id}: {title} ({start}); items carried over: {count}")
        if created
        else _("Already planned: meeting {id}: {title} ({start}); items carried over: {count}")
    )
    click.echo(
        message.format(
            id=created_meeting.id,
            title=created_meeting.title,
            start=local_moment(created_meeting.scheduled_start),
            count=carried,
        )
    )


@click.command("drop-item", short_help="Drop an agenda item carried three times (at confirmation).")
@click.argument("item_id", metavar="ITEM_ID", type=ID)
def drop_item(item_id: int) -> None:
    """Drop agenda item ITEM_ID of an ended meeting, so it is never carried again."""
    from salestui.core.meeting import LiveMeeting

    item = LiveMeeting(services()).drop_carried_item(item_id)
    click.echo(_("Agenda item {id} dropped: {title}").format(id=item.id, title=item.title))
