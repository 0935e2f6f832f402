"""``salestui run``: the live meeting, headless - the same core service as the Run screen.

start, agenda flow (next/previous/skip/park/extend), status, attendance, speaking and
end live here; capture and entries in ``live_capture``, the review and confirmation
commands in ``live_close``, undo in ``live_undo``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import (
    ID,
    app_context,
    console,
    json_option,
    label,
    person_id,
    person_ids,
    print_json,
    services,
    table,
    text,
    warn,
)
from salestui.cli.live_capture import run_capture, run_entries
from salestui.cli.live_close import confirm, decide, park_resolve, review, settle
from salestui.cli.live_numbers import run_countermeasure, run_scorecard, warn_missing
from salestui.cli.live_undo import undo
from salestui.cli.live_view import (
    TAKE_OVER,
    clock,
    dominant_message,
    item_timing,
    item_title,
    live,
    local_time,
    meeting_clock,
    now_line,
    pending_lines,
    status_json,
    whole_minutes,
)
from salestui.cli.rates import rate_meeting
from salestui.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from salestui.core.meeting import Balance, LiveState
    from salestui.core.service import MeetingDetail

MEETING = click.argument("meeting_id", metavar="MEETING", type=ID)


# --help lists the commands in the order of a meeting, not alphabetically.
ORDER = (
    "start", "review", "attend", "capture", "scorecard", "countermeasure", "speak", "status",
    "next", "previous", "skip",
    "park", "extend", "entries", "undo", "end", "decide", "settle", "park-resolve",
    "drop-item", "confirm", "rate",
)  # fmt: skip


class _InOrder(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        known = [name for name in ORDER if name in self.commands]
        return known + sorted(set(self.commands) - set(known))


@click.group("run", cls=_InOrder)
@click.option(
    "--take-over",
    is_flag=True,
    help="Change a meeting another person records: become its scribe (recorded).",
)
@click.pass_context
def run_group(context: click.Context, take_over: bool) -> None:
    """Run a meeting live without the terminal app: start, capture, move on, end.

    A running meeting has one scribe, who started it. Changes by anyone else are refused
    unless --take-over is given; `run status` says who the scribe is."""
    context.meta[TAKE_OVER] = take_over


@run_group.command("start", short_help="Start MEETING now (warnings shown; starts anyway).")
@MEETING
@json_option
def run_start(meeting_id: int, as_json: bool) -> None:
    """Start MEETING now (warnings are shown, the meeting starts anyway). --json prints
    what `run status --json` does, with the warnings."""
    live_meeting = live()
    warnings = live_meeting.preflight(meeting_id)
    meeting = live_meeting.start(meeting_id)
    for message in warnings:
        warn(message)
    if as_json:
        print_json(_status_payload(meeting_id) | {"warnings": list(warnings)})
        return
    state = live_meeting.state(meeting_id)
    started = _("Started meeting {id}: {title} at {time}").format(
        id=meeting.id, title=meeting.title, time=local_time(meeting.actual_start)
    )
    late = whole_minutes(state.late_by)
    if late >= 1:
        started = _("{text} ({minutes} min late)").format(text=started, minutes=late)
    click.echo(started)
    if state.current is not None:
        click.echo(now_line(state))
    to_review = live_meeting.review_candidates(meeting_id)
    if to_review:
        click.echo(
            _("{count} previous actions to review: salestui run review {id}").format(
                count=len(to_review), id=meeting_id
            )
        )


def _move(meeting_id: int, step: str) -> None:
    live_meeting = live()
    before = live_meeting.state(meeting_id)
    left = before.current
    {
        "next": live_meeting.next_item,
        "previous": live_meeting.previous_item,
        "skip": live_meeting.skip_item,
        "park": live_meeting.park_item,
    }[step](meeting_id)
    if step == "next" and left is not None and left.item.kind.value == "numbers":
        warn_missing(live_meeting, meeting_id)
    after = live_meeting.state(meeting_id)
    if left is not None and (after.current is None or after.current.item.id != left.item.id):
        done = next(t for t in after.items if t.item.id == left.item.id)
        message = {
            "next": _("Finished {item} - {timing}"),
            "previous": _("Paused {item} - {timing}"),
            "skip": _("Skipped {item} - {timing}"),
            "park": _("Parked {item} - {timing}"),
        }[step]
        click.echo(message.format(item=item_title(after, done), timing=item_timing(done)))
    click.echo(now_line(after))


@run_group.command("next")
@MEETING
def run_next(meeting_id: int) -> None:
    """Finish the current item and start the next one."""
    _move(meeting_id, "next")


@run_group.command("previous")
@MEETING
def run_previous(meeting_id: int) -> None:
    """Go back one item (its time goes on from where it was)."""
    _move(meeting_id, "previous")


@run_group.command("skip")
@MEETING
def run_skip(meeting_id: int) -> None:
    """Skip the current item and start the next one."""
    _move(meeting_id, "skip")


@run_group.command("park", short_help="Park the current item and start the next one.")
@MEETING
def run_park(meeting_id: int) -> None:
    """Park the current item (it comes back on the next meeting) and start the next one."""
    _move(meeting_id, "park")


@run_group.command(
    "extend",
    context_settings={"ignore_unknown_options": True},
    short_help="Give the current item more minutes (5) or fewer (-5).",
)
@MEETING
@click.argument("minutes", type=click.IntRange(-480, 480))
def run_extend(meeting_id: int, minutes: int) -> None:
    """Give the current item MINUTES more (e.g. 5), or take them away (e.g. -5)."""
    live_meeting = live()
    live_meeting.extend(meeting_id, minutes)
    state = live_meeting.state(meeting_id)
    assert state.current is not None
    item = state.current.item
    click.echo(
        _("{item}: {planned} min planned, extended by {extended} - {timing}").format(
            item=item_title(state, state.current),
            planned=item.timebox_minutes,
            extended=f"{item.extended_minutes:+d}",
            timing=item_timing(state.current),
        )
    )


def _status_payload(meeting_id: int) -> dict[str, Any]:
    """What ``run status --json`` prints for MEETING."""
    live_meeting = live()
    state = live_meeting.state(meeting_id)
    detail = services().meeting_detail(meeting_id)
    balance = live_meeting.balance(meeting_id, app_context().config.speaking_threshold)
    ended = state.meeting.status.value in ("ended", "confirmed")
    questions = live_meeting.open_questions(meeting_id) if ended else []
    found = status_json(state, detail, balance, questions)
    scribe = live_meeting.scribes.of(meeting_id)
    found["scribe"] = {"id": scribe.id, "name": scribe.name} if scribe else None
    return found


@run_group.command("status", short_help="Meeting clock, current timer, agenda, attendance.")
@MEETING
@json_option
def run_status(meeting_id: int, as_json: bool) -> None:
    """The meeting clock, the current item's timer, the agenda, attendance and speaking."""
    if as_json:
        print_json(_status_payload(meeting_id))
        return
    live_meeting = live()
    state = live_meeting.state(meeting_id)
    detail = services().meeting_detail(meeting_id)
    balance = live_meeting.balance(meeting_id, app_context().config.speaking_threshold)
    ended = state.meeting.status.value in ("ended", "confirmed")
    questions = live_meeting.open_questions(meeting_id) if ended else []
    meeting = state.meeting
    scribe = live_meeting.scribes.of(meeting_id)
    out = console()
    heading = _("Meeting {id}: {title}").format(id=meeting.id, title=meeting.title)
    status = label("meeting_status", meeting.status)
    out.print(text(_("{name} ({status})").format(name=heading, status=status), "bold"))
    out.print(text(meeting_clock(state)), soft_wrap=True)
    if scribe is not None:
        out.print(text(_("Scribe: {name}").format(name=scribe.name)), soft_wrap=True)
    if state.current is not None:
        out.print(text(now_line(state), "bold red" if state.current.overrun else ""))
    if state.items:
        out.print(_agenda_grid(state))
    _print_room(out, detail, balance)
    if balance.dominant is not None and meeting.status.value == "running":
        warn(dominant_message(balance.dominant))
    if ended:
        lines = pending_lines(live_meeting, meeting_id)
        if lines:
            title = _("Still to settle before confirming ({count}):")
            out.print(text(title.format(count=len(questions))))
            for line in lines:
                out.print(text(line), soft_wrap=True)


