"""--db PATH problems and ``salestui backup``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def test_bad_db_paths_are_one_line_exit_1(run, tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n", encoding="utf-8")
    missing = tmp_path / "missing" / "x.db"
    cases = [
        (folder, "folder"),
        (notes, "not a salestui database"),
        (missing, "does not exist"),
        (Path("/proc/salestui-cli-test.db"), "/proc/salestui-cli-test.db"),
    ]
    commands = [("actions", "add", "x"), ()]  # () = open the TUI
    checks = [(path, words, args) for path, words in cases for args in commands]
    results = run.many(*(("--db", str(path), *args) for path, _w, args in checks), db_path=None)
    for (_path, words, _args), result in zip(checks, results, strict=True):
        assert words in result.assert_one_line_error(1)
    assert list(folder.iterdir()) == []
    assert notes.read_text(encoding="utf-8") == "shopping list\n"
    assert not missing.parent.exists()


def test_db_from_environment(run, tmp_path: Path) -> None:
    env_db = tmp_path / "from-env.db"
    run("people", "add", "王芳", db_path=None, SALESTUI_DB=str(env_db)).ok()
    people = run("people", "list", "--json", db_path=env_db).ok().json()
    assert [p["name"] for p in people] == ["王芳"]


def test_backup(org, db: Path, tmp_path: Path) -> None:
    run = org
    run("actions", "add", "提交回款计划", "--owner", "王芳").ok()
    copy = tmp_path / "copy.db"
    out = run("backup", str(copy)).ok().out
    assert str(copy) in out
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = [p["name"] for p in run("people", "list", "--json", db_path=copy).ok().json()]
    assert names == ["张伟", "王芳", "Li Ming"]
    assert [a["title"] for a in run("actions", "list", "--json", db_path=copy).json()] == [
        "提交回款计划"
    ]

    # Never overwrite silently; --force does; partial files never linger.
    run("actions", "add", "second").ok()
    run("backup", str(copy)).assert_one_line_error(1)
    assert len(run("actions", "list", "--json", db_path=copy).ok().json()) == 1
    run("backup", str(copy), "--force").ok()
    assert len(run("actions", "list", "--json", db_path=copy).ok().json()) == 2
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []

    run("backup", str(tmp_path / "nope" / "x.db")).assert_one_line_error(1)
    run("backup", str(tmp_path)).assert_one_line_error(1)
    run("backup", str(db), "--force").assert_one_line_error(1)  # onto itself


def test_backup_of_a_missing_database_fails(run, tmp_path: Path) -> None:
    line = run("backup", str(tmp_path / "b.db"), db_path=tmp_path / "none.db")
    assert "No database" in line.assert_one_line_error(1)
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "b.db").exists()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_backup_into_unwritable_place(org) -> None:
    org("backup", "/proc/salestui-backup.db").assert_one_line_error(1)
