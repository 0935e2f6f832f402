"""Changes made elsewhere show up by themselves: another person's app or a command line
committing to the same database file is noticed within a second and the screen in front
reads its data again (its ``reload_data``, which keeps the cursor where it was), with a
short notice of what the history says happened: "2 items changed by 王芳"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from salestui.core.errors import SalestuiError
from salestui.i18n import N_, _, ngettext
from salestui.tui.screens.base import SalestuiScreen

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp

INTERVAL = 0.5  # seconds between two looks at the file's commit counter
NOTICE = N_("Updated with changes made elsewhere")


class OutsideChanges:
    """Watches the database's commit counter for the app."""

    def __init__(self, app: SalestuiApp) -> None:
        self.app = app
        self.seen: int | None = None
        self.marks: tuple[int, int] | None = None  # where the history stood at the last look

    def start(self) -> None:
        self.seen = self._version()
        self._mark()
        self.app.set_interval(INTERVAL, self.check, name="outside-changes")

    def _mark(self) -> None:
        try:
            self.marks = self.app.services.change_marks()
        except SalestuiError:
            self.marks = None

    def _version(self) -> int | None:
        return self.app.services.data_version()

    def check(self) -> bool:
        """Reload the screen in front if someone else committed; True when it did. A
        screen being typed into, or a dialog over it, waits for the next look."""
        version = self._version()
        if version is None or version == self.seen:
            self._mark()  # this app's own changes are not news
            return False
        screen = self.app.screen
        if not isinstance(screen, SalestuiScreen) or self._typing():
            return False
        self.seen = version
        screen.reload_data()
        notice = self._what_changed()
        if not screen.LIVE:  # a live console changes all the time: no notice each time
            self.app.notify(notice, timeout=3, markup=False)
        return True

    def _what_changed(self) -> str:
        """What happened since the last look, by whom, as far as the history says."""
        marks = self.marks
        self._mark()
        if marks is None:
            return _(NOTICE)
        try:
            authors, added = self.app.services.changes_since(marks)
        except SalestuiError:
            return _(NOTICE)
        return describe_changes(authors, added) or _(NOTICE)

    def _typing(self) -> bool:
        focused = self.app.focused
        if isinstance(focused, Input):
            return bool(focused.value)
        if isinstance(focused, TextArea):
            return bool(focused.text)
        return False


def describe_changes(authors: list[tuple[str, int]], added: int) -> str:
    """``2 items changed by 王芳 · 1 new item``; the two busiest authors are named."""
    parts = []
    for name, items in authors[:2]:
        if name:
            text = ngettext("{n} item changed by {name}", "{n} items changed by {name}", items)
        else:
            text = ngettext("{n} item changed", "{n} items changed", items)
        parts.append(text.format(n=items, name=name))
    if added:
        parts.append(ngettext("{n} new item", "{n} new items", added).format(n=added))
    return " · ".join(parts)
