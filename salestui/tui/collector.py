"""When Python's garbage collector runs, so that it never runs while the user types.

Left alone, the collector's full pass starts whenever enough objects have been allocated -
often in the middle of drawing a frame - and on a screen that has shown a big list it
stops the UI for 40-80 ms (``benchmarks/live_capture_tmux.py``: the slowest captures were
exactly those). While the app runs the automatic collector is off and this schedule runs
it instead: the young generations (a few ms) twice a second, and a full pass once a
minute, put off while keys are being pressed. Objects made before the first screen are
frozen out of every pass (``gc.freeze``). Everything is restored when the app stops.
"""

from __future__ import annotations

import gc
import time

from textual.app import App
from textual.timer import Timer

YOUNG_EVERY = 0.5  # seconds between passes over the two young generations
FULL_EVERY = 60.0  # seconds between full passes
QUIET_FOR = 2.0  # a full pass waits until no key was pressed for this long


class CollectorSchedule:
    """Runs the garbage collector on the app's timers instead of on allocation."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.last_key = 0.0
        self.last_full = time.monotonic()
        self._was_enabled = gc.isenabled()
        self._timer: Timer | None = None

    def start(self) -> None:
        gc.freeze()  # start-up's objects live as long as the app
        gc.disable()
        self._timer = self.app.set_interval(YOUNG_EVERY, self.tick, name="collector")

    def key_pressed(self) -> None:
        self.last_key = time.monotonic()

    def tick(self) -> None:
        now = time.monotonic()
        if now - self.last_full >= FULL_EVERY and now - self.last_key >= QUIET_FOR:
            gc.collect()
            self.last_full = now
        else:
            gc.collect(1)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._was_enabled:
            gc.enable()
        gc.unfreeze()
