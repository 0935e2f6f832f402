"""Capture-to-shown latency of the live console in a meeting with 200 entries.

    python benchmarks/run_capture.py [--entries 200] [--saves 60]

Builds a running meeting with ``--entries`` lines on its current item (a quarter of them
actions), opens the live console headless at 120x40, then times ``--saves`` captures the
way Enter does them: parse and store the line, then the console reads the meeting again
in a worker and draws the new row - timed until that row is in the entries list. Prints
wall time and this process's CPU time (median and p95, ms; CPU time is what the
machine's other load does not inflate), and the 1-second refresh (read and drawn).
Target: p95 <= 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
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
from salestui.tui.screens.run import RunScreen


def _stats(name: str, values: list[float]) -> str:
    p95 = statistics.quantiles(values, n=20)[-1]
    return f"{name}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms"


async def run(entries: int, saves: int) -> None:
    path = Path(tempfile.mkdtemp()) / "bench.db"
    store = open_store(path)
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    services = Services(store, clock)
    for name in ("陈建国", "王芳", "Li Ming", "赵强"):
        services.add_person(name, Role.MEMBER)
    meeting = services.new_meeting("周例会", "p", MeetingKind.WEEKLY, clock.now(), 60,
                                   chair="陈建国")  # fmt: skip
    services.add_agenda_item(meeting.id, "上周业绩", 60)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强"])
    live = LiveMeeting(services)
    live.start(meeting.id)
    for n in range(entries):
        live.capture(meeting.id, f"/a @王芳 fri action {n}" if n % 4 == 0 else f"华东区 note {n}")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = RunScreen(services, meeting.id)
        await app.push_screen(screen)
        await pilot.pause()
        wall: list[float] = []
        cpu: list[float] = []
        tick: list[float] = []
        entries_list = screen.entries
        for n in range(saves):
            line = f"/a @li due:2026-12-0{1 + n % 9} 第{n}条 p1" if n % 2 else f"note {n} 回款"
            last = entries_list.row_keys[-1] if entries_list.row_keys else None
            started, started_cpu = time.perf_counter(), time.process_time()
            screen.commands.save_line(line, None)  # what Enter on the capture line does
            while (entries_list.row_keys[-1] if entries_list.row_keys else None) == last:
                await asyncio.sleep(0.0005)  # the read is in a worker; then the row is drawn
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            await pilot.pause()  # let the screen paint before the next line
            started = time.perf_counter()
            screen.tick()
            while any(worker.is_running for worker in app.workers):
                await asyncio.sleep(0.0005)
            await pilot.pause()
            tick.append((time.perf_counter() - started) * 1000)
        shown = entries_list.row_count
    store.close()
    print(f"{entries} entries before, {saves} captures, {shown} rows shown")
    print(_stats("capture -> shown (wall)", wall))
    print(_stats("capture -> shown (CPU) ", cpu))
    print(_stats("1-second refresh (wall)", tick))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--saves", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(run(args.entries, args.saves))


if __name__ == "__main__":
    main()
