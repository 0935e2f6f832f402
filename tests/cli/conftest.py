"""Run the real ``salestui`` command in a subprocess, on a temp database, at a fixed time.

The runner itself (``Runner``, its environment and the fixed moment) is shared with the
parity test: it lives in tests/conftest.py as the ``cli_runner`` fixture.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

Runner = Any  # tests/conftest.py's Runner (conftest modules are not importable)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "salestui.db"


@pytest.fixture
def run(tmp_path: Path, db: Path, cli_runner: type[Runner]) -> Runner:
    """``run("people", "list", "--json")`` -> Result, on ``db`` (see tests/conftest.py)."""
    return cli_runner(tmp_path, db)


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory, cli_runner: type[Runner]) -> Path:
    """A small organisation, built once by the real command: 张伟 (director, 营销部),
    王芳 (lead, 华东, reports to 张伟), Li Ming (member, 华东, reports to 王芳); one
    meeting (id 1, 周例会, weekly, Mon 2026-11-30 09:00, 60 min, chaired by 张伟)."""
    folder = tmp_path_factory.mktemp("org")
    run = cli_runner(folder, folder / "org.db")
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
