"""The reliability suite, longer than the tests: kill -9, load, same-row and agenda races.

    python benchmarks/reliability.py [--kills 20] [--ops 1000] [--moves 1000] [--cli 60]

Runs the scenarios of ``tests/reliability/`` with more trials (the tests keep theirs small
to stay fast) and prints one table: test | trials | failures | lost | tracebacks (all
zero when salestui keeps everything it reported as saved), with the time each took.

- kill -9 in a live meeting: ``--kills`` trials at varied moments (after captures are
  reported saved, with a half-typed line in the live console, during item switches,
  during confirmation). Lost: captures or steps reported saved and then missing.
- 4 writers x ``--ops`` operations (add, edit, done, follow-up) on one file while a
  reader scans. Lost: writes missing from the counts; failures include any error.
- same row: 4 writers x ``--ops`` changes on the same 3 actions. Lost: fields.
- agenda race: 3 processes x ``--moves`` agenda moves. Lost: moves after which more than
  one item was active.
- CLI done + follow-up: ``salestui actions done N`` and ``salestui followup N --next D``
  run side by side over ``--cli`` actions (the reproduction of issue 19). Lost: actions
  left open or without their next follow-up.
- CLI run next + previous: ``--cli`` of each side by side on one meeting. Lost: more or
  fewer than one active item at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "reliability"


def load(name: str) -> ModuleType:
    """A test module of the suite, for its scenario function."""
    spec = importlib.util.spec_from_file_location(f"reliability_{name}", SUITE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_done_and_follow_up(folder: Path, count: int) -> dict:
    """Two CLI loops in parallel on the same actions: one marks each done, the other logs
    a follow-up with a next date. Every action must end done, with the next date."""
    from salestui.core.db import open_store
    from salestui.core.service import Services

    path = folder / "cli.db"
    store = open_store(path)
    try:
        services = Services(store)
        services.add_person("王芳")
        ids = [services.add_action(f"客户 {n}", ["王芳"]).id for n in range(count)]
    finally:
        store.close()
    exe = [sys.executable, "-m", "salestui", "--db", str(path)]
    done = " ; ".join(f"{' '.join(exe)} actions done {i} >/dev/null" for i in ids)
    follow = " ; ".join(
        f"{' '.join(exe)} followup {i} 已电话跟进 --next 2027-01-08 >/dev/null" for i in ids
    )
    env = {**os.environ, "SALESTUI_LANG": "en"}
    started = time.perf_counter()
    procs = [
        subprocess.Popen(["sh", "-c", script], stderr=subprocess.PIPE, text=True, env=env)
        for script in (done, follow)
    ]
    errors = [p.communicate()[1] for p in procs]
    seconds = time.perf_counter() - started
    store = open_store(path)
    try:
        lost = 0
        for action_id in ids:
            action = store.get_action(action_id)
            assert action is not None
            lost += action.status != "done"
            lost += action.next_follow_up is None
    finally:
        store.close()
    text = "".join(errors)
    return {
        "trials": 2 * count,
        "failures": sum(1 for line in text.splitlines() if line.startswith("Error")),
        "lost": lost,
        "tracebacks": text.count("Traceback"),
        "seconds": seconds,
    }


def cli_next_and_previous(folder: Path, count: int) -> dict:
    """``salestui run next`` and ``salestui run previous`` side by side, ``count`` each:
    afterwards exactly one item is active (after a last ``run previous``)."""
    from salestui.core.db import open_store

    path = folder / "cli-race.db"
    load("test_agenda_race").make_meeting(path)
    exe = " ".join([sys.executable, "-m", "salestui", "--db", str(path)])
    env = {**os.environ, "SALESTUI_LANG": "en"}
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            ["sh", "-c", " ; ".join(f"{exe} run {move} 1 >/dev/null" for _ in range(count))],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for move in ("next", "previous")
    ]
    text = "".join(p.communicate()[1] for p in procs)
    seconds = time.perf_counter() - started
    subprocess.run(["sh", "-c", f"{exe} run previous 1 >/dev/null"], env=env, check=True)
    store = open_store(path)
    try:
        active = sum(1 for item in store.list_agenda(1) if item.status == "active")
    finally:
        store.close()
    return {
        "trials": 2 * count,
        "failures": sum(1 for line in text.splitlines() if line.startswith("Error")),
        "lost": abs(active - 1),
        "tracebacks": text.count("Traceback"),
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=1000)
    parser.add_argument("--cli", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Asia/Shanghai")
    time.tzset()
    rows = []
    with tempfile.TemporaryDirectory(prefix="salestui-reliability-") as tmp:
        folder = Path(tmp)
        scenarios = [
            (
                "kill -9 in a live meeting",
                lambda: load("test_kill_meeting").run_kill_trials(folder, args.kills),
            ),
            (
                f"4 writers x {args.ops} ops + reader",
                lambda: load("test_load").run_load(folder / "load.db", 4, args.ops),
            ),
            (
                f"same row: 4 writers x {args.ops}",
                lambda: load("test_same_row").run_same_row(folder / "row.db", 4, args.ops),
            ),
            (
                f"agenda race: 3 x {args.moves} moves",
                lambda: load("test_agenda_race").run_agenda_race(folder / "race.db", 3, args.moves),
            ),
            (
                f"CLI done + followup x {args.cli}",
                lambda: cli_done_and_follow_up(folder, args.cli),
            ),
            (
                f"CLI run next + previous x {args.cli}",
                lambda: cli_next_and_previous(folder, args.cli),
            ),
        ]
        for name, scenario in scenarios:
            started = time.perf_counter()
            result = scenario()
            result["elapsed"] = time.perf_counter() - started
            rows.append((name, result))
            for problem in result.get("problems", []):
                print(f"  {name}: {problem}", file=sys.stderr)
    header = ("test", "trials", "failures", "lost", "tracebacks", "seconds")
    widths = [max(len(header[0]), *(len(name) for name, _ in rows)), 7, 9, 5, 11, 8]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for name, result in rows:
        failures = result["failures"] + result.get("errors", 0)
        cells = (
            name,
            str(result["trials"]),
            str(failures),
            str(result["lost"]),
            str(result["tracebacks"]),
            f"{result['elapsed']:.1f}",
        )
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))


if __name__ == "__main__":
    main()
