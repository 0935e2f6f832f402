"""Where SQLite's errors stop: the service layer's public operations turn them into the
core's own ``StorageError``, so that no front end needs to know the store is SQLite.

The store and the start-up checks below it (``core.db``, ``core.doctor``, ``core.backup``)
keep SQLite's exceptions, whose error codes tell a damaged file from a locked one; the
classes the CLI and the TUI call are marked with ``@storage_boundary``.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from salestui.core.errors import StorageError
from salestui.i18n import _

T = TypeVar("T", bound=type)


def storage_failure(error: sqlite3.Error, owner: object = None) -> StorageError:
    """The core's error for a failure SQLite reported: a damaged file names the way out
    (its backups), anything else says what SQLite said."""
    from salestui.core import integrity

    store = getattr(owner, "store", None)
    path = getattr(store, "path", None)
    if path is not None and integrity.is_damage(error):
        from salestui.core.backup import BackupPolicy

        policy = getattr(store, "backup_policy", None) or BackupPolicy()
        return StorageError(integrity.damaged_message(path, policy))
    return StorageError(_("Database problem: {reason}").format(reason=error))


CallWatcher = Callable[[str], AbstractContextManager[object]]
"""Opt-in hook for the tests: called with ``Class.method`` around every outermost
service-layer call (a call made from inside another one is not reported), on the thread
that makes it; the call runs inside the context manager it returns."""

_watcher: CallWatcher | None = None
_depth = threading.local()


@contextmanager
def watching_calls(watcher: CallWatcher) -> Iterator[None]:
    """Report every outermost service call to ``watcher`` while the block runs (the
    tests' check that the TUI reads nothing on its UI thread). Off by default: the
    boundary then costs one global lookup per call."""
    global _watcher
    previous, _watcher = _watcher, watcher
    try:
        yield
    finally:
        _watcher = previous


def _watched(watcher: CallWatcher, function: Callable[..., Any], args: Any, kwargs: Any) -> Any:
    depth = getattr(_depth, "value", 0)
    _depth.value = depth + 1
    try:
        if depth:
            return function(*args, **kwargs)
        with watcher(function.__qualname__):
            return function(*args, **kwargs)
    finally:
        _depth.value = depth


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            watcher = _watcher
            if watcher is not None:
                return _watched(watcher, function, args, kwargs)
            return function(*args, **kwargs)
        except sqlite3.Error as error:
            raise storage_failure(error, args[0] if args else None) from error

    guarded.__storage_boundary__ = True  # type: ignore[attr-defined]
    return guarded


def storage_boundary(cls: T) -> T:
    """Mark a service class: each of its public methods and properties raises
    ``StorageError`` where SQLite raised ``sqlite3.Error``. Private helpers are left as they
    are (they run inside a public method)."""
    for name, value in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            fget = _guarded(value.fget) if value.fget else None
            fset = _guarded(value.fset) if value.fset else None
            setattr(cls, name, property(fget, fset, value.fdel, value.__doc__))
        elif isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(_guarded(value.__func__)))
        elif isinstance(value, classmethod):
            setattr(cls, name, classmethod(_guarded(value.__func__)))
        elif callable(value) and not isinstance(value, type):
            setattr(cls, name, _guarded(value))
    return cls


def is_guarded(cls: type, name: str) -> bool:
    """True when ``cls.name`` passes through the boundary (for the tests)."""
    value = vars(cls).get(name)
    if isinstance(value, property):
        value = value.fget
    elif isinstance(value, staticmethod | classmethod):
        value = value.__func__
    return bool(getattr(value, "__storage_boundary__", False))
