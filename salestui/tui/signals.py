"""SIGTERM and SIGHUP (a closed terminal): the app leaves as ``q`` does - terminal
restored, no traceback - and leaves the data as a kill would: a live meeting stays running
and resumes on the next start. The exit code is 128 + the signal's number."""

from __future__ import annotations

import asyncio
import os
import signal

from textual.app import App

from salestui.tui.errors import terminal_gone


class TerminatingSignals:
    """Catches the signals that end the app, once its event loop runs."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self._loop: asyncio.AbstractEventLoop | None = None

    def catch(self) -> None:
        """Install the handlers (from the app's ``on_mount``, on its event loop)."""
        loop = asyncio.get_running_loop()
        self._loop = loop
        try:
            loop.add_signal_handler(signal.SIGTERM, self.leave, signal.SIGTERM)
            signal.signal(signal.SIGHUP, self._on_hangup)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests), or a platform without these signals

    def leave(self, signum: int) -> None:
        """Exit as ``q`` does, with 128 + ``signum`` as the return code."""
        self.app.exit(return_code=128 + signum)

    def _on_hangup(self, signum: int, frame: object) -> None:
        # A plain signal handler, not the event loop's: when the terminal has gone, the
        # loop may already be stuck writing to it. With no terminal there is nothing to
        # restore, so the process ends at once - as a kill would, which loses nothing.
        if terminal_gone():
            os._exit(128 + signum)
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.leave, signum)
