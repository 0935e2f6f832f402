"""Nothing lost when the mail server is down: every message is queued in the outbox, then
handed over; a failure is tried again later, waiting longer each time (1, 2, 4 ... minutes,
at most 6 hours), and given up after ``MAX_ATTEMPTS`` until someone retries it.

``Outbox`` is the database side (queue, claim, record, list, retry): quick writes a front
end makes on its own thread. Handing over (``mail_transport.deliver``) touches no
database, so the TUI runs it in a worker. ``Mailer`` does the whole of a send on one
thread, for the CLI: build, queue, claim, deliver, record."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from salestui.core.boundary import storage_boundary
from salestui.core.clock import from_utc_iso, to_utc_iso
from salestui.core.errors import Conflict
from salestui.core.mail_compose import Composed
from salestui.core.mail_transport import Delivery, EmlFolder, Parcel, Transport, deliver
from salestui.core.models import Person
from salestui.core.names import join_names
from salestui.core.service import Services
from salestui.i18n import _

MAX_ATTEMPTS = 8
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)
STALE_CLAIM = timedelta(minutes=10)  # a "sending" row older than this was abandoned
KEEP_SENT = timedelta(days=90)  # sent messages are listed this long, then forgotten
STATUSES = ("pending", "sending", "sent", "failed")


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure: 1, 2, 4 ... min, at most 6 h."""
    return min(FIRST_WAIT * (2 ** max(0, attempts - 1)), LONGEST_WAIT)


@dataclass
class OutboxEntry:
    """One message of the outbox, as listed (without its bytes)."""

    id: int
    created_at: datetime
    kind: str
    meeting_id: int | None
    person_id: int | None
    recipient: str
    recipient_name: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    sent_at: datetime | None

    @classmethod
    def from_row(cls, row: dict) -> OutboxEntry:
        def moment(key: str) -> datetime | None:
            return from_utc_iso(row[key]) if row.get(key) else None

        fields = {k: row[k] for k in cls.__dataclass_fields__ if k in row}
        fields.update(
            created_at=from_utc_iso(row["created_at"]),
            next_attempt_at=moment("next_attempt_at"),
            sent_at=moment("sent_at"),
        )
        return cls(**fields)


@dataclass
class SendReport:
    """What one send did: messages queued and handed over, the failures, who had no
    address, which meetings now count as circulated, the files of a dry run."""

    queued: int = 0
    sent: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (recipient, reason)
    no_address: list[Person] = field(default_factory=list)
    circulated: list[int] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def add(self, other: SendReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.circulated += [m for m in other.circulated if m not in self.circulated]


@storage_boundary
class Outbox:
    """The outbox table through the service layer."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    def queue(self, composed: Composed) -> list[int]:
        """Queue what was built, as one batch; its ids. Nothing to send is a Conflict."""
        if not composed.messages:
            if composed.no_address:
                names = join_names([p.name for p in composed.no_address])
                raise Conflict(
                    _("No one to send to has an email address: {names}").format(names=names)
                )
            raise Conflict(_("Nothing to send"))
        now = to_utc_iso(self.services.clock.now())
        batch = f"{composed.messages[0].kind}-{uuid.uuid4().hex[:12]}"
        rows = [
            {
                "created_at": now,
                "kind": m.kind,
                "batch": batch,
                "meeting_id": m.meeting_id,
                "person_id": m.person.id,
                "recipient": m.person.email,
                "recipient_name": m.person.name,
                "subject": m.subject,
                "message": m.data,
            }
            for m in composed.messages
        ]
        return self.store.queue_mail(rows)

    def claim(self, ids: Sequence[int] | None = None) -> list[Parcel]:
        """The messages to hand over now: those due (or exactly ``ids``), marked as being
        sent by this process so that no other sends them too."""
        now = self.services.clock.now()
        rows = self.store.claim_mail(now, now - STALE_CLAIM, ids)
        return [Parcel(r["id"], r["recipient"], r["subject"], bytes(r["message"])) for r in rows]

    def record(self, deliveries: Sequence[Delivery]) -> SendReport:
        """Write down what became of each message. An agenda whose every message has gone
        marks its meeting circulated."""
        now = self.services.clock.now()
        rows = {r["id"]: r for r in self.store.mail_rows([d.id for d in deliveries])}
        report = SendReport()
        sent = [d.id for d in deliveries if d.error is None]
        self.store.mail_sent(sent, now)
        report.sent = len(sent)
        if sent:
            self.store.prune_mail(now - KEEP_SENT)
        for delivery in deliveries:
            row = rows.get(delivery.id)
            if delivery.error is None or row is None:
                continue
            attempts = row["attempts"] + 1
            retry_at = now + backoff(attempts) if attempts < MAX_ATTEMPTS else None
            self.store.mail_failed(delivery.id, delivery.error, retry_at)
            report.failed.append((row["recipient"], delivery.error))
        for row in rows.values():
            if row["kind"] == "agenda" and row["meeting_id"] and row["id"] in sent:
                self._circulated(row, report)
        return report

    def _circulated(self, row: dict, report: SendReport) -> None:
        meeting_id = row["meeting_id"]
        if meeting_id in report.circulated or self.store.batch_unsent(row["batch"]):
            return
        meeting = self.store.get_meeting(meeting_id)
        queued = from_utc_iso(row["created_at"])
        if meeting is None:
            return
        if meeting.agenda_circulated_at is None or meeting.agenda_circulated_at < queued:
            self.services.mark_circulated(meeting_id)
        report.circulated.append(meeting_id)

    def entries(self, statuses: Sequence[str] | None = None, limit: int = 500) -> list[OutboxEntry]:
        """The outbox, newest first."""
        return [OutboxEntry.from_row(r) for r in self.store.list_mail(statuses, limit)]

    def counts(self) -> dict[str, int]:
        """How many messages of each status."""
        return self.store.mail_counts()

    def unsent(self) -> int:
        """Messages still to go: waiting for a retry or given up."""
        counts = self.counts()
        return counts.get("pending", 0) + counts.get("failed", 0) + counts.get("sending", 0)

    def retry(self, ids: Sequence[int] | None = None) -> int:
        """Make waiting and given-up messages due now (all, or ``ids``); how many."""
        return self.store.retry_mail(ids)

    def message(self, entry_id: int) -> bytes | None:
        """The whole message as it goes out."""
        return self.store.mail_message(entry_id)

    def send_claimed(self, transport: Transport, ids: Sequence[int] | None = None) -> SendReport:
        """Claim, hand over and record, on this thread."""
        return self.record(deliver(self.claim(ids), transport))

    def write_unsent(self, folder: Path) -> list[Path]:
        """A dry run of the outbox: each message still to go as an .eml file (the outbox
        is left as it is)."""
        entries = self.entries(("pending", "failed"))
        files = EmlFolder(folder)
        parcels = [
            Parcel(e.id, e.recipient, e.subject, self.message(e.id) or b"")
            for e in reversed(entries)
        ]
        deliver(parcels, files)
        return files.written
