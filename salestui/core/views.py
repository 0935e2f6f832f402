"""What the actions list shows: combinable filters, saved views, and a pager that reads
the list from SQL one window at a time.

A view is a named ``ActionFilter``. The built-in ones (My items, Overdue, ...) are worked
out for the current user and day; the user's own are stored as JSON in ``settings``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from salestui.core.action_filter import OPEN, ActionFilter, DueBucket, build_query
from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import (
    SORTS,
    ActionListRow,
    ActionQuery,
    ActionStatus,
    Role,
)
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.core.store.actions_paging import Key
from salestui.core.text import clean_line
from salestui.i18n import N_, _

SAVED_VIEWS_KEY = "actions.saved_views"
MAX_VIEW_NAME = 40


@dataclass(frozen=True)
class BuiltinView:
    key: str
    label: str  # message id
    build: Callable[[int | None], ActionFilter]  # from my person id
    needs_me: bool = False
    scoped: bool = False  # a lead sees their team's by default, ``KEY:all`` the department's


DEPARTMENT = ":all"  # a scoped view's key with this suffix is the whole department's


def _mine(me: int | None) -> ActionFilter:
    return ActionFilter(owner_ids=(me,) if me else (), statuses=OPEN)


def _team(me: int | None) -> ActionFilter:
    return ActionFilter(team_lead_id=me, statuses=OPEN)


BUILTIN_VIEWS: tuple[BuiltinView, ...] = (
    BuiltinView("mine", N_("My items"), _mine, needs_me=True),
    BuiltinView(
        "overdue", N_("Overdue"), lambda me: ActionFilter(bucket=DueBucket.OVERDUE), scoped=True
    ),
    BuiltinView(
        "week",
        N_("Due this week"),
        lambda me: ActionFilter(bucket=DueBucket.WEEK, statuses=OPEN),
        scoped=True,
    ),
    BuiltinView(
        "check_ins",
        N_("Check-ins due"),
        lambda me: ActionFilter(check_in_due=True, statuses=OPEN, sort="check-in"),
    ),
    BuiltinView(
        "waiting",
        N_("Waiting on others"),
        lambda me: ActionFilter(statuses=(ActionStatus.WAITING,)),
        scoped=True,
    ),
    BuiltinView(
        "blocked",
        N_("Blocked"),
        lambda me: ActionFilter(statuses=(ActionStatus.BLOCKED,)),
        scoped=True,
    ),
    BuiltinView(
        "unassigned", N_("Unassigned"), lambda me: ActionFilter(unassigned=True, statuses=OPEN)
    ),
    BuiltinView("team", N_("My team"), _team, needs_me=True),
    BuiltinView(
        "escalated",
        N_("Escalated to me"),
        lambda me: ActionFilter(escalated_to=me, statuses=OPEN, sort="due"),
        needs_me=True,
    ),
    BuiltinView("open", N_("All open items"), lambda me: ActionFilter(statuses=OPEN)),
    BuiltinView("all", N_("Everything"), lambda me: ActionFilter(sort="due")),
)
DEFAULT_VIEW = "open"


@dataclass(frozen=True)
class View:
    key: str  # "open", "saved:Name", "person:7", "team:3"
    name: str  # shown to the user
    filter: ActionFilter
    saved: bool = False


def builtin(key: str) -> BuiltinView | None:
    return next((v for v in BUILTIN_VIEWS if v.key == key), None)


@storage_boundary
class Views:
    """Built-in and saved views for one user."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def _me_id(self) -> int | None:
        me = self.services.me()
        return me.id if me else None

    def leads(self) -> bool:
        """Whether the user leads a team inside the department (scoped views then default
        to it); a director's team is the department, so theirs are not narrowed."""
        me = self.services.me()
        if me is None or me.id is None or me.role == Role.DIRECTOR:
            return False
        return bool(self.services.reports_of(me.id))

    def _builtin_view(
        self, found: BuiltinView, me: int | None, department: bool, leads: bool | None = None
    ) -> View:
        """``leads``: ``self.leads()``, when the caller already knows it."""
        if found.needs_me and me is None:
            raise InvalidInput(_("Who are you? Set me in the config file to see this view"))
        view_filter = found.build(me)
        if found.scoped and me is not None and leads is None:
            leads = self.leads()
        if not (found.scoped and me is not None and leads):
            return View(found.key, _(found.label), view_filter)
        if department:
            name = _("{view} · department").format(view=_(found.label))
            return View(found.key + DEPARTMENT, name, view_filter)
        name = _("{view} · my team").format(view=_(found.label))
        return View(found.key, name, replace(view_filter, team_lead_id=me))

    def resolve(self, key: str | None) -> View:
        """The view named by ``key``: a built-in key (``KEY:all`` for a scoped one across
        the department), ``saved:NAME``, ``person:ID`` or ``team:ID`` (either with
        ``:overdue``), ``action:ID`` (that one item); ``None`` is the default view."""
        key = key or DEFAULT_VIEW
        base = key.removesuffix(DEPARTMENT)
        found = builtin(base)
        if found is not None and (base == key or found.scoped):
            return self._builtin_view(found, self._me_id(), department=base != key)
        kind, _sep, rest = key.partition(":")
        if kind == "saved":
            saved = self.saved()
            if rest not in saved:
                raise NotFound(_("No saved view called {name}").format(name=rest))
            return View(key, rest, saved[rest], saved=True)
        if kind == "action" and rest.isdecimal():
            item = self.services.action(int(rest))
            name = _("Action {id}: {title}").format(id=item.id, title=item.title)
            return View(key, name, ActionFilter(action_id=item.id, sort="due"))
        number, _sep, suffix = rest.partition(":")
        if kind in ("person", "team") and number.isdecimal() and suffix in ("", "overdue"):
            person = self.services.person(int(number))
            assert person.id is not None
            bucket = DueBucket.OVERDUE if suffix else None
            if kind == "person":
                label = _("{name}'s overdue items") if bucket else _("{name}'s items")
                found_filter = ActionFilter(owner_ids=(person.id,), statuses=OPEN, bucket=bucket)
            else:
                label = _("{name}'s team, overdue") if bucket else _("{name}'s team")
                found_filter = ActionFilter(team_lead_id=person.id, statuses=OPEN, bucket=bucket)
            return View(key, label.format(name=person.name), found_filter)
        raise NotFound(_("No view called {name}").format(name=key))

    def other_scope(self, view: View) -> View | None:
        """The same scoped view for the department instead of my team, or the reverse;
        ``None`` when ``view`` has no scope (not a scoped view, or I lead no one)."""
        base = view.key.removesuffix(DEPARTMENT)
        found = builtin(base)
        if found is None or not found.scoped or not self.leads():
            return None
        return self.resolve(base if view.key != base else base + DEPARTMENT)

    def available(self) -> list[View]:
        """Every view to pick from: the built-in ones that apply, then the saved ones."""
        me = self._me_id()
        leads = self.leads()  # once for the four scoped views
        views = [
            self._builtin_view(v, me, department=False, leads=leads)
            for v in BUILTIN_VIEWS
            if me is not None or not v.needs_me
        ]
        views += [View(f"saved:{n}", n, f, saved=True) for n, f in self.saved().items()]
        return views

    def saved(self) -> dict[str, ActionFilter]:
        raw = self.services.store.get_setting(SAVED_VIEWS_KEY)
        if not raw:
            return {}
        try:
            data = json.loads(raw)
            return {str(name): ActionFilter.from_json(value) for name, value in data.items()}
        except (ValueError, TypeError, AttributeError):
            return {}  # a damaged setting must not keep the list from opening

    def save(self, name: str, action_filter: ActionFilter) -> View:
        """Save (or replace) a view under ``name``."""
        name = clean_line(name)
        if not name:
            raise InvalidInput(_("A view needs a name"))
        if len(name) > MAX_VIEW_NAME:
            raise InvalidInput(_("A view name is at most {n} characters").format(n=MAX_VIEW_NAME))
        views = self.saved()
        views[name] = action_filter
        self._write(views)
        return View(f"saved:{name}", name, action_filter, saved=True)

    def delete(self, name: str) -> ActionFilter:
        views = self.saved()
        if name not in views:
            raise NotFound(_("No saved view called {name}").format(name=name))
        removed = views.pop(name)
        self._write(views)
        return removed

    def _write(self, views: dict[str, ActionFilter]) -> None:
        data = {name: f.to_json() for name, f in views.items()}
        self.services.store.set_setting(SAVED_VIEWS_KEY, json.dumps(data, ensure_ascii=False))


