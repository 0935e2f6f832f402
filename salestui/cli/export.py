"""``salestui export``: minutes, agenda, digest, decision register, archive, iCalendar.

Without ``-o`` a document goes to stdout. Files are written atomically and never over an
existing file unless ``--force`` (refusing is a failed operation: exit 1).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from salestui.cli.common import (
    ID,
    MEETING_KINDS,
    local_moment,
    names_are_input,
    parse_date_option,
    person_id,
    services,
)
from salestui.i18n import _

NAME_HELP = "full name, unique prefix, pinyin initials or id (no match = exit 2)"

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write to FILE instead of printing (refuses to replace it without --force).",
)
force_option = click.option("--force", is_flag=True, help="Replace FILE if it exists.")
confidential_option = click.option(
    "--include-confidential",
    "confidential",
    is_flag=True,
    help="Keep confidential notes, decisions, actions and agenda items (marked); left out "
    "by default.",
)


def _emit(document: str, output: Path | None, force: bool) -> None:
    """Print ``document``, or write it to ``output`` and say so."""
    if output is None:
        click.echo(document, nl=not document.endswith("\n"))
        return
    from salestui.core.export.files import write_atomic

    written = write_atomic(output, document, force=force)
    click.echo(_("Wrote {path}").format(path=written))


@click.group()
def export() -> None:
    """Write minutes, agendas, digests, the decision register, an archive or a calendar."""


@export.command("minutes")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@output_option
@force_option
@confidential_option
def export_minutes(meeting_id: int, output: Path | None, force: bool, confidential: bool) -> None:
    """The minutes of MEETING as markdown, in the current language."""
    from salestui.core.export.minutes import render_minutes

    document = render_minutes(services(create=False), meeting_id, include_confidential=confidential)
    _emit(document, output, force)


@export.command("agenda")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@output_option
@force_option
@click.option(
    "--circulate", is_flag=True, help="Also record that the agenda went out to participants now."
)
@confidential_option
def export_agenda(
    meeting_id: int, output: Path | None, force: bool, circulate: bool, confidential: bool
) -> None:
    """The agenda of MEETING as markdown, to send to participants before the meeting.

    Exporting alone does not mark the agenda as circulated; --circulate does. Confidential
    agenda items (a confidential topic carried from a parked one) are left out unless
    --include-confidential.
    """
    from salestui.core.export.agenda import render_agenda

    svc = services(create=False)
    document = render_agenda(svc.meeting_detail(meeting_id), include_confidential=confidential)
    _emit(document, output, force)
    if circulate:
        from salestui.core.planning import Planning

        meeting = Planning(svc).circulate(meeting_id)
        message = _("Agenda of meeting {id} marked as circulated at {time}").format(
            id=meeting_id, time=local_moment(meeting.agenda_circulated_at)
        )
        # With the document on stdout, the note goes to stderr so the output stays clean.
        click.echo(message, err=output is None)


@export.command("digest")
@click.option("--owner", metavar="N", help=f"One person's items: {NAME_HELP}.")
@click.option("--team", metavar="T", help="A team's items (or those of person T's reports).")
@click.option("--since", metavar="D", help="Done since D (default: the last meeting held).")
@output_option
@force_option
@confidential_option
def export_digest(
    owner: str | None, team: str | None, since: str | None, output: Path | None, force: bool,
    confidential: bool,
) -> None:  # fmt: skip
    """Open, overdue, due-soon and recently done items: what a team lead sends upward."""
    from salestui.core.export.reports import render_digest

    if owner and team:
        raise click.UsageError(
            _("--owner and --team cannot be used together"), click.get_current_context()
        )
    svc = services(create=False)
    since_date = parse_date_option(since)
    if owner:
        person_id(owner)  # an unknown name is bad input (exit 2)
    if team:
        with names_are_input():
            svc.team_member_ids(team)
    document = render_digest(
        svc, owner=owner, team=team, since=since_date, include_confidential=confidential
    )
    _emit(document, output, force)


@export.command("decisions")
@click.option("--since", metavar="D", help="Only meetings on or after D.")
@click.option("--kind", type=click.Choice(MEETING_KINDS), help="Only meetings of this kind.")
@output_option
@force_option
@confidential_option
def export_decisions(
    since: str | None, kind: str | None, output: Path | None, force: bool, confidential: bool
) -> None:
    """The decision register: every decision, its meeting, status and whether its actions
    are done."""
    from salestui.core.export.reports import render_decisions
    from salestui.core.models import MeetingKind

    svc = services(create=False)
    since_date = parse_date_option(since)
    document = render_decisions(
        svc,
        since=since_date,
        kind=MeetingKind(kind) if kind else None,
        include_confidential=confidential,
    )
    _emit(document, output, force)


@export.command("archive")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), metavar="DIR", required=True,
    help="The folder (created if missing).",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Replace files that already exist in DIR.")
@confidential_option
def export_archive(output: Path, force: bool, confidential: bool) -> None:
    """Every meeting's minutes as YYYY-MM-DD-<slug>.md, plus index.md, newest first."""
    from salestui.core.export.archive import export_archive as write_archive

    svc = services(create=False)
    result = write_archive(svc, output, force=force, include_confidential=confidential)
    click.echo(
        _("Wrote {count} files to {folder}").format(count=len(result.files), folder=result.folder)
    )


@export.command("ics")
@click.option("--meeting", "meeting_id", type=ID, metavar="ID", help="Only this meeting.")
@output_option
@force_option
@confidential_option
def export_ics(
    meeting_id: int | None, output: Path | None, force: bool, confidential: bool
) -> None:
    """An iCalendar file: meetings as events, actions with a due date as to-dos."""
    from salestui.core.export.ics import render_ics

    data = render_ics(services(create=False), meeting_id, include_confidential=confidential)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    _emit(data.decode("utf-8"), output, force)


@export.command("report")
@click.option(
    "-p", "--period", metavar="P",
    help="The last period of the window: 2026-11 (13 months) or 2026-W48 (13 weeks); "
    "default: this month.",
)  # fmt: skip
@click.option("--team", metavar="T", help="One team's figures (or those of person T's reports).")
@output_option
@force_option
def export_report(period: str | None, team: str | None, output: Path | None, force: bool) -> None:
    """Analytics as markdown tables: numbers, meetings, follow-through (the analytics
    screen's figures)."""
    from salestui.core.analytics import AnalyticsService
    from salestui.core.export.report import render_report
    from salestui.core.periods import PeriodKind

    analytics = AnalyticsService(services(create=False))
    window = analytics.window(period, team, kind=PeriodKind.MONTH)
    _emit(render_report(analytics, window), output, force)
