"""The schema as numbered migrations. Migration N brings ``user_version`` from N-1 to N.

Statements are plain lists (not scripts) so each migration runs inside one transaction.
"""

from __future__ import annotations

_FTS_TABLES = {
    # fts table: (content table, indexed columns)
    "meetings_fts": ("meetings", ("title", "purpose")),
    "agenda_items_fts": ("agenda_items", ("title",)),
    "entries_fts": ("entries", ("text",)),
    "decisions_fts": ("decisions", ("text",)),
    "action_items_fts": ("action_items", ("title",)),
}


def _fts_statements() -> list[str]:
    statements: list[str] = []
    for fts, (table, columns) in _FTS_TABLES.items():
        cols = ", ".join(columns)
        new_vals = ", ".join(f"new.{c}" for c in columns)
        old_vals = ", ".join(f"old.{c}" for c in columns)
        statements += [
            # trigram matches substrings, which Chinese text (no spaces) needs.
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='id', tokenize='trigram')",
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_vals}); END",
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_vals}); END",
            f"CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_vals}); END",
        ]
    return statements


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

MIGRATION_2 = [
    # issue 10 §4, planned vs actual: minutes added (or taken) in the meeting are kept apart
    # from the item's original timebox, so the record still shows what was planned.
    "ALTER TABLE agenda_items ADD COLUMN extended_minutes INTEGER NOT NULL DEFAULT 0",
]

MIGRATIONS: list[list[str]] = [MIGRATION_1, MIGRATION_2]
LATEST_VERSION = len(MIGRATIONS)
FTS_TABLES = _FTS_TABLES
