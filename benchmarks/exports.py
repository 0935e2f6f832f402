"""Export speed: minutes of a 200-entry meeting, and an archive of 1,000 meetings.

    python benchmarks/exports.py [--entries 200] [--meetings 1000] [--runs 7]

Targets (issue 6): minutes <= 20 ms; archive of 1,000 meetings <= 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.export.archive import export_archive
from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.demo import generate_demo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def big_meeting(services: Services, entries: int) -> int:
    """A held meeting with ``entries`` captured lines of every kind over 8 items."""
    people = [p.name for p in services.people()]
    meeting = services.new_meeting("Benchmark 周例会", "timing", "weekly", NOW, 120)
    services.invite(meeting.id, people[:10])
    for n in range(8):
        services.add_agenda_item(meeting.id, f"议题 {n + 1}", 15, presenter=people[n % 5])
    live = LiveMeeting(services)
    live.start(meeting.id)
    lines = [
        "回款比计划低 15%，需要跟进 https://crm.example.com/r",
        "/d 华东区报价统一上调 3%",
        f"/a @{people[1]} @{people[2]} 下周五 提交回款计划 p1 #回款",
        "/p 展会预算",
        "Client asked for a revised quote | see attachment",
    ]
    for n in range(entries):
        live.capture(meeting.id, lines[n % len(lines)] + f" {n}")
        if n % (entries // 8 or 1) == 0 and n:
            services.clock.advance(minutes=14)  # type: ignore[attr-defined]
            live.next_item(meeting.id)
    live.end(meeting.id)
    return meeting.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        clock = FixedClock(NOW - timedelta(hours=3))
        services = Services(store, clock)
        base = generate_demo(store, clock, seed=1).meetings
        # Scale rows come with about one meeting per 20 actions.
        generate_demo(store, clock, seed=2, scale=max(0, args.meetings - base - 1) * 20)
        meeting_id = big_meeting(services, args.entries)
        render_minutes(services, meeting_id)  # warm up
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            text = render_minutes(services, meeting_id)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"minutes of a {args.entries}-entry meeting: median {statistics.median(timings):.1f} ms"
            f" ({len(text.splitlines())} lines; target <= 20 ms)"
        )
        count = len(store.list_meetings())
        started = time.perf_counter()
        result = export_archive(services, Path(folder) / "archive")
        seconds = time.perf_counter() - started
        print(
            f"archive of {count} meetings: {seconds:.2f} s "
            f"({len(result.files)} files; target <= 5 s)"
        )
        store.close()


if __name__ == "__main__":
    main()
