"""Reads off the UI thread: a ``Services`` per worker thread, each on its own connection.

SQLite connections belong to the thread that opened them. A front end that reads in
worker threads asks ``ThreadReaders.services()`` from inside the worker: the first call
on a thread opens a connection to the same file (read-only when the main store is), the
later calls on that thread reuse it. On the thread that made the readers (the UI's) it
returns the main ``Services`` itself. ``close()`` closes every reader connection.

Readers never write: the front end's writes go through the main ``Services``.
"""

from __future__ import annotations

import sqlite3
import threading

from salestui.core.errors import StorageError
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.i18n import _


class ThreadReaders:
    """One read connection per thread, opened on first use, to ``services``' file."""

    def __init__(self, services: Services) -> None:
        self.main = services
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    def services(self) -> Services:
        """The ``Services`` to read with on the calling thread."""
        if threading.get_ident() == self._owner:
            return self.main
        found: Services | None = getattr(self._local, "services", None)
        if found is not None:
            found.set_me(self.main.me_name)  # who "me" is may have changed since
            return found
        main_store = self.main.store
        try:
            store = Store(
                main_store.path, read_only=main_store.read_only, wal=False, closable_anywhere=True
            )
        except sqlite3.Error as error:
            raise StorageError(
                _("Could not read the database: {reason}").format(reason=error)
            ) from error
        with self._lock:
            if self._closed:  # the app is closing: nothing is waiting for this read
                store.close()
                raise StorageError(_("Could not read the database: {reason}").format(reason="-"))
            self._opened.append(store)
        found = Services(store, self.main.clock, self.main.me_name)
        self._local.services = found
        return found

    def close(self) -> None:
        """Close every reader connection (call it once no worker is reading)."""
        with self._lock:
            self._closed = True
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
