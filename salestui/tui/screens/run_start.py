"""Before the meeting starts: the preflight warnings and the attendance list.

The chair may start anyway; the warnings are there so that it is a choice.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from salestui.core.models import Meeting
from salestui.core.timing import whole_minutes
from salestui.i18n import _, ngettext
from salestui.tui import labels
from salestui.tui.screens.run_data import StartView
from salestui.tui.screens.run_tables import AttendanceTable, Tones, people_columns, people_rows


class StartPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="start-when")
        yield Static(id="start-warnings")
        yield Static(classes="panel-title", id="start-attendance-title")
        yield AttendanceTable(id="start-attendance")
        yield Static(id="start-hint")

    @property
    def table(self) -> AttendanceTable:
        return self.query_one(AttendanceTable)

    def show(self, start: StartView, tones: Tones) -> None:
        """The meeting, its preflight warnings and who is expected, as the screen read them."""
        warnings, speakers = start.warnings, start.speakers
        self.query_one("#start-when", Static).update(self._when(start.meeting, start.now))
        text = Text()
        for warning in warnings:
            if text:
                text.append("\n")
            text.append("⚠ " + warning)
        self.query_one("#start-warnings", Static).update(text)
        self.set_class(not warnings, "-no-warnings")
        self.query_one("#start-attendance-title", Static).update(
            Text(_("Attendance (* required) · p present · l late · a absent · e excused"))
        )
        self.table.set_data(
            people_columns(tally=False), people_rows(speakers, None, tones, tally=False)
        )
        hint = _("Press s to start the meeting now (warnings or not); Esc goes back.")
        if warnings:
            hint = ngettext(
                "{count} warning. {hint}", "{count} warnings. {hint}", len(warnings)
            ).format(count=len(warnings), hint=hint)
        self.query_one("#start-hint", Static).update(Text(hint))

    @staticmethod
    def _when(meeting: Meeting, now: datetime) -> Text:
        text = Text()
        text.append(meeting.title, style="bold")
        if meeting.purpose:
            text.append(" · " + meeting.purpose)
        scheduled = meeting.scheduled_start
        if scheduled is None:
            text.append(
                "\n" + _("Not scheduled · {minutes} min").format(minutes=meeting.planned_minutes)
            )
            return text
        line = _("Scheduled {time} · {minutes} min").format(
            time=labels.local_time(scheduled), minutes=meeting.planned_minutes
        )
        late = whole_minutes(now - scheduled)
        if late > 0:
            line = _("{line} · starting now is {minutes} min late").format(line=line, minutes=late)
        text.append("\n" + line)
        return text
