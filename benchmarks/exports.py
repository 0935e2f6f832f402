"""Export speed: minutes of a 200-entry meeting, and an archive of 5,000 meetings.

    python benchmarks/exports.py [--entries 200] [--meetings 5000] [--runs 7]
                                 [--db PATH] [--out FOLDER]

Targets: minutes <= 20 ms (issue 6); archive of 5,000 meetings <= 3 s (issue 14).

``--db`` keeps the generated database (or reuses it when it exists); ``--out`` is where
the archive goes (default: a temporary folder). Besides the archive's time it prints the
time to render every meeting's minutes without writing them, and - for scale - the time
this machine takes to create as many empty files in the same place (file creation is
slow on some virtual disks, and no export can be faster than that).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _create_empty_files(folder: Path, count: int) -> tuple[float, float]:
    """Seconds (wall, CPU) to create ``count`` empty files in a new folder in ``folder``."""
    scratch = Path(tempfile.mkdtemp(prefix=".bench-files.", dir=folder))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        for n in range(count):
            os.close(os.open(scratch / f"{n}.md", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        shutil.rmtree(scratch)


def _database(path: Path, meetings: int, entries: int) -> int:
    """Fill ``path`` (the demo, scale rows for ``meetings`` meetings, a big meeting) unless
    it exists; returns the big meeting's id."""
    fresh = not path.exists()
    store = open_store(path)
    try:
        if fresh:
            clock = FixedClock(NOW - timedelta(hours=3))
            base = generate_demo(store, clock, seed=1).meetings
            # Scale rows come with about one meeting per 20 actions.
            generate_demo(store, clock, seed=2, scale=max(0, meetings - base - 1) * 20)
            return big_meeting(Services(store, clock), entries)
        return max(m.id for m in store.list_meetings() if m.id is not None)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="database to create, or to reuse if it exists")
    parser.add_argument("--out", type=Path, help="folder to write the archive in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        print(f"{'reusing' if path.exists() else 'generating'} {path}")
        meeting_id = _database(path, args.meetings, args.entries)
        store = open_store(path)
        services = Services(store, FixedClock(NOW))
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
        meetings = store.list_meetings()
        people = services.people_by_id()
        started, cpu = time.perf_counter(), time.process_time()
        for meeting in meetings:
            assert meeting.id is not None
            render_minutes(services, meeting.id, people)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"minutes of all {len(meetings)} meetings, rendered: {seconds:.2f} s (CPU {cpu:.2f} s)"
        )
        out = args.out or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        target = Path(tempfile.mkdtemp(prefix="archive.", dir=out)) / "archive"
        children = _children_cpu()
        started, cpu = time.perf_counter(), time.process_time()
        result = export_archive(services, target)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        children = _children_cpu() - children  # the process forked to share the work
        print(
            f"archive of {len(meetings)} meetings: {seconds:.2f} s (CPU {cpu:.2f} s here, "
            f"{children:.2f} s in a second process; {len(result.files)} files in {out}; "
            "target <= 3 s)"
        )
        shutil.rmtree(target.parent)
        seconds, cpu = _create_empty_files(out, len(result.files))
        print(
            f"for scale: creating {len(result.files)} empty files there takes "
            f"{seconds:.2f} s (CPU {cpu:.2f} s)"
        )
        store.close()


if __name__ == "__main__":
    main()
