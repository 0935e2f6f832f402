"""How fast one search across everything is on a big database.

    python benchmarks/search.py [--db PATH] [--scale 100000] [--runs 9]

Builds the demo organisation with ``--scale`` more action items (about 5,000 meetings at
100,000) - or reuses ``--db`` when that file exists - then times ``core.search.search``
for short Chinese words (below the trigram index: LIKE), longer words (FTS5 trigram),
several words, a phrase and a word that is nowhere, and prints the median of ``--runs``
runs with the number of hits. Goal: every query under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

QUERIES = ["回款", "华联超市", "回款 计划", '"回款计划"', "报价 华东 上调", "Pipeline review",
           "不存在的词语"]  # fmt: skip
GOAL_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.search import search
    from salestui.demo import generate_demo

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "search.db"
        if not path.exists():
            store = open_store(path)
            now = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
            generate_demo(store, FixedClock(now), seed=1, scale=args.scale)
            store.close()
        store = open_store(path)
        actions = store.count("action_items")
        meetings = store.count("meetings")
        print(f"{path.name}: {actions:,} actions, {meetings:,} meetings; "
              f"median of {args.runs} runs")  # fmt: skip
        worst = 0.0
        for query in QUERIES:
            timings = []
            for _ in range(args.runs):
                started = time.perf_counter()
                hits = search(store, query)
                timings.append((time.perf_counter() - started) * 1000)
            median = statistics.median(timings)
            worst = max(worst, median)
            print(f"  {query:<18} {median:7.1f} ms  {len(hits):4d} hits")
        print(f"slowest {worst:.1f} ms (goal {GOAL_MS:.0f} ms): "
              f"{'ok' if worst < GOAL_MS else 'OVER'}")  # fmt: skip
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
