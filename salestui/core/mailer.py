"""The whole of a send on one thread (the CLI's; the TUI splits it, see ``tui.mail``):
build the messages, queue them, hand over everything due - these and any earlier ones
waiting for a retry - and record what happened. A dry run writes .eml files instead and
changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput
from salestui.core.mail_compose import Composed, agenda_messages, minutes_messages
from salestui.core.mail_remind import MAX_DAYS, reminder_messages
from salestui.core.mail_settings import MailSettings, needs_setup
from salestui.core.mail_transport import EmlFolder, Parcel, SmtpTransport, Transport, deliver
from salestui.core.outbox import Outbox, SendReport
from salestui.core.service import Services
from salestui.i18n import _


@storage_boundary
class Mailer:
    """Sends agendas, minutes and reminders through the outbox."""

    def __init__(
        self,
        services: Services,
        settings: MailSettings,
        transport: Callable[[MailSettings], Transport] = SmtpTransport,
    ) -> None:
        self.services = services
        self.settings = settings
        self.outbox = Outbox(services)
        self._transport = transport

    def transport(self) -> Transport:
        if not self.settings.configured:
            raise needs_setup()
        return self._transport(self.settings)

    def agenda(self, meeting_id: int, dry_run: Path | None = None) -> SendReport:
        """The agenda and an invitation to each invitee; the meeting counts as circulated
        once every one of them has gone."""
        return self._send(
            lambda: agenda_messages(self.services, meeting_id, self.settings), dry_run
        )

    def minutes(self, meeting_id: int, dry_run: Path | None = None) -> SendReport:
        """The minutes to everyone invited, their own action items first."""
        return self._send(
            lambda: minutes_messages(self.services, meeting_id, self.settings), dry_run
        )

    def remind(self, days: int, dry_run: Path | None = None) -> SendReport:
        """Each owner's overdue items, items due within ``days`` and check-ins due."""
        if not 0 <= days <= MAX_DAYS:
            raise InvalidInput(_("Days must be between 0 and {max}").format(max=MAX_DAYS))
        return self._send(
            lambda: reminder_messages(self.services, days, self.settings), dry_run, empty_ok=True
        )

    def flush(self, retry: bool = False) -> SendReport:
        """Hand over what is due (``retry``: everything not sent yet, at once)."""
        transport = self.transport()
        if retry:
            self.outbox.retry()
        return self.outbox.send_claimed(transport)

    def _send(
        self, build: Callable[[], Composed], dry_run: Path | None, empty_ok: bool = False
    ) -> SendReport:
        if dry_run is None:
            transport = self.transport()  # not set up: say so before building anything
        composed = build()
        report = SendReport(no_address=list(composed.no_address))
        if empty_ok and not composed.messages:
            return report
        if dry_run is not None:
            report.written = write_eml(composed, dry_run)
            report.queued = len(composed.messages)
            return report
        report.queued = len(self.outbox.queue(composed))
        report.add(self.outbox.send_claimed(transport))
        return report


def write_eml(composed: Composed, folder: Path) -> list[Path]:
    """Each message built as an .eml file in ``folder``."""
    files = EmlFolder(folder)
    parcels = [
        Parcel(number, m.person.email or "", m.subject, m.data)
        for number, m in enumerate(composed.messages, start=1)
    ]
    for delivery in deliver(parcels, files):
        if delivery.error:
            raise OSError(delivery.error)
    return files.written
