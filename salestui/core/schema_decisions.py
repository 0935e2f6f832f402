"""The decision register and confidential items (issue 16), in the schema.

A decision may supersede a decision of an earlier meeting: ``decisions.supersedes_id``
names the one it replaces (the old one's status becomes ``superseded``). A decision
superseded by an edit of its own entry has no successor pointing at it and stays out of
the register, as before.

``confidential`` on entries, decisions and action items: shown in the app with a marker,
left out of every export unless the export is asked to include them.
Released with the schema: never edit these statements, add a migration.
"""

from __future__ import annotations

DECISIONS_MIGRATION: list[str] = [
    "ALTER TABLE decisions ADD COLUMN supersedes_id INTEGER "
    "REFERENCES decisions(id) ON DELETE SET NULL",
    "ALTER TABLE decisions ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entries ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE action_items ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX IF NOT EXISTS decisions_supersedes ON decisions(supersedes_id)",
    "CREATE INDEX IF NOT EXISTS decisions_status ON decisions(status, decided_at, id)",
]

# An agenda item may be confidential too: a confidential parked topic carried into the
# next meeting stays confidential there (and out of its agenda and minutes by default).
AGENDA_CONFIDENTIAL_MIGRATION: list[str] = [
    "ALTER TABLE agenda_items ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
]
