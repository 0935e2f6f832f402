"""The server's memory of who is signed in, and of failed sign-ins (to limit their rate).

Nothing here is written to disk: a restart of ``serve`` signs everyone out.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

SESSION_HOURS = 12
FAILURES_ALLOWED = 5  # failed sign-ins per name, and per address, within the window
FAILURE_WINDOW = 15 * 60.0  # seconds


@dataclass(frozen=True)
class Session:
    person_id: int
    name: str
    expires: float


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Sessions:
    """Browser sessions: a random token in a cookie, kept here by its hash."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._sessions: dict[str, Session] = {}

    def create(self, person_id: int, name: str) -> str:
        token = secrets.token_urlsafe(32)
        expires = self._clock() + SESSION_HOURS * 3600
        self._sessions[_key(token)] = Session(person_id, name, expires)
        return token

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        session = self._sessions.get(_key(token))
        if session is None or session.expires < self._clock():
            self._sessions.pop(_key(token), None)
            return None
        return session

    def drop(self, token: str | None) -> None:
        if token:
            self._sessions.pop(_key(token), None)


class Attempts:
    """Failed sign-ins by key (a name, an address): at most ``limit`` in ``window``
    seconds, after which that key waits until the oldest failure leaves the window."""

    def __init__(
        self,
        limit: int = FAILURES_ALLOWED,
        window: float = FAILURE_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def wait(self, *keys: str) -> float:
        """Seconds before any of ``keys`` may try again (0: now)."""
        now = self._clock()
        longest = 0.0
        for key in keys:
            failures = self._recent(key, now)
            if len(failures) >= self.limit:
                longest = max(longest, failures[0] + self.window - now)
        return longest

    def failed(self, *keys: str) -> None:
        now = self._clock()
        for key in keys:
            self._recent(key, now).append(now)

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures
