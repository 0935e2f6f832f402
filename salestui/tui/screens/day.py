"""My day: a salesperson's plan for the day on top, its reports below, and one capture
line - ``/v`` plans a visit, ``/r`` reports one (``core.day_capture``). F2/F3 move a day,
F4 comes back to today, F5 turns the highlighted report's next step into an action item.
Every change is one journal step: ctrl+z (app-wide) takes it back.

Reads run off the UI thread (``read_later``); the preview is worked out from the words
alone, so it is drawn as the line is typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from salestui.core.day import PLAN_AHEAD, DayService
from salestui.core.errors import SalestuiError
from salestui.core.models.day import PersonDay
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens import day_rows as rows
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.day_line import CustomerSuggester, DayCaptureLine
from salestui.tui.screens.run_tables import IdTable, Tones
from salestui.tui.widgets.capture_line import CaptureLine
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text


@dataclass
class DayRead:
    """One read of the screen: the day, the visits per day around it, known customers."""

    day: PersonDay
    counts: dict[date, int]
    customers: list[str]


class VisitTable(IdTable):
    BINDINGS = [
        Binding("delete", "screen.remove_visit", N_("Remove visit"), id="day.remove"),
    ]


class DayScreen(SalestuiScreen):
    SCREEN_TITLE = N_("My day")
    CSS_PATH = "day.tcss"
    AUTO_FOCUS = "#capture-input"
    BINDINGS = [
        Binding("f2", "move(-1)", N_("◀ Day"), priority=True, id="day.previous"),
        Binding("f3", "move(1)", N_("Day ▶"), priority=True, id="day.next"),
        Binding("f4", "today", N_("Today"), priority=True, id="day.today"),
        Binding("f5", "to_action", N_("Next step → action"), priority=True, id="day.action"),
        Binding("escape", "back", N_("Back"), id="day.back"),
    ]

    def __init__(self, services: Services, day: date | None = None) -> None:
        super().__init__()
        self.services = services
        self.ops = DayService(services)
        self.day = day or services.clock.today()
        self.read_result: DayRead | None = None
        self.suggester = CustomerSuggester()

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield Static(id="day-week")
        yield Static(id="day-flags")
        yield Static(classes="day-title", id="plan-title")
        yield VisitTable(id="plan")
        yield Static(classes="day-title", id="reports-title")
        yield VisitTable(id="reports")
        yield Static(id="day-instructions")
        yield DayCaptureLine(id="capture", suggester=self.suggester)
        yield SalestuiFooter(compact=True)

    def on_mount(self) -> None:
        self.reload_data()

    def on_screen_resume(self) -> None:
        if self.read_result is not None:
            self.reload_data()

    @property
    def capture(self) -> CaptureLine:
        return self.query_one(DayCaptureLine)

    # -- reading and drawing ------------------------------------------------------------

    def reload_data(self) -> None:
        """Read who I am and my day in a worker; draw them when they are in."""
        day, today = self.day, self.services.clock.today()

        def read(reads: Services) -> DayRead | None:
            me = reads.me()
            if me is None:
                return None
            ops = DayService(reads)
            first = min(day, today)
            counts = ops.planned_days(me, first, first + timedelta(days=rows.WEEK))
            return DayRead(ops.my_day(me, day), counts, ops.recent_customers(me))

        self.read_later("day", read, self._loaded)

    def _no_me(self) -> None:
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", "")
        show_text(self.query_one("#day-flags", Static), Text(
            _("Who are you? Set me in the config file (me = \"王芳\") or SALESTUI_ME, "
              "then press r.")))  # fmt: skip
        self.set_class(True, "-no-me")

    def _loaded(self, read: DayRead | None) -> None:
        if read is None:
            self._no_me()
            return
        self.set_class(False, "-no-me")
        if read.day.day != self.day:
            return  # moved to another day since: its read is on its way
        self.read_result = read
        self.suggester.customers = read.customers
        today, tones = self.services.clock.today(), Tones.of(self.app)
        self.query_one(HeaderBar).show(
            f"salestui · {self.screen_title}", rows.day_title(self.day, today)
        )
        show_text(
            self.query_one("#day-week", Static), rows.week_strip(self.day, today, read.counts)
        )
        show_text(self.query_one("#day-flags", Static), rows.unreported_text(read.day, tones))
        self.set_class(not read.day.unreported_earlier, "-no-flags")
        planned = read.day.planned
        show_text(self.query_one("#plan-title", Static), Text(
            _("Plan ({count}) · F2/F3 other days").format(count=len(planned))))  # fmt: skip
        self.query_one("#plan", VisitTable).set_data(
            rows.plan_columns(), rows.plan_rows(read.day, today, tones)
        )
        reports = read.day.reports
        title = _("Reports ({count}) · {tally}").format(
            count=len(reports), tally=rows.tally_text(read.day.tally)
        )
        show_text(self.query_one("#reports-title", Static), Text(title))
        self.query_one("#reports", VisitTable).set_data(
            rows.report_columns(), rows.report_rows(read.day, today, tones)
        )
        self.set_class(not planned, "-no-plan")
        self.set_class(not reports, "-no-reports")
        show_text(self.query_one("#day-instructions", Static), rows.instructions_text(read.day))
        self.set_class(not (read.day.notes or read.day.actions), "-no-instructions")

    # -- the capture line ---------------------------------------------------------------

    def _planned_customers(self) -> set[str]:
        if self.read_result is None:
            return set()
        return {v.customer.casefold() for v in self.read_result.day.planned}

    def on_capture_line_changed(self, event: CaptureLine.Changed) -> None:
        event.stop()
        try:
            known = self.read_result.customers if self.read_result else []
            preview = self.ops.preview(event.line, self._planned_customers(), known)
            error = False
        except SalestuiError as problem:
            preview, error = str(problem), True
        self.capture.show_preview(event.line, preview, error)

    def on_capture_line_submitted(self, event: CaptureLine.Submitted) -> None:
        event.stop()
        try:
            visit = self.ops.capture(event.line, self.day)
        except SalestuiError as error:
            self.capture.failed(event.line, str(error))
            return
        self.capture.saved(self.services.clock.now())
        if visit.day != self.day:
            self.notify(_("Saved on {date}: {customer}").format(
                date=rows.day_title(visit.day, self.services.clock.today()),
                customer=visit.customer), timeout=3)  # fmt: skip
        self.reload_data()

    # -- keys -----------------------------------------------------------------------------

    def action_move(self, days: int) -> None:
        today = self.services.clock.today()
        wanted = self.day + timedelta(days=days)
        if wanted > today + timedelta(days=PLAN_AHEAD):
            self.notify(_("Plans go at most a week ahead"), severity="warning")
            return
        self.day = wanted
        self.reload_data()

    def action_today(self) -> None:
        self.day = self.services.clock.today()
        self.reload_data()

    def _highlighted(self, table_id: str) -> int | None:
        table = self.query_one(f"#{table_id}", VisitTable)
        return table.selected_id("visit-") if table.row_count else None

    def action_to_action(self) -> None:
        """The highlighted report's next step (the reports list's cursor) as an action."""
        visit_id = self._highlighted("reports")
        if visit_id is None:
            self.notify(_("No report with a next step on this day"), severity="warning")
            return
        try:
            action = self.ops.make_action(visit_id)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(_("Action #{id}: {title}").format(id=action.id, title=action.title))
        self.reload_data()

    def action_remove_visit(self) -> None:
        focused = self.focused
        if not isinstance(focused, VisitTable) or focused.id is None:
            return
        visit_id = self._highlighted(focused.id)
        if visit_id is None:
            return
        try:
            visit = self.ops.remove(visit_id)
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(_("Removed {customer} (ctrl+z brings it back)").format(customer=visit.customer))
        self.reload_data()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
