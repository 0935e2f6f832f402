"""Run the real ``salestui`` command in a subprocess, on a temp database, at a fixed time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    def json(self) -> Any:
        return json.loads(self.out)

    def ok(self) -> Result:
        """Assert success with nothing on stderr; returns itself for chaining."""
        assert self.code == 0, (self.code, self.out, self.err)
        assert self.err == "", self.err
        return self

    def assert_one_line_error(self, code: int) -> str:
        """The command failed with ``code`` and said why in exactly one stderr line."""
        assert self.code == code, (self.code, self.out, self.err)
        assert "Traceback" not in self.err
        assert len(self.err_lines) == 1, self.err
        assert self.err_lines[0].startswith(("Error: ", "错误：")), self.err
        return self.err_lines[0]


DEFAULT: Any = object()  # "the test's own database"


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SALESTUI_DB", "SALESTUI_ME", "COLUMNS", "LINES", "LC_ALL", "LANG",
                 "PYTHONDONTWRITEBYTECODE"):  # fmt: skip
        env.pop(name, None)
    # Compiled modules shared by every subprocess of the run: each CLI start then skips
    # recompiling salestui (a third of a start on a busy machine).
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


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "salestui.db"


class Runner:
    """``run("people", "list", "--json")`` -> Result. ``--db`` is the test's file unless
    ``db_path=`` says otherwise (``db_path=None``: no ``--db`` option); keyword arguments
    are extra environment variables."""

    def __init__(self, tmp_path: Path, db: Path) -> None:
        self.tmp_path = tmp_path
        self.db = db

    def __call__(self, *args: str, db_path: Path | str | None = DEFAULT, **env: str) -> Result:
        argv = [sys.executable, "-m", "salestui"]
        target = self.db if db_path is DEFAULT else db_path
        if target is not None:
            argv += ["--db", str(target)]
        done = subprocess.run(
            [*argv, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env(self.tmp_path, **env),
            timeout=60,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def many(self, *commands: Sequence[str], db_path: Path | str | None = DEFAULT) -> list[Result]:
        """Run independent commands concurrently (each is still its own process)."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda args: self(*args, db_path=db_path), commands))


@pytest.fixture
def run(tmp_path: Path, db: Path) -> Runner:
    return Runner(tmp_path, db)


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small organisation, built once by the real command: 张伟 (director, 营销部),
    王芳 (lead, 华东, reports to 张伟), Li Ming (member, 华东, reports to 王芳); one
    meeting (id 1, 周例会, weekly, Mon 2026-11-30 09:00, 60 min, chaired by 张伟)."""
    folder = tmp_path_factory.mktemp("org")
    run = Runner(folder, folder / "org.db")
    run("people", "add", "张伟", "--role", "director", "--team", "营销部").ok()
    run("people", "add", "王芳", "--role", "lead", "--team", "华东", "--reports-to", "张伟").ok()
    run("people", "add", "Li Ming", "--team", "华东", "--reports-to", "wf").ok()
    run(
        "meeting", "new", "--title", "周例会", "--kind", "weekly", "--start", "mon 9:00",
        "--minutes", "60", "--purpose", "Review the pipeline", "--chair", "张伟",
    ).ok()  # fmt: skip
    return folder / "org.db"


@pytest.fixture
def org(run: Runner, db: Path, org_template: Path) -> Runner:
    """``run`` on a private copy of the organisation in ``org_template``."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{org_template}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{db}{suffix}")
    return run
