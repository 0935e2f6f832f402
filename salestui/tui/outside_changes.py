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
    """Watches the database's commit counter for the app. Each look reads two counters
    and nothing else; the bookmark in the items' history is taken again only after this
    app's own commits (right after them: its own changes are not news), and what changed
    elsewhere is read in a worker, which then says so."""

    def __init__(self, app: SalestuiApp) -> None:
        self.app = app
        self.seen: int | None = None
        self.marks: tuple[int, int] | None = None  # where the history stood at the last look
        self.own: int | None = None  # this app's own changes, as counted at that look

    def start(self) -> None:
        self.seen = self._version()
        self.own = self.app.services.own_changes()
        self._read_marks(since=None, quietly=True)  # nothing to tell: only the bookmark
        self.app.set_interval(INTERVAL, self.check, name="outside-changes")

    def _mark(self) -> None:
        self.own = self.app.services.own_changes()
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
            if self.app.services.own_changes() != self.own:
                self._mark()  # this app's own changes are not news
            return False
        screen = self.app.screen
        if not isinstance(screen, SalestuiScreen) or self._typing():
            return False
        self.seen = version
        screen.reload_data()
        self._read_marks(since=self.marks, quietly=screen.LIVE)
        return True

    def _read_marks(self, since: tuple[int, int] | None, quietly: bool) -> None:
        """In a worker: what happened ``since`` that bookmark, by whom, as far as the
        history says, then said (not ``quietly``: a live console changes all the time);
        the bookmark moves on to where the history stands now."""
        marks, own = since, self.own
        app, readers = self.app, self.app.readers

        def read() -> None:
            notice = _(NOTICE)
            try:
                services = readers.services()
                if marks is not None:
                    authors, added = services.changes_since(marks)
                    notice = describe_changes(authors, added) or notice
                now = services.change_marks()
            except SalestuiError:
                now = None
            app.call_from_thread(self._told, notice, now, own, quietly)

        app.run_worker(read, thread=True, group="read:outside-changes", exit_on_error=False)

    def _told(
        self, notice: str, marks: tuple[int, int] | None, own: int | None, quietly: bool
    ) -> None:
        if marks is not None and self.own == own:  # no commit of ours came in between
            self.marks = marks
        if not quietly:
            self.app.notify(notice, timeout=3, markup=False)

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
