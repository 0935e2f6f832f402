"""Opening database files: permissions, bad paths, migrations with a backup."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from salestui.core import schema
from salestui.core.backup import BackupPolicy, list_backups
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


def _at_version_1(monkeypatch, path: Path) -> None:
    """Make ``path`` as the released build did: migration 1 only, no application id."""
    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATION_1])
    monkeypatch.setattr(schema, "LATEST_VERSION", 1)
    store = open_store(path)
    store.db.execute(
        "INSERT INTO people(name, role, created_at) VALUES ('王芳', 'lead', '2026-01-01T00:00:00Z')"
    )
    store.db.execute("PRAGMA application_id = 0")
    store.close()
    monkeypatch.undo()


def test_older_schema_is_backed_up_then_migrated(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    _at_version_1(monkeypatch, path)
    extra = ["CREATE TABLE extra_thing (id INTEGER PRIMARY KEY)"]
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    monkeypatch.setattr(schema, "LATEST_VERSION", len(schema.MIGRATIONS))
    store = open_store(path)
    try:
        assert store.user_version == schema.LATEST_VERSION
        assert "extra_thing" in store.db.table_names()
    finally:
        store.close()
    (backup,) = list_backups(path, BackupPolicy())
    assert backup.reason == "upgrade"
    assert stat.S_IMODE(os.stat(backup.path).st_mode) == 0o600
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT name FROM people").fetchall() == [("王芳",)]


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "db.db"
    _at_version_1(monkeypatch, path)
    before = path.read_bytes()
    broken = ["CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"]
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "LATEST_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(StorageError, match="could not be upgraded"):
        open_store(path)
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names


def test_a_released_file_upgrades_to_the_live_edit_schema(tmp_path: Path, monkeypatch) -> None:
    """A version-1 file (the released schema) with a meeting in it gains what live edits
    need: the entries' detail and the undo log, its data untouched."""
    path = tmp_path / "v1.db"
    with monkeypatch.context() as patched:
        patched.setattr(schema, "MIGRATIONS", [schema.MIGRATION_1])
        patched.setattr(schema, "LATEST_VERSION", 1)
        store = open_store(path)
        store.db.execute(
            "INSERT INTO meetings(title, kind, purpose, planned_minutes, created_at) "
            "VALUES ('周例会', 'weekly', '回顾', 60, '2026-01-01T00:00:00Z')"
        )
        store.db.execute(
            "INSERT INTO entries(meeting_id, kind, text, at) "
            "VALUES (1, 'note', '下周销售目标', '2026-01-01T00:00:00Z')"
        )
        store.close()
    store = open_store(path)
    try:
        assert store.user_version == schema.LATEST_VERSION
        entry = store.get_entry(1)
        assert entry is not None and entry.text == "下周销售目标" and entry.detail == {}
        assert store.count_undo(1) == 0
    finally:
        store.close()


def test_a_released_database_gains_extended_minutes(tmp_path: Path, monkeypatch) -> None:
    """MIGRATION_2 (issue 10 §4) upgrades a version-1 file: items keep their planned
    timebox and start with no extension."""
    path = tmp_path / "v1.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", [schema.MIGRATION_1])
        patch.setattr(schema, "LATEST_VERSION", 1)
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


def test_a_second_active_item_is_a_conflict_not_a_crash(services, clock) -> None:  # type: ignore[no-untyped-def]
    """The one-active-item index, hit by a write that slipped past the transaction rules,
    is reported as a Conflict and changes nothing."""
    from salestui.core.errors import Conflict
    from salestui.core.models import AgendaStatus, MeetingKind

    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY, clock.now(), 30)
    first = services.add_agenda_item(meeting.id, "业绩", 10)
    second = services.add_agenda_item(meeting.id, "回款", 10)
    first.status = AgendaStatus.ACTIVE
    services.store.update_agenda_item(first)
    second = services.store.get_agenda_item(second.id)
    second.status = AgendaStatus.ACTIVE
    with pytest.raises(Conflict, match="running already"):
        services.store.update_agenda_item(second)
    assert services.store.get_agenda_item(second.id).status == AgendaStatus.PENDING
