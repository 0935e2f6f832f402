"""The database file on the command line: open refusals, read-only files, backup, restore,
doctor. Each error is one line, exit 1 (2 for bad usage), and the file is left as it was."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from salestui.core import schema


def _damage(path: Path) -> None:
    """Overwrite leaf pages in the middle of the action items' table (found with SQLite's
    dbstat, so a change of the schema's other tables never moves the damage elsewhere)."""
    for stamp in path.parent.glob(f"{path.name}.backups/*.checked"):
        stamp.unlink()  # the daily full check is due, as on the next day
    with closing(sqlite3.connect(path)) as conn:
        pages = [
            row[0]
            for row in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'action_items' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    chosen = pages[len(pages) // 2 : len(pages) // 2 + 4]
    noise = random.Random(7)
    with path.open("r+b") as handle:
        for page in chosen:
            handle.seek((page - 1) * size)
            handle.write(noise.randbytes(size))


def _many_actions(db: Path, count: int = 3000) -> None:
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO action_items(title, created_at, updated_at) VALUES (?, 'x', 'x')",
            [(f"行动 {n} " + "x" * 80,) for n in range(count)],
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_empty_db_path_is_refused(run, tmp_path: Path) -> None:
    result = run("actions", "list", db_path="", HOME=str(tmp_path))
    assert "empty" in result.assert_one_line_error(2)
    assert not (tmp_path / ".local").exists()


def test_fifo_is_refused_without_hanging(run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("actions", "list", db_path=fifo)
    assert "not a regular file" in result.assert_one_line_error(1)


def test_foreign_sqlite_file_is_refused_untouched(run, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos(name) VALUES ('cat.jpg')")
    before = other.read_bytes()
    for args in (("people", "add", "王芳"), ("actions", "list")):
        line = run(*args, db_path=other).assert_one_line_error(1)
        assert "another application" in line
    assert other.read_bytes() == before
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["photos"]


def test_newer_schema_refuses_writes_reads_work(org, db: Path) -> None:
    run = org
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    before = db.read_bytes()
    line = run("people", "add", "李明").assert_one_line_error(1)
    assert (
        f"made by a newer salestui (schema {schema.LATEST_VERSION + 1}); "
        f"this is {schema.LATEST_VERSION} - upgrade salestui"
    ) in line
    listed = run("people", "list", "--json")
    assert listed.code == 0 and [p["name"] for p in listed.json()][0] == "张伟"
    assert listed.err.startswith("Warning: ") and "newer salestui" in listed.err
    assert db.read_bytes() == before


def test_damaged_file_writes_exit_1_with_the_way_out(org, db: Path, tmp_path: Path) -> None:
    run = org
    _many_actions(db)
    run("backup", str(tmp_path / "manual.db")).ok()
    _damage(db)
    before = db.read_bytes()

    line = run("people", "add", "李明").assert_one_line_error(1)
    assert "damaged" in line and "read-only" in line and "doctor --recover" in line
    people = run("people", "list", "--json")  # a table the damage did not reach
    assert people.code == 0 and "damaged" in people.err

    refused = run("backup", str(tmp_path / "copy.db")).assert_one_line_error(1)
    assert "damaged" in refused and "--force" in refused
    assert not (tmp_path / "copy.db").exists()
    run("backup", str(tmp_path / "copy.db"), "--force")
    assert (tmp_path / "copy.db").exists()

    doctor = run("doctor")
    assert doctor.code == 1 and "action_items" in doctor.out
    assert "Traceback" not in doctor.err
    as_json = run("doctor", "--json")
    assert as_json.code == 1 and len(as_json.err_lines) == 1
    found = as_json.json()
    assert found["ok"] is False and "action_items" in found["damaged_tables"]
    assert found["problems"] and found["path"] == str(db)

    out = tmp_path / "recovered.db"
    recovered = run("doctor", "--recover", str(out))
    assert recovered.code == 0, recovered.err
    assert "action_items" in recovered.out and "people" in recovered.out
    run("doctor", db_path=out).ok()
    assert len(run("people", "list", "--json", db_path=out).ok().json()) == 3
    assert db.read_bytes() == before

    restored = run("restore", str(out))
    assert restored.code == 0, restored.err
    run("doctor").ok()
    healthy = run("doctor", "--json").ok().json()
    assert healthy["ok"] is True and healthy["rows"]["people"] == 3
    assert healthy["problems"] == [] and healthy["newest_good_backup"] is None
    run("people", "add", "李明").ok()


def test_backup_checks_the_copy_and_is_private(org, tmp_path: Path) -> None:
    run = org
    copy = tmp_path / "copy.db"
    out = run("backup", str(copy)).ok().out
    assert "checked: integrity ok" in out
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600


def test_backup_list_and_restore(org, db: Path, tmp_path: Path) -> None:
    run = org
    assert "No automatic backups" in run("backup", "--list").ok().out
    good = tmp_path / "good.db"
    run("backup", str(good)).ok()
    run("people", "add", "李明").ok()
    done = run("restore", str(good)).ok()
    assert "kept in" in done.out
    names = [p["name"] for p in run("people", "list", "--json").ok().json()]
    assert "李明" not in names
    listed = run("backup", "--list", "--json").ok().json()
    assert [b["reason"] for b in listed] == ["restore"]
    kept = Path(listed[0]["path"])
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert "李明" in [p["name"] for p in run("people", "list", "--json", db_path=kept).json()]
    run("restore", str(tmp_path / "missing.db")).assert_one_line_error(1)
    run("backup").assert_one_line_error(2)


def test_at_most_one_start_backup_a_day(tmp_path: Path) -> None:
    from salestui.cli.app import _daily_backup
    from salestui.core.backup import BackupPolicy, list_backups
    from salestui.core.db import open_store

    path = tmp_path / "daily.db"
    store = open_store(path)
    try:
        _daily_backup(store)
        _daily_backup(store)
    finally:
        store.close()
    assert [b.reason for b in list_backups(path, BackupPolicy())] == ["start"]


def test_backup_refuses_damage_the_open_check_had_not_seen(org, db: Path, tmp_path: Path) -> None:
    """Damage since today's full check: the copy's own check catches it."""
    run = org
    _many_actions(db)
    run("people", "list").ok()  # today's full check passes and is recorded
    page = 4096
    middle = (db.stat().st_size // page) // 2
    with db.open("r+b") as handle:
        handle.seek(middle * page)
        handle.write(random.Random(7).randbytes(page * 4))
    copy = tmp_path / "copy.db"
    line = run("backup", str(copy)).assert_one_line_error(1)
    assert "integrity check" in line and "doctor" in line
    assert not copy.exists()
    assert "not checked" in run("backup", str(copy), "--force").ok().out
    assert copy.exists()
