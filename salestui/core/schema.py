"""The schema as numbered migrations. Migration N brings ``user_version`` from N-1 to N.

Statements are plain lists (not scripts); every pending migration runs inside one
transaction, after a verified backup. A released migration is FROZEN: never edit its
statements (tests/core/test_integrity_schema.py pins MIGRATION_1's text); add a new one.
"""

from __future__ import annotations

from salestui.core.schema_analytics import ANALYTICS_MIGRATION
from salestui.core.schema_day import DAY_MIGRATION
from salestui.core.schema_decisions import AGENDA_CONFIDENTIAL_MIGRATION, DECISIONS_MIGRATION
from salestui.core.schema_keys import OWNER_ORDER_MIGRATION, SORT_KEYS_MIGRATION
from salestui.core.schema_mail import OUTBOX_MIGRATION
from salestui.core.schema_numbers import (
    MEETING_NUMBERS_MIGRATION,
    NUMBERS_ITEMS_MIGRATION,
    NUMBERS_MIGRATION,
)
from salestui.core.schema_people import SIGN_IN_MIGRATION

_FTS_TABLES = {
    # fts table: (content table, indexed columns)
    "meetings_fts": ("meetings", ("title", "purpose")),
    "agenda_items_fts": ("agenda_items", ("title",)),
    "entries_fts": ("entries", ("text",)),
    "decisions_fts": ("decisions", ("text",)),
    "action_items_fts": ("action_items", ("title",)),
}


