"""Reads off the UI thread for code that is not a screen (the app's navigation, the
palette's commands): ``read_then`` runs the read in a thread worker and hands its result
to the UI thread. Screens and dialogs use ``ReadsLater.read_later`` instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from salestui.core.errors import SalestuiError

if TYPE_CHECKING:
    from textual.app import App

    from salestui.core.service import Services

T = TypeVar("T")


def read_then(app: App[None], load: Callable[[Services], T], then: Callable[[T], None]) -> None:
    """``load(services)`` in a worker, on its thread's connection; ``then(result)`` on the
    UI thread (a storage failure is a toast instead)."""
    readers = app.readers  # type: ignore[attr-defined]

    def read() -> None:
        try:
            result = load(readers.services())
        except SalestuiError as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        app.call_from_thread(then, result)

    app.run_worker(read, thread=True, group="read:background", exit_on_error=False)
