"""The reliability suite's tools: the real ``salestui`` command in a subprocess, a small
organisation built once, and a dump of a database to prove that bad input changed nothing.

(With ``--import-mode=importlib`` conftest fixtures are not shared across folders, so the
minimal pieces of tests/cli/conftest.py are repeated here.)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

# A Friday morning, 08:30 in Shanghai (the same moment as tests/conftest.py).
FIXED_NOW = "2026-11-27T08:30:00+08:00"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def ok(self) -> Result:
        assert self.code == 0, (self.code, self.out, self.err)
        assert self.err == "", self.err
        return self


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SALESTUI_DB", "SALESTUI_ME", "SALESTUI_DEBUG", "COLUMNS", "LINES", "LC_ALL",
                 "LANG", "PYTHONDONTWRITEBYTECODE"):  # fmt: skip
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "salestui-test-pycache")
    env.update(
        {
            "TZ": "Asia/Shanghai",
            "SALESTUI_NOW": FIXED_NOW,
            "SALESTUI_LANG": "en",
            "SALESTUI_CONFIG": str(tmp_path / "config.toml"),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    env.update(extra)
    return env


def _run_cli(
    tmp_path: Path, db: Path | str | None, *args: str, prefix: Sequence[str] = (), **env: str
) -> Result:
    """``salestui [--db DB] ARGS`` as a subprocess. Arguments may hold lone surrogates
    (``os.fsdecode(b"\\xff")``): they reach the program as the original bytes."""
    argv = [*prefix, sys.executable, "-m", "salestui"]
    if db is not None:
        argv += ["--db", str(db)]
    done = subprocess.run(
        [*argv, *args],
        capture_output=True,
        env=cli_env(tmp_path, **env),
        timeout=120,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def _dump(db: Path) -> list[str]:
    """The database's content as SQL statements (``iterdump``), to compare before/after."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _copy_db(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture(scope="session")
def org_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small organisation, built once with the core API: 张伟 (director), 王芳 (lead,
    reports to 张伟); meeting 1 (周例会) running on its first agenda item; action 1
    (提交回款计划, owner 王芳, due 2026-12-04); meeting 2, a draft."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting
    from salestui.core.service import Services

    path = tmp_path_factory.mktemp("org") / "org.db"
    store = open_store(path)
    try:
        clock = FixedClock(datetime.fromisoformat(FIXED_NOW).astimezone(ZoneInfo("Asia/Shanghai")))
        svc = Services(store, clock)
        svc.add_person("张伟", role="director", team="营销部")
        svc.add_person("王芳", role="lead", team="华东", reports_to="张伟")
        meeting = svc.new_meeting(title="周例会", purpose="Review the pipeline", chair="张伟")
        assert meeting.id == 1
        svc.add_agenda_item(1, "Pipeline")
        svc.add_agenda_item(1, "Collections")
        svc.add_action("提交回款计划", owners=["王芳"], due=date(2026, 12, 4))
        svc.new_meeting(title="Draft", purpose="Later")
        LiveMeeting(svc).start(1)
    finally:
        store.close()
    return path


@pytest.fixture
def org(org_db: Path, tmp_path: Path) -> Path:
    """A private copy of ``org_db``."""
    return _copy_db(org_db, tmp_path / "salestui.db")


# The helpers as fixtures (test modules cannot import this conftest by name).
@pytest.fixture(scope="session")
def run_cli() -> Callable[..., Result]:
    """``run_cli(folder, db, *args, prefix=(), **env)``: the command in a subprocess."""
    return _run_cli


@pytest.fixture(scope="session")
def dump() -> Callable[[Path], list[str]]:
    return _dump


@pytest.fixture(scope="session")
def copy_db() -> Callable[[Path, Path], Path]:
    return _copy_db
