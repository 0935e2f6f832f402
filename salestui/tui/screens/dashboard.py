"""My team: for me as a lead, each person of my reporting tree with their open, overdue
and done-this-week counts and their oldest open item. Enter opens that person's items."""

from __future__ import annotations

from functools import partial

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from salestui.core.actions_service import ActionsService, TeamLine
from salestui.core.models import Person
from salestui.core.service import Services
from salestui.i18n import N_, _, format_number
from salestui.tui import labels
from salestui.tui.screens.actions_table import age_label
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar

INDENT = 2  # cells per level of the reporting tree


class DashboardScreen(SalestuiScreen):
    SCREEN_TITLE = N_("My team")
    CSS_PATH = "dashboard.tcss"
    AUTO_FOCUS = ".team-table"
    BINDINGS = [
        # A priority binding: the table would take enter first (and hide it from the footer).
        Binding("enter", "open_person", N_("Their items"), priority=True, id="dashboard.person"),
        Binding("o", "open_overdue", N_("Their overdue"), id="dashboard.overdue"),
        Binding("w", "open_team", N_("Their whole team"), id="dashboard.team"),
        Binding("escape", "back", N_("Back"), show=False, id="dashboard.back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.ops = ActionsService(services)
        self.lines: list[TeamLine] = []

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield Static(id="dash-note")
        yield FitTable(classes="team-table")
        yield Static(id="dash-totals")
        yield SalestuiFooter()

    def on_mount(self) -> None:
        self.reload_data()

    def on_screen_resume(self) -> None:
        if self.lines:
            self.reload_data()

    def reload_data(self) -> None:
        """Read who I am and my team's lines in a worker; draw them when they are in."""
        when = labels.long_date(self.services.clock.today())

        def read(reads: Services) -> tuple[Person, list[TeamLine]] | None:
            me = reads.me()
            return None if me is None else (me, ActionsService(reads).team(me))

        self.read_later("team", read, partial(self._loaded, when))

    def _loaded(self, when: str, read: tuple[Person, list[TeamLine]] | None) -> None:
        if read is None:
            self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", when)
            self.query_one("#dash-note", Static).update(Text(_(
                "Who are you? Set me in the config file (me = \"王芳\") or "
                "SALESTUI_ME, then press r.")))  # fmt: skip
            self.set_class(True, "-no-me")
            return
        self.set_class(False, "-no-me")
        me, lines = read
        self.lines = lines
        title = f"salestui · {self.screen_title}"
        note = self.query_one("#dash-note", Static)
        self.query_one(HeaderBar).show(
            title, _("{date} · {name} ({role})").format(
                date=when, name=me.name, role=labels.role(me.role)
            ),
        )  # fmt: skip
        if len(self.lines) == 1:
            note.update(Text(_("No one reports to you yet; your own items are below.")))
        else:
            note.update(Text(_("Your reporting line: enter opens a person's open items.")))
        self._show_table()

    def _show_table(self) -> None:
        theme = self.app.current_theme
        today = self.services.clock.today()
        labels_ = {
            "open": _("Still open"),
            "overdue": _("Overdue"),
            "done": _("Done this week"),
        }
        columns = [
            FitColumn("person", _("Person"), min_width=8),
            FitColumn("role", _("Role")),
            FitColumn("open", labels_["open"], justify="right"),
            FitColumn("overdue", labels_["overdue"], justify="right"),
            FitColumn("done", labels_["done"], justify="right"),
            FitColumn("oldest", _("Oldest open item"), ratio=1, min_width=12),
            FitColumn("age", _("Age"), justify="right"),
        ]

        def number(value: int, column: str, style: str = "") -> Text:
            # Padded to the heading: counts line up on the right under it.
            width = cell_len(labels_[column])
            return Text(str(value).rjust(width), style=style if value else "dim")

        rows = []
        for line in self.lines:
            person = line.person
            name = Text(" " * (INDENT * line.depth) + person.name, style="bold" if not line.depth
                        else "")  # fmt: skip
            overdue_style = f"bold {theme.error}" if line.overdue else "dim"
            oldest = line.oldest
            rows.append(
                FitRow(
                    f"person-{person.id}",
                    [
                        name,
                        labels.role(person.role),
                        number(line.open, "open"),
                        number(line.overdue, "overdue", overdue_style),
                        number(line.done_this_week, "done"),
                        Text(oldest.title if oldest else "-", style="" if oldest else "dim"),
                        age_label(oldest.created_at, today) if oldest else "",
                    ],
                )
            )
        self.query_one(FitTable).set_data(columns, rows)
        totals = Text(
            _("Team: {open} open, {overdue} overdue, {done} done this week").format(
                open=format_number(sum(line.open for line in self.lines)),
                overdue=format_number(sum(line.overdue for line in self.lines)),
                done=format_number(sum(line.done_this_week for line in self.lines)),
            )
        )
        self.query_one("#dash-totals", Static).update(totals)

    def _person_id(self) -> int | None:
        table = self.query_one(FitTable)
        if not self.lines or table.cursor_row < 0 or table.cursor_row >= len(self.lines):
            return None
        return self.lines[table.cursor_row].person.id

    def _open(self, view: str) -> None:
        from salestui.tui.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.services, view))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # Enter on the table (the table takes the key before the screen's binding does).
        event.stop()
        self.action_open_person()

    def action_open_person(self) -> None:
        person_id = self._person_id()
        if person_id is not None:
            self._open(f"person:{person_id}")

    def action_open_overdue(self) -> None:
        person_id = self._person_id()
        if person_id is not None:
            self._open(f"person:{person_id}:overdue")

    def action_open_team(self) -> None:
        person_id = self._person_id()
        if person_id is not None:
            self._open(f"team:{person_id}")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
