"""kill -9 in the middle of a meeting loses nothing that was reported as saved.

A child process captures lines in a loop through the core's LiveMeeting (what the Run
screen and ``salestui run capture`` call) and prints each entry id once the capture has
returned. After it has reported some lines it is killed with SIGKILL; the real CLI then
shows every reported line, the meeting still running where it was, and the meeting goes on.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services

CAPTURING = """
import sys
from salestui.core.clock import clock_from_env
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

live = LiveMeeting(Services(open_store(sys.argv[1], create=False), clock_from_env()))
for number in range(1_000_000):
    if number % 5 == 0:
        line = "/a @王芳 下周五 跟进第%d号客户" % number
    else:
        line = "记录 %d note" % number
    entry = live.capture(1, line).entry
    print(entry.id, number, flush=True)  # reported only once the capture has returned
"""
REPORTED = 40  # kill once this many lines were reported as saved


def _expected_text(number: int) -> str:
    return f"跟进第{number}号客户" if number % 5 == 0 else f"记录 {number} note"


def test_kill_9_mid_capture_loses_nothing_reported(org, db: Path) -> None:
    run = org
    store = open_store(db)
    try:
        svc = Services(store, FixedClock(datetime.fromisoformat("2026-11-27T08:30:00+08:00")))
        svc.add_agenda_item(1, "回款计划", minutes=10)
        svc.add_agenda_item(1, "预算", minutes=10)
    finally:
        store.close()
    assert run("run", "start", "1", SALESTUI_NOW="2026-11-30T09:00:00+08:00").code == 0

    env = {**os.environ, "TZ": "Asia/Shanghai", "SALESTUI_NOW": "2026-11-30T09:05:00+08:00"}
    child = subprocess.Popen(
        [sys.executable, "-c", CAPTURING, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    reported: dict[int, int] = {}  # entry id -> line number
    try:
        while len(reported) < REPORTED:
            line = child.stdout.readline()
            assert line, f"the capturing process stopped early: {child.stderr.read()}"
            entry_id, number = line.split()
            reported[int(entry_id)] = int(number)
        child.send_signal(signal.SIGKILL)  # mid-loop: it is capturing the next lines
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # Lines it reported between our reading and the kill count as reported too.
    for line in child.stdout.read().splitlines():
        if len(line.split()) == 2:
            entry_id, number = line.split()
            reported[int(entry_id)] = int(number)
    child.stdout.close()
    child.stderr.close()

    status, entries, actions = run.many(
        ("run", "status", "1", "--json"),
        ("run", "entries", "1", "--json"),
        ("actions", "list", "--meeting", "1", "--json", "--limit", "0"),
    )
    stored = {e["id"]: e for e in entries.ok().json()}
    for entry_id, number in reported.items():
        assert entry_id in stored, f"entry {entry_id} (line {number}) was reported, then lost"
        assert stored[entry_id]["text"] == _expected_text(number)
        assert not stored[entry_id]["deleted"]
    # At most the one capture in flight at the kill is stored without having been reported.
    assert len(stored) - len(reported) in (0, 1)
    # Every stored action entry has its action, and nothing is half written.
    action_titles = {a["title"] for a in actions.ok().json()}
    for entry in stored.values():
        if entry["kind"] == "action":
            assert entry["text"] in action_titles
    assert all(a["owners"] == ["王芳"] for a in actions.json())
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()

    state = status.ok().json()
    assert state["status"] == "running" and state["entries"] == len(stored)
    assert state["current"]["title"] == "回款计划"

    # The meeting goes on from where it was.
    later = {"SALESTUI_NOW": "2026-11-30T09:12:00+08:00"}
    captured = run("run", "capture", "1", "会后继续 after the crash", "--json", **later).ok()
    assert captured.json()["entry_id"] == max(stored) + 1
    moved = run("run", "next", "1", **later).ok().out.splitlines()
    assert moved == [
        "Finished 1. 回款计划 - 12:00 of 10 min, over by 2:00",
        "Now: 2. 预算 - 0:00 of 10 min, 10:00 left",
    ]
