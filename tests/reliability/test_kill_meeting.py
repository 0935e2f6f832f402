"""kill -9 during a live meeting, at varied moments: nothing reported as saved is lost.

A child process runs part of a meeting and prints a line each time a step has returned
(a capture saved, an item switched, a confirmation step done, a line typed in the live
console). The parent kills it with SIGKILL after a varying number of such lines, so the
kill lands somewhere in the next step. Then, from a fresh process's point of view:
every reported step is in the file, the meeting is at the right item with the right
time, ``integrity_check`` is ok, and the meeting goes on. ``run_kill_trials`` is shared
with ``benchmarks/reliability.py`` (20 trials there).

The moments: ``capture`` (after captures are reported saved), ``typing`` (the real live
console, killed with a half-typed line in the input), ``switch`` (during item switches)
and ``confirm`` (during the end-of-meeting confirmation).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

START = datetime.fromisoformat("2026-11-30T09:00:00+08:00")
CHILD_NOW = START + timedelta(minutes=5)  # the children's fixed clock
MOMENTS = ("capture", "typing", "switch", "confirm")

_PRELUDE = """
import sys
from salestui.core.clock import clock_from_env
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services

services = Services(open_store(sys.argv[1], create=False), clock_from_env())
live = LiveMeeting(services)
"""

CAPTURE = (
    _PRELUDE
    + """
for number in range(1_000_000):
    line = ("/a @王芳 下周五 跟进第%d号客户" if number % 4 == 0 else "记录 %d note") % number
    entry = live.capture(1, line).entry
    print("saved", entry.id, number, flush=True)
"""
)

SWITCH = (
    _PRELUDE
    + """
for number in range(1_000_000):
    item = live.next_item(1) if number % 2 == 0 else live.previous_item(1)
    print("moved", item.id, number, flush=True)
"""
)

CONFIRM = (
    _PRELUDE
    + """
live.end(1)
print("step end", flush=True)
for decision in services.store.list_decisions(1):
    live.set_decision(decision.id, "confirmed")
    print("step decision", decision.id, flush=True)
for action in services.store.actions_of_meeting(1):
    live.settle_action(action.id, owners=["王芳"], due=__import__("datetime").date(2026, 12, 4))
    print("step action", action.id, flush=True)
live.confirm(1)
print("step confirmed", flush=True)
sys.stdin.readline()  # wait to be killed
"""
)

TYPING = (
    _PRELUDE
    + """
import asyncio
from textual.widgets import Input
from salestui.config import Config
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen


async def main():
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, 1))
        await pilot.pause()
        box = app.screen.query_one("#capture-input", Input)
        for number in range(int(sys.argv[2])):
            box.insert_text_at_cursor("会上记录 %d" % number)
            await pilot.press("enter")
            await pilot.pause()
            assert box.value == ""
            entry = services.store.list_entries(1)[-1]
            print("saved", entry.id, number, flush=True)
        box.insert_text_at_cursor("半句话还没")  # half a line, never submitted
        await pilot.pause()
        print("typing", flush=True)
        await asyncio.Event().wait()


