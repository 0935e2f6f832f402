"""salestui's command line side by side with Taskwarrior on the same data.

    python benchmarks/cli_vs_taskwarrior.py [--sizes 10000,100000] [--runs 7]

For each size, builds the demo organisation with that many action items (owners, tags,
due dates, statuses), then gives Taskwarrior the same items (``task import``: each owner
a tag ``oN``, due dates, done items completed). Then it runs, alternating, each tool's
listing of one owner's open items - ``salestui actions list --owner NAME --status ...
--limit 0`` and ``task +oN list`` - and the full listings (``actions list --json`` and
``task export``), and prints the median wall time, the median CPU time (user + system),
the peak memory of the process and the ratios. Each command runs once untimed first;
salestui runs as installed, its compiled modules cached (without the
``PYTHONDONTWRITEBYTECODE`` a shell may set, which would compile it again every run).
Taskwarrior comes from the system (``apt-get install taskwarrior``); without it only
salestui's figures are printed. Needs GNU time (``/usr/bin/time``) for memory and CPU.
Output is read through a pipe, as a script would read it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

OPEN = ("open", "in_progress", "waiting", "blocked")


def build(folder: Path, size: int) -> tuple[Path, dict]:
    """The salestui database and the owner whose items are listed (the busiest one)."""
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.models import ActionQuery
    from salestui.demo import generate_demo

    db = folder / "salestui.db"
    store = open_store(db)
    now = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    generate_demo(store, FixedClock(now), seed=1, scale=size)
    people = {p.id: p.name for p in store.list_people()}
    counts: dict[int, int] = {}
    tasks = []
    for row in store.iter_actions(ActionQuery()):
        for owner in row.owner_ids:
            counts[owner] = counts.get(owner, 0) + 1
        task = {
            "description": row.title,
            "status": "completed" if row.status.value in ("done", "cancelled") else "pending",
            "entry": "20260101T000000Z",
            "tags": [f"o{i}" for i in row.owner_ids],
            "priority": {1: "H", 2: "M", 3: "L"}[row.priority],
        }
        if row.due:
            task["due"] = row.due.strftime("%Y%m%dT000000Z")
        if task["status"] == "completed":
            task["end"] = "20260102T000000Z"
        tasks.append(task)
    store.close()
    owner = max(counts, key=lambda i: counts[i])
    return db, {"id": owner, "name": people[owner], "tasks": tasks}


def taskwarrior(folder: Path, tasks: list[dict]) -> dict[str, str] | None:
    if shutil.which("task") is None:
        return None
    data = folder / "task"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
        "detection=off\ndefaultwidth=200\nnews.version=2.6.2\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    subprocess.run(["task", "import", str(source)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return env


def measure(command: list[str], env: dict[str, str], folder: Path) -> tuple[float, int, float]:
    """Wall time (s), peak RSS (MiB) and CPU time (user + system, s) of one run, output
    read through a pipe. The peak and the CPU time come from GNU time (a forked child
    would report the parent's size before exec)."""
    report = folder / "rss"
    timed = ["/usr/bin/time", "-f", "%M %U %S", "-o", str(report), *command]
    started = time.perf_counter()
    process = subprocess.Popen(timed, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    assert process.stdout is not None
    while process.stdout.read(1 << 16):
        pass
    process.wait()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}")
    rss, user, system = report.read_text().split()[-3:]
    return elapsed, int(rss) // 1024, float(user) + float(system)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    exe = [sys.executable, "-m", "salestui"]
    print(f"{'':>7} | {'':<22} | {'salestui':^24} | {'taskwarrior':^24} | ratio")
    print(f"{'size':>7} | {'listing':<22} | {'wall    CPU    peak':>24} | "
          f"{'wall    CPU    peak':>24} | wall   CPU")  # fmt: skip
    print("-" * 100)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            db, owner = build(folder, size)
            tw_env = taskwarrior(folder, owner.pop("tasks"))
            # As installed: compiled modules cached (pip compiles them; a shell that says
            # PYTHONDONTWRITEBYTECODE would have every run compile salestui again).
            ours_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            ours_env["SALESTUI_DB"] = str(db)
            statuses = [arg for s in OPEN for arg in ("--status", s)]
            cases = {
                "one owner's open items": (
                    [
                        *exe,
                        "actions",
                        "list",
                        "--owner",
                        str(owner["id"]),
                        *statuses,
                        "--limit",
                        "0",
                    ],
                    ["task", f"+o{owner['id']}", "list"],
                ),  # fmt: skip
                "everything as JSON": (
                    [*exe, "actions", "list", "--json"],
                    ["task", "export"],
                ),
            }
            for name, (ours, theirs) in cases.items():
                measure(ours, ours_env, folder)  # warm-up: modules compiled, file cached
                if tw_env is not None:
                    measure(theirs, tw_env, folder)
                times: dict[str, list[float]] = {"s": [], "t": []}
                cpu: dict[str, list[float]] = {"s": [], "t": []}
                memory: dict[str, int] = {"s": 0, "t": 0}
                for _ in range(args.runs):  # alternate, so both see the same machine
                    runs = [("s", ours, ours_env)]
                    if tw_env is not None:
                        runs.append(("t", theirs, tw_env))
                    for key, command, env in runs:
                        elapsed, rss, used = measure(command, env, folder)
                        times[key].append(elapsed)
                        cpu[key].append(used)
                        memory[key] = max(memory[key], rss)
                ours_s, ours_cpu = statistics.median(times["s"]), statistics.median(cpu["s"])
                shown = f"{ours_s:5.2f} s {ours_cpu:5.2f} s {memory['s']:4d} MiB"
                if tw_env is None:
                    print(f"{size:>7} | {name:<22} | {shown:>24} | {'(not installed)':>24} |")
                    continue
                theirs_s, theirs_cpu = statistics.median(times["t"]), statistics.median(cpu["t"])
                other = f"{theirs_s:5.2f} s {theirs_cpu:5.2f} s {memory['t']:4d} MiB"
                ratios = f"{ours_s / theirs_s:4.2f}x {ours_cpu / max(theirs_cpu, 0.005):5.2f}x"
                print(f"{size:>7} | {name:<22} | {shown:>24} | {other:>24} | {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
