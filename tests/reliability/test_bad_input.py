"""The bad-input table (DESIGN.md, USING-IT-FOR-REAL.md): each bad command gives exactly one
line on stderr, the documented exit code, and leaves the database exactly as it was.

The table runs concurrently (each case is its own process on its own copy of the
database) once per session; each row is still reported as its own test.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

Result = Any  # tests/conftest.py's Result
# Characters that must never reach a terminal: ESC, BEL, CSI (C1), bidi override/isolate.
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")

BIG = str(2**63)  # one past SQLite's largest integer
NOT_UTF8 = os.fsdecode(b"caf\xe9 \xff")  # Latin-1 bytes: not valid UTF-8
LONG_NOTE = "x" * 20_001
ESCAPES = "\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \x9b2J \u202eevil"

# name -> (arguments, exit code). Exit codes (DESIGN.md): 1 the operation failed,
# 2 bad usage or input. The org: meeting 1 running, action 1, people 张伟 and 王芳.
TABLE: dict[str, tuple[tuple[str, ...], int]] = {
    # empty titles and names
    "empty action title": (("actions", "add", ""), 2),
    "blank action title": (("actions", "add", "   "), 2),
    "empty meeting title": (("meeting", "new", "--title", "", "--purpose", "p"), 2),
    "escape-only title": (("actions", "add", "\x1b[31m\x07"), 2),
    "empty agenda title": (("agenda", "add", "2", " "), 2),
    "empty person name": (("people", "add", ""), 2),
    "empty capture": (("run", "capture", "1", "  "), 2),
    # dates nobody can read
    "due someday-never": (("actions", "add", "x", "--due", "someday-never"), 2),
    "capture due:someday-never": (("run", "capture", "1", "/a @王芳 due:someday-never x"), 2),
    "follow-up next someday-never": (("followup", "1", "n", "--next", "someday-never"), 2),
    "due past year 9999": (("actions", "add", "x", "--due", "in 99999999 days"), 2),
    "due on 9999-12-31": (("actions", "add", "x", "--due", "9999-12-31"), 2),
    "next follow-up on 9999-12-31": (("followup", "1", "n", "--next", "9999-12-31"), 2),
    "meeting in year 9999": (
        ("meeting", "new", "--title", "t", "--purpose", "p", "--start", "9999-12-31T23:59"),
        2,
    ),
    # too long
    "20,001-character capture": (("run", "capture", "1", LONG_NOTE), 2),
    "20,001-character follow-up note": (("followup", "1", LONG_NOTE), 2),
    "2,001-character action title": (("actions", "add", "x" * 2001), 2),
    "201-character location": (
        ("meeting", "new", "--title", "t", "--purpose", "p", "--location", "x" * 201),
        2,
    ),
    "41-character tag": (("actions", "add", "t", "--tag", "x" * 41), 2),
    "81-character name": (("people", "add", "x" * 81), 2),
    "81-character team": (("people", "add", "x", "--team", "x" * 81), 2),
    # ids SQLite cannot hold, and ids that are not numbers
    "meeting show 2^63": (("meeting", "show", BIG), 2),
    "actions done 2^63": (("actions", "done", BIG), 2),
    "followup 2^63": (("followup", BIG, "note"), 2),
    "run next 2^63": (("run", "next", BIG), 2),
    "export minutes 2^63": (("export", "minutes", BIG), 2),
    "actions list --meeting 2^63": (("actions", "list", "--meeting", BIG), 2),
    "run decide 2^63": (("run", "decide", BIG, "confirmed"), 2),
    "actions done abc": (("actions", "done", "abc"), 2),
    "actions list --limit 2^63": (("actions", "list", "--limit", BIG), 2),
    "actions done -1": (("actions", "done", "-1"), 2),
    "unknown action id": (("actions", "done", "99"), 1),
    "unknown meeting id": (("meeting", "show", "99"), 1),
    # arguments that are not UTF-8
    "person name not UTF-8": (("people", "add", NOT_UTF8), 2),
    "tag not UTF-8": (("actions", "add", "t", "--tag", NOT_UTF8), 2),
    "location not UTF-8": (
        ("meeting", "new", "--title", "t", "--purpose", "p", "--location", NOT_UTF8),
        2,
    ),
    "capture not UTF-8": (("run", "capture", "1", NOT_UTF8), 2),
    "follow-up not UTF-8": (("followup", "1", NOT_UTF8), 2),
    "search not UTF-8": (("actions", "list", "--search", NOT_UTF8), 2),
    # names that match no one, values out of range
    "unknown owner": (("actions", "add", "x", "--owner", "nobody"), 2),
    "priority 4": (("actions", "add", "x", "--priority", "4"), 2),
    "meeting of 0 minutes": (
        ("meeting", "new", "--title", "t", "--purpose", "p", "--minutes", "0"),
        2,
    ),
    "unknown status": (("actions", "edit", "1", "--status", "finished"), 2),
    # exports onto the database itself
    "minutes over the database": (("export", "minutes", "1", "-o", "{db}", "--force"), 2),
    "minutes over the -wal": (("export", "minutes", "1", "-o", "{db}-wal", "--force"), 2),
    "ics over the database": (("export", "ics", "-o", "{db}", "--force"), 2),
}

ENV_CASES: dict[str, tuple[tuple[str, ...], dict[str, str], int]] = {
    "SALESTUI_NOW year 9999": (
        ("actions", "add", "x", "--due", "tomorrow"),
        {"SALESTUI_NOW": "9999-12-31T23:59:59", "TZ": "UTC"},
        2,
    ),
    "SALESTUI_NOW year 1": (
        ("actions", "add", "x", "--due", "tomorrow"),
        {"SALESTUI_NOW": "0001-01-01T00:00:00"},
        2,
    ),
    "SALESTUI_NOW not a time": (("actions", "list"), {"SALESTUI_NOW": "soon"}, 2),
}


@pytest.fixture(scope="session")
def table_results(
    org_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    run_cli: Callable[..., Result],
    dump: Callable[[Path], list[str]],
    copy_db: Callable[[Path, Path], Path],
) -> dict[str, tuple[Result, list[str], list[str]]]:
    """Every case of the table, run four at a time: name -> (result, dump before, after)."""
    root = tmp_path_factory.mktemp("bad-input")
    before = dump(org_db)
    cases = {name: (args, {}) for name, (args, _) in TABLE.items()}
    cases.update({name: (args, env) for name, (args, env, _) in ENV_CASES.items()})
    names = sorted(cases)

    def one(index_name: tuple[int, str]) -> tuple[Result, list[str]]:
        index, name = index_name
        folder = root / f"case{index}"
        folder.mkdir()
        db = copy_db(org_db, folder / "salestui.db")
        args, env = cases[name]
        args = tuple(a.replace("{db}", str(db)) for a in args)
        result = run_cli(folder, db, *args, **env)
        try:
            return result, dump(db)
        except sqlite3.DatabaseError as error:  # the command destroyed the file
            return result, [f"unreadable: {error}"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(one, enumerate(names)))
    pairs = zip(names, outcomes, strict=True)
    return {name: (result, before, after) for name, (result, after) in pairs}


def _expected_code(name: str) -> int:
    return TABLE[name][1] if name in TABLE else ENV_CASES[name][2]


def assert_one_line_error(result: Result, code: int) -> str:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err, result.err
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith("Error: "), line
    assert not any(c in line for c in TERMINAL_CONTROLS), repr(line)
    return line


@pytest.mark.parametrize("name", sorted([*TABLE, *ENV_CASES]))
def test_bad_input_is_one_line_and_changes_nothing(
    name: str, table_results: dict[str, tuple[Result, list[str], list[str]]]
) -> None:
    result, before, after = table_results[name]
    assert_one_line_error(result, _expected_code(name))
    assert after == before, "the database changed"


def test_db_that_is_a_folder_or_text_file(tmp_path: Path, run_cli: Any) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    text = tmp_path / "notes.db"
    text.write_text("shopping list\n", encoding="utf-8")
    assert_one_line_error(run_cli(tmp_path, folder, "actions", "list"), 1)
    assert_one_line_error(run_cli(tmp_path, text, "actions", "add", "x"), 1)
    assert text.read_text(encoding="utf-8") == "shopping list\n"
    assert list(folder.iterdir()) == []


def _drop_privileges() -> list[str]:
    """A prefix that runs a command as nobody (root ignores file permissions)."""
    if os.geteuid() != 0:
        return []
    import shutil

    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot test a read-only file")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_read_only_database_refuses_writes_and_keeps_data(
    org: Path, tmp_path: Path, run_cli: Any, dump: Any
) -> None:
    prefix = _drop_privileges()
    before = dump(org)
    os.chmod(tmp_path, 0o755)
    os.chmod(org, 0o444)
    probe = subprocess.run([*prefix, sys.executable, "-c", "print(1)"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot run Python as an unprivileged user here")
    result = run_cli(tmp_path, org, "actions", "add", "x", prefix=prefix)
    assert result.code != 0
    assert "Traceback" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert dump(org) == before


# -- hostile text that is accepted: stored and shown without its controls -----------------


def _all_text(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        parts = []
        for table in tables:
            if table.endswith(("_fts", "_data", "_idx", "_docsize", "_config", "_content")):
                continue
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                parts.extend(str(v) for v in row if isinstance(v, str))
        return "\n".join(parts)
    finally:
        conn.close()


def _clean(output: str) -> None:
    found = [c for c in TERMINAL_CONTROLS if c in output]
    assert not found, (found, output[:500])


def test_escapes_pasted_into_fields_are_stored_without_them(
    org: Path, tmp_path: Path, run_cli: Any
) -> None:
    run = lambda *args: run_cli(tmp_path, org, *args).ok()  # noqa: E731
    run("people", "add", f"孙丽{ESCAPES}", "--team", f"华南{ESCAPES}")
    run(
        "meeting", "new", "--title", f"Plan {ESCAPES}", "--purpose", f"Why\n{ESCAPES}",
        "--location", f"Room {ESCAPES}",
    )  # fmt: skip
    run("actions", "add", f"Call {ESCAPES}", "--tag", f"t{ESCAPES}", "--owner", "王芳")
    run("followup", "1", f"Called {ESCAPES}")
    run("run", "capture", "1", f"/d Agreed {ESCAPES}")
    stored = _all_text(org)
    _clean(stored)
    assert "Room red" in stored and "Called red" in stored


def test_a_title_with_markdown_and_html_is_taken_literally(
    org: Path, tmp_path: Path, run_cli: Any
) -> None:
    title = "| # <b>bold</b> [red]x[/red]"
    run_cli(tmp_path, org, "actions", "add", title).ok()
    listing = run_cli(tmp_path, org, "actions", "list").ok().out
    assert "| # <b>bold</b> [red]x[/red]" in listing


def test_controls_written_by_another_tool_never_reach_the_terminal(
    org: Path, tmp_path: Path, run_cli: Any
) -> None:
    conn = sqlite3.connect(org)
    with conn:
        conn.execute("UPDATE meetings SET title = ?, location = ? WHERE id = 1",
                     (f"周例会{ESCAPES}", f"Room{ESCAPES}"))  # fmt: skip
        conn.execute("UPDATE action_items SET title = ? WHERE id = 1", (f"Plan{ESCAPES}",))
        conn.execute("UPDATE people SET name = ? WHERE id = 2", (f"王芳{ESCAPES}",))
    conn.close()
    outputs = [
        run_cli(tmp_path, org, *args).ok().out
        for args in (
            ("meeting", "show", "1"),
            ("meeting", "show", "1", "--json"),
            ("actions", "list"),
            ("actions", "list", "--json"),
            ("people", "list"),
            ("run", "status", "1"),
            ("export", "minutes", "1"),
        )
    ]
    for output in outputs:
        _clean(output)
    assert "Plan" in outputs[2] and "Room" in outputs[0]
    ics = tmp_path / "out.ics"
    run_cli(tmp_path, org, "export", "ics", "-o", str(ics)).ok()
    _clean(ics.read_text(encoding="utf-8"))
