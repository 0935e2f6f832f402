"""Several processes writing to one file while another reads: no errors, nothing lost.

Each writer process cycles through add, edit, done and follow-up on its own actions
through the core services; a reader process scans the actions list and counts until the
writers are done. Afterwards every write is checked by counting: actions per writer,
edited titles, done items and follow-ups. ``run_load`` is shared with
``benchmarks/reliability.py`` (4 x 1,000 operations there).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from salestui.core.db import open_store
from salestui.core.models import ActionQuery, ActionStatus
from salestui.core.service import Services

WRITER = r"""
import json, sys
from salestui.core.db import open_store
from salestui.core.service import Services

path, label, ops = sys.argv[1], sys.argv[2], int(sys.argv[3])
services = Services(open_store(path, create=False))
errors = 0
done = {"add": 0, "edit": 0, "done": 0, "followup": 0}
mine = []
print("ready", flush=True)
sys.stdin.readline()
for n in range(ops):
    step = ("add", "edit", "done", "followup")[n % 4]
    try:
        if step == "add":
            mine.append(services.add_action(f"{label} action {n}", ["王芳"], tags=[label]).id)
        elif step == "edit":
            services.edit_action(mine[-1], title=f"{label} edited {mine[-1]}")
        elif step == "done":
            services.mark_done(mine[-1])
        else:
            services.add_follow_up(mine[-1], f"{label} checked {n}")
        done[step] += 1
    except Exception as error:  # counted, and shown on stderr
        errors += 1
        print(f"{step}: {error!r}", file=sys.stderr, flush=True)
print(json.dumps({"errors": errors, "done": done, "ids": mine}), flush=True)
"""

READER = r"""
import json, sys
from salestui.core.db import open_store
from salestui.core.models import ActionQuery

store = open_store(sys.argv[1], create=False)
print("ready", flush=True)
sys.stdin.readline()
scans = errors = 0
while True:
    try:
        rows = store.list_actions(ActionQuery(sort="due"), limit=200)
        total = store.count_actions(ActionQuery())
        assert total >= len(rows)
        scans += 1
    except Exception as error:
        errors += 1
        print(repr(error), file=sys.stderr, flush=True)
    if store.db.execute("SELECT count(*) FROM settings WHERE key = 'load-done'").fetchone()[0]:
        break
print(json.dumps({"errors": errors, "scans": scans}), flush=True)
"""


def _start(script: str, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def run_load(path: Path, writers: int, ops: int) -> dict:
    """``writers`` processes x ``ops`` operations while a reader scans; returns the counts."""
    store = open_store(path)
    try:
        Services(store).add_person("王芳")
    finally:
        store.close()
    labels = [f"w{n}" for n in range(writers)]
    procs = [_start(WRITER, str(path), label, str(ops)) for label in labels]
    reader = _start(READER, str(path))
    started = time.perf_counter()
    for proc in [*procs, reader]:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    failures = tracebacks = errors = lost = scans = 0
    problems: list[str] = []
    results = {}
    for label, proc in zip(labels, procs, strict=True):
        out, err = proc.communicate(timeout=900)
        tracebacks += err.count("Traceback")
        if proc.returncode != 0:
            failures += 1
            problems.append(err[-2000:])
            continue
        results[label] = json.loads(out.strip().splitlines()[-1])
        errors += results[label]["errors"]
        if err:
            problems.append(err[-2000:])
    seconds = time.perf_counter() - started
    store = open_store(path)
    try:
        with store.transaction():
            store.db.execute("INSERT INTO settings(key, value) VALUES ('load-done', '1')")
        out, err = reader.communicate(timeout=300)
        tracebacks += err.count("Traceback")
        if reader.returncode != 0:
            failures += 1
            problems.append(err[-2000:])
        else:
            read = json.loads(out.strip().splitlines()[-1])
            errors += read["errors"]
            scans = read["scans"]
        for label, result in results.items():
            wanted = ops // 4 + (ops % 4 > 0)
            found = store.list_actions(ActionQuery(tag=label))
            by_id = {row.id: row for row in found}
            lost += abs(len(found) - wanted) + abs(result["done"]["add"] - wanted)
            for action_id in result["ids"]:
                row = by_id.get(action_id)
                n = result["ids"].index(action_id)
                edited = n < result["done"]["edit"]
                if row is None:
                    continue
                lost += edited and row.title != f"{label} edited {action_id}"
                lost += (n < result["done"]["done"]) != (row.status == ActionStatus.DONE)
                notes = [f.note for f in store.list_follow_ups(action_id) if f.note]
                lost += (n < result["done"]["followup"]) != (len(notes) == 1)
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        store.close()
    return {
        "trials": writers * ops,
        "failures": failures + (integrity != "ok"),
        "lost": lost,
        "errors": errors,
        "tracebacks": tracebacks,
        "seconds": seconds,
        "scans": scans,
        "problems": problems,
    }


def test_four_writers_and_a_reader_lose_nothing(tmp_path: Path) -> None:
    result = run_load(tmp_path / "load.db", writers=4, ops=120)
    assert result["problems"] == []
    assert (result["failures"], result["errors"], result["lost"]) == (0, 0, 0)
    assert result["tracebacks"] == 0
    assert result["scans"] > 0
