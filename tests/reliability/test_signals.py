"""SIGTERM and SIGHUP (a closed terminal) to the TUI in a live meeting: the terminal is
restored as ``q`` leaves it (main screen, mouse reporting off, cursor shown), nothing like
a traceback is printed, and the meeting is left as a kill would leave it - it resumes.

The app runs in a real pseudo-terminal; the test waits for what it draws (no sleeps).
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

MAIN_SCREEN = "\x1b[?1049l"
CURSOR_SHOWN = "\x1b[?25h"
MOUSE_OFF = "\x1b[?1000l"
# The capture line's placeholder: the live console is on screen and ready for input.
CONSOLE_READY = "Type a note"
DEADLINE_S = 90  # only a bound for a hung process; the test waits on output, not time


def _own_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (stdin), so that
    closing the terminal hangs it up (SIGHUP), as closing a terminal window does."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """``salestui --db DB`` in its own pseudo-terminal (120x40)."""

    def __init__(self, db: Path, env: dict[str, str], program: list[str] | None = None) -> None:
        master, slave = pty.openpty()
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.master = master
        self.process = subprocess.Popen(
            [*(program or [sys.executable, "-m", "salestui"]), "--db", str(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"},
            preexec_fn=_own_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.output = b""

    def read_until(self, marker: str) -> None:
        """Read what the app writes until ``marker`` appears (or the app ends)."""
        end = time.monotonic() + DEADLINE_S
        while marker.encode() not in self.output:
            if time.monotonic() > end:
                pytest.fail(f"{marker!r} never appeared: {self.text[-2000:]!r}")
            if not self._read_some():
                pytest.fail(f"the app ended before {marker!r}: {self.text[-2000:]!r}")

    def _read_some(self) -> bool:
        ready, _, _ = select.select([self.master], [], [], 1.0)
        if not ready:
            return self.process.poll() is None
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the other side is closed
            return False
        self.output += chunk
        return bool(chunk)

    def finish(self) -> int:
        """Read to the end and return the exit code."""
        mark = len(self.output)
        while self._read_some():
            pass
        code = self.process.wait(timeout=DEADLINE_S)
        os.close(self.master)
        self.after_signal = self.output[mark:].decode("utf-8", "replace")
        return code

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", "replace")


def _meeting_state(db: Path) -> tuple[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        status = conn.execute("SELECT status FROM meetings WHERE id = 1").fetchone()[0]
        items = conn.execute(
            "SELECT id, status, started_at, elapsed_seconds FROM agenda_items"
            " WHERE meeting_id = 1 ORDER BY position"
        ).fetchall()
        return status, items
    finally:
        conn.close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    for name in ("SALESTUI_DB", "SALESTUI_ME", "SALESTUI_NOW", "LC_ALL", "LANG"):
        environment.pop(name, None)
    environment.update(
        {
            "TZ": "Asia/Shanghai",
            "SALESTUI_LANG": "en",
            "SALESTUI_CONFIG": str(tmp_path / "config.toml"),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return environment


def _signalled(app: PtyApp, signum: int) -> None:
    """Signal the app showing its console; check it left the terminal as ``q`` does."""
    app.process.send_signal(signum)
    code = app.finish()
    assert code == 128 + signum, app.after_signal[-2000:]
    for sequence in (MAIN_SCREEN, CURSOR_SHOWN, MOUSE_OFF):
        assert sequence in app.after_signal, (sequence, app.after_signal[-500:])
    # Nothing is drawn after the terminal is restored, and nothing like a traceback.
    tail = app.after_signal.rsplit(MAIN_SCREEN, 1)[1]
    assert "Traceback" not in app.text and "Error" not in tail, tail


def test_terminating_signals_restore_the_terminal_and_the_meeting_resumes(
    org: Path, env: dict[str, str]
) -> None:
    """SIGTERM, then SIGHUP, then the terminal closed: each time the meeting is left as a
    kill leaves it, and the next start resumes it into the live console - for its scribe,
    张伟, who started it (anyone else is asked who they are, then lands on Home)."""
    env = {**env, "SALESTUI_ME": "张伟"}
    before = _meeting_state(org)
    assert before[0] == "running"
    for signum in (signal.SIGTERM, signal.SIGHUP):
        app = PtyApp(org, env)
        app.read_until(CONSOLE_READY)  # the running meeting was resumed into its console
        _signalled(app, signum)
        assert _meeting_state(org) == before
    app = PtyApp(org, env)
    app.read_until(CONSOLE_READY)
    os.close(app.master)  # the terminal window goes away: the kernel sends SIGHUP
    code = app.process.wait(timeout=DEADLINE_S)
    assert code == 128 + signal.SIGHUP, code
    assert _meeting_state(org) == before
    again = PtyApp(org, env)
    again.read_until(CONSOLE_READY)
    _signalled(again, signal.SIGTERM)


CRASHING = """
import sys
from salestui.tui.screens.home import HomeScreen

def crash(self):
    customer = "HENG" + "DA-SECRET"  # a local variable holding user data
    raise RuntimeError("boom " + str(len(customer)))

HomeScreen.on_mount = crash
from salestui.cli import main
main()
"""


def test_a_crash_exits_1_without_local_variables(org: Path, env: dict[str, str]) -> None:
    app = PtyApp(org, env, program=[sys.executable, "-c", CRASHING])
    code = app.finish()
    assert code == 1, app.text[-2000:]
    assert MAIN_SCREEN in app.text and "RuntimeError" in app.text
    assert "HENGDA-SECRET" not in app.text
