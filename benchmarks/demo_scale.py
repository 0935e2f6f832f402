"""How long the demo takes at scale, and how fast the actions list is on the result.

    python benchmarks/demo_scale.py --rows 100000 [--db PATH] [--seed S] [--runs N]

Generates the demo org plus ``--rows`` scale action items into a new database (a temp
file unless ``--db`` names one that does not exist yet), prints the generation time (wall
and CPU) and the process's peak memory, then times ``Services.list_actions(..., limit=50)``
with an owner filter and with the overdue filter (median of ``--runs`` runs, in ms).
Target (issue 14): 1,000,000 rows in under 20 s; ``salestui demo --scale 1000000`` under
``/usr/bin/time -v`` measures the same from the command line.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.models import ActionQuery
from salestui.core.service import Services
from salestui.demo import generate_demo


def _median_ms(run: Callable[[], object], runs: int) -> tuple[float, object]:
    result = run()  # warm the page cache and the statement cache
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="scale action items")
    parser.add_argument("--db", type=Path, help="database file to create (default: temp)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query")
    parser.add_argument("--owner", default="王芳", help="owner for the owner filter")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "demo.db"
        if path.exists():
            print(f"{path} already exists; name a new file", file=sys.stderr)
            return 2
        clock = FixedClock(datetime.now().astimezone().replace(microsecond=0))
        store = open_store(path)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            summary = generate_demo(store, clock, seed=args.seed, scale=args.rows)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            print(f"database: {path}")
            print(
                f"generate_demo(scale={args.rows}): {seconds:.2f} s (CPU {cpu:.2f} s, "
                f"peak RSS {peak:.0f} MiB; {summary.actions} actions, "
                f"{summary.meetings} meetings, {summary.people} people, "
                f"{summary.follow_ups} follow-ups)"
            )
            services = Services(store, clock)
            queries: list[tuple[str, ActionQuery]] = [
                (f"owner={args.owner}", services.action_query(owner=args.owner)),
                ("overdue", services.action_query(overdue=True)),
            ]
            for label, query in queries:
                ms, rows = _median_ms(
                    lambda query=query: services.list_actions(query, limit=50), args.runs
                )
                total = store.count_actions(query)
                shown = len(rows) if isinstance(rows, list) else 0
                print(
                    f"list_actions({label}, limit=50): median {ms:.1f} ms "
                    f"over {args.runs} runs ({shown} shown of {total} matching)"
                )
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
