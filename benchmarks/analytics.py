"""How fast the analytics screen gets its first chart at scale (issue 15: under 0.5 s).

    python benchmarks/analytics.py [--actions 100000] [--people 200] [--weeks 21] [--runs 5]

Builds the demo organisation with ``--actions`` action items and their meetings (one per
20 items: 5,000 at the default), gives every scale meeting its team as attendees (present)
and a rating from each, and adds ``--people`` salespeople with 12 weekly measurables and a
value for every person and week of the last ``--weeks`` (50,400 values by default). Then
times, median of ``--runs``: each tab's figures (what its worker reads) for the whole
department and for one team, the report's month, and - with the real app headless at
120x40 - the time from pressing ``y`` until the front tab's chart is drawn, and until
every tab and the off-track list across all measurables are.
"""

from __future__ import annotations

import argparse
import asyncio
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


def timed(runs: int, work: Callable[[], Any]) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def build(path: Path, actions: int, people: int, weeks: int) -> None:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.demo import generate_demo

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from numbers_review import build as build_numbers

    with open_store(path) as store:
        generate_demo(store, FixedClock(NOW), seed=1, scale=actions)
        rng = random.Random(3)
        teams: dict[str, list[int]] = {}
        for pid, team in store.db.conn.execute("SELECT id, team FROM people WHERE active = 1"):
            teams.setdefault(team or "", []).append(pid)
        chairs = dict(store.db.conn.execute("SELECT id, chair_id FROM meetings"))
        team_of = {pid: team for team, ids in teams.items() for pid in ids}
        attendance, ratings = [], []
        for meeting_id, chair in chairs.items():
            for pid in teams.get(team_of.get(chair, ""), [])[:8]:
                attendance.append((meeting_id, pid, "present"))
                ratings.append((meeting_id, pid, rng.randint(4, 10), "2026-11-01T00:00:00Z"))
        with store.transaction():
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO attendance (meeting_id, person_id, status) VALUES (?,?,?)",
                attendance,
            )
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO meeting_ratings VALUES (?, ?, ?, ?) ", ratings
            )
    build_numbers_only(path, people, weeks, build_numbers)


def build_numbers_only(path: Path, people: int, weeks: int, build_numbers: Any) -> None:
    """numbers_review's people, measurables and values, on the database as it is."""
    import salestui.demo as demo

    real = demo.generate_demo
    demo.generate_demo = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        build_numbers(path, people, 12, weeks)
    finally:
        demo.generate_demo = real


async def first_chart(path: Path) -> tuple[float, float]:
    """(ms until the front tab's chart is drawn, ms until all three are), from ``y``."""
    from salestui.config import Config
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.service import Services
    from salestui.tui.app import SalestuiApp
    from salestui.tui.screens.analytics import AnalyticsScreen

    store = open_store(path)
    app = SalestuiApp(Services(store, FixedClock(NOW), me="陈建国"), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        started = time.perf_counter()
        # Pilot's press returns once the app is idle: watch the screen while it runs.
        pressing = asyncio.create_task(pilot.press("y"))
        front = 0.0
        while True:
            screen = app.screen
            if not isinstance(screen, AnalyticsScreen):
                await asyncio.sleep(0.005)
                continue
            if "numbers" in screen.loaded and not front:
                front = (time.perf_counter() - started) * 1000
            if screen.settled:
                every = (time.perf_counter() - started) * 1000
                await pressing
                return front, every
            await asyncio.sleep(0.005)


def main(argv: list[str] | None = None) -> int:
    from salestui.core.analytics import AnalyticsService
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.periods import PeriodKind
    from salestui.core.service import Services

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=21)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "analytics.db"
        started = time.perf_counter()
        build(path, args.actions, args.people, args.weeks)
        built = time.perf_counter() - started
        store = open_store(path)
        analytics = AnalyticsService(Services(store, FixedClock(NOW)))
        counts = {t: store.count(t) for t in ("action_items", "meetings", "attendance",
                                               "meeting_ratings", "measurable_values")}  # fmt: skip
        print(", ".join(f"{n:,} {t}" for t, n in counts.items()) + f" (built in {built:.0f} s)")
        print(f"median of {args.runs} runs")
        week = analytics.window()
        team = analytics.window(team="大区3")
        month = analytics.window("2026-11", kind=PeriodKind.MONTH)
        from salestui.core.numbers import NumbersService

        big = NumbersService(analytics.services).measurable("指标00").id
        for label, work in (
            ("numbers, first chart", lambda: analytics.numbers(week, everything=False)),
            ("numbers, 指标00 (216 owners)", lambda: analytics.numbers(week, big, False)),
            ("numbers, off track (all)", lambda: analytics.numbers(week)),
            ("meetings tab, department", lambda: analytics.meetings(week)),
            ("follow-through, department", lambda: analytics.follow_through(week)),
            ("numbers tab, one team", lambda: analytics.numbers(team)),
            ("meetings tab, one team", lambda: analytics.meetings(team)),
            ("follow-through, one team", lambda: analytics.follow_through(team)),
            ("report figures, 13 months", lambda: (analytics.numbers(month),
                                                  analytics.meetings(month),
                                                  analytics.follow_through(month))),
        ):  # fmt: skip
            print(f"  {label:<28} {timed(args.runs, work):8.1f} ms")
        store.close()
        fronts, alls = [], []
        for _ in range(max(1, args.runs // 2)):
            front, every = asyncio.run(first_chart(path))
            fronts.append(front)
            alls.append(every)
        print(f"  {'screen: y to first chart':<28} {statistics.median(fronts):8.1f} ms")
        print(f"  {'screen: y to everything':<28} {statistics.median(alls):8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
