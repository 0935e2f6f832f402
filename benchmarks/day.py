"""How fast "My day" and the daily meeting's table are with a long history of reports.

    python benchmarks/day.py [--people 100] [--days 250] [--visits 3] [--runs 7]

Builds ``--people`` salespeople in ten teams, each with ``--visits`` visits a working day
for the ``--days`` working days up to today (75,000 visits by default, all reported but
the last day's third one, written straight into the table), plus today's plans. Then
times the median of ``--runs`` runs of: what "My day" reads (one person's day, the visit
counts of the week ahead, the customers for completion), the daily meeting's team table
for a team of ten and for all the people, the minutes of that meeting, and "My day"
opened in the real app (headless, from the key press until its tables are drawn).
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
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
CUSTOMERS = [f"客户{n:03d}" for n in range(400)]


def timed(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def working_days(last: date, count: int) -> list[date]:
    days: list[date] = []
    day = last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def build(path: Path, people: int, days: int, visits: int) -> tuple[list[int], int, int]:
    """(the people's ids, a 10-person daily meeting, an everyone daily meeting)."""
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.models import MeetingKind, Person
    from salestui.core.service import Services

    store = open_store(path)
    rng = random.Random(18)
    with store.transaction():
        ids = [store.add_person(Person(name=f"销售员{n:03d}", team=f"大区{n % 10}"), NOW).id
               for n in range(people)]  # fmt: skip
    today = NOW.date()
    rows = []
    for day in working_days(today - timedelta(days=1), days):
        for person in ids:
            for number in range(visits):
                reported = not (day == today - timedelta(days=1) and number == 2)
                rows.append((person, day.isoformat(), rng.choice(CUSTOMERS), "回款对账",
                             rng.randrange(10, 400) * 10_000, "visited" if reported else None,
                             "已对账" if reported else "", rng.randrange(0, 50) * 10_000
                             if reported else None, "2026-11-01T00:00:00Z"))  # fmt: skip
    for person in ids:
        for _number in range(visits):
            rows.append((person, today.isoformat(), rng.choice(CUSTOMERS), "新品推介",
                         None, None, "", None, "2026-11-26T10:00:00Z"))  # fmt: skip
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO visits(person_id, day, customer, purpose, planned_amount, outcome, "
            "result, collection_amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    services = Services(store, FixedClock(NOW))
    small = services.new_meeting("早会", "今日计划", MeetingKind.DAILY, NOW, 15)
    services.invite(small.id, [f"销售员{n:03d}" for n in range(0, people, max(1, people // 10))])
    everyone = services.new_meeting("全员早会", "今日计划", MeetingKind.DAILY, NOW, 30)
    services.invite(everyone.id, [f"销售员{n:03d}" for n in range(people)])
    store.db.execute("ANALYZE")
    store.close()
    return ids, small.id or 0, everyone.id or 0


def my_day_read(services: Any, person_id: int) -> Any:
    from salestui.core.day import DayService

    ops = DayService(services)
    me = services.person(person_id)
    today = services.clock.today()
    return (
        ops.my_day(me, today),
        ops.planned_days(me, today, today + timedelta(days=8)),
        ops.recent_customers(me),
    )


async def _wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("My day never drew its tables")
        await asyncio.sleep(0.001)


async def open_in_app(path: Path, name: str, runs: int) -> list[float]:
    """Milliseconds from pushing "My day" until its tables hold the day's rows: the first
    open (its module imported, its styles parsed), then ``runs - 1`` more."""
    from salestui.config import Config
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.service import Services
    from salestui.tui.app import SalestuiApp

    store = open_store(path)
    services = Services(store, FixedClock(NOW), me=name)
    app = SalestuiApp(services, Config(me=name))
    spent = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _wait_for(lambda: not [w for w in app.workers if not w.is_finished])
        for _ in range(runs):
            started = time.perf_counter()
            app.action_my_day()
            await _wait_for(lambda: getattr(app.screen, "read_result", None) is not None)
            table = app.screen.query_one("#plan")
            await _wait_for(lambda: table.row_count > 0)  # noqa: B023
            spent.append((time.perf_counter() - started) * 1000)
            app.pop_screen()
            await pilot.pause()
    store.close()
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from salestui.core.clock import FixedClock
    from salestui.core.day import DayService
    from salestui.core.db import open_store
    from salestui.core.export.minutes import render_minutes
    from salestui.core.service import Services

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "day.db"
        started = time.perf_counter()
        ids, small, everyone = build(path, args.people, args.days, args.visits)
        store = open_store(path)
        total = store.count("visits")
        print(f"built {total:,} visits for {args.people} people x {args.days} working days "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        services = Services(store, FixedClock(NOW))
        ops = DayService(services)
        my_day = timed(args.runs, lambda: my_day_read(services, ids[0]))
        team = timed(args.runs, lambda: ops.meeting_day(small))
        everyone_table = timed(args.runs, lambda: ops.meeting_day(everyone))
        minutes = timed(args.runs, lambda: render_minutes(services, small))
        results = [
            ("My day (day, week counts, customers)", *my_day),
            ("daily meeting table, team of 10", *team),
            (f"daily meeting table, all {args.people}", *everyone_table),
            ("minutes of the team-of-10 meeting", *minutes),
        ]
        store.close()
        opens = asyncio.run(open_in_app(path, "销售员000", args.runs))
    for label, ms, _result in results:
        print(f"{label:45} {ms:8.1f} ms")
    opened = statistics.median(opens[1:]) if len(opens) > 1 else opens[0]
    print(f"{'My day opened in the app, first time':45} {opens[0]:8.1f} ms")
    print(f"{'My day opened in the app, median of the rest':45} {opened:8.1f} ms")
    slow = [label for label, ms, _r in results if ms > 200] + (["app"] if opened > 200 else [])
    print("all under 0.2 s" if not slow else f"OVER 0.2 s: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
