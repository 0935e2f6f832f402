"""CLI commands that plan meetings: ``meeting``, ``agenda`` (``invite`` is cli.invite's)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import (
    AGENDA_KINDS,
    ID,
    MEETING_KINDS,
    MEETING_STATUSES,
    action_json,
    action_row,
    actions_table,
    app_context,
    console,
    json_option,
    label,
    local_moment,
    meeting_json,
    parse_datetime_option,
    person_id,
    print_json,
    services,
    table,
    text,
    warn,
)
from salestui.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from salestui.core.models import Meeting
    from salestui.core.service import MeetingDetail

NAME_HELP = "full name, unique prefix, pinyin initials or id (no match = exit 2)"


@click.group()
def meeting() -> None:
    """Plan meetings and look them up."""


@meeting.command("new")
@click.option("--title", required=True, help="What the meeting is called.")
@click.option("--kind", type=click.Choice(MEETING_KINDS), default="other", show_default=True)
@click.option("--start", metavar="WHEN", help="e.g. 'mon 9:00', '明天 9:00', '2026-12-07 09:30'.")
@click.option(
    "--minutes",
    type=int,
    metavar="M",
    help="Planned length (default: the config's default_meeting_minutes, 60).",
)
@click.option("--purpose", metavar="P", help="Why the meeting is held (required).")
@click.option("--chair", metavar="NAME", help=f"Who chairs it: {NAME_HELP}.")
@click.option("--location", metavar="L")
@json_option
def meeting_new(
    title: str,
    kind: str,
    start: str | None,
    minutes: int | None,
    purpose: str | None,
    chair: str | None,
    location: str | None,
    as_json: bool,
) -> None:
    """Create a meeting (a draft) and print its id."""
    svc = services()
    when = parse_datetime_option(start)
    chair_id = person_id(chair) if chair else None
    created = svc.new_meeting(
        title=title,
        purpose=purpose or "",
        kind=kind,
        start=when,
        minutes=minutes if minutes is not None else app_context().config.default_meeting_minutes,
        chair=chair_id,
        location=location,
    )
    if as_json:
        print_json(meeting_json(created, svc.people_by_id()))
        return
    click.echo(_("Created meeting {id}: {title}").format(id=created.id, title=created.title))


def _upcoming_then_past(meetings: list[Meeting], now: datetime) -> tuple[list, list]:
    """Meetings not yet over (soonest first, unscheduled after), then past (latest first)."""
    upcoming: list[Meeting] = []
    unscheduled: list[Meeting] = []
    past: list[Meeting] = []
    for item in meetings:
        start = item.scheduled_start
        if item.status.value == "running":
            upcoming.insert(0, item)
        elif start is None:
            unscheduled.append(item)
        elif start + timedelta(minutes=item.planned_minutes) > now:
            upcoming.append(item)
        else:
            past.append(item)
    past.reverse()
    return upcoming + unscheduled, past


@meeting.command("list")
@click.option("--kind", type=click.Choice(MEETING_KINDS))
@click.option("--status", type=click.Choice(MEETING_STATUSES))
@click.option("--series", "series_id", type=ID, metavar="ID", help="Only this recurring series.")
@click.option("--search", metavar="TEXT", help="Full-text search in titles, agendas, notes.")
@json_option
def meeting_list(
    kind: str | None, status: str | None, series_id: int | None, search: str | None, as_json: bool
) -> None:
    """List meetings: upcoming first (soonest first), then past (most recent first)."""
    from salestui.core.models import MeetingKind, MeetingStatus

    svc = services()
    found = svc.meetings(
        kind=MeetingKind(kind) if kind else None,
        status=MeetingStatus(status) if status else None,
        series_id=series_id,
        text=search,
    )
    upcoming, past = _upcoming_then_past(found, svc.clock.now())
    people = svc.people_by_id()
    if as_json:
        print_json([meeting_json(m, people) for m in upcoming + past])
        return
    if not found:
        click.echo(_("No meetings found."))
        return
    first = True
    for title, group in ((_("Upcoming"), upcoming), (_("Past"), past)):
        if not group:
            continue
        if not first:
            console().print()
        first = False
        grid = table(_("ID"), _("Start"), _("Min"), _("Kind"), _("Title"), _("Status"), title=title)
        for item in group:
            grid.add_row(
                text(item.id),
                text(local_moment(item.scheduled_start)),
                text(item.planned_minutes),
                text(label("kind", item.kind)),
                text(item.title),
                text(label("meeting_status", item.status)),
            )
        console().print(grid)


def _detail_json(detail: MeetingDetail) -> dict[str, Any]:
    people = detail.people
    data = meeting_json(detail.meeting, people)

    def name(pid: int | None) -> str | None:
        return people[pid].name if pid is not None and pid in people else None

    data["attendees"] = [
        {
            "id": a.person.id,
            "name": a.person.name,
            "required": a.required,
            "status": a.status,
            "arrived_at": a.arrived_at,
        }
        for a in detail.attendees
    ]
    data["agenda"] = [
        {
            "id": item.id,
            "position": item.position,
            "title": item.title,
            "presenter_id": item.presenter_id,
            "presenter": name(item.presenter_id),
            "timebox_minutes": item.timebox_minutes,
            "kind": item.kind,
            "status": item.status,
            "standing": item.standing,
            "carried_from": item.carried_from,
            "carried_count": item.carried_count,
            "confidential": item.confidential,
        }
        for item in detail.agenda
    ]
    data["agenda_minutes"] = detail.agenda_minutes
    data["over_length"] = detail.over_length
    data["decisions"] = [
        {
            "id": d.id,
            "text": d.text,
            "status": d.status,
            "decided_at": d.decided_at,
            "confidential": d.confidential,
        }
        for d in detail.decisions
    ]
    data["actions"] = [action_json(action_row(a.id)) for a in detail.actions if a.id]
    return data


@meeting.command("show")
@click.argument("meeting_id", metavar="ID", type=ID)
@json_option
def meeting_show(meeting_id: int, as_json: bool) -> None:
    """Show one meeting: details, attendees, agenda, decisions and actions."""
    svc = services()
    detail = svc.meeting_detail(meeting_id)
    if as_json:
        print_json(_detail_json(detail))
        return
    out = console()
    _print_facts(out, detail)
    _print_attendees(out, detail)
    out.print()
    _print_agenda(out, detail)
    if detail.decisions:
        out.print()
        _print_decisions(out, detail)
    if detail.actions:
        out.print()
        rows = [action_row(a.id) for a in detail.actions if a.id]
        out.print(actions_table(rows, svc.clock.today(), title=_("Actions")))


def _print_facts(out: Console, detail: MeetingDetail) -> None:
    """The meeting's title, then its kind, status, purpose, chair, start, length, place."""
    m = detail.meeting
    out.print(text(_("Meeting {id}: {title}").format(id=m.id, title=m.title), "bold"))
    facts = [
        (_("Kind"), label("kind", m.kind)),
        (_("Status"), label("meeting_status", m.status)),
        (_("Purpose"), m.purpose),
        (_("Chair"), detail.chair.name if detail.chair else "-"),
        (_("Start"), local_moment(m.scheduled_start)),
        (_("Length"), _("{minutes} min").format(minutes=m.planned_minutes)),
    ]
    if m.location:
        facts.append((_("Location"), m.location))
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    for key, value in facts:
        grid.add_row(text(key), text(value))
    out.print(grid)


