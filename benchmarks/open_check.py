"""What the integrity checks cost when a database is opened, and what a backup costs.

    python benchmarks/open_check.py --db /tmp/big.db [--runs N]

Make the database first, e.g. ``salestui --db /tmp/big.db demo --scale 100000``. Prints
the median of ``--runs`` timings (warm page cache) for: a bare connection (what opening
cost before the checks), ``open_store`` on an ordinary day (cheap checks only: identity,
schema, tables), ``open_store`` when the daily full check is due (adds ``quick_check``),
``quick_check`` and ``integrity_check`` alone, and a verified automatic backup.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from salestui.core import integrity
from salestui.core.backup import BackupPolicy, automatic_backup
from salestui.core.db import open_store


def _median_ms(run: Callable[[], object], runs: int) -> float:
    run()  # warm the page cache
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an existing salestui database")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as folder:
        policy = BackupPolicy(folder=Path(folder), keep=2)

        def bare() -> None:
            conn = sqlite3.connect(args.db)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA user_version").fetchone()
            conn.close()

        def ordinary_day() -> None:
            integrity.record_full_check(args.db, policy)
            open_store(args.db, backups=policy).close()

        def check_due() -> None:
            for stamp in Path(folder).glob("*.checked"):
                stamp.unlink()
            open_store(args.db, backups=policy).close()

        def pragma(name: str) -> Callable[[], object]:
            def check() -> object:
                conn = sqlite3.connect(args.db)
                try:
                    return conn.execute(f"PRAGMA {name}").fetchall()
                finally:
                    conn.close()

            return check

        with sqlite3.connect(args.db) as conn:
            actions = conn.execute("SELECT count(*) FROM action_items").fetchone()[0]
        size = args.db.stat().st_size / 1_048_576
        rows = [
            ("bare connection (before)", _median_ms(bare, args.runs)),
            ("open_store, ordinary day", _median_ms(ordinary_day, args.runs)),
            ("open_store, daily check due", _median_ms(check_due, args.runs)),
            ("quick_check alone", _median_ms(pragma("quick_check"), args.runs)),
            ("integrity_check alone", _median_ms(pragma("integrity_check"), 3)),
            (
                "automatic backup (copy + quick_check)",
                _median_ms(lambda: automatic_backup(args.db, "start", policy), 3),
            ),
        ]
    print(f"{args.db}: {actions:,} actions, {size:.1f} MB; median of {args.runs} runs")
    for label, ms in rows:
        print(f"  {label:40s} {ms:8.1f} ms")
    added = rows[1][1] - rows[0][1]
    print(f"  added at open on an ordinary day: {added:.1f} ms (budget 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
