"""The command as a whole: version, help, entry points, import cost, error mapping."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from salestui import __version__

COMMANDS = (
    "demo", "people", "meeting", "agenda", "invite", "run", "actions", "followup", "export",
    "backup", "config",
)  # fmt: skip


def test_version_and_help(run) -> None:
    assert run("--version", db_path=None).ok().out.strip() == f"salestui {__version__}"
    top = run("--help", db_path=None).ok().out
    for command in COMMANDS:
        assert f"  {command} " in top
    assert "Exit codes" in top
    for group, subcommands in {
        "people": ("add", "list"),
        "meeting": ("new", "list", "show"),
        "actions": ("list", "add", "done", "edit"),
    }.items():
        text = run(group, "--help", db_path=None).ok().out
        for sub in subcommands:
            assert f"  {sub} " in text, (group, sub)
    # A group without its command shows its help (click's convention: exit 2).
    bare = run("actions")
    assert bare.code == 2 and "list" in bare.err and "Traceback" not in bare.err


def test_console_script_matches_module(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("salestui")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"salestui {__version__}"


def test_cli_import_is_light() -> None:
    """--help must not pay for textual, dateparser or the core's database layer."""
    code = (
        "import sys, salestui.cli; "
        "print(sorted(m for m in ('textual', 'dateparser', 'pydantic', 'sqlite_utils') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_vocabulary_matches_the_models() -> None:
    from salestui.cli import common as cli_common
    from salestui.core import models

    assert cli_common.MEETING_KINDS == tuple(k.value for k in models.MeetingKind)
    assert cli_common.MEETING_STATUSES == tuple(s.value for s in models.MeetingStatus)
    assert cli_common.ACTION_STATUSES == tuple(s.value for s in models.ActionStatus)
    assert cli_common.ROLES == tuple(r.value for r in models.Role)
    assert cli_common.AGENDA_KINDS == tuple(k.value for k in models.AgendaKind)
    assert cli_common.ATTENDANCE == tuple(s.value for s in models.AttendanceStatus)
    assert cli_common.AGENDA_STATUSES == tuple(s.value for s in models.AgendaStatus)
    assert cli_common.DECISION_STATUSES == tuple(s.value for s in models.DecisionStatus)


def test_usage_errors_are_one_short_line(run) -> None:
    results = run.many(
        ("nosuch",),
        ("people", "add"),  # missing NAME
        ("people", "add", "x", "--role", "king"),
        ("meeting", "new", "--kind", "party", "--title", "x", "--purpose", "y"),
        ("actions", "list", "--priority", "4"),
        ("actions", "list", "--status", "later"),
        ("meeting", "show", "abc"),
        ("--lang", "fr", "people", "list"),
    )
    for result in results:
        line = result.assert_one_line_error(2)
        assert "--help" in line, line


def test_config_warnings_are_one_line_each_and_do_not_fail(run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('language = 3\ncolour = "red"\n', encoding="utf-8")
    result = run("people", "list", "--json")
    assert result.code == 0 and result.json() == []
    assert len(result.err_lines) == 2
    assert all(line.startswith("Warning: ") for line in result.err_lines)


def test_database_locked_is_one_line_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process (a real lock would wait out the 30 s busy timeout)."""
    from salestui import cli
    from salestui.core.service import Services

    def locked(self: Services, team: str | None = None) -> list:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setenv("SALESTUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setattr(Services, "people", locked)
    code = cli.run(["--db", str(tmp_path / "x.db"), "people", "list"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.strip().splitlines() == ["Error: Database problem: database is locked"]
    assert captured.out == ""


def test_no_command_with_a_bad_db_fails_before_the_tui(run, tmp_path: Path) -> None:
    line = run(db_path=tmp_path).assert_one_line_error(1)
    assert "folder" in line


def test_no_command_opens_the_tui_on_the_chosen_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, with the App's ``run`` replaced: a subprocess has no terminal."""
    from salestui import cli
    from salestui.tui.app import SalestuiApp

    opened: list[SalestuiApp] = []
    monkeypatch.setenv("SALESTUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setattr(SalestuiApp, "run", lambda self, *a, **k: opened.append(self))
    assert cli.run(["--db", str(tmp_path / "tui.db")]) == 0
    assert len(opened) == 1
    assert opened[0].services.store.path == tmp_path / "tui.db"
    assert (tmp_path / "tui.db").exists()
