"""The one source of "now". Tests and screenshots inject a fixed clock.

``SALESTUI_NOW`` (an ISO-8601 timestamp) fixes the clock of the CLI and the app, which
is how the screenshot script and subprocess tests get repeatable output.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta


class Clock:
    """Wall-clock time that never runs backwards within a process.

    ``now()`` is timezone-aware local time. When the system clock is set back, the
    process goes on counting from its last reading with the monotonic clock, so a
    running timer neither shows a negative time nor loses the minutes already counted.
    A clock set forward (or a machine waking from sleep) is followed at once.
    """

    def __init__(
        self,
        wall: Callable[[], datetime] | None = None,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        self._wall = wall or (lambda: datetime.now(UTC))
        self._monotonic = monotonic or time.monotonic
        self._last: tuple[datetime, float] | None = None
        self._lock = threading.Lock()

    def now(self) -> datetime:
        wall, ticks = self._wall(), self._monotonic()
        with self._lock:
            moment = wall
            if self._last is not None:
                last, last_ticks = self._last
                steady = last + timedelta(seconds=max(0.0, ticks - last_ticks))
                moment = max(wall, steady)
            self._last = (moment, ticks)
        return moment.astimezone()

    def utcnow(self) -> datetime:
        return self.now().astimezone(UTC)

    def today(self) -> date:
        return self.now().date()


class FixedClock(Clock):
    """A clock that stands still (or moves only when told to)."""

    def __init__(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.astimezone()

    def now(self) -> datetime:
        return self._at.astimezone()

    def advance(self, **kwargs: float) -> None:
        self._at = self._at + timedelta(**kwargs)

    def set(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.astimezone()


def clock_from_env() -> Clock:
    """A fixed clock when ``SALESTUI_NOW`` is set, else the real one."""
    fixed = os.environ.get("SALESTUI_NOW")
    if fixed:
        return FixedClock(datetime.fromisoformat(fixed))
    return Clock()


def to_utc_iso(moment: datetime) -> str:
    """Storage form of a moment: ISO-8601 in UTC, second precision, ``Z`` suffix."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_utc_iso(text: str) -> datetime:
    """Parse a stored moment back into an aware local datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
