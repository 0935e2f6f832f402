"""Opening: races, foreign files, newer schemas, damaged files, read-only files, full disks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from salestui.core import schema
from salestui.core.backup import BackupPolicy, automatic_backup
from salestui.core.db import open_store
from salestui.core.errors import StorageError
from salestui.core.service import Services

ROOT = Path(__file__).resolve().parents[2]


# -- races ------------------------------------------------------------------------------

_OPENER = """
import sys, pathlib
go = pathlib.Path(sys.argv[2])
while not go.exists():
    pass
from salestui.core.db import open_store
store = open_store(sys.argv[1])
store.add_person  # a usable store
print(store.user_version)
store.close()
"""


def test_two_processes_opening_a_new_file_at_once_both_succeed(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for trial in range(10):
        path = tmp_path / f"race{trial}.db"
        go = tmp_path / f"go{trial}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPENER, str(path), str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(2)
        ]
        go.touch()
        results = [p.communicate(timeout=120) for p in procs]
        for proc, (out, err) in zip(procs, results, strict=True):
            assert proc.returncode == 0, err
            assert out.strip() == str(schema.LATEST_VERSION)
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='people'").fetchone()


# -- foreign files ------------------------------------------------------------------------


def test_another_applications_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 1234")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="belongs to another application"):
        open_store(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("version", [0, 3, 99])
def test_a_database_without_our_tables_is_refused_untouched(tmp_path: Path, version) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute(f"PRAGMA user_version = {version}")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="belongs to another application"):
        open_store(path)
    assert path.read_bytes() == before


def test_our_files_carry_the_application_id(tmp_path: Path) -> None:
    open_store(tmp_path / "x.db").close()
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


# -- newer schema ---------------------------------------------------------------------------


def test_a_newer_schema_is_read_only(tmp_path: Path, clock) -> None:
    path = tmp_path / "newer.db"
    services = Services(open_store(path), clock)
    services.add_person("王芳")
    services.store.db.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    services.store.close()
    before = path.read_bytes()

    store = open_store(path)
    try:
        expected = (
            f"made by a newer salestui (schema {schema.LATEST_VERSION + 1}); "
            f"this is {schema.LATEST_VERSION} - upgrade salestui"
        )
        assert expected in (store.read_only_reason or "")
        services = Services(store, clock)
        assert [p.name for p in services.people()] == ["王芳"]  # reading works
        with pytest.raises(StorageError, match="newer salestui"):
            services.add_person("李明")
    finally:
        store.close()
    assert path.read_bytes() == before


# -- damage -------------------------------------------------------------------------------


def test_a_damaged_file_opens_read_only_naming_the_newest_backup(
    fill_actions, damage, tmp_path: Path, clock
) -> None:
    path = tmp_path / "damaged.db"
    fill_actions(path, 3000)
    backup = automatic_backup(path, "start", BackupPolicy())
    damage(path)
    before = path.read_bytes()

    store = open_store(path)
    try:
        reason = store.read_only_reason or ""
        assert "damaged" in reason and "read-only" in reason
        assert str(backup) in reason
        assert "doctor --recover" in reason and "restore" in reason
        with pytest.raises(StorageError, match="damaged"):
            Services(store, clock).add_person("王芳")
    finally:
        store.close()
    assert path.read_bytes() == before


def test_damage_without_a_backup_names_the_recovery_command(
    fill_actions, damage, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.db"
    fill_actions(path, 3000)
    damage(path)
    store = open_store(path)
    try:
        assert "no backup found" in (store.read_only_reason or "")
        assert f"salestui --db {path} doctor --recover NEW.db" in (store.read_only_reason or "")
    finally:
        store.close()


# -- read-only and full ---------------------------------------------------------------------


def test_a_read_only_file_opens_read_only(tmp_path: Path, clock, monkeypatch) -> None:
    path = tmp_path / "ro.db"
    Services(open_store(path), clock).add_person("王芳")
    monkeypatch.setattr("salestui.core.db._writable", lambda _path: False)
    store = open_store(path)
    try:
        assert store.read_only
        services = Services(store, clock)
        assert [p.name for p in services.people()] == ["王芳"]
        with pytest.raises(StorageError, match="read-only"):
            services.add_person("李明")
        assert store.write_refused
    finally:
        store.close()


def test_a_full_disk_says_so_and_half_writes_nothing(tmp_path: Path, clock) -> None:
    path = tmp_path / "full.db"
    store = open_store(path)
    services = Services(store, clock)
    services.add_person("王芳")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    added = 0
    with pytest.raises(StorageError) as raised:
        for number in range(5000):
            services.add_action(f"行动 {number} " + "字" * 300, owners=["王芳"], tags=["回款"])
            added += 1
    message = str(raised.value)
    assert "disk" in message and "full" in message and "read-only" not in message
    # The app keeps running, read-only: the next write is refused with the same reason.
    with pytest.raises(StorageError, match="full"):
        services.add_person("李明")
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM action_items").fetchone()[0] == added
        assert conn.execute("SELECT count(*) FROM action_owners").fetchone()[0] == added
        assert conn.execute("SELECT count(*) FROM action_tags").fetchone()[0] == added
