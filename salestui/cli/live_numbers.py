"""``salestui run scorecard`` and ``run countermeasure``: the numbers review of a meeting
from the command line - the scorecard of the period it reviews, and the cause and
countermeasure of a number off track (the live console's prompt). ``/k`` lines go
through ``run capture``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from salestui.cli.common import ID, json_option, names_are_input, print_json, warn
from salestui.cli.live_view import live
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from salestui.core.meeting import LiveMeeting

MEETING = click.argument("meeting_id", metavar="MEETING", type=ID)


@click.command("scorecard", short_help="The scorecard MEETING reviews (last week's numbers).")
@MEETING
@json_option
def run_scorecard(meeting_id: int, as_json: bool) -> None:
    """The scorecard of the period MEETING reviews (the one before its own): its people's
    and their teams' numbers, goal, actual, variance, on/off track, the last 13 periods."""
    from salestui.cli.numbers_output import print_scorecard, row_json

    card = live().numbers.scorecard(meeting_id)
    if as_json:
        print_json([row_json(r) for r in card.rows])
        return
    print_scorecard(card.period, card.rows)


@click.command("countermeasure", short_help="The cause and countermeasure of a missed number.")
@MEETING
@click.argument("measurable")
@click.argument("words", metavar="ACTION", nargs=-1, required=True)
@click.option("--owner", metavar="NAME", help="Whose number (default: the measurable's owner).")
@click.option("--cause", required=True, help="Why the number was missed.")
@json_option
def run_countermeasure(
    meeting_id: int,
    measurable: str,
    words: tuple[str, ...],
    owner: str | None,
    cause: str,
    as_json: bool,
) -> None:
    """Record the cause of a number off track in the period MEETING reviews and its
    countermeasure: ACTION is an action line (@owner, a date, p1; the number's owner by
    default), e.g. 'run countermeasure 12 sales --owner 周杰 --cause 订单推迟 下周五 拜访瑞丰'."""
    from salestui.core.numbers import NumbersService

    live_meeting = live()
    numbers = NumbersService(live_meeting.services)
    with names_are_input():
        found = numbers.measurable(measurable)
        who = numbers.owner(owner, found)
        assert found.id is not None
        measure = live_meeting.numbers.countermeasure(
            meeting_id, found.id, who, cause, " ".join(words)
        )
    if as_json:
        print_json(
            {
                "id": measure.id,
                "measurable": found.name,
                "owner": measure.owner.name,
                "period": measure.period,
                "cause": measure.cause,
                "action_id": measure.action_id,
                "action": measure.action_title,
            }
        )
        return
    click.echo(
        _("Countermeasure for {name} ({period}): action {id} {title}").format(
            name=f"{found.name} · {measure.owner.name}",
            period=measure.period,
            id=measure.action_id,
            title=measure.action_title,
        )
    )


def warn_missing(live_meeting: LiveMeeting, meeting_id: int) -> None:
    """Leaving a numbers-review item: the numbers off track with no countermeasure yet."""
    missing = live_meeting.numbers.scorecard(meeting_id).missing
    if not missing:
        return
    names = ", ".join(f"{r.measurable.name} · {r.owner.name}" for r in missing)
    message = ngettext(
        "{count} number off track without a countermeasure: {names} "
        "(salestui run countermeasure {id} ...)",
        "{count} numbers off track without a countermeasure: {names} "
        "(salestui run countermeasure {id} ...)",
        len(missing),
    )
    warn(message.format(count=len(missing), names=names, id=meeting_id))
