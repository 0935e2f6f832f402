"""The TUI's faults: how it words an error it recovers from (the core's own message; the
service layer turns storage failures into the core's ``StorageError``), what it prints
when it stops on one, and whether its terminal is still there."""

from __future__ import annotations

import errno
import sys
from typing import Any

from salestui.core.errors import SalestuiError
from salestui.i18n import _

RECOVERABLE: tuple[type[Exception], ...] = (SalestuiError,)
"""Errors shown at the input or as a toast while the app goes on: bad input, an unknown
id, a read-only or full disk, a lock held too long."""


def error_message(error: BaseException) -> str:
    """One line for an error the user can act on (the core's messages are translated)."""
    return str(error)


def terminal_gone() -> bool:
    """True when the terminal was hung up (closed): asking for its settings fails with EIO
    (isatty still answers True on a hung-up terminal)."""
    import termios

    for stream in (sys.__stderr__, sys.__stdout__, sys.__stdin__):
        try:
            fd = stream.fileno() if stream is not None else -1
            if fd < 0:
                continue
            termios.tcgetattr(fd)
        except termios.error as error:
            if error.args and error.args[0] in (errno.EIO, errno.ENXIO):
                return True
        except (OSError, ValueError):  # not a terminal, or a closed stream
            continue
    return False


def crash_report(error: BaseException) -> Any:
    """What is printed when the app stops on an error: one line for a known kind of error,
    else the traceback without local variables."""
    from rich.text import Text
    from rich.traceback import Traceback

    if isinstance(error, RECOVERABLE):
        return Text(_("Error: {message}").format(message=error_message(error)))
    return Traceback.from_exception(
        type(error), error, error.__traceback__, show_locals=False, width=None
    )


def report_plainly(error: Exception) -> None:
    """Have Textual print ``crash_report(error)`` when the app stops on ``error``.

    Textual (8.x) has no public hook for an unhandled error: its default report is a
    traceback with every frame's local variables, i.e. the user's data, on stderr. It
    prints an error's ``__rich__`` instead when it has one: an error the core raised on
    purpose (or SQLite's) is one line; anything else is a traceback without locals."""
    if not hasattr(error, "__rich__"):
        try:
            error.__rich__ = lambda: crash_report(error)  # type: ignore[attr-defined]
        except AttributeError:  # an exception type without a __dict__
            pass
