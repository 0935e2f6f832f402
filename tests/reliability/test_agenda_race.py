"""Agenda moves from several processes at once never leave two items active.

Three processes (as three terminals running ``salestui run next`` / ``run previous``
would) move through the agenda of one running meeting through the core's LiveMeeting.
After every move each checks that at most one item is active; at the end exactly one is.
``run_agenda_race`` is shared with ``benchmarks/reliability.py``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

MOVER = r"""
import json, random, sys
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

path, seed, moves = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
services = Services(open_store(path, create=False))
live = LiveMeeting(services)
rng = random.Random(seed)
items = [i.id for i in services.store.list_agenda(1)]
doubled = 0
print("ready", flush=True)
sys.stdin.readline()
for n in range(moves):
    move = rng.choice(("next", "previous", "previous", "skip", "park", "goto"))
    if move == "next":
        live.next_item(1)
    elif move == "previous":
        live.previous_item(1)
    elif move == "skip":
        live.skip_item(1)
    elif move == "park":
        live.park_item(1)
    else:
        live.goto_item(1, rng.choice(items))
    active = services.store.db.execute(
        "SELECT count(*) FROM agenda_items WHERE meeting_id = 1 AND status = 'active'"
    ).fetchone()[0]
    doubled += active > 1
print(json.dumps({"doubled": doubled}), flush=True)
"""


def make_meeting(path: Path, items: int = 6) -> None:
    store = open_store(path)
    try:
        clock = FixedClock(datetime.fromisoformat("2026-11-30T09:00:00+08:00"))
        services = Services(store, clock)
        meeting = services.new_meeting("Weekly", "Forecast", minutes=60)
        assert meeting.id == 1
        for n in range(items):
            services.add_agenda_item(1, f"item {n}", minutes=5)
        LiveMeeting(services).start(1)
    finally:
        store.close()


def run_agenda_race(path: Path, processes: int, moves: int) -> dict:
    """``processes`` x ``moves`` agenda moves on one meeting; returns the counts."""
    make_meeting(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", MOVER, str(path), str(seed), str(moves)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(processes)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    failures = tracebacks = doubled = 0
    problems: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        tracebacks += err.count("Traceback")
        if proc.returncode != 0:
            failures += 1
            problems.append(err[-2000:])
            continue
        doubled += json.loads(out.strip().splitlines()[-1])["doubled"]
    seconds = time.perf_counter() - started
    store = open_store(path)
    try:
        live = LiveMeeting(Services(store))
        live.previous_item(1)  # whatever the last move was, one item is current again
        active = [i for i in store.list_agenda(1) if i.status == "active"]
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        store.close()
    return {
        "trials": processes * moves,
        "failures": failures + (integrity != "ok"),
        "lost": doubled + (len(active) != 1),  # moves that left several items active
        "tracebacks": tracebacks,
        "seconds": seconds,
        "problems": problems,
        "active": len(active),
    }


def test_three_processes_moving_leave_exactly_one_active_item(tmp_path: Path) -> None:
    result = run_agenda_race(tmp_path / "race.db", processes=3, moves=150)
    assert result["failures"] == 0, result["problems"]
    assert result["tracebacks"] == 0
    assert result["active"] == 1
    assert result["lost"] == 0


def test_the_schema_refuses_a_second_active_item(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    make_meeting(path)
    db = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE agenda_items SET status = 'active' WHERE meeting_id = 1")
    finally:
        db.close()


def test_the_upgrade_heals_a_meeting_left_with_two_active_items(tmp_path: Path) -> None:
    from salestui.core.schema import MIGRATION_1

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATION_1:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO meetings(id, title, kind, purpose, planned_minutes, status, "
        "actual_start, created_at) VALUES (1, 'Weekly', 'other', 'Forecast', 60, 'running', "
        "'2026-11-30T01:00:00Z', '2026-11-30T01:00:00Z')"
    )
    for item_id, status, started, elapsed in (
        (1, "active", "2026-11-30T01:00:00Z", 30),  # left running by the race
        (2, "active", "2026-11-30T01:04:00Z", 0),  # started last: stays current
        (3, "pending", None, 0),
    ):
        db.execute(
            "INSERT INTO agenda_items(id, meeting_id, position, title, timebox_minutes, "
            "status, started_at, elapsed_seconds) VALUES (?, 1, ?, ?, 5, ?, ?, ?)",
            [item_id, item_id, f"item {item_id}", status, started, elapsed],
        )
    db.close()

    store = open_store(path)
    try:
        items = {i.id: i for i in store.list_agenda(1)}
        assert items[2].status == "active" and items[2].started_at is not None
        assert items[1].status == "pending" and items[1].started_at is None
        assert items[1].elapsed_seconds == 30 + 4 * 60  # ran until item 2 started
        assert items[3].status == "pending"
        state = LiveMeeting(Services(store)).state(1)
        assert state.current is not None and state.current.item.id == 2
    finally:
        store.close()


def test_a_stale_agenda_item_written_back_keeps_the_move_made_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "stale.db"
    make_meeting(path)
    store = open_store(path)
    try:
        stale = store.list_agenda(1)[0]  # read while it was the active item
        assert stale.status == "active"
        LiveMeeting(Services(store)).next_item(1)  # meanwhile: on to the next item
        stale.timebox_minutes = 20  # a timebox edit from the stale copy
        store.update_agenda_item(stale)
        first, second = store.list_agenda(1)[:2]
        assert (first.status, first.timebox_minutes, first.started_at) == ("done", 20, None)
        assert second.status == "active"
    finally:
        store.close()
