"""Home: today's and upcoming meetings, my overdue and soon-due actions, department counts."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from salestui.core.dates import format_due
from salestui.core.models import OPEN_STATUSES, ActionRow, MeetingStatus
from salestui.core.service import Services
from salestui.i18n import N_, _, format_number, ngettext
from salestui.tui import labels
from salestui.tui.screens.base import SHORT_HEIGHT, SalestuiScreen
from salestui.tui.screens.home_data import (
    DUE_SOON_DAYS,
    UPCOMING_DAYS,
    HomeData,
    MeetingLine,
    load_home,
)
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.fit_table import fit_widths as share_out
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.table_section import TableSection

AUTO_RELOAD_SECONDS = 60  # pick up changes made from the CLI in another terminal
CHROME_LINES = 3  # header bar, counts line, footer
MIN_TABLE_LINES = 4  # a table's header and three rows, however short the terminal


# Enter on an action row opens the actions list in the view the row was listed from.
VIEW_OF_ROW = {"action": "mine", "escalated": "escalated", "check_ins": "check_ins"}


class HomeScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Home")
    AUTO_FOCUS = "#meetings FitTable"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.data: HomeData | None = None

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        # Not focusable itself: the keys go to the tables (each scrolls its own rows).
        with VerticalScroll(id="home-body", can_focus=False):
            yield Static(id="empty-state")
            yield TableSection(id="meetings")
            yield TableSection(id="escalated")  # shown only when something waits for me
            yield TableSection(id="check-ins")
            yield TableSection(id="overdue")
            yield TableSection(id="due-soon")
        yield Static(id="counts")
        yield SalestuiFooter()

    def set_up(self) -> None:
        for table in self.query(FitTable):
            table.skip_headings = True

    def on_mount(self) -> None:
        self.set_up()
        self.reload_data()
        self.set_interval(AUTO_RELOAD_SECONDS, self.reload_data)
        # Row colours come from the theme: draw again when the user picks another one.
        self.watch(self.app, "theme", self._redraw, init=False)

    def _redraw(self) -> None:
        if self.data is not None:
            self._show(self.data)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a meeting opens it where it stands; on an action, the actions list."""
        key = event.row_key.value or ""
        kind, _sep, number = key.partition("-")
        if kind == "meeting" and number.isdigit():
            self.app.open_meeting(int(number))  # type: ignore[attr-defined]
        elif kind in VIEW_OF_ROW:
            self.app.action_actions(VIEW_OF_ROW[kind])  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.reload_data()
        if self.focused is None:
            # Back from a screen pushed before anything here had the focus (the welcome
            # screen): the keys go to the meetings table again.
            self.call_after_refresh(self._focus_meetings)

    def _focus_meetings(self) -> None:
        for table in self.query(FitTable):
            if table.display:
                table.focus()
                return

    def reload_data(self) -> None:
        """Read the home page in a worker; draw it when it is in."""
        self.read_later("home", load_home, self._loaded)

    def _loaded(self, data: HomeData) -> None:
        self.data = data
        self._show(data)

    # -- drawing -------------------------------------------------------------------------

    def _show(self, data: HomeData) -> None:
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", self._who(data))
        self.set_class(data.empty, "-empty")
        empty_state = self.query_one("#empty-state", Static)
        counts = self.query_one("#counts", Static)
        if data.empty:
            empty_state.update(self._empty_text())
            counts.update("")
            return
        self._show_meetings(data)
        self._show_inboxes(data)
        self._show_actions(data)
        counts.update(self._counts_text(data))
        self._fit_sections(self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_sections(event.size.height)

    def _fit_sections(self, height: int) -> None:
        """Share the screen's lines between the tables: each as tall as its rows when all
        fit, else the meetings table gets twice the share of each actions table."""
        if self.data is None or self.data.empty or height <= 0:
            return
        short = height < SHORT_HEIGHT
        sections = [section for section in self.query(TableSection) if section.display]
        fixed = CHROME_LINES
        needs: list[int] = []
        ratios: list[int] = []
        for index, section in enumerate(sections):
            fixed += 1 if short or index == 0 else 2  # the title, and a blank line above it
            if section.has_class("-empty"):
                fixed += 1  # the one-line message
                needs.append(0)
                ratios.append(0)
            else:
                needs.append(section.table.row_count + 1)  # + the header
                ratios.append(2 if index == 0 else 1)
        minimum = [min(need, MIN_TABLE_LINES) for need in needs]
        lines = share_out(needs, ratios, height - fixed, minimum)
        for section, count in zip(sections, lines, strict=True):
            section.table.styles.max_height = max(count, 2)

    def _who(self, data: HomeData) -> str:
        when = labels.long_date(data.today)
        if data.empty:
            return when
        if data.me is None:
            return _("{date} · who are you? set me in the config file").format(date=when)
        return _("{date} · {name} ({role})").format(
            date=when, name=data.me.name, role=labels.role(data.me.role)
        )

    def _empty_text(self) -> Text:
        text = Text()
        text.append(_("No meetings yet"), style="bold")
        text.append("\n\n")
        text.append(
            _(
                "Run `salestui demo` to load the demo organisation, or plan a first meeting "
                "with `salestui meeting new --title ...`."
            )
        )
        text.append("\n")
        text.append(_("Then press r to refresh."))
        return text

    def _show_meetings(self, data: HomeData) -> None:
        columns = [
            FitColumn("time", _("Time")),
            FitColumn("title", _("Meeting"), ratio=1, min_width=12),
            FitColumn("kind", _("Kind")),
            FitColumn("status", _("Status")),
            FitColumn("people", _("People"), justify="right"),
            FitColumn("minutes", _("Min"), justify="right"),
        ]
        rows: list[FitRow] = []
        current_day: date | None = None
        for line in data.meetings:
            start = line.meeting.scheduled_start
            day = labels.local_date(start) if start else data.today
            if day != current_day:
                current_day = day
                rows.append(self._day_row(day, data.today, len(columns)))
            rows.append(self._meeting_row(line, is_today=day == data.today))
        self.query_one("#meetings", TableSection).show(
            _("Today & upcoming meetings"),
            columns,
            rows,
            _("No meetings in the next {days} days.").format(days=UPCOMING_DAYS),
        )

    def _day_row(self, day: date, today: date, width: int) -> FitRow:
        label = labels.day_label(day, today)
        cells: list[Text | str] = ["", Text(label, style="bold underline")]
        cells += [""] * (width - 2)
        return FitRow(f"day-{day.isoformat()}", cells, heading=True)

    def _meeting_row(self, line: MeetingLine, is_today: bool) -> FitRow:
        meeting = line.meeting
        theme = self.app.current_theme
        status_style = {
            MeetingStatus.RUNNING: f"bold {theme.success}",
            MeetingStatus.DRAFT: f"{theme.warning}",
            MeetingStatus.ENDED: "dim",
            MeetingStatus.CONFIRMED: "dim",
        }.get(meeting.status, "")
        cells: list[Text | str] = [
            Text(labels.local_time(meeting.scheduled_start), style="bold" if is_today else ""),
            Text(meeting.title, style="bold" if is_today else ""),
            labels.meeting_kind(meeting.kind),
            Text(labels.meeting_status(meeting.status), style=status_style),
            str(line.attendees),
            str(meeting.planned_minutes),
        ]
        done = meeting.status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED)
        return FitRow(f"meeting-{meeting.id}", cells, style="dim" if done else "")

    def _action_columns(self) -> list[FitColumn]:
        # Widths fit the longest usual label, so the two actions tables line up.
        due_width = cell_len(format_due(date(2000, 1, 1), date(2000, 1, 11)))
        status_width = max(cell_len(labels.action_status(s)) for s in OPEN_STATUSES)
        return [
            FitColumn("due", _("Due"), min_width=due_width),
            FitColumn("title", _("Action"), ratio=2, min_width=12),
            FitColumn("priority", _("Pri")),
            FitColumn("status", _("Status"), min_width=status_width),
            FitColumn("meeting", _("From meeting"), ratio=1, min_width=8),
        ]

    def _action_row(self, row: ActionRow, today: date, kind: str = "action") -> FitRow:
        theme = self.app.current_theme
        overdue = row.due is not None and row.due < today
        due = format_due(row.due, today) if row.due else "-"
        priority_style = f"bold {theme.error}" if row.priority == 1 else ""
        cells: list[Text | str] = [
            Text(due, style=f"bold {theme.error}" if overdue else ""),
            labels.marked(row.title, row.confidential),
            Text(labels.priority(row.priority), style=priority_style),
            labels.action_status(row.status),
            Text(row.meeting_title or "-", style="dim"),
        ]
        return FitRow(f"{kind}-{row.id}", cells)

    def _show_inboxes(self, data: HomeData) -> None:
        """What waits for me: items escalated to me that I have not answered, and
        check-ins that have come due (mine, or my team's for a lead). A section with
        nothing in it is left out: the screen's lines go to the others."""
        columns = self._action_columns()
        for key, title, rows, total in (
            ("escalated", _("Escalated to me"), data.escalated, data.escalated_total),
            ("check-ins", _("Check-ins due"), data.check_ins, data.check_ins_total),
        ):
            section = self.query_one(f"#{key}", TableSection)
            section.display = bool(rows)
            prefix = key.replace("-", "_")
            section.show(
                self._titled(title, len(rows), total),
                columns,
                [self._action_row(row, data.today, prefix) for row in rows],
                "",
            )

    def _show_actions(self, data: HomeData) -> None:
        overdue = self.query_one("#overdue", TableSection)
        soon = self.query_one("#due-soon", TableSection)
        columns = self._action_columns()
        if data.me is None:
            hint = _("Set me in the config file (or SALESTUI_ME) to see your actions.")
            overdue.show(_("My overdue actions"), columns, [], hint)
            soon.show(_("My actions due soon"), columns, [], hint)
            return
        overdue.show(
            self._titled(_("My overdue actions"), len(data.overdue), data.overdue_total),
            columns,
            [self._action_row(row, data.today) for row in data.overdue],
            _("Nothing overdue."),
        )
        soon.show(
            self._titled(_("My actions due soon"), len(data.due_soon), data.due_soon_total),
            columns,
            [self._action_row(row, data.today) for row in data.due_soon],
            _("Nothing due in the next {days} days.").format(days=DUE_SOON_DAYS),
        )

    @staticmethod
    def _titled(title: str, shown: int, total: int) -> str:
        if total > shown:
            return _("{title} ({shown} of {total})").format(
                title=title, shown=format_number(shown), total=format_number(total)
            )
        return _("{title} ({total})").format(title=title, total=format_number(total))

    def _counts_text(self, data: HomeData) -> Text:
        text = Text()
        if data.outbox_waiting:  # first, so a narrow screen never cuts it; else nothing
            text.append(self._outbox_text(data), style=f"bold {self.app.current_theme.warning}")
            text.append("   ")
        text.append(
            _("Department: {open} open, {overdue} overdue").format(
                open=format_number(data.open_total), overdue=format_number(data.overdue_all)
            )
        )
        if data.me is not None:
            text.append("   ")
            text.append(_("Mine: {open} open").format(open=format_number(data.my_open_total)))
        return text

    @staticmethod
    def _outbox_text(data: HomeData) -> str:
        """``✉ 3 waiting · o to open``; with messages given up, how many."""
        waiting = format_number(data.outbox_waiting)
        if data.outbox_given_up:
            return ngettext(
                "✉ {n} waiting ({failed} given up) · o to open",
                "✉ {n} waiting ({failed} given up) · o to open",
                data.outbox_waiting,
            ).format(n=waiting, failed=format_number(data.outbox_given_up))
        return ngettext(
            "✉ {n} waiting · o to open", "✉ {n} waiting · o to open", data.outbox_waiting
        ).format(n=waiting)
