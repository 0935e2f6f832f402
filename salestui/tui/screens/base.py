"""What every salestui screen shares: a translated title and footer, and ``reload_data``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar, TypeVar

from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen

from salestui.core.errors import SalestuiError
from salestui.i18n import _

T = TypeVar("T")


def translate_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The same bindings with descriptions and tooltips in the current language.

    BINDINGS are class attributes built at import time, so their descriptions are message
    ids; they are translated here, when the footer and the help screen read them.
    """
    translated: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        description = _(binding.description) if binding.description else ""
        tooltip = _(binding.tooltip) if binding.tooltip else ""
        translated[key] = active._replace(
            binding=replace(binding, description=description, tooltip=tooltip),
            tooltip=_(active.tooltip) if active.tooltip else "",
        )
    return translated


SHORT_HEIGHT = 30  # below this many lines screens drop blank lines (the "-short" class)


class SalestuiScreen(Screen[None]):
    SCREEN_TITLE: ClassVar[str] = ""
    """Message id of the screen's name, shown in its header and its help."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")

    @property
    def screen_title(self) -> str:
        return _(self.SCREEN_TITLE) if self.SCREEN_TITLE else ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def reload_data(self) -> None:
        """Read again from the database what the screen shows (the app's ``r`` key)."""

    def read(self, load: Callable[[], T]) -> T | None:
        """Run a database read; on failure show why (never a traceback) and return None."""
        try:
            return load()
        except SalestuiError as error:
            self.notify(str(error), severity="error")
        except sqlite3.Error as error:  # e.g. locked for longer than the busy timeout
            self.notify(
                _("Could not read the database: {reason}").format(reason=error), severity="error"
            )
        return None
