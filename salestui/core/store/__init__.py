"""The store: the only package that speaks SQL. Rows in, pydantic models out.

Connections are per thread (SQLite's rule); open a second Store in a worker thread.
Writes run in ``BEGIN IMMEDIATE`` transactions so that two processes sharing the file
queue on the busy timeout instead of failing with "database is locked".
"""

from salestui.core.models import ActionQuery
from salestui.core.store.actions import ActionsStore
from salestui.core.store.analytics import AnalyticsStore
from salestui.core.store.base import BaseStore
from salestui.core.store.bulk import BulkStore
from salestui.core.store.capture import CaptureStore
from salestui.core.store.day import DayStore
from salestui.core.store.decisions import DecisionsStore
from salestui.core.store.integrity import IntegrityStore
from salestui.core.store.journal import JournalStore
from salestui.core.store.meetings import MeetingsStore
from salestui.core.store.numbers import NumbersStore
from salestui.core.store.outbox import OutboxStore
from salestui.core.store.people import PeopleStore
from salestui.core.store.search import SearchStore
from salestui.core.store.sign_in import SignInStore

__all__ = ["ActionQuery", "BaseStore", "Store"]


class Store(
    PeopleStore,
    MeetingsStore,
    CaptureStore,
    DecisionsStore,
    ActionsStore,
    IntegrityStore,
    JournalStore,
    SearchStore,
    NumbersStore,
    OutboxStore,
    BulkStore,
    DayStore,
    AnalyticsStore,
    SignInStore,
):
    """Typed access to one salestui database file."""
