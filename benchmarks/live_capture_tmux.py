"""The live console's capture latency as the user sees it: key press to row on screen.

    python benchmarks/live_capture_tmux.py [--rows 100000] [--captures 60] [--size 120x40]

Measured from outside the app, through tmux: the real ``salestui`` runs in a tmux pane on
a database with ``--rows`` action items and a running meeting (200 lines captured
already); for each capture a unique line is typed into the capture line, then Enter is
sent and the pane is read (``tmux capture-pane``) until the line shows in the entries
list. The same is done against ``cat`` in a pane (Enter to the echoed line): tmux's own
echo time, the floor for any program. Prints median and p95 of both and the difference.
Goal: p95 at most 30 ms above tmux's echo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SESSION = "salestui-bench"
TIMEOUT = 10.0


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
    return done.stdout


def pane() -> list[str]:
    return tmux("capture-pane", "-t", SESSION, "-p").splitlines()


def wait_for(found, what: str) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while time.perf_counter() - started < TIMEOUT:
        lines = pane()
        if found(lines):
            return time.perf_counter()
    raise TimeoutError(f"never saw {what}:\n" + "\n".join(pane()))


def rows_with(token: str, lines: list[str]) -> list[int]:
    return [y for y, line in enumerate(lines) if token in line]


def measure(captures: int, label: str) -> list[float]:
    """Type a token, note where the typed text shows, send Enter and time until the token
    shows on another line (the saved row; for ``cat``, its echo)."""
    times: list[float] = []
    for n in range(captures):
        token = f"{label}{n:03d}" + ("华东回款" if n % 2 else "qx")
        tmux("send-keys", "-t", SESSION, "-l", token)
        wait_for(lambda lines, t=token: rows_with(t, lines), f"the typed {token}")
        typed_at = set(rows_with(token, pane()))
        started = time.perf_counter()
        tmux("send-keys", "-t", SESSION, "Enter")
        shown = wait_for(
            lambda lines, t=token, seen=typed_at: bool(set(rows_with(t, lines)) - seen),
            f"{token} saved",
        )
        times.append((shown - started) * 1000)
    return times


def stats(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def build(path: Path, rows: int) -> None:
    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting
    from salestui.core.models import MeetingKind, MeetingStatus
    from salestui.core.service import Services
    from salestui.demo import generate_demo
    from salestui.demo.data import DIRECTOR

    clock = FixedClock(datetime.now(ZoneInfo("Asia/Shanghai")))
    store = open_store(path)
    services = Services(store, clock, me=DIRECTOR)
    generate_demo(store, clock, scale=rows)
    for running in services.store.list_meetings(status=MeetingStatus.RUNNING):
        LiveMeeting(services).end(running.id)  # only the benchmark's meeting runs
    meeting = services.new_meeting(
        "周例会 bench", "capture latency", MeetingKind.WEEKLY, clock.now(), 60, chair=DIRECTOR
    )
    services.add_agenda_item(meeting.id, "上周业绩", 60)
    live = LiveMeeting(services)
    live.start(meeting.id)
    for n in range(200):
        live.capture(meeting.id, f"华东区 note {n}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--captures", type=int, default=60)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--db", type=Path, help="reuse this database (built when missing)")
    parser.add_argument("--fps", type=int, help="TEXTUAL_FPS for the app (its own default if not)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed")
    width, height = args.size.split("x")
    path = args.db or Path(tempfile.mkdtemp()) / "live.db"
    if not path.exists():
        build(path, args.rows)
    salestui = Path(sys.executable).with_name("salestui")
    env = f"TERM=xterm-256color SALESTUI_LANG=en SALESTUI_ME=陈建国 HOME={tempfile.mkdtemp()}"
    if args.fps:
        env += f" TEXTUAL_FPS={args.fps}"

    def session(command: str) -> None:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        tmux("new-session", "-d", "-s", SESSION, "-x", width, "-y", height, command)

    try:
        session("cat")
        time.sleep(0.3)
        echo = measure(args.captures, "echo")
        session(f"env {env} {salestui} --db {path}")
        wait_for(lambda lines: any("上周业绩" in line for line in lines), "the live console")
        time.sleep(1.0)
        app = measure(args.captures, "cap")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    (em, ep), (am, ap) = stats(echo), stats(app)
    print(f"{args.captures} captures at {args.size}, {args.rows:,} action items, pid {os.getpid()}")
    print(f"tmux echo (cat):      median {em:6.1f} ms   p95 {ep:6.1f} ms")
    print(f"salestui capture:     median {am:6.1f} ms   p95 {ap:6.1f} ms")
    above = f"median {am - em:6.1f} ms   p95 {ap - ep:6.1f} ms"
    print(f"above tmux's echo:    {above}   (goal: p95 <= 30)")


if __name__ == "__main__":
    main()
