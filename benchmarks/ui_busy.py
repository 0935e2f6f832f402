"""How long the UI thread holds the event loop on the big screens (issue: "the UI thread
only draws").

    python benchmarks/ui_busy.py [--rows 100000] [--db PATH] [--size 120x40]

Builds the demo org plus ``--rows`` action items (or reuses ``--db``), drives the real app
headless with Pilot through the actions, meetings, home and team screens, and prints, per
key, the longest stretch the UI thread worked without giving the loop back
(``salestui.tui.busy.BusyWatch``: the UI thread's CPU time between 2 ms heartbeats), then
the longest per screen. Goal: under 16 ms per screen; the tests fail above 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL = 0.016
JOURNEYS: dict[str, list[str]] = {
    "actions": ["end", "pageup", "pageup", "home", "pagedown", "b", "b", "o", "o",
                "slash", "回", "款", "enter", "escape", "enter", "down", "enter", "r"],
    "meetings": ["down", "down", "end", "home", "k", "k", "x", "slash", "周", "例", "会",
                 "escape", "r"],
    "home": ["down", "down", "tab", "down", "r"],
    "team": ["down", "down", "up", "r"],
}  # fmt: skip


async def _journey(services, name: str, size: tuple[int, int]) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    from salestui.config import Config
    from salestui.tui.app import SalestuiApp
    from salestui.tui.busy import BusyWatch
    from salestui.tui.screens.actions import ActionsScreen
    from salestui.tui.screens.dashboard import DashboardScreen
    from salestui.tui.screens.meetings import MeetingsScreen

    app = SalestuiApp(services, Config())
    found: list[tuple[str, float]] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        screens = {"actions": lambda: ActionsScreen(services, "all"),
                   "meetings": lambda: MeetingsScreen(services),
                   "team": lambda: DashboardScreen(services)}  # fmt: skip
        async with BusyWatch() as watch:
            if name in screens:
                mark = watch.mark()
                app.push_screen(screens[name]())
                await pilot.pause(0.5)
                found.append(("open", watch.longest_since(mark)))
            for key in JOURNEYS[name]:
                mark = watch.mark()
                await pilot.press(key)
                await pilot.pause(0.3)  # the worker's result arrives and is drawn
                found.append((key, watch.longest_since(mark)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    from salestui.core.clock import FixedClock
    from salestui.core.db import open_store
    from salestui.core.service import Services
    from salestui.demo import generate_demo
    from salestui.demo.data import DIRECTOR
    from tests.conftest import FIXED_NOW

    path = args.db or Path(tempfile.mkdtemp()) / "busy.db"
    clock = FixedClock(FIXED_NOW)
    if not path.exists():
        store = open_store(path)
        generate_demo(store, clock, scale=args.rows)
        store.close()
    store = open_store(path)
    services = Services(store, clock, me=DIRECTOR)
    print(f"{store.count('action_items'):,} action items at {args.size}; goal {GOAL * 1000:.0f} ms")
    worst: dict[str, float] = {}
    for name in JOURNEYS:
        steps = asyncio.run(_journey(services, name, (width, height)))
        worst[name] = max(s for _k, s in steps)
        detail = "  ".join(f"{k}:{s * 1000:.0f}" for k, s in steps)
        print(f"{name:9} longest {worst[name] * 1000:5.1f} ms   per key (ms): {detail}")
    store.close()
    print("screens within the goal:", sum(w <= GOAL for w in worst.values()), "of", len(worst))


if __name__ == "__main__":
    main()
