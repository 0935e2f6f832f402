"""The outbox (issue 16, "Email, with a real mail server"): every message salestui sends
goes through this table first, so nothing is lost when the mail server is down. A row
holds the whole message as it will go out (RFC 5322 bytes), who it is for, and how its
delivery went: ``pending`` (to send, perhaps after a failure: ``next_attempt_at``),
``sending`` (claimed by one process), ``sent`` or ``failed`` (given up after too many
attempts; a retry puts it back). ``batch`` ties the messages of one circulation together:
a meeting's agenda counts as circulated once every message of its batch is sent."""

from __future__ import annotations

OUTBOX_MIGRATION: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        batch TEXT NOT NULL DEFAULT '',
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        recipient TEXT NOT NULL,
        recipient_name TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL,
        message BLOB NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        claimed_at TEXT,
        last_error TEXT,
        sent_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS outbox_status ON outbox(status, next_attempt_at, id)",
    "CREATE INDEX IF NOT EXISTS outbox_batch ON outbox(batch)",
)