def _print_attendees(out: Console, detail: MeetingDetail) -> None:
    """Who is invited, required then optional, each with their answer."""
    from salestui.core.names import join_names

    for required, heading in ((True, _("Required")), (False, _("Optional"))):
        group = [a for a in detail.attendees if a.required == required]
        if group:
            names = join_names(
                [
                    _("{name} ({status})").format(
                        name=a.person.name, status=label("attendance", a.status)
                    )
                    for a in group
                ]
            )
            line = _("{heading}: {names}").format(heading=heading, names=names)
            out.print(text(line), soft_wrap=True)
    if not detail.attendees:
        out.print(text(_("No one invited yet.")))


def _print_agenda(out: Console, detail: MeetingDetail) -> None:
    """The agenda's items, and their total against the meeting's length."""
    m = detail.meeting
    if not detail.agenda:
        out.print(text(_("No agenda items yet.")))
        return
    grid = table(
        _("#"), _("Item"), _("Presenter"), _("Kind"), _("Min"), _("Status"), title=_("Agenda")
    )
    for item in detail.agenda:
        presenter = detail.people.get(item.presenter_id) if item.presenter_id else None
        title = item.title
        if item.carried_count:
            carried = _("{title} (carried {count}x)")
            title = carried.format(title=title, count=item.carried_count)
        grid.add_row(
            text(item.position),
            text(title),
            text(presenter.name if presenter else ""),
            text(label("agenda_kind", item.kind)),
            text(item.timebox_minutes),
            text(label("agenda_status", item.status)),
        )
    out.print(grid)
    total = _("Agenda total: {total} of {length} min").format(
        total=detail.agenda_minutes, length=m.planned_minutes
    )
    if detail.over_length:
        over = _("over by {minutes} min").format(minutes=detail.agenda_minutes - m.planned_minutes)
        out.print(text(f"{total} ({over})", "bold red"))
    else:
        out.print(text(total))


