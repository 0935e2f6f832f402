"""What the numbers review costs the live console: a full read of the console on a
numbers-review item (the scorecard included) against one on another item, a ``/k`` line
saved, and the countermeasure question's read - on the demo, and on the demo with many
figures (``numbers_review.build``: 200 more salespeople, 12 more measurables, 21 weeks).

    python benchmarks/numbers_console.py [--runs 9]

Medians and the slowest of ``--runs`` runs, in ms. The console reads in a worker (after
each change, and every second only when another connection committed), so these are
time off the UI thread; the target is that a read stays well under the one-second tick.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.numbers_review import NOW, build  # noqa: E402


def timed(runs: int, work: Callable[[], Any]) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def measure(path: Path, runs: int, label: str) -> None:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting
    from salestui.core.models import MeetingStatus
    from salestui.core.service import Services
    from salestui.demo import DEMO_TODAY_MEETING_TITLE
    from salestui.tui.screens.run_data import load_live

    store = open_store(path)
    clock = FixedClock(NOW)
    services = Services(store, clock, me="陈建国")
    live = LiveMeeting(services)
    meeting = next(
        m.id for m in store.list_meetings(status=MeetingStatus.CIRCULATED)
        if m.title == DEMO_TODAY_MEETING_TITLE
    )  # fmt: skip
    assert meeting is not None
    live.start(meeting)
    card = live.numbers.scorecard(meeting)
    print(f"{label}: {store.count('measurable_values'):,} values; the meeting's scorecard "
          f"{len(card.rows)} rows, {len(card.missing)} to ask about")  # fmt: skip
    rows = [
        ("console read, numbers item", lambda: load_live(live, meeting, 0.5)),
        ("scorecard of the meeting", lambda: live.numbers.scorecard(meeting)),
        ("/k preview", lambda: live.numbers.preview(meeting, "/k @周杰 销售额 11.6 目标 20")),
        ("/k saved", lambda: live.numbers.capture(meeting, "/k @周杰 销售额 11.6 目标 20")),
    ]
    for name, work in rows:
        median, worst = timed(runs, work)
        print(f"  {name:<30} {median:8.1f} ms median {worst:8.1f} ms slowest")
    clock.advance(minutes=10)
    live.next_item(meeting)
    live.next_item(meeting)
    median, worst = timed(runs, lambda: load_live(live, meeting, 0.5))
    print(f"  {'console read, other item':<30} {median:8.1f} ms median {worst:8.1f} ms slowest")
    store.close()


def main(argv: list[str] | None = None) -> int:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.demo import generate_demo

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.db"
        with open_store(demo) as store:
            generate_demo(store, FixedClock(NOW), seed=1)
        measure(demo, args.runs, "demo")
        big = Path(tmp) / "big.db"
        build(big, 200, 12, 21)
        measure(big, args.runs, "demo + 200 people x 12 measurables x 21 weeks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