asyncio.run(main())
"""
)


def make_meeting(path: Path, with_outcomes: bool = False) -> None:
    """A running meeting (started at START) with four items; ``with_outcomes`` adds
    decisions and owner-less actions to confirm."""
    store = open_store(path)
    try:
        services = Services(store, FixedClock(START))
        services.add_person("王芳")
        meeting = services.new_meeting("周例会", "回顾本周", minutes=60, start=START)
        assert meeting.id == 1
        for title in ("回款计划", "预算", "Pricing", "AOB"):
            services.add_agenda_item(1, title, minutes=10)
        live = LiveMeeting(services)
        live.start(1)
        if with_outcomes:
            for number in range(6):
                live.capture(1, f"决定：方案 {number}")
                live.capture(1, f"/a 准备材料 {number}")
    finally:
        store.close()


def _child(script: str, path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "TZ": "Asia/Shanghai", "SALESTUI_NOW": CHILD_NOW.isoformat()}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _run_and_kill(child: subprocess.Popen, kill_after: int) -> tuple[list[list[str]], str]:
    """Read reported lines; SIGKILL once ``kill_after`` arrived (or the child is waiting).
    Returns every line reported before the child died, and its stderr."""
    assert child.stdout is not None and child.stderr is not None
    reported: list[list[str]] = []
    try:
        while len(reported) < kill_after:
            line = child.stdout.readline()
            if not line.endswith("\n"):  # the end, or half a line cut by the kill
                break
            reported.append(line.split())
            if reported[-1][0] in ("typing",) or reported[-1][1:] == ["confirmed"]:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=60)
    rest = child.stdout.read().splitlines(keepends=True)
    # Only whole lines count as reported: a line the kill cut short was never finished.
    reported += [line.split() for line in rest if line.endswith("\n") and line.strip()]
    err = child.stderr.read()
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
            stream.close()
    return reported, err


def _check(path: Path, moment: str, reported: list[list[str]], typed: int) -> list[str]:
    """What went wrong after the kill (empty: nothing). Also counts lost captures."""
    problems: list[str] = []
    db = sqlite3.connect(path)
    try:
        if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            problems.append("integrity_check failed")
    finally:
        db.close()
    store = open_store(path)
    try:
        services = Services(store, FixedClock(CHILD_NOW))
        live = LiveMeeting(services)
        entries = {e.id: e for e in store.list_entries(1)}
        state = live.state(1)
        active = [t for t in state.items if t.item.status == "active"]
        if moment in ("capture", "typing"):
            for fields in reported:
                if fields[0] == "saved" and int(fields[1]) not in entries:
                    problems.append(f"lost capture {fields[2]} (entry {fields[1]})")
            if any("半句话" in e.text for e in entries.values()):
                problems.append("a half-typed line was saved")
            if len(active) != 1 or active[0].item.title != "回款计划":
                problems.append("not on the first item after the kill")
            if state.elapsed != timedelta(minutes=5) or active[0].elapsed != timedelta(minutes=5):
                problems.append(f"wrong time after the kill: {state.elapsed}")
            for entry in entries.values():
                if entry.kind == "action" and store.action_ids_for_entries([entry.id]) == {}:
                    problems.append(f"entry {entry.id} lost its action")
        if moment == "switch":
            moved = [int(f[1]) for f in reported if f[0] == "moved"]
            if len(active) != 1:
                problems.append(f"{len(active)} items active after the kill")
            elif moved and active[0].item.id not in (moved[-1], 1 if moved[-1] == 2 else 2):
                problems.append("the current item is neither the last reported nor the next")
            times = {t.item.title: t.elapsed.total_seconds() for t in state.items}
            if times != {"回款计划": 300, "预算": 0, "Pricing": 0, "AOB": 0}:
                problems.append(f"item times wrong after the kill: {times}")
        if moment == "confirm":
            done = {tuple(f[1:]) for f in reported if f[0] == "step"}
            meeting = services.meeting(1)
            if ("end",) in done and meeting.status not in ("ended", "confirmed"):
                problems.append("the reported end was lost")
            if ("confirmed",) in done and meeting.status != "confirmed":
                problems.append("the reported confirmation was lost")
            for step in done:
                if step[0] == "decision" and store.get_decision(int(step[1])).status != "confirmed":
                    problems.append(f"decision {step[1]} lost its confirmation")
                if step[0] == "action":
                    action = services.action(int(step[1]))
                    if not action.owner_ids or action.due is None:
                        problems.append(f"action {step[1]} lost its owner or due date")
        # The meeting goes on: resume from here to a confirmed meeting.
        if not problems:
            problems += _resume(services, live, moment)
    finally:
        store.close()
    return problems


def _resume(services: Services, live: LiveMeeting, moment: str) -> list[str]:
    from datetime import date

    meeting = services.meeting(1)
    if meeting.status == "running":
        before = len(services.store.list_entries(1))
        live.capture(1, "会后继续 after the kill")
        if len(services.store.list_entries(1)) != before + 1:
            return ["could not capture after the kill"]
        live.next_item(1)
        live.end(1)
    for decision in services.store.list_decisions(1):
        if decision.status == "proposed":
            live.set_decision(decision.id, "confirmed")
    for action in services.store.actions_of_meeting(1):
        if not action.owner_ids or action.due is None:
            live.settle_action(action.id, owners=["王芳"], due=date(2026, 12, 4))
    if services.meeting(1).status != "confirmed":
        live.confirm(1)
    return [] if services.meeting(1).status == "confirmed" else ["could not confirm"]


def run_kill_trials(folder: Path, trials: int, seed: int = 19) -> dict:
    """``trials`` kills, cycling through MOMENTS at varied points. Returns the counts."""
    rng = random.Random(seed)
    failures = lost = tracebacks = 0
    problems: list[str] = []
    for trial in range(trials):
        moment = MOMENTS[trial % len(MOMENTS)]
        path = folder / f"kill-{trial}.db"
        make_meeting(path, with_outcomes=moment == "confirm")
        typed = rng.randint(1, 4)
        if moment == "capture":
            child, kill_after = _child(CAPTURE, path), rng.randint(1, 60)
        elif moment == "switch":
            child, kill_after = _child(SWITCH, path), rng.randint(1, 60)
        elif moment == "confirm":
            child, kill_after = _child(CONFIRM, path), rng.randint(1, 14)
        else:
            child, kill_after = _child(TYPING, path, str(typed)), typed + 1
        reported, err = _run_and_kill(child, kill_after)
        tracebacks += err.count("Traceback")
        try:
            found = _check(path, moment, reported, typed)
        except Exception as error:  # a check that cannot even run is a failure
            found = [f"check failed: {error!r} on {reported[-5:]}"]
        lost += sum(1 for p in found if p.startswith("lost"))
        if found or "Traceback" in err:
            failures += 1
            problems.append(f"trial {trial} ({moment}, {len(reported)} reported): {found} {err}")
    return {
        "trials": trials,
        "failures": failures,
        "lost": lost,
        "tracebacks": tracebacks,
        "problems": problems,
    }


def test_kill_9_at_each_moment_of_a_meeting_loses_nothing_reported(tmp_path: Path) -> None:
    result = run_kill_trials(tmp_path, trials=2 * len(MOMENTS))
    assert result["problems"] == []
    assert (result["failures"], result["lost"], result["tracebacks"]) == (0, 0, 0)
