"""How fast the decision register reads a page on a big database (issue 16).

    python benchmarks/decision_register.py [--decisions 20000] [--runs 9]

Writes ``--decisions`` decisions over meetings of ten a meeting (a quarter in one weekly
series), each with one to three actions owned by one of 40 people, some done; then times
``DecisionRegister.page`` (200 rows, with the total) unfiltered and for each filter, and
the whole register export. Prints the median of ``--runs`` runs. Goal: a page under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

GOAL_MS = 50.0
NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def fill(store, decisions: int) -> None:
    """Meetings, decisions, actions and owners straight into the file."""
    rng = random.Random(7)
    db = store.db
    with store.transaction():
        for number in range(40):
            db.execute(
                "INSERT INTO people(name, role, created_at) VALUES (?, 'member', ?)",
                [f"销售{number:02d}", NOW.isoformat()],
            )
        db.execute(
            "INSERT INTO series(title, kind, cadence, created_at) "
            "VALUES ('周例会', 'weekly', 'weekly', ?)",
            [NOW.isoformat()],
        )
        for meeting in range(decisions // 10):
            start = (NOW - timedelta(days=decisions // 10 - meeting)).isoformat()
            series = 1 if meeting % 4 == 0 else None
            db.execute(
                "INSERT INTO meetings(title, purpose, kind, status, scheduled_start, "
                "planned_minutes, created_at, series_id) VALUES (?, 'p', 'weekly', 'confirmed', "
                "?, 60, ?, ?)",
                [f"周例会 {meeting}", start, start, series],
            )
            meeting_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
            for index in range(10):
                status = rng.choice(["confirmed"] * 6 + ["proposed", "rejected"])
                db.execute(
                    "INSERT INTO decisions(meeting_id, text, status, decided_at) VALUES (?,?,?,?)",
                    [meeting_id, f"决定 {meeting}-{index} 华东区回款计划", status, start],
                )
                decision_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
                for _ in range(rng.randint(1, 3)):
                    done = "done" if rng.random() < 0.5 else "open"
                    db.execute(
                        "INSERT INTO action_items(title, status, meeting_id, decision_id, "
                        "created_at, updated_at) VALUES ('行动', ?, ?, ?, ?, ?)",
                        [done, meeting_id, decision_id, start, start],
                    )
                    action_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
                    db.execute(
                        "INSERT INTO action_owners(action_id, person_id) VALUES (?, ?)",
                        [action_id, rng.randint(1, 40)],
                    )


def timed(runs: int, work) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def main(argv: list[str] | None = None) -> int:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.decisions import DecisionRegister
    from salestui.core.export.reports import render_decisions
    from salestui.core.service import Services

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "register.db")
        fill(store, args.decisions)
        services = Services(store, FixedClock(NOW))
        register = DecisionRegister(services)
        print(f"{store.count('decisions'):,} decisions, {store.count('action_items'):,} "
              f"actions; median of {args.runs} runs")  # fmt: skip
        worst = 0.0
        for label, filters in [
            ("all", {}), ("status confirmed", {"status": "confirmed"}),
            ("series 周例会", {"series": "周例会"}), ("owner 销售07", {"owner": "销售07"}),
            ("text 回款", {"text": "回款"}), ("text nowhere", {"text": "不存在"}),
        ]:  # fmt: skip
            query = register.query(**filters)
            ms, page = timed(args.runs, lambda q=query: register.page(q))
            worst = max(worst, ms)
            print(f"  page {label:<18} {ms:7.1f} ms  {len(page.rows):4d} of {page.total:,}")
        ms, text = timed(1, lambda: render_decisions(services))
        print(f"  export, every decision  {ms:7.1f} ms  {len(text.splitlines()):,} lines")
        store.close()
    print(f"worst page {worst:.1f} ms (goal {GOAL_MS:.0f} ms)")
    return 0 if worst <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