def _fts_statements(
    tables: dict[str, tuple[str, tuple[str, ...]]] = _FTS_TABLES, later: bool = False
) -> list[str]:
    """An FTS5 trigram index per entry of ``tables`` (trigram matches substrings, which
    Chinese text without spaces needs), kept up to date by triggers. ``later``: for
    indexes added after the first release - triggers named after the index (a content
    table may have two: action_items has titles and reasons), and the index filled from
    the rows already there. Without it, the statements are exactly the released ones."""
    statements: list[str] = []
    for fts, (table, columns) in tables.items():
        cols = ", ".join(columns)
        new_vals = ", ".join(f"new.{c}" for c in columns)
        old_vals = ", ".join(f"old.{c}" for c in columns)
        name = fts if later else table
        statements += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='id', tokenize='trigram')",
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_vals}); END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_vals}); END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_vals}); END",
        ]
        if later:
            statements.append(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    return statements


# Indexes added after the first release (MIGRATION_2).
_FTS_TABLES_2 = {
    "follow_ups_fts": ("follow_ups", ("note",)),
    "action_reasons_fts": ("action_items", ("waiting_on", "blocked_by")),
}


MIGRATION_1 = [
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL DEFAULT 'member',
        team TEXT,
        reports_to INTEGER REFERENCES people(id) ON DELETE SET NULL,
        email TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX people_team ON people(team, name)",
    "CREATE INDEX people_reports_to ON people(reports_to)",
    """CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        cadence TEXT NOT NULL,
        chair_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        planned_minutes INTEGER NOT NULL DEFAULT 60,
        location TEXT,
        purpose TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE series_attendees (
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        required INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (series_id, person_id)
    )""",
    """CREATE TABLE series_items (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        presenter_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        timebox_minutes INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'discussion'
    )""",
    "CREATE INDEX series_items_series ON series_items(series_id, position)",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        purpose TEXT NOT NULL,
        chair_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        series_id INTEGER REFERENCES series(id) ON DELETE SET NULL,
        scheduled_start TEXT,
        planned_minutes INTEGER NOT NULL,
        location TEXT,
        status TEXT NOT NULL DEFAULT 'draft',
        agenda_circulated_at TEXT,
        actual_start TEXT,
        actual_end TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX meetings_start ON meetings(scheduled_start, id)",
    "CREATE INDEX meetings_series ON meetings(series_id, scheduled_start)",
    "CREATE INDEX meetings_status ON meetings(status, scheduled_start)",
    "CREATE INDEX meetings_kind ON meetings(kind, scheduled_start)",
    """CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        presenter_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        timebox_minutes INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'discussion',
        status TEXT NOT NULL DEFAULT 'pending',
        started_at TEXT,
        elapsed_seconds INTEGER NOT NULL DEFAULT 0,
        carried_from INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        carried_count INTEGER NOT NULL DEFAULT 0,
        standing INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position)",
    """CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        required INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT 'invited',
        arrived_at TEXT,
        PRIMARY KEY (meeting_id, person_id)
    )""",
    "CREATE INDEX attendance_person ON attendance(person_id, meeting_id)",
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        disposition TEXT
    )""",
    "CREATE INDEX entries_meeting ON entries(meeting_id, agenda_item_id, id)",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'proposed',
        decided_at TEXT NOT NULL
    )""",
    "CREATE INDEX decisions_meeting ON decisions(meeting_id, id)",
    "CREATE INDEX decisions_date ON decisions(decided_at)",
    """CREATE TABLE action_items (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        due TEXT,
        priority INTEGER NOT NULL DEFAULT 2,
        status TEXT NOT NULL DEFAULT 'open',
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
        entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT,
        next_follow_up TEXT,
        carried_count INTEGER NOT NULL DEFAULT 0,
        waiting_on TEXT,
        blocked_by TEXT,
        unassigned_ok INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX action_items_status_due ON action_items(status, due, id)",
    "CREATE INDEX action_items_due ON action_items(due, id)",
    "CREATE INDEX action_items_priority ON action_items(priority, due, id)",
    "CREATE INDEX action_items_created ON action_items(created_at, id)",
    "CREATE INDEX action_items_meeting ON action_items(meeting_id)",
    "CREATE INDEX action_items_decision ON action_items(decision_id)",
    "CREATE INDEX action_items_entry ON action_items(entry_id)",
    "CREATE INDEX action_items_follow_up ON action_items(next_follow_up)",
    """CREATE TABLE action_owners (
        action_id INTEGER NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (action_id, person_id)
    )""",
    "CREATE INDEX action_owners_person ON action_owners(person_id, action_id)",
    """CREATE TABLE action_tags (
        action_id INTEGER NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (action_id, tag)
    )""",
    "CREATE INDEX action_tags_tag ON action_tags(tag, action_id)",
    """CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        author_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        kind TEXT NOT NULL DEFAULT 'note',
        note TEXT NOT NULL DEFAULT '',
        status TEXT,
        new_due TEXT,
        next_check_in TEXT,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX follow_ups_action ON follow_ups(action_id, at)",
    "CREATE INDEX follow_ups_meeting ON follow_ups(meeting_id)",
    """CREATE TABLE speaking (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        ended_at TEXT
    )""",
    "CREATE INDEX speaking_meeting ON speaking(meeting_id, person_id)",
    """CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '',
        planned_minutes INTEGER NOT NULL DEFAULT 60
    )""",
    "CREATE INDEX templates_kind ON templates(kind, id)",
    """CREATE TABLE template_items (
        id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        timebox_minutes INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'discussion'
    )""",
    "CREATE INDEX template_items_template ON template_items(template_id, position)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    *_fts_statements(),
]

# salestui's mark in the file header (PRAGMA application_id): "STUI". A file whose id is
# another non-zero number belongs to another application and is never touched.
APPLICATION_ID = 0x53545549

MIGRATION_2: list[str] = [
    # storage integrity: mark the file as salestui's (files made at version 1 have id 0).
    f"PRAGMA application_id = {APPLICATION_ID}",
    # -- concurrency (issue 19): one active agenda item per meeting ------------------------
    # Heal meetings left with several active items by racing `run next` / `run previous`:
    # the most recently started stays active; each other one is paused as the moment the
    # kept one started (its time until then counted), back to pending.
    """UPDATE agenda_items AS a SET
        elapsed_seconds = elapsed_seconds + max(0, coalesce(CAST(round((
            julianday((SELECT k.started_at FROM agenda_items k
                       WHERE k.meeting_id = a.meeting_id AND k.status = 'active'
                       ORDER BY k.started_at DESC, k.id DESC LIMIT 1))
            - julianday(a.started_at)) * 86400) AS INTEGER), 0)),
        started_at = NULL,
        status = 'pending'
    WHERE a.status = 'active' AND a.id != (
        SELECT k.id FROM agenda_items k
        WHERE k.meeting_id = a.meeting_id AND k.status = 'active'
        ORDER BY k.started_at DESC, k.id DESC LIMIT 1)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS agenda_items_one_active "
    "ON agenda_items(meeting_id) WHERE status = 'active'",
    # Live edits never corrupt the record (issue 10, section 2): what an entry stood for
    # (an action's owners, due date, priority, tags) survives its conversion to a note and
    # back; every live edit leaves a before/after image of the rows it changed, so it can
    # be undone after a restart or a kill, from the TUI or the CLI.
    "ALTER TABLE entries ADD COLUMN detail TEXT",
    """CREATE TABLE IF NOT EXISTS live_undo (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        operation TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        images TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS live_undo_meeting ON live_undo(meeting_id, id)",
    # issue 10 §4, planned vs actual: minutes added (or taken) in the meeting are kept apart
    # from the item's original timebox, so the record still shows what was planned.
    "ALTER TABLE agenda_items ADD COLUMN extended_minutes INTEGER NOT NULL DEFAULT 0",
    # Search across everything (issue 14): follow-up notes and the waiting / blocked
    # reasons gain trigram indexes like the other texts, filled once from what is there.
    *_fts_statements(_FTS_TABLES_2, later=True),
]

MIGRATION_3: list[str] = [
    # A live meeting has one scribe (issue 13): who records it; anyone else watches. Who
    # started the meeting, and each take-over, stay in the meeting's history.
    "ALTER TABLE meetings ADD COLUMN scribe_id INTEGER REFERENCES people(id) ON DELETE SET NULL",
    """CREATE TABLE IF NOT EXISTS meeting_events (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        previous_id INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS meeting_events_meeting ON meeting_events(meeting_id, id)",
]

