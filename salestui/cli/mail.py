"""CLI commands that send mail: ``send agenda|minutes``, ``remind`` and ``outbox``.

Every message goes through the outbox: one the server does not take stays there and is
tried again on the next send (or ``outbox --retry``). ``--dry-run`` writes .eml files to
a folder instead and changes nothing. The mail settings are the config file's [mail]
table (README, "Sending agendas and minutes")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.common import (
    ID,
    app_context,
    json_option,
    local_moment,
    print_json,
    services,
    table,
    text,
    warn,
)
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from salestui.core.mailer import Mailer
    from salestui.core.outbox import SendReport

DRY_RUN_DIR = "salestui-mail"


def dry_run_options(command: Any) -> Any:
    command = click.option(
        "--eml-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        metavar="DIR",
        help=f"Folder for --dry-run's .eml files (default: ./{DRY_RUN_DIR}).",
    )(command)
    return click.option(
        "--dry-run", is_flag=True, help="Write .eml files instead of sending; change nothing."
    )(command)


def mailer() -> Mailer:
    from salestui.config import mail_settings
    from salestui.core.mailer import Mailer

    return Mailer(services(), mail_settings(app_context().config))


def _folder(dry_run: bool, eml_dir: Path | None) -> Path | None:
    if not dry_run:
        return None
    return eml_dir or Path(DRY_RUN_DIR)


def report_json(report: SendReport) -> dict[str, Any]:
    return {
        "queued": report.queued,
        "sent": report.sent,
        "failed": [{"recipient": r, "reason": why} for r, why in report.failed],
        "no_address": [p.name for p in report.no_address],
        "circulated": report.circulated,
        "written": [str(path) for path in report.written],
    }


def show_report(report: SendReport, as_json: bool) -> None:
    """What a send did; failures end the command with one error line (exit 1)."""
    from salestui.core.errors import Conflict
    from salestui.core.names import join_names

    if as_json:
        print_json(report_json(report))
    else:
        if report.written:
            click.echo(
                ngettext("Wrote {n} message to {folder}", "Wrote {n} messages to {folder}",
                         len(report.written)).format(
                    n=len(report.written), folder=report.written[0].parent
                )
            )  # fmt: skip
        elif report.sent or not report.failed:
            click.echo(ngettext("Sent {n} message", "Sent {n} messages", report.sent).format(
                n=report.sent
            ))  # fmt: skip
        for meeting_id in report.circulated:
            click.echo(_("Agenda of meeting {id} marked as circulated").format(id=meeting_id))
    if report.no_address:
        names = join_names([p.name for p in report.no_address])
        warn(_("no email address, not sent to: {names}").format(names=names))
    if report.failed:
        recipient, reason = report.failed[0]
        raise Conflict(
            ngettext(
                "{n} message not sent ({recipient}: {reason}); it stays in the outbox and is "
                "tried again on the next send or with 'salestui outbox --retry'",
                "{n} messages not sent ({recipient}: {reason}); they stay in the outbox and "
                "are tried again on the next send or with 'salestui outbox --retry'",
                len(report.failed),
            ).format(n=len(report.failed), recipient=recipient, reason=reason)
        )


@click.group("send")
def send() -> None:
    """Send a meeting's agenda or minutes by email (settings: the config's [mail] table)."""


@send.command("agenda")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@dry_run_options
@json_option
def send_agenda(meeting_id: int, dry_run: bool, eml_dir: Path | None, as_json: bool) -> None:
    """Circulate MEETING's agenda: each invitee gets it with an invitation (.ics). The
    meeting is marked circulated once every message has gone."""
    show_report(mailer().agenda(meeting_id, _folder(dry_run, eml_dir)), as_json)


@send.command("minutes")
@click.argument("meeting_id", metavar="MEETING", type=ID)
@dry_run_options
@json_option
def send_minutes(meeting_id: int, dry_run: bool, eml_dir: Path | None, as_json: bool) -> None:
    """Send MEETING's minutes to everyone invited, each with their own action items first."""
    show_report(mailer().minutes(meeting_id, _folder(dry_run, eml_dir)), as_json)


@click.command("remind")
@click.option(
    "--days",
    type=click.IntRange(0, 365),
    default=3,
    show_default=True,
    help="Items due within this many days (overdue items and check-ins due always).",
)
@dry_run_options
@json_option
def remind(days: int, dry_run: bool, eml_dir: Path | None, as_json: bool) -> None:
    """Send each owner one message: their overdue items, items due soon, check-ins due.
    Made for a daily cron job (README)."""
    show_report(mailer().remind(days, _folder(dry_run, eml_dir)), as_json)


@click.command("outbox")
@click.option("--retry", is_flag=True, help="Send every message not sent yet, now.")
@dry_run_options
@json_option
def outbox(retry: bool, dry_run: bool, eml_dir: Path | None, as_json: bool) -> None:
    """List the outbox: messages waiting, sent or given up. --retry sends what is left."""
    from salestui.core.outbox import Outbox, SendReport

    box = Outbox(services())
    if dry_run:
        folder = _folder(dry_run, eml_dir)
        assert folder is not None
        show_report(SendReport(written=box.write_unsent(folder)), as_json)
        return
    if retry:
        show_report(mailer().flush(retry=True), as_json)
        return
    entries = box.entries(limit=200)
    if as_json:
        print_json([_entry_json(e) for e in entries])
        return
    if not entries:
        click.echo(_("The outbox is empty."))
        return
    _print_entries(entries)


def _entry_json(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created_at": entry.created_at,
        "kind": entry.kind,
        "meeting_id": entry.meeting_id,
        "recipient": entry.recipient,
        "recipient_name": entry.recipient_name,
        "subject": entry.subject,
        "status": entry.status,
        "attempts": entry.attempts,
        "next_attempt_at": entry.next_attempt_at,
        "last_error": entry.last_error,
        "sent_at": entry.sent_at,
    }


def _print_entries(entries: list[Any]) -> None:
    from salestui.cli.common import console
    from salestui.core.outbox_labels import kind_label, status_label

    grid = table(_("ID"), _("Status"), _("Kind"), _("To"), _("Subject"), _("Tries"), _("When"))
    for entry in entries:
        when = entry.sent_at or entry.next_attempt_at or entry.created_at
        status = status_label(entry.status)
        if entry.last_error and entry.status != "sent":
            status = f"{status}: {entry.last_error}"
        grid.add_row(
            text(entry.id),
            text(status),
            text(kind_label(entry.kind)),
            text(f"{entry.recipient_name} <{entry.recipient}>"),
            text(entry.subject),
            text(entry.attempts),
            text(local_moment(when)),
        )
    console().print(grid)
