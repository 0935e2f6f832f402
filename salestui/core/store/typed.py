"""The ``Store`` class: every part of the store in one (``salestui.core.store``)."""

from salestui.core.store.actions import ActionsStore
from salestui.core.store.analytics import AnalyticsStore
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