def _agenda_grid(state: LiveState) -> Any:
    """The agenda as a table: each item's time against its allowance, and its status."""
    grid = table(_("#"), _("Item"), _("Min"), _("Time"), _("Status"))
    for number, timed in enumerate(state.items, 1):
        spent = clock(timed.elapsed)
        if timed.overrun:
            spent = _("{elapsed} (over by {over})").format(
                elapsed=spent, over=clock(timed.elapsed - timed.allowed)
            )
        grid.add_row(
            text(number),
            text(timed.item.title),
            text(timed.allowed_label),
            text(spent, "bold red" if timed.overrun else ""),
            text(label("agenda_status", timed.item.status)),
        )
    return grid


def _print_room(out: Console, detail: MeetingDetail, balance: Balance) -> None:
    """Who is there (each with their attendance) and each speaker's share."""
    from salestui.core.names import join_names

    if detail.attendees:
        names = join_names(
            [
                _("{name} ({status})").format(
                    name=a.person.name, status=label("attendance", a.status)
                )
                for a in detail.attendees
            ]
        )
        out.print(text(_("Attendance: {names}").format(names=names)), soft_wrap=True)
    if balance.shares:
        shares = join_names([f"{s.person.name} {round(s.share * 100)}%" for s in balance.shares])
        out.print(text(_("Speaking: {shares}").format(shares=shares)), soft_wrap=True)


