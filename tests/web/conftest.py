"""``salestui serve`` fixtures: a database where two people sign in with passwords, and
the real server started as a subprocess on a free port of 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from salestui.core.db import open_store
from salestui.core.service import Services

PASSWORDS = {"张伟": "zhang-wei-secret", "王芳": "wang-fang-secret"}


@pytest.fixture
def people_db(tmp_path: Path) -> Path:
    """张伟 (director) and 王芳 (lead, reports to him), both with a password (PASSWORDS);
    one open action item of 王芳's (id 1) and one meeting (id 1) chaired by 张伟."""
    path = tmp_path / "team.db"
    store = open_store(path)
    try:
        svc = Services(store)
        for name, role in (("张伟", "director"), ("王芳", "lead")):
            person = svc.add_person(name, role=role, reports_to="张伟" if name == "王芳" else None)
            assert person.id is not None
            svc.set_password(person.id, PASSWORDS[name])
        svc.set_me("张伟")
        svc.add_action("Send the Q4 price list", owners=["王芳"])
    finally:
        store.close()
    return path


@pytest.fixture
def passwords() -> dict[str, str]:
    return dict(PASSWORDS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESTUI_")}
    env.update(
        {
            "SALESTUI_CONFIG": str(tmp_path / "config.toml"),
            "SALESTUI_LANG": "en",
            "TZ": "Asia/Shanghai",
            "PYTHONIOENCODING": "utf-8",
        }
    )
    env.update(extra)
    return env


def _wait_for(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve stopped: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"serve did not listen: {log.read_text(errors='replace')}")


@pytest.fixture
def served(people_db: Path, tmp_path: Path) -> Iterator[str]:
    """``salestui serve`` on ``people_db`` on a free port: its base URL while the test
    runs (its log in tmp_path/serve.log)."""
    port = _free_port()
    log = tmp_path / "serve.log"
    argv = [sys.executable, "-m", "salestui", "--db", str(people_db), "serve", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            argv, stdout=output, stderr=subprocess.STDOUT, env=serve_env(tmp_path)
        )
    try:
        _wait_for(port, server, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
