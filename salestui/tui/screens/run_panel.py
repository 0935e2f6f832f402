"""The running agenda's part of the live console: the agenda and attendance on the side;
the item's timer, the narrow console's strip, who speaks and the item's entries.

A child widget drawn from what the screen read (``show``, attributes down): it reads
nothing itself, and redraws a table only when its rows changed (the screen reads every
second).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from salestui.i18n import _
from salestui.tui.screens.run_data import WIDE, LiveView
from salestui.tui.screens.run_entries import WINDOW, EntriesTable
from salestui.tui.screens.run_scorecard import (
    ScorecardTable,
    TrackTones,
    empty_scorecard_text,
    scorecard_columns,
    scorecard_rows,
    scorecard_title,
)
from salestui.tui.screens.run_strip import strip_text
from salestui.tui.screens.run_tables import (
    AgendaTable,
    AttendanceTable,
    Tones,
    agenda_columns,
    agenda_rows,
    people_columns,
    people_rows,
)
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.show import show_text
from salestui.tui.widgets.speaking import SpeakingNotice
from salestui.tui.widgets.timer import ItemTimer


class RunPanel(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._drawn: dict[str, list[FitRow]] = {}
        self.panels: set[str] | None = None  # the side panels shown; None: by terminal width

    def compose(self) -> ComposeResult:
        with Vertical(id="side"):
            yield Static(classes="panel-title", id="agenda-title")
            yield AgendaTable(id="agenda")
            yield Static(classes="panel-title", id="people-title")
            yield AttendanceTable(id="people")
        with Vertical(id="main"):
            yield ItemTimer(id="timer")
            yield Static(id="strip")
            yield SpeakingNotice(id="speaking")
            yield Static(classes="panel-title", id="scorecard-title")
            yield ScorecardTable(id="scorecard")
            yield Static(id="scorecard-empty")
            yield Static(classes="panel-title", id="entries-title")
            yield EntriesTable(id="entries")
            yield Static(id="entries-empty")

    @property
    def entries(self) -> EntriesTable:
        return self.query_one("#entries", EntriesTable)

    def show_watching(self, watching: bool) -> None:
        """Watching another scribe: the list takes no typing and stays at its end."""
        entries = self.entries
        entries.forward_typing = not watching
        entries.anchor(watching or not entries.has_focus)

    def show(self, view: LiveView, tones: Tones, threshold: float, watching: bool) -> None:
        """Draw ``view``: every part, each only where it changed."""
        current = view.state.current
        presenter = None
        if current is not None and current.item.presenter_id in view.people:
            presenter = view.people[current.item.presenter_id].name  # type: ignore[index]
        self.query_one(ItemTimer).show(current, view.current_number(), presenter)
        speaking = view.speaking_now
        self.query_one(SpeakingNotice).show(
            view.balance,
            threshold,
            f"{speaking.number} {speaking.person.name}" if speaking else None,
        )
        self._fill("agenda", agenda_columns(), agenda_rows(view, tones))
        self._fill(
            "people", people_columns(), people_rows(view.speakers, view.balance.speaking_now, tones)
        )
        show_text(self.query_one("#strip", Static), strip_text(view))
        self._show_scorecard(view, tones)
        self._show_entries(view, watching)
        show_text(
            self.query_one("#agenda-title", Static),
            _("Agenda ({count}) · F2").format(count=len(view.state.items)),
        )
        show_text(self.query_one("#people-title", Static), _("Attendance (* required) · F3"))
        self._show_panels()

    def _shown_panels(self) -> set[str]:
        if self.panels is not None:
            return set(self.panels)
        if self.has_class("-numbers"):  # the scorecard takes the width (F2/F3 show them)
            return set()
        return {"agenda", "people"} if self.app.size.width >= WIDE else set()

    def _show_panels(self) -> None:
        panels = self._shown_panels()
        self.set_class("agenda" not in panels, "-no-agenda")
        self.set_class("people" not in panels, "-no-people")
        self.set_class(not panels, "-no-side")

    def on_resize(self, event: events.Resize) -> None:
        self._show_panels()

    def toggle(self, name: str, focused: bool) -> bool:
        """F2/F3: a hidden panel is shown, a shown one hidden when it has the focus
        (``focused``). True when the panel is shown (the focus goes there)."""
        panels = self._shown_panels()
        shown = name not in panels or not focused
        if shown:
            panels.add(name)
        else:
            panels.discard(name)
        self.panels = panels
        self._show_panels()
        return shown

    def _fill(self, name: str, columns: list[FitColumn], rows: list[FitRow]) -> bool:
        """Redraw a table only when its rows changed."""
        if self._drawn.get(name) == rows:
            return False
        self._drawn[name] = rows
        self.query_one(f"#{name}", FitTable).set_data(columns, rows)
        return True

    def _show_scorecard(self, view: LiveView, tones: Tones) -> None:
        """On a numbers-review item: the scorecard of the period under review."""
        scorecard = view.scorecard
        self.set_class(scorecard is not None, "-numbers")
        if scorecard is None:
            return
        self.set_class(not scorecard.rows, "-no-numbers")
        show_text(self.query_one("#scorecard-title", Static), scorecard_title(scorecard))
        show_text(self.query_one("#scorecard-empty", Static), empty_scorecard_text(scorecard))
        track = TrackTones(tones.success, tones.error)
        self._fill("scorecard", scorecard_columns(), scorecard_rows(scorecard, track))

    def _show_entries(self, view: LiveView, watching: bool) -> None:
        current = view.state.current
        count = str(len(view.entries))
        if len(view.entries) > WINDOW:
            count = _("{count}, the last {shown} shown").format(count=count, shown=WINDOW)
        if current is None:
            title = _("Entries outside the agenda ({count})").format(count=count)
        else:
            title = _("Entries on {number}. {item} ({count})").format(
                number=view.current_number(), item=current.item.title, count=count
            )
        show_text(self.query_one("#entries-title", Static), title)
        rows = self.entries.entry_rows.rows(view.entries, view.actions, view.state.now.date())
        self.entries.show(rows)
        self.set_class(not view.entries, "-no-entries")
        show_text(
            self.query_one("#entries-empty", Static),
            _("Nothing captured on this item yet.")
            if watching
            else _("Nothing captured on this item yet. Type below; Enter saves."),
        )