def _print_decisions(out: Console, detail: MeetingDetail) -> None:
    """The meeting's decisions, numbered, each with its status."""
    out.print(text(_("Decisions"), "bold"))
    for number, decision in enumerate(detail.decisions, 1):
        status = label("decision_status", decision.status)
        line = _("{number}. {text} ({status})")
        line = line.format(number=number, text=decision.text, status=status)
        out.print(text(line), soft_wrap=True)


@click.group()
def agenda() -> None:
    """Build a meeting's agenda."""


@agenda.command("add")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@click.argument("title")
@click.option("--minutes", type=int, default=10, show_default=True, help="Timebox, 1-480.")
@click.option("--presenter", metavar="NAME", help=f"Who presents: {NAME_HELP}.")
@click.option("--kind", type=click.Choice(AGENDA_KINDS), default="discussion", show_default=True)
@json_option
def agenda_add(
    meeting_id: int, title: str, minutes: int, presenter: str | None, kind: str, as_json: bool
) -> None:
    """Add an agenda item TITLE to MEETING (an id)."""
    svc = services()
    svc.meeting(meeting_id)  # an unknown meeting is reported before an unknown presenter
    presenter_id = person_id(presenter) if presenter else None
    item = svc.add_agenda_item(
        meeting_id, title, minutes=minutes, presenter=presenter_id, kind=kind
    )
    detail = svc.meeting_detail(meeting_id)
    if as_json:
        print_json(
            {
                "id": item.id,
                "meeting_id": item.meeting_id,
                "position": item.position,
                "title": item.title,
                "presenter_id": item.presenter_id,
                "timebox_minutes": item.timebox_minutes,
                "kind": item.kind,
                "status": item.status,
                "agenda_minutes": detail.agenda_minutes,
                "planned_minutes": detail.meeting.planned_minutes,
            }
        )
    else:
        click.echo(
            _("Added agenda item {position} to meeting {meeting}: {title} ({minutes} min)").format(
                position=item.position, meeting=meeting_id, title=item.title, minutes=minutes
            )
        )
    if detail.over_length:
        warn(
            _("the agenda ({total} min) is longer than the meeting ({length} min)").format(
                total=detail.agenda_minutes, length=detail.meeting.planned_minutes
            )
        )
