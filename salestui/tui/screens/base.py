"""What every salestui screen shares: a translated title and footer, and ``reload_data``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, ClassVar, TypeVar, cast

from textual import events
from textual.binding import ActiveBinding
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from salestui.core.errors import SalestuiError
from salestui.core.service import Services
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


# Widgets a toast must never cover (CSS type names; the capture line includes its preview).
TYPED_INTO = "Input, TextArea, CaptureLine"
SHORT_HEIGHT = 30  # below this many lines screens drop blank lines (the "-short" class)


@dataclass
class ReadFinished(Message):
    """A read started by ``SalestuiScreen.read_later`` is over (in a worker thread)."""

    group: str
    generation: int
    deliver: Callable[[], None] | None
    error: Exception | None


class ReadsLater:
    """Reads off the UI thread for a screen or a dialog (mixed into ``SalestuiScreen``
    and the modal dialogs that read): ``read_later`` and the message it answers with."""

    _read_generation: dict[str, int]

    def read_later(
        self,
        group: str,
        load: Callable[[Services], T],
        done: Callable[[T], None],
        delay: float = 0.0,
    ) -> None:
        """Read off the UI thread: ``load(services)`` runs in a thread worker on that
        thread's own connection, then ``done(result)`` runs on the UI thread. A newer read
        in the same ``group`` replaces an older one, whose result is dropped; ``delay``
        (seconds) waits first, so that typing restarts it (search as you type)."""
        if not hasattr(self, "_read_generation"):
            self._read_generation = {}
        self._read_generation[group] = generation = self._read_generation.get(group, 0) + 1
        screen = cast(Screen[Any], self)
        readers = screen.app.readers  # type: ignore[attr-defined]

        def work() -> None:
            worker = get_current_worker()
            if delay and worker.cancelled_event.wait(delay):
                return
            try:
                result = load(readers.services())
            except SalestuiError as error:
                if not worker.is_cancelled:
                    screen.post_message(ReadFinished(group, generation, None, error))
                return
            if not worker.is_cancelled:
                screen.post_message(ReadFinished(group, generation, partial(done, result), None))

        screen.run_worker(work, thread=True, group=f"read:{group}", exclusive=True)

    def drop_reads(self, *groups: str) -> None:
        """Reads of these groups under way are dropped: their results are never drawn."""
        if not hasattr(self, "_read_generation"):
            self._read_generation = {}
        for group in groups:
            self._read_generation[group] = self._read_generation.get(group, 0) + 1

    def on_read_finished(self, message: ReadFinished) -> None:
        message.stop()
        if message.generation != getattr(self, "_read_generation", {}).get(message.group):
            return  # a newer read of the same thing is on its way
        if message.error is not None:
            self.show_read_error(message.error)
        elif message.deliver is not None:
            message.deliver()

    def show_read_error(self, error: Exception) -> None:
        cast(Screen[Any], self).notify(str(error), severity="error", markup=False)


class SalestuiScreen(ReadsLater, Screen[None]):
    SCREEN_TITLE: ClassVar[str] = ""
    """Message id of the screen's name, shown in its header and its help."""
    LIVE: ClassVar[bool] = False
    """Shows something that changes every second (the live console): changes made
    elsewhere are drawn without a notice."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")
        self.call_after_refresh(self.place_toasts)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.call_after_refresh(self.place_toasts)

    def place_toasts(self) -> None:
        """Notifications stack up from the bottom right: keep them above every input in
        the lower half of the screen (the capture line with its preview, a prompt), so a
        toast never hides what is being typed."""
        height = self.size.height
        tops = [
            widget.region.y
            for widget in self.query(TYPED_INTO)
            if widget.region.height and widget.region.y >= height // 2
        ]
        bottom = max(height - min(tops), 1) if tops else 1
        for rack in self.query("ToastRack"):
            if rack.styles.margin.bottom != bottom:
                rack.styles.margin = (0, 0, bottom, 0)

    @property
    def screen_title(self) -> str:
        return _(self.SCREEN_TITLE) if self.SCREEN_TITLE else ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def reload_data(self) -> None:
        """Read again from the database what the screen shows (the app's ``r`` key)."""

    def set_up(self) -> None:
        """Prepare freshly composed widgets (columns, hidden parts, focus): called after
        mount and after every rebuild. Screens that prepare widgets override it."""

    async def rebuild(self) -> None:
        """Draw the whole screen again in the current language (the language switch):
        new widgets, prepared as on mount, the data read again, the footer's keys again.
        What the user typed and where they were is kept by the screens that hold it."""
        focused = self.focused.id if self.focused is not None else None
        await self.recompose()
        self.set_up()
        self.reload_data()
        if focused:
            try:
                self.query_one(f"#{focused}").focus()
            except NoMatches:
                pass
        # The new Footer subscribed after the last bindings signal: send one now.
        self.refresh_bindings()

    def read(self, load: Callable[[], T]) -> T | None:
        """Run a database read; on failure show why (never a traceback) and return None."""
        try:
            return load()
        except SalestuiError as error:  # e.g. locked for longer than the busy timeout
            self.notify(str(error), severity="error", markup=False)
        return None
