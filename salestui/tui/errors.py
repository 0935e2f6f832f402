"""How the TUI words an error it can recover from: the core's own message, or SQLite's."""

from __future__ import annotations

import sqlite3

from salestui.core.errors import SalestuiError
from salestui.i18n import _

RECOVERABLE = (SalestuiError, sqlite3.Error)
"""Errors shown at the input or as a toast while the app goes on: bad input, an unknown
id, a read-only or full disk, a lock held too long."""


def error_message(error: BaseException) -> str:
    """One line for an error the user can act on (the core's messages are translated)."""
    if isinstance(error, SalestuiError):
        return str(error)
    return _("Database problem: {reason}").format(reason=error)
