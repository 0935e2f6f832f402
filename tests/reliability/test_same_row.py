"""Same-row concurrency: several processes change the same action items at once.

Each writer owns one field (title, due date, next follow-up, status) of the same few
actions and changes it through the core services, in a loop. Whenever a writer comes back
to an action it checks that its field still holds the value it wrote last: a change lost
to another writer's stale read-modify-write shows up at once as a lost field. The log of
follow-ups is counted too. ``run_same_row`` is shared with ``benchmarks/reliability.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from salestui.core.db import open_store
from salestui.core.service import Services

WRITER = r"""
import json, sys
from datetime import date, timedelta
from salestui.core.actions_service import ActionsService
from salestui.core.db import open_store
from salestui.core.service import Services

path, role, ops, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
services = Services(open_store(path, create=False))
actions = ActionsService(services)
base = date(2027, 1, 1)
last = {}  # action id -> the value this writer wrote last
lost = 0
logged = 0
print("ready", flush=True)
sys.stdin.readline()  # start together


def value(action_id):
    action = services.action(action_id)
    if role == "title":
        return action.title
    if role in ("due", "due_bulk"):
        return action.due.isoformat() if action.due else None
    if role == "followup":
        return action.next_follow_up.isoformat() if action.next_follow_up else None
    return action.status.value


for n in range(ops):
    action_id = ids[n % len(ids)]
    if action_id in last and value(action_id) != last[action_id]:
        lost += 1
    if role == "title":
        wanted = f"title {n}"
        services.edit_action(action_id, title=wanted)
    elif role == "due":
        day = base + timedelta(days=n % 300)
        services.edit_action(action_id, due=day)
        wanted = day.isoformat()
        logged += 1
    elif role == "due_bulk":
        day = base + timedelta(days=n % 300)
        actions.set_due([action_id], day)
        wanted = day.isoformat()
        logged += 1
    elif role == "followup":
        day = base + timedelta(days=n % 200)
        services.add_follow_up(action_id, f"check {n}", next_check_in=day)
        wanted = day.isoformat()
        logged += 1
    else:  # status
        wanted = ("done", "in_progress", "open")[(n // len(ids)) % 3]
        if wanted == "done":
            services.mark_done(action_id)
        else:
            actions.set_status([action_id], wanted)
        logged += 1
    last[action_id] = wanted
lost += sum(1 for action_id, wanted in last.items() if value(action_id) != wanted)
print(json.dumps({"lost": lost, "logged": logged}), flush=True)
"""

ROLES = ("title", "followup", "status", "due_bulk")


def run_same_row(path: Path, writers: int, ops: int, actions: int = 3) -> dict:
    """``writers`` processes x ``ops`` changes on the same ``actions`` items.

    Returns trials (operations), failures (crashed writers), lost (fields and log
    entries), tracebacks and seconds.
    """
    store = open_store(path)
    try:
        services = Services(store)
        services.add_person("王芳")
        ids = [services.add_action(f"item {n}", ["王芳"]).id for n in range(actions)]
        before = store.count("follow_ups")
    finally:
        store.close()
    roles = [ROLES[n % len(ROLES)] if n < len(ROLES) else "due" for n in range(writers)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), role, str(ops), json.dumps(ids)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role in roles
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lost = failures = tracebacks = logged = 0
    problems: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        tracebacks += err.count("Traceback")
        if proc.returncode != 0:
            failures += 1
            problems.append(err[-2000:])
            continue
        result = json.loads(out.strip().splitlines()[-1])
        lost += result["lost"]
        logged += result["logged"]
    seconds = time.perf_counter() - started
    store = open_store(path)
    try:
        if not failures:
            lost += abs(store.count("follow_ups") - before - logged)
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        store.close()
    return {
        "trials": writers * ops,
        "failures": failures + (integrity != "ok"),
        "lost": lost,
        "tracebacks": tracebacks,
        "seconds": seconds,
        "problems": problems,
    }


def test_two_writers_on_the_same_actions_lose_no_field(tmp_path: Path) -> None:
    result = run_same_row(tmp_path / "two.db", writers=2, ops=150)
    assert result["failures"] == 0, result["problems"]
    assert result["tracebacks"] == 0
    assert result["lost"] == 0


def test_four_writers_on_the_same_actions_lose_no_field(tmp_path: Path) -> None:
    result = run_same_row(tmp_path / "four.db", writers=4, ops=150)
    assert result["failures"] == 0, result["problems"]
    assert result["tracebacks"] == 0
    assert result["lost"] == 0
