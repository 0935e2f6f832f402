"""What the actions screen reads, each in a thread worker (``read_later``): the list with
the names its filter bar and forms need, the view to open, an item's detail."""

from __future__ import annotations

from dataclasses import dataclass

from salestui.core.actions_service import ActionDetail, ActionsService
from salestui.core.errors import SalestuiError
from salestui.core.service import Services
from salestui.core.views import DEFAULT_VIEW, ActionFilter, ActionPager, View, Views
from salestui.tui.screens.actions_filters import Directory, describe

READ_AHEAD = 60  # rows read with the count, so the first screen draws at once


@dataclass
class ListRead:
    pager: ActionPager
    any_items: bool  # the database holds action items: an empty list says why
    words: list[str]  # the filter, as the filter bar says it (``describe``)
    directory: Directory


def read_list(
    services: Services, reads: Services, action_filter: ActionFilter, cursor: int
) -> ListRead:
    """The count and the window at ``cursor`` of the list ``action_filter`` picks, on the
    worker's connection ``reads`` (``services``: the app's, which the pager keeps)."""
    pager = ActionPager(services, action_filter, reader=reads)
    pager.load(cursor, cursor + READ_AHEAD, reads)
    return ListRead(
        pager,
        bool(pager.total or reads.has_actions()),
        describe(reads, action_filter),
        Directory.read(reads),
    )


def resolve_view(requested: str | None, reads: Services) -> tuple[View, str | None]:
    """The view asked for, or the default one with the reason it could not be opened."""
    views = Views(reads)
    try:
        return views.resolve(requested), None
    except SalestuiError as error:
        return views.resolve(DEFAULT_VIEW), str(error)


def view_name(key: str, reads: Services) -> str | None:
    """A built-in view's name in the current language (None: e.g. its person is gone)."""
    try:
        return Views(reads).resolve(key).name
    except SalestuiError:
        return None


def read_detail(action_id: int, reads: Services) -> tuple[ActionDetail | None, str | None]:
    """An item's detail, or why it cannot be read."""
    try:
        return ActionsService(reads).detail(action_id), None
    except SalestuiError as problem:
        return None, str(problem)
