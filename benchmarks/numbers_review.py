"""How fast the numbers review is with many figures, and what the demo's numbers cost.

    python benchmarks/numbers_review.py [--people 200] [--measurables 12] [--weeks 21] [--runs 5]

Builds the demo organisation, then adds ``--people`` salespeople in ten teams and
``--measurables`` weekly measurables with a value for every person and week of the last
``--weeks`` (50,400 values by default, written straight into the table), and times: the
whole scorecard of last week (every measurable, person and team, 13 weeks each, team
roll-ups), one team's scorecard, one person's, "off track twice running", and a dry run
and a real import of a 5,000-row CSV. Last, the demo (no scale) with and without its
numbers. Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def timed(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def build(path: Path, people: int, measurables: int, weeks: int) -> None:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.models import Person
    from salestui.core.numbers import NumbersService
    from salestui.core.periods import PeriodKind, period_of
    from salestui.core.service import Services
    from salestui.demo import generate_demo

    store = open_store(path)
    generate_demo(store, FixedClock(NOW), seed=1)
    numbers = NumbersService(Services(store, FixedClock(NOW)))
    rng = random.Random(5)
    with store.transaction():
        ids = [store.add_person(Person(name=f"销售员{n:04d}", team=f"大区{n % 10}"), NOW).id
               for n in range(people)]  # fmt: skip
    made = [numbers.add_measurable(f"指标{n:02d}", unit="万元", goal=str(rng.randint(10, 40)))
            for n in range(measurables)]  # fmt: skip
    periods = period_of(NOW.date(), PeriodKind.WEEK).previous().window(weeks)
    rows = [
        (m.id, p.key, pid, rng.randint(5, 50) * 10_000 + rng.randint(0, 9) * 1_000,
         "2026-11-23T02:00:00Z", "import")
        for m in made for p in periods for pid in ids
    ]  # fmt: skip
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO measurable_values (measurable_id, period, person_id, value, "
            "entered_at, source) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.close()


def main(argv: list[str] | None = None) -> int:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.numbers import NumbersService
    from salestui.core.service import Services

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--measurables", type=int, default=12)
    parser.add_argument("--weeks", type=int, default=21)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "numbers.db"
        build(path, args.people, args.measurables, args.weeks)
        store = open_store(path)
        numbers = NumbersService(Services(store, FixedClock(NOW)))
        print(f"{store.count('measurable_values'):,} values, "
              f"{len(numbers.measurables())} measurables, {store.count('people'):,} people; "
              f"median of {args.runs} runs")  # fmt: skip
        for label, work in (
            ("scorecard, everyone", lambda: numbers.scorecard()),
            ("scorecard, one team", lambda: numbers.scorecard(team="大区3")),
            ("scorecard, one person", lambda: numbers.scorecard(owner="销售员0007")),
            ("off track twice", lambda: numbers.off_track_twice()),
        ):
            ms, rows = timed(args.runs, work)
            print(f"  {label:<24} {ms:8.1f} ms  {len(rows):6,} rows")
        csv_path = Path(tmp) / "import.csv"
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["指标", "期间", "负责人", "实绩"])
            cells = [
                (f"指标{m:02d}", f"2026-W{week}", f"销售员{p:04d}")
                for week in (48, 49, 50, 51) for m in range(args.measurables)
                for p in range(args.people)
            ][:5_000]  # fmt: skip
            for n, (name, period, owner) in enumerate(cells):
                writer.writerow([name, period, owner, f"{n % 97}.5"])
        ms, report = timed(1, lambda: numbers.import_file(csv_path, dry_run=True))
        print(f"  {'import 5,000 rows, dry':<24} {ms:8.1f} ms  {len(report.problems)} bad")
        ms, report = timed(1, lambda: numbers.import_file(csv_path))
        print(f"  {'import 5,000 rows':<24} {ms:8.1f} ms  {report.imported:,} written")
        store.close()
        demo_cost(Path(tmp), args.runs)
    return 0


def demo_cost(folder: Path, runs: int) -> None:
    import salestui.demo.numbers as demo_numbers
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.demo import generate_demo

    def demo() -> None:
        path = folder / f"demo-{time.perf_counter_ns()}.db"
        with open_store(path) as store:
            generate_demo(store, FixedClock(NOW), seed=1)

    with_numbers, _ = timed(runs, demo)
    real = demo_numbers.add_demo_numbers
    demo_numbers.add_demo_numbers = lambda state, rng: None  # type: ignore[assignment]
    try:
        without, _ = timed(runs, demo)
    finally:
        demo_numbers.add_demo_numbers = real
    print(f"  {'demo with numbers':<24} {with_numbers:8.1f} ms")
    print(f"  {'demo without numbers':<24} {without:8.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