# -- the pager ------------------------------------------------------------------------------


@dataclass
@storage_boundary
class ActionPager:
    """The rows of one filtered, sorted list, read a window at a time.

    Where a window starts decides how it is read: from the start, from the end (reversed),
    right after or before a window already read (keyset, stable under ties), or - for a
    jump into the middle - by offset. Read rows are kept until ``MAX_CACHED`` is passed.
    """

    services: Services
    action_filter: ActionFilter
    window: int = 100
    total: int = 0
    reader: Services | None = field(default=None, repr=False, compare=False)
    """Where to read the count and every window on the creating thread, when that is not
    ``services`` (a worker thread's own connection); ``load`` takes one per call."""
    _query: ActionQuery = field(init=False)
    _keys: dict[int, Key] = field(default_factory=dict, init=False)
    _rows: dict[int, ActionListRow] = field(default_factory=dict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    MAX_CACHED = 5_000

    def __post_init__(self) -> None:
        if self.action_filter.sort not in SORTS:
            self.action_filter = replace(self.action_filter, sort="urgency")
        reads = self.reader or self.services
        self.reader = None  # the creating thread's connection is not kept
        self._query = build_query(reads, self.action_filter)
        self.today = reads.clock.today()
        self.total = reads.store.count_actions(self._query)

    @property
    def query(self) -> ActionQuery:
        return self._query

    def cached(self, index: int) -> ActionListRow | None:
        return self._rows.get(index)

    def row(self, index: int) -> ActionListRow | None:
        """The row at ``index`` (reading its window when needed)."""
        if not 0 <= index < self.total:
            return None
        if index not in self._rows:
            self.load(index, index + 1)
        return self._rows.get(index)

    def rows(self, start: int, stop: int) -> list[ActionListRow]:
        self.load(start, stop)
        return [r for i in range(max(0, start), min(stop, self.total)) if (r := self._rows.get(i))]

    def ids(self, start: int, stop: int) -> list[int]:
        return [row.id for row in self.rows(start, stop)]

    def missing(self, start: int, stop: int) -> bool:
        """Whether any row from ``start`` to ``stop`` (exclusive) is still to be read."""
        rows = self._rows
        return any(i not in rows for i in range(max(0, start), min(stop, self.total)))

    def load(self, start: int, stop: int, reads: Services | None = None) -> None:
        """Make sure rows ``start`` to ``stop`` (exclusive) are read, with ``reads`` (the
        calling thread's connection) or else ``services``. One load at a time: a window
        read in a worker and one read on the UI thread do not interleave - but rows already
        read never wait for a window being read elsewhere (the UI thread asks often)."""
        if not self.missing(start, stop):
            return
        with self._lock:
            self._load(start, stop, reads or self.services)

    def _load(self, start: int, stop: int, reads: Services) -> None:
        start, stop = max(0, start), min(stop, self.total)
        missing = [i for i in range(start, stop) if i not in self._rows]
        if not missing:
            return
        first, last = missing[0], missing[-1] + 1
        if len(self._rows) + (last - first) > self.MAX_CACHED:
            self._forget_far_from(first)
        store, size = reads.store, self.window
        keys = partial(
            store.action_keys, self._query, self.action_filter.sort, self.today, matching=self.total
        )
        if first - 1 in self._keys:  # scrolling down: the rows after the one above
            stop_at = min(self.total, max(last, first + size))
            found = keys(after=self._keys[first - 1], limit=stop_at - first)
            self._store_window(first, found, store)
        elif last in self._keys:  # scrolling up: the rows before the one below
            begin = max(0, min(first, last - size))
            found = keys(before=self._keys[last], limit=last - begin)
            self._store_window(last - len(found), found, store)
        elif last >= self.total - size:  # at or near the end: read it backwards
            begin = max(0, min(first, self.total - size))
            found = keys(from_end=True, limit=self.total - begin)
            self._store_window(self.total - len(found), found, store)
        else:
            begin = first if first < size else first - size // 4
            found = keys(offset=begin, limit=max(size, last - begin))
            self._store_window(begin, found, store)

    def _store_window(self, start: int, found: list[tuple[int, Key]], store: Store) -> None:
        rows = {row.id: row for row in store.action_rows([i for i, _ in found])}
        for offset, (action_id, key) in enumerate(found):
            row = rows.get(action_id)
            if row is None:  # deleted since the keys were read
                continue
            self._keys[start + offset] = key
            self._rows[start + offset] = row

    def _forget_far_from(self, index: int) -> None:
        keep = self.MAX_CACHED // 2
        for i in [i for i in list(self._rows) if abs(i - index) > keep]:
            del self._rows[i]
            self._keys.pop(i, None)

    def index_of(self, action_id: int) -> int | None:
        """Where a row already read sits in the list (None when not read)."""
        for index, row in list(self._rows.items()):
            if row.id == action_id:
                return index
        return None
