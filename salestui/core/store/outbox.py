"""The mail outbox's rows (``core.schema_mail``): queue, claim, record, list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.clock import to_utc_iso
from salestui.core.store.base import BaseStore

# The columns a listing reads (not the message itself, which can be large).
_LISTED = (
    "id, created_at, kind, batch, meeting_id, person_id, recipient, recipient_name, subject, "
    "status, attempts, next_attempt_at, last_error, sent_at"
)


class OutboxStore(BaseStore):
    def queue_mail(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert messages (dicts of outbox columns), all or none; their ids."""
        ids = []
        with self.transaction():
            for row in rows:
                ids.append(self._insert("outbox", row))
        return ids

    def claim_mail(
        self, now: datetime, stale_before: datetime, ids: Sequence[int] | None = None
    ) -> list[dict]:
        """Take the messages due now (or exactly ``ids``, due or not) for this process:
        they become ``sending``. A ``sending`` row claimed before ``stale_before`` was
        left by a process that stopped: it is due again."""
        stamp, stale = to_utc_iso(now), to_utc_iso(stale_before)
        with self.transaction():
            if ids is None:
                rows = self._rows(
                    "SELECT id FROM outbox WHERE (status = 'pending' AND "
                    "(next_attempt_at IS NULL OR next_attempt_at <= ?)) "
                    "OR (status = 'sending' AND claimed_at < ?) ORDER BY id",
                    [stamp, stale],
                )
            else:
                marks = ", ".join("?" for _ in ids)
                rows = self._rows(
                    f"SELECT id FROM outbox WHERE id IN ({marks}) AND status != 'sent' "
                    "AND (status != 'sending' OR claimed_at < ?) ORDER BY id",
                    [*ids, stale],
                )
            claimed = [r["id"] for r in rows]
            if not claimed:
                return []
            marks = ", ".join("?" for _ in claimed)
            self.db.execute(
                f"UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id IN ({marks})",
                [stamp, *claimed],
            )
            return self._rows(
                f"SELECT id, recipient, subject, message, kind, batch, meeting_id FROM outbox "
                f"WHERE id IN ({marks}) ORDER BY id",
                claimed,
            )

    def mail_sent(self, ids: Sequence[int], now: datetime) -> None:
        with self.transaction():
            for row_id in ids:
                self.db.execute(
                    "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
                    "last_error = NULL, next_attempt_at = NULL, claimed_at = NULL "
                    "WHERE id = ?",
                    [to_utc_iso(now), row_id],
                )

    def prune_mail(self, sent_before: datetime) -> int:
        """Forget messages sent before ``sent_before``; how many."""
        with self.transaction():
            cursor = self.db.execute(
                "DELETE FROM outbox WHERE status = 'sent' AND sent_at < ?",
                [to_utc_iso(sent_before)],
            )
        return int(cursor.rowcount or 0)

    def mail_failed(self, row_id: int, error: str, retry_at: datetime | None) -> None:
        """One more failed attempt: due again at ``retry_at``, or given up (None)."""
        with self.transaction():
            self.db.execute(
                "UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, "
                "claimed_at = NULL, attempts = attempts + 1 WHERE id = ?",
                [
                    "pending" if retry_at else "failed",
                    error,
                    to_utc_iso(retry_at) if retry_at else None,
                    row_id,
                ],
            )

    def mail_rows(self, ids: Sequence[int]) -> list[dict]:
        """What the outbox knows of these messages (not their bytes), by id."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return self._rows(
            f"SELECT {_LISTED} FROM outbox WHERE id IN ({marks}) ORDER BY id", list(ids)
        )

    def retry_mail(self, ids: Sequence[int] | None = None) -> int:
        """Make failed and waiting messages due now (all, or ``ids``); how many."""
        where = "status IN ('pending', 'failed')"
        params: list[Any] = []
        if ids is not None:
            where += f" AND id IN ({', '.join('?' for _ in ids)})"
            params = list(ids)
        with self.transaction():
            cursor = self.db.execute(
                f"UPDATE outbox SET status = 'pending', next_attempt_at = NULL WHERE {where}",
                params,
            )
        return int(cursor.rowcount or 0)

    def list_mail(self, statuses: Sequence[str] | None = None, limit: int = 500) -> list[dict]:
        """Outbox rows, newest first, without the message bytes."""
        where, params = "", []
        if statuses:
            where = f"WHERE status IN ({', '.join('?' for _ in statuses)})"
            params = list(statuses)
        return self._rows(
            f"SELECT {_LISTED} FROM outbox {where} ORDER BY id DESC LIMIT ?", [*params, limit]
        )

    def mail_message(self, row_id: int) -> bytes | None:
        row = self._one("SELECT message FROM outbox WHERE id = ?", [row_id])
        return bytes(row["message"]) if row else None

    def mail_counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, count(*) AS n FROM outbox GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def batch_unsent(self, batch: str) -> int:
        row = self._one(
            "SELECT count(*) AS n FROM outbox WHERE batch = ? AND status != 'sent'", [batch]
        )
        return int(row["n"]) if row else 0

    def agenda_batches(self, meeting_id: int) -> int:
        """How many times the meeting's agenda was queued (an invitation's SEQUENCE)."""
        row = self._one(
            "SELECT count(DISTINCT batch) AS n FROM outbox WHERE kind = 'agenda' "
            "AND meeting_id = ?",
            [meeting_id],
        )
        return int(row["n"]) if row else 0