ATTENDANCE_CHOICES = ("present", "late", "absent", "excused")


@run_group.command("attend", short_help="Take attendance: NAME... present|late|absent|excused.")
@MEETING
@click.argument("names", metavar="NAME...", nargs=-1, required=True)
@click.argument("status", metavar="STATUS", type=click.Choice(ATTENDANCE_CHOICES))
def run_attend(meeting_id: int, names: tuple[str, ...], status: str) -> None:
    """Take attendance: NAME... present|late|absent|excused (late records the arrival)."""
    svc = services()
    svc.meeting(meeting_id)
    ids = person_ids(names)  # every name is checked before anything is recorded
    live_meeting = live()
    people = svc.people_by_id()
    for pid in ids:
        attendance = live_meeting.set_attendance(meeting_id, pid, status)
        line = _("{name}: {status}").format(
            name=people[pid].name, status=label("attendance", attendance.status)
        )
        if attendance.arrived_at is not None:
            line = _("{text} (arrived {time})").format(
                text=line, time=local_time(attendance.arrived_at)
            )
        click.echo(line)


@run_group.command("speak", short_help="Mark who is speaking now (none: nobody).")
@MEETING
@click.argument("name", metavar="NAME|none")
def run_speak(meeting_id: int, name: str) -> None:
    """Mark who is speaking now (none: nobody); ends the previous turn."""
    svc = services()
    svc.meeting(meeting_id)
    speaker = None if name.strip().lower() == "none" else person_id(name)
    live_meeting = live()
    live_meeting.speak(meeting_id, speaker)
    if speaker is None:
        click.echo(_("Nobody is speaking"))
    else:
        click.echo(_("Speaking now: {name}").format(name=svc.person(speaker).name))
    balance = live_meeting.balance(meeting_id, app_context().config.speaking_threshold)
    if balance.dominant is not None:
        warn(dominant_message(balance.dominant))


@run_group.command("end", short_help="End MEETING and list what is left to settle.")
@MEETING
@json_option
def run_end(meeting_id: int, as_json: bool) -> None:
    """End MEETING now and list what must be settled before it is confirmed. --json prints
    what `run status --json` does (its open questions are what is left to settle)."""
    live_meeting = live()
    meeting = live_meeting.end(meeting_id)
    if as_json:
        print_json(_status_payload(meeting_id))
        return
    state = live_meeting.state(meeting_id)
    click.echo(
        _("Ended meeting {id}: {title} at {time} ({actual} of {planned} min)").format(
            id=meeting.id,
            title=meeting.title,
            time=local_time(meeting.actual_end),
            actual=whole_minutes(state.elapsed),
            planned=meeting.planned_minutes,
        )
    )
    lines = pending_lines(live_meeting, meeting_id)
    if lines:
        click.echo(_("Still to settle before confirming ({count}):").format(count=len(lines)))
        for line in lines:
            click.echo(line)
    else:
        message = _("Nothing left to settle. Confirm with: salestui run confirm {id}")
        click.echo(message.format(id=meeting_id))


for _command in (run_capture, run_entries, review, decide, settle, park_resolve, confirm, undo,
                 rate_meeting, run_scorecard, run_countermeasure):  # fmt: skip
    run_group.add_command(_command)
