"""Time to show the minutes preview of a meeting with about 150 lines of minutes.

    python benchmarks/export_preview.py [--entries 45] [--runs 7] [--profile]

Builds a confirmed meeting whose minutes come to about 150 lines (``--entries`` captured
lines spread over five agenda items, a third of them actions), opens the export preview
headless at 120x40 and times it from ``push_screen`` until the screen has painted: the
minutes rendered from the database and shown. Prints the number of lines and the median
and worst wall time and this process's CPU time over ``--runs`` openings (CPU time is what
the machine's other load does not inflate). Target: under 0.2 s. ``--profile`` prints a
cProfile of one opening.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens import export_preview as screen_module
from salestui.tui.screens.export_preview import ExportPreviewScreen


def build(entries: int) -> tuple[Services, int]:
    path = Path(tempfile.mkdtemp()) / "bench.db"
    store = open_store(path)
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    services = Services(store, clock)
    services.add_person("陈建国", Role.DIRECTOR)
    for name in ("王芳", "Li Ming", "赵强", "Sarah Chen"):
        services.add_person(name, Role.LEAD, reports_to="陈建国")
    meeting = services.new_meeting("周例会", "回顾本周", MeetingKind.WEEKLY, clock.now(), 60,
                                   chair="陈建国")  # fmt: skip
    titles = ("上周业绩", "问题与对策", "华东区回款", "展会预算", "下周目标")
    for title in titles:
        services.add_agenda_item(meeting.id, title, 10)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强", "Sarah Chen"])
    live = LiveMeeting(services)
    live.start(meeting.id)
    per_item = max(1, entries // len(titles))
    for n in range(entries):
        if n and n % per_item == 0:
            live.next_item(meeting.id)
        if n % 3 == 0:
            line = f"/a @王芳 fri 跟进客户 {n} 的回款计划 #回款"
        elif n % 7 == 1:
            line = f"/d 华东区报价统一上调 {n}%"
        else:
            line = f"华东区回款比计划低 {n}%，主要是经销商压价 https://example.com/r/{n}"
        live.capture(meeting.id, line)
        clock.advance(seconds=40)
    clock.advance(minutes=5)
    live.end(meeting.id)
    for decision in services.store.list_decisions(meeting.id):
        live.set_decision(decision.id, "confirmed")
    live.confirm(meeting.id)
    clock.advance(hours=1)
    return services, meeting.id


class _TimedPreview(ExportPreviewScreen):
    """The preview, noting when its first paint with the minutes is done."""

    CSS_PATH = str(Path(screen_module.__file__).with_name("export_preview.tcss"))
    painted: asyncio.Event

    def on_mount(self) -> None:  # runs before ExportPreviewScreen.on_mount (MRO order)
        self.painted = asyncio.Event()
        self.call_after_refresh(self.painted.set)


async def open_preview(services: Services, meeting_id: int, runs: int, profile: bool) -> None:
    app = SalestuiApp(services, Config())
    wall: list[float] = []
    cpu: list[float] = []
    lines = 0
    async with app.run_test(size=(120, 40)) as pilot:
        for run in range(runs + 1):
            profiler = cProfile.Profile() if profile and run == 1 else None
            started, started_cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            screen = _TimedPreview(services, meeting_id)
            await app.push_screen(screen)
            await screen.painted.wait()
            if profiler:
                profiler.disable()
            if run:  # the first opening also imports and warms up: not counted
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            lines = len(screen.text.splitlines())
            drawn = screen.query_one("#export-body").virtual_size.height
            assert drawn >= lines, f"not drawn yet when timed: {drawn} of {lines} lines"
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
    print(f"minutes of {lines} lines, {runs} openings at 120x40, push until painted")
    print(f"open preview (wall): median {statistics.median(wall):.3f} s, worst {max(wall):.3f} s")
    print(f"open preview (CPU):  median {statistics.median(cpu):.3f} s, worst {max(cpu):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=45)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    services, meeting_id = build(args.entries)
    asyncio.run(open_preview(services, meeting_id, args.runs, args.profile))


if __name__ == "__main__":
    main()
