"""The reliability suite's tools: the real ``salestui`` command in a subprocess (the shared
``cli_runner`` of tests/conftest.py, reading output that is not text with replacement
characters), a small organisation built once, and a dump of a database to prove that bad
input changed nothing."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

Result = Any  # tests/conftest.py's Result (conftest modules are not importable)


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
def org_db(tmp_path_factory: pytest.TempPathFactory, fixed_now: datetime) -> Path:
    """A small organisation, built once with the core API: 张伟 (director), 王芳 (lead,
    reports to 张伟); meeting 1 (周例会) running on its first agenda item; action 1
    (提交回款计划, owner 王芳, due 2026-12-04); meeting 2, a draft."""
    from datetime import date

    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting
    from salestui.core.service import Services

    path = tmp_path_factory.mktemp("org") / "org.db"
    store = open_store(path)
    try:
        clock = FixedClock(fixed_now)
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
def run_cli(cli_runner: Any) -> Callable[..., Result]:
    """``run_cli(folder, db, *args, prefix=(), **env)``: the command in a subprocess
    (``db`` None: no ``--db``). Arguments may hold lone surrogates
    (``os.fsdecode(b"\\xff")``): they reach the program as the original bytes."""

    def run(folder: Path, db: Path | str | None, *args: str, **options: Any) -> Result:
        return cli_runner(folder, db, lenient=True, timeout=120)(*args, **options)

    return run


@pytest.fixture(scope="session")
def dump() -> Callable[[Path], list[str]]:
    return _dump


@pytest.fixture(scope="session")
def copy_db() -> Callable[[Path, Path], Path]:
    return _copy_db
