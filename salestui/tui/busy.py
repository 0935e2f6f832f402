"""How long the UI thread keeps the event loop busy: the measure behind "the UI thread
only draws" (the 50 ms guard in the tests, ``benchmarks/ui_busy.py``).

A heartbeat task wakes every 2 ms and reads the UI thread's own CPU clock
(``time.thread_time``): what the thread spent between two wake-ups is work that held the
loop - one callback, or several run back to back - and no key press could be handled
meanwhile. CPU time, not wall time: another process or the app's worker threads taking
the cores does not count, so the figure holds on a busy machine too.
"""

from __future__ import annotations

import asyncio
import time

BEAT_SECONDS = 0.002


class BusyWatch:
    """``async with BusyWatch() as watch:`` then ``watch.longest`` (seconds) and
    ``watch.over(limit)`` (the stretches longer than ``limit``)."""

    def __init__(self) -> None:
        self.stretches: list[float] = []
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        last = time.thread_time()
        while not self._stop.is_set():
            await asyncio.sleep(BEAT_SECONDS)
            now = time.thread_time()
            self.stretches.append(now - last)
            last = now

    async def __aenter__(self) -> BusyWatch:
        self._task = asyncio.create_task(self._beat())
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task

    def mark(self) -> int:
        """A position in the stretches measured so far (see ``longest_since``)."""
        return len(self.stretches)

    def longest_since(self, mark: int) -> float:
        return max(self.stretches[mark:], default=0.0)

    @property
    def longest(self) -> float:
        return max(self.stretches, default=0.0)

    def over(self, limit: float) -> list[float]:
        return [s for s in self.stretches if s > limit]
