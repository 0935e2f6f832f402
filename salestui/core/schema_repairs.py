"""Repairs for version-1 files made by early development builds (before the released v1):
the columns and objects they lack, added before the later migrations run."""

from __future__ import annotations

import re

from salestui.core.schema import MIGRATION_1

# Columns that development builds of 2026-11-27 had not yet added to MIGRATION_1 while
# still stamping user_version 1 (table, column, definition). ``v1_repairs`` adds any that
# a version-1 file lacks, before MIGRATION_2 runs.
V1_LATE_COLUMNS = (
    ("agenda_items", "carried_count", "INTEGER NOT NULL DEFAULT 0"),
    ("entries", "disposition", "TEXT"),
    ("action_items", "entry_id", "INTEGER REFERENCES entries(id) ON DELETE SET NULL"),
    ("action_items", "unassigned_ok", "INTEGER NOT NULL DEFAULT 0"),
    ("follow_ups", "person_id", "INTEGER REFERENCES people(id) ON DELETE SET NULL"),
)
_CREATED_NAME = re.compile(
    r"^\s*CREATE\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER)\s+(\w+)", re.IGNORECASE
)


def created_name(statement: str) -> str | None:
    """The object a CREATE statement makes, or None for other statements."""
    match = _CREATED_NAME.match(statement)
    return match.group(1) if match else None


def v1_repairs(columns: dict[str, set[str]], objects: set[str]) -> list[str]:
    """Statements that bring a version-1 file made by an early build to the released v1.

    ``columns`` maps each existing table to its column names, ``objects`` holds every
    name in sqlite_master. A file made by the released build needs none.
    """
    statements = [
        f"ALTER TABLE {table} ADD COLUMN {column} {definition}"
        for table, column, definition in V1_LATE_COLUMNS
        if table in columns and column not in columns[table]
    ]
    statements += [
        statement
        for statement in MIGRATION_1
        if (name := created_name(statement)) is not None and name not in objects
    ]
    return statements
