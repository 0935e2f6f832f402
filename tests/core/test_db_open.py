"""Opening database files: permissions, bad paths, migrations with a backup."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from salestui.core import schema
from salestui.core.db import open_store
from salestui.core.errors import StorageError


def test_new_database_is_private_wal_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = open_store(path)
    try:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert store.user_version == schema.LATEST_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        tables = set(store.db.table_names())
        for table in (
            "people",
            "meetings",
            "agenda_items",
            "action_items",
            "follow_ups",
            "action_items_fts",
            "entries_fts",
            "speaking",
            "series",
        ):
            assert table in tables
    finally:
        store.close()


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        open_store(tmp_path)


def test_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    with pytest.raises(StorageError, match="not a salestui database"):
        open_store(path)
    assert path.read_text() == "shopping list\n"


def test_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "x.db"
    with pytest.raises(StorageError, match="does not exist"):
        open_store(path)
    assert not path.parent.exists()


def test_unwritable_place_is_a_clear_error() -> None:
    # /proc refuses new files even for root, unlike a chmod-ed folder.
    with pytest.raises(StorageError, match="Cannot create|read-only"):
        open_store(Path("/proc/salestui-test.db"))


def test_older_schema_is_backed_up_then_migrated(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    # Simulate a file made by a version that only knew migration 1, then a newer release
    # that adds migration 2.
    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATION_1])
    monkeypatch.setattr("salestui.core.store.base.MIGRATIONS", [schema.MIGRATION_1])
    monkeypatch.setattr("salestui.core.store.base.LATEST_VERSION", 1)
    store = open_store(path)
    store.db.execute(
        "INSERT INTO people(name, role, created_at) VALUES ('王芳', 'lead', '2026-01-01T00:00:00Z')"
    )
    store.close()
    extra = ["CREATE TABLE extra_thing (id INTEGER PRIMARY KEY)"]
    monkeypatch.setattr("salestui.core.store.base.MIGRATIONS", [schema.MIGRATION_1, extra])
    monkeypatch.setattr("salestui.core.store.base.LATEST_VERSION", 2)
    store = open_store(path)
    try:
        assert store.user_version == 2
        assert "extra_thing" in store.db.table_names()
    finally:
        store.close()
    backup = tmp_path / "old.db.v1.bak"
    assert backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT name FROM people").fetchall() == [("王芳",)]


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "db.db"
    monkeypatch.setattr("salestui.core.store.base.MIGRATIONS", [schema.MIGRATION_1])
    monkeypatch.setattr("salestui.core.store.base.LATEST_VERSION", 1)
    open_store(path).close()  # a file of the released schema (version 1)
    broken = ["CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"]
    monkeypatch.setattr("salestui.core.store.base.MIGRATIONS", [schema.MIGRATION_1, broken])
    monkeypatch.setattr("salestui.core.store.base.LATEST_VERSION", 2)
    with pytest.raises(StorageError):
        open_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names


def test_a_released_database_gains_extended_minutes(tmp_path: Path, monkeypatch) -> None:
    """MIGRATION_2 (issue 10 §4) upgrades a version-1 file: items keep their planned
    timebox and start with no extension."""
    path = tmp_path / "v1.db"
    with monkeypatch.context() as patch:
        patch.setattr("salestui.core.store.base.MIGRATIONS", [schema.MIGRATION_1])
        patch.setattr("salestui.core.store.base.LATEST_VERSION", 1)
        store = open_store(path)
        store.db.execute(
            "INSERT INTO meetings(title, kind, purpose, status, planned_minutes, created_at) "
            "VALUES ('周例会', 'weekly', '回顾', 'draft', 30, '2026-01-01T00:00:00Z')"
        )
        store.db.execute(
            "INSERT INTO agenda_items(meeting_id, position, title, timebox_minutes) "
            "VALUES (1, 1, '上周业绩', 10)"
        )
        store.close()
    store = open_store(path)
    try:
        assert store.user_version == schema.LATEST_VERSION >= 2
        [item] = store.list_agenda(1)
        assert (item.timebox_minutes, item.extended_minutes) == (10, 0)
    finally:
        store.close()