MIGRATION_4: list[str] = [
    # One undo for everything (issue 14): every change is one step of one journal - who,
    # when, what, and the rows it replaced (core.journal). A live meeting's steps are
    # history only: they name their ``live_undo`` record. journal_actions: the items a
    # step touched (their histories; which later step stands in the way of an undo).
    """CREATE TABLE IF NOT EXISTS journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '',
        images TEXT NOT NULL DEFAULT '[]',
        live_undo_id INTEGER,
        undone_at TEXT,
        undone_by INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS journal_person ON journal(person_id, id)",
    "CREATE INDEX IF NOT EXISTS journal_live ON journal(live_undo_id)",
    """CREATE TABLE IF NOT EXISTS journal_actions (
        action_id INTEGER NOT NULL,
        step_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
        PRIMARY KEY (action_id, step_id)
    )""",
    "CREATE INDEX IF NOT EXISTS journal_actions_step ON journal_actions(step_id)",
]

# The numbers review (issue 15): measurables, goals, values, countermeasures (schema_numbers).
MIGRATION_5: list[str] = list(NUMBERS_MIGRATION)
MIGRATION_6: list[str] = list(SORT_KEYS_MIGRATION)  # the actions list's sort keys: schema_keys
MIGRATIONS: list[list[str]] = [
    MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5, MIGRATION_6,
    list(ANALYTICS_MIGRATION),  # 7: meeting ratings, analytics indexes (schema_analytics)
    NUMBERS_ITEMS_MIGRATION,  # 8: the weekly meeting's results items review the numbers
    list(OUTBOX_MIGRATION),  # 9: the mail outbox (issue 16, schema_mail)
    list(SIGN_IN_MIGRATION),  # 10: logins and signing in (issue 17, schema_people)
    list(DAY_MIGRATION),  # 11: activity plans and daily reports, 行动报告制 (schema_day)
    list(DECISIONS_MIGRATION),  # 12: supersede links, confidential flags (issue 16)
    list(AGENDA_CONFIDENTIAL_MIGRATION),  # 13: confidential agenda items (carried topics)
    list(OWNER_ORDER_MIGRATION),  # 14: owners in order from an index (schema_keys)
    list(MEETING_NUMBERS_MIGRATION),  # 15: a meeting's numbers by its id (schema_numbers)
]  # fmt: skip
LATEST_VERSION = len(MIGRATIONS)
SORT_KEYS_VERSION = MIGRATIONS.index(MIGRATION_6) + 1  # owner_name and the sort indexes
FTS_TABLES = {**_FTS_TABLES, **_FTS_TABLES_2}
