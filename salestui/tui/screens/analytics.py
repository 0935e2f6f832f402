"""Analytics (issue 15): three tabs - Numbers (plan vs actual per person and team), Meetings
(load, planned vs actual, overruns, late starts, agendas circulated, ratings) and
Follow-through (on-time completion against 90 %, decisions carried out, time to close) -
each a chart with its figures in text beside it (below it on a narrow terminal).

Every tab's data is read in its own worker thread (``read_later``), so the first chart is
drawn as soon as its own query is done and the UI never waits for the others.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from salestui.core.analytics import AnalyticsService
from salestui.core.models.analytics import FollowThrough, MeetingFigures, NumbersFigures, Window
from salestui.core.models.numbers import ScorecardRow
from salestui.core.periods import PeriodKind
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens import analytics_charts as charts
from salestui.tui.screens import analytics_figures as text
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar

TABS = {"numbers": N_("Numbers"), "meetings": N_("Meetings"), "follow": N_("Follow-through")}
TAB_KEYS = {"numbers": "1", "meetings": "2", "follow": "3"}
WIDE = 100  # from this many columns the figures stand beside the chart, not below it


class AnalyticsScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Analytics")
    CSS_PATH = "analytics.tcss"
    BINDINGS: ClassVar[list[Any]] = [
        Binding("left_square_bracket", "shift(-1)", N_("Earlier"), key_display="[",
                id="analytics.earlier"),
        Binding("right_square_bracket", "shift(1)", N_("Later"), key_display="]",
                id="analytics.later"),
        Binding("w", "weeks_or_months", N_("Weeks/months"), id="analytics.kind"),
        Binding("f", "next_team", N_("Team"), id="analytics.team"),
        Binding("u", "next_measurable", N_("Measurable"), id="analytics.measurable"),
        Binding("c", "switch_chart", N_("Ratings"), id="analytics.chart"),
        Binding("x", "report", N_("Report"), id="analytics.report"),
        Binding("1", "tab('numbers')", N_("Numbers"), show=False, id="analytics.tab_numbers"),
        Binding("2", "tab('meetings')", N_("Meetings"), show=False, id="analytics.tab_meetings"),
        Binding("3", "tab('follow')", N_("Follow-through"), show=False, id="analytics.tab_follow"),
        Binding("escape", "back", N_("Back"), show=False, id="analytics.back"),
    ]  # fmt: skip

    def __init__(self, services: Services, tab: str = "numbers") -> None:
        super().__init__()
        self.services = services
        self.first_tab = tab
        self.kind = PeriodKind.WEEK
        self.periods_back = 0  # periods back from the current one
        self.team: str | None = None
        self.teams: list[str] = []  # the teams ``f`` goes through (read once, in a worker)
        self.measurable_id: int | None = None
        self.show_ratings = False
        self.window: Window | None = None
        self.numbers: NumbersFigures | None = None
        self.behind: list[ScorecardRow] | None = None  # off track twice, every measurable
        self.meetings: MeetingFigures | None = None
        self.follow: FollowThrough | None = None
        self._queue: list[str] = []  # what to read next, in turn
        self.loaded: set[str] = set()  # the tabs whose figures are drawn (tests wait on it)

    @property
    def settled(self) -> bool:
        """Every tab drawn, and who is off track across every measurable read."""
        return self.loaded >= set(TABS) and self.behind is not None

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with TabbedContent(initial=self.first_tab, id="an-tabs"):
            for tab, title in TABS.items():
                with TabPane(f"{TAB_KEYS[tab]} {_(title)}", id=tab), Horizontal(classes="an-body"):
                    with Vertical(classes="an-chart-box"):
                        yield Static(classes="an-chart-title", id=f"{tab}-title")
                        yield PlotextPlot(id=f"{tab}-chart")
                        yield Static(classes="an-legend", id=f"{tab}-legend")
                    with VerticalScroll(classes="an-figures", id=f"{tab}-scroll"):
                        yield Static(_("Reading…"), id=f"{tab}-figures")
        yield SalestuiFooter()

    def on_mount(self) -> None:
        self.set_up()
        self.read_later("teams", lambda services: services.teams(), self._teams)
        self.reload_data()

    def _teams(self, teams: list[str]) -> None:
        self.teams = teams

    async def rebuild(self) -> None:
        """A language switch: drawn again in the new language, on the same tab."""
        self.first_tab = self.query_one(TabbedContent).active or self.first_tab
        await super().rebuild()

    def set_up(self) -> None:
        self.set_class(self.size.width < WIDE, "-narrow")

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.set_class(event.size.width < WIDE, "-narrow")
        self.call_after_refresh(self._draw_all)

    # -- reading -----------------------------------------------------------------------

    def reload_data(self) -> None:
        """Read the figures off the UI thread, one tab after the other - the tab in front
        first, so its chart does not wait on the others - then who is off track across
        every measurable. A read still under way for the window before is dropped."""
        self.loaded.clear()
        self.behind = None
        self.drop_reads(*TABS, "behind")  # results of an older window: never drawn
        kind, back, team = self.kind, self.periods_back, self.team

        def read(services: Services) -> Window:
            analytics = AnalyticsService(services)
            current = analytics.window(kind=kind).period.shift(-back)
            return analytics.window(current, team)  # a team's members are read

        self.read_later("window", read, self._window_read)

    def _window_read(self, window: Window) -> None:
        self.window = window
        self._show_header(window)
        front = self.query_one(TabbedContent).active or "numbers"
        self._queue = [front, *(t for t in TABS if t != front), "behind"]
        self._read_next()

    def _read_next(self) -> None:
        if self._queue and self.window is not None:
            self._read(self._queue.pop(0), self.window)

    def _read(self, tab: str, window: Window) -> None:
        if tab == "numbers":
            measurable = self.measurable_id  # the measurable in view only: its chart
            self.read_later(
                tab,
                lambda s: AnalyticsService(s).numbers(window, measurable, everything=False),
                self._numbers,
            )
        elif tab == "meetings":
            self.read_later(tab, lambda s: AnalyticsService(s).meetings(window), self._meetings)
        elif tab == "follow":
            self.read_later(tab, lambda s: AnalyticsService(s).follow_through(window), self._follow)
        else:
            self.read_later(
                tab, lambda s: AnalyticsService(s).numbers(window).off_track_twice, self._behind
            )

    def _show_header(self, window: Window) -> None:
        first, last = window.periods[0], window.periods[-1]
        who = window.team or _("whole department")
        self.query_one(HeaderBar).show(
            f"salestui · {self.screen_title}", f"{first.key} – {last.key} · {who}"
        )

    def _numbers(self, figures: NumbersFigures) -> None:
        self.numbers = figures
        self.measurable_id = figures.measurable.id if figures.measurable else None
        self._draw("numbers")
        self._read_next()

    def _behind(self, rows: list[ScorecardRow]) -> None:
        self.behind = rows
        self._draw("numbers")
        self._read_next()

    def _meetings(self, figures: MeetingFigures) -> None:
        self.meetings = figures
        self._draw("meetings")
        self._read_next()

    def _follow(self, figures: FollowThrough) -> None:
        self.follow = figures
        self._draw("follow")
        self._read_next()

    # -- drawing -----------------------------------------------------------------------

    def _draw_all(self) -> None:
        for tab in TABS:
            self._draw(tab)

    def _draw(self, tab: str) -> None:
        plot = self.query_one(f"#{tab}-chart", PlotextPlot)
        drawn = self._chart(tab, plot)
        if drawn is None:
            return
        title, legend, figures = drawn
        self.query_one(f"#{tab}-title", Static).update(Text(title, style="bold"))
        self.query_one(f"#{tab}-legend", Static).update(legend)
        self.query_one(f"#{tab}-figures", Static).update(figures)
        plot.refresh()
        self.loaded.add(tab)

    def _chart(self, tab: str, plot: PlotextPlot) -> tuple[str, Text, Any] | None:
        width = plot.size.width or self.size.width
        if tab == "numbers" and self.numbers is not None:
            charts.numbers_chart(plot.plt, self.numbers, width)
            return (text.numbers_title(self.numbers), text.numbers_legend(),
                    text.numbers_figures(self.numbers, self.behind))  # fmt: skip
        if tab == "meetings" and self.meetings is not None:
            if self.show_ratings:
                charts.ratings_chart(plot.plt, self.meetings, width)
                return (text.ratings_title(self.meetings), text.ratings_legend(self.meetings),
                        text.meetings_figures(self.meetings))  # fmt: skip
            charts.load_chart(plot.plt, self.meetings, width)
            legend = text.legend(("■", text.ACTUAL_STYLE, _("Hours")))
            return text.load_title(self.meetings), legend, text.meetings_figures(self.meetings)
        if tab == "follow" and self.follow is not None:
            charts.on_time_chart(plot.plt, self.follow, width)
            return (text.on_time_title(self.follow), text.on_time_legend(),
                    text.follow_figures(self.follow))  # fmt: skip
        return None

    # -- keys --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        active = self.query_one(TabbedContent).active if self.is_mounted else ""
        if action == "next_measurable":
            return active == "numbers"
        if action == "switch_chart":
            return active == "meetings"
        return True

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        self.call_after_refresh(self._draw_all)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_shift(self, steps: int) -> None:
        self.periods_back = max(0, self.periods_back - steps)
        self.reload_data()

    def action_weeks_or_months(self) -> None:
        self.kind = PeriodKind.MONTH if self.kind == PeriodKind.WEEK else PeriodKind.WEEK
        self.periods_back = 0
        self.reload_data()

    def action_next_team(self) -> None:
        """The whole department, then each team in turn."""
        choices: list[str | None] = [None, *self.teams]
        index = choices.index(self.team) if self.team in choices else 0
        self.team = choices[(index + 1) % len(choices)]
        self.reload_data()

    def action_next_measurable(self) -> None:
        if self.numbers is None or not self.numbers.measurables:
            return
        ids = [m.id for m in self.numbers.measurables]
        index = ids.index(self.measurable_id) if self.measurable_id in ids else -1
        self.measurable_id = ids[(index + 1) % len(ids)]
        window = self.window
        if window is None:
            return
        self._read("numbers", window)

    def action_switch_chart(self) -> None:
        self.show_ratings = not self.show_ratings
        self._draw("meetings")

    def action_report(self) -> None:
        """The window and team in view as the markdown report, to save or copy."""
        from salestui.tui.screens.analytics_report import AnalyticsReportScreen

        if self.window is not None:
            self.app.push_screen(AnalyticsReportScreen(self.services, self.window))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
