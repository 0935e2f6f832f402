"""Exceptions raised by the core. The CLI maps them to exit codes, the TUI to messages.

Every message is already translated (built with ``_()``) when the exception is raised.
"""


class SalestuiError(Exception):
    """Base class of every error the core raises on purpose."""

    exit_code = 1


class InvalidInput(SalestuiError):
    """The user gave something that cannot be understood or is not allowed (exit 2)."""

    exit_code = 2


class NotFound(SalestuiError):
    """An id or name that does not exist (exit 1)."""

    exit_code = 1


class Conflict(SalestuiError):
    """The operation contradicts the current state, e.g. ending a meeting not running."""

    exit_code = 1


class StorageError(SalestuiError):
    """The database file cannot be opened or used (wrong kind of file, no permission)."""

    exit_code = 1
