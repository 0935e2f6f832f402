"""The live console's numbers review: the ``/k`` line (preview off the UI thread, save as a
live edit) and, before a numbers-review item closes, the countermeasures of the numbers
off track (``CountermeasureScreen``).

A plain helper of ``RunCommands``, knowing the screen through ``RunHost`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from salestui.core.errors import SalestuiError
from salestui.core.meeting import LiveMeeting
from salestui.core.meeting_numbers import describe_number
from salestui.core.models import AgendaKind
from salestui.core.models.numbers import ScorecardRow
from salestui.core.service import Services
from salestui.i18n import _
from salestui.tui.errors import RECOVERABLE, error_message
from salestui.tui.screens.run_countermeasure import CountermeasureScreen, Shown

if TYPE_CHECKING:
    from salestui.tui.screens.run_commands import RunHost


class NumberCommands:
    def __init__(self, host: RunHost) -> None:
        self.host = host
        # Numbers the chair moved on from without a countermeasure: not asked again on the
        # next numbers item of this console (they are still off track on the scorecard).
        self.passed: set[tuple[int | None, tuple[int, str]]] = set()

    @property
    def live(self) -> LiveMeeting:
        return self.host.live

    # -- the /k line -------------------------------------------------------------------------

    def preview(self, line: str) -> None:
        """What the ``/k`` line will set, or why it cannot (worked out off the UI thread)."""
        meeting_id = self.host.meeting_id

        def read(reads: Services) -> tuple[str, str, bool]:
            try:
                return line, LiveMeeting(reads).numbers.preview(meeting_id, line), False
            except RECOVERABLE as error:
                return line, error_message(error), True

        self.host.read_later("preview", read, lambda found: self.host.capture.show_preview(*found))

    def save(self, line: str) -> None:
        """Enter on a ``/k`` line: set the figure and/or the target (ctrl+z takes it back)."""
        capture = self.host.capture
        try:
            found = self.live.numbers.capture(self.host.meeting_id, line)
        except SalestuiError as error:
            capture.failed(line, str(error))
            return
        capture.saved(self.live.services.clock.now())
        self.host.reload_data()
        message = _("Saved: {what} · ctrl+z undoes").format(what=describe_number(found))
        self.host.notify(message, timeout=4)

    # -- countermeasures before a numbers item closes ----------------------------------------

    def next_item(self, move_on: Callable[[], object]) -> None:
        """ctrl+n (or ending the meeting): on a numbers-review item with numbers off track
        and no countermeasure, ask for them first (``move_on`` once the chair moves on);
        otherwise move on."""
        view = self.host.view
        current = view.state.current if view is not None else None
        if current is None or current.item.kind != AgendaKind.NUMBERS:
            move_on()
            return
        meeting_id = self.host.meeting_id

        def read(reads: Services) -> list[ScorecardRow]:
            return LiveMeeting(reads).numbers.scorecard(meeting_id).missing

        def ask(found: list[ScorecardRow]) -> None:
            rows = [r for r in found if _key(r) not in self.passed]
            if not rows:
                move_on()
                return

            def answered(go_on: bool | None) -> None:
                self.host.reload_data()
                if go_on:
                    self.passed.update(_key(r) for r in rows)
                    move_on()

            screen = CountermeasureScreen(rows, self._save, self._preview)
            self.host.app.push_screen(screen, answered)

        self.host.read_later("numbers", read, ask)

    def _save(self, row: ScorecardRow, cause: str, line: str) -> str | None:
        assert row.measurable.id is not None
        try:
            self.live.numbers.countermeasure(
                self.host.meeting_id, row.measurable.id, row.owner, cause, line
            )
        except SalestuiError as error:
            return str(error)
        self.host.notify(
            _("Countermeasure saved for {name} · ctrl+z undoes").format(
                name=f"{row.measurable.name} · {row.owner.name}"
            ),
            timeout=3,
        )
        return None

    def _preview(self, row: ScorecardRow, line: str, shown: Shown) -> None:
        owner = row.owner

        def read(reads: Services) -> tuple[str, str, bool]:
            try:
                return line, LiveMeeting(reads).numbers.preview_countermeasure(owner, line), False
            except RECOVERABLE as error:
                return line, error_message(error), True

        self.host.read_later("countermeasure-preview", read, lambda found: shown(*found))


def _key(row: ScorecardRow) -> tuple[int | None, tuple[int, str]]:
    return row.measurable.id, row.owner.key
