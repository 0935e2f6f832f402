"""Core services used alike by the CLI and the TUI: validate, then write through the store.

``Services`` is the one object a front end holds. Its operations live in three parts by
concern, each building on the one before - people (``service_people``), meetings
(``service_meetings``) and action items (``service_actions``) - and none of them lets
SQLite's own errors out: a storage failure reaches the front end as the core's
``StorageError`` (``core.boundary``).

Messages in the exceptions raised here go through ``_()``; the store never builds text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salestui.core.boundary import storage_boundary
from salestui.core.clock import Clock
from salestui.core.models import validation_message
from salestui.core.service_actions import ActionServices
from salestui.core.service_base import MAX_TIMEBOX
from salestui.core.service_meetings import AttendeeView, MeetingDetail
from salestui.core.store import Store

if TYPE_CHECKING:
    from salestui.core.search import Hit

__all__ = [
    "MAX_TIMEBOX",
    "AttendeeView",
    "MeetingDetail",
    "Services",
    "validation_message",
]


@storage_boundary
class Services(ActionServices):
    """The application's operations, bound to one store and one clock."""

    def __init__(self, store: Store, clock: Clock | None = None, me: str | None = None) -> None:
        self.store = store
        self.clock = clock or Clock()
        self._me_name = me

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Every word of ``text`` (quotes: a phrase) across action titles, follow-up notes,
        reasons, decisions, meeting notes, agenda items and meetings (``core.search``)."""
        from salestui.core.search import search

        return search(self.store, text, limit)

    def data_version(self) -> int | None:
        """A number that changes when another connection commits to the file, or None
        when the file cannot be read just now (``Store.data_version``)."""
        return self.store.data_version()

    def own_changes(self) -> int:
        """How many rows this app's own connection has changed since it opened: a counter
        SQLite keeps, no read (with ``data_version``, tells its own commits from others')."""
        return self.store.own_changes()

    @property
    def read_only_reason(self) -> str | None:
        """Why the database refuses writes (a damaged file, a newer schema, a read-only
        file or folder, a full disk), or None when it takes them."""
        return self.store.read_only_reason

    @property
    def backup_problem(self) -> str | None:
        """Why the last automatic backup failed, if it did."""
        return self.store.backup_problem
