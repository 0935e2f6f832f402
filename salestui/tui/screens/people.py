"""People: the organisation as a reporting tree (director > deputy / leads > members),
with role, team and manager; add and edit people in a modal form."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from salestui.core.errors import SalestuiError
from salestui.core.models import Person, Role
from salestui.core.names import candidates
from salestui.core.service import Services
from salestui.i18n import N_, _, ngettext
from salestui.tui import labels
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.people_tree import TreeLine, tree_lines
from salestui.tui.screens.person_form import PersonFormScreen
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar

AUTO_RELOAD_SECONDS = 60


class PeopleScreen(SalestuiScreen):
    SCREEN_TITLE = N_("People and reporting lines")
    CSS_PATH = "people.tcss"
    AUTO_FOCUS = ".people-table"
    BINDINGS = [
        Binding("a", "add", N_("Add person"), id="people.add"),
        Binding("insert", "add", N_("Add person"), show=False, id="people.add_insert"),
        Binding("e", "edit", N_("Edit"), id="people.edit"),
        # A priority binding: the table's own enter would otherwise hide it from the footer.
        Binding("enter", "edit", N_("Edit"), show=False, priority=True, id="people.edit_enter"),
        Binding("u", "undo", N_("Undo edit"), id="people.undo"),
        Binding("slash", "find", N_("Find"), key_display="/", id="people.find"),
        Binding("escape", "back", N_("Back"), id="people.back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.lines: list[TreeLine] = []
        self._loaded = False
        self._select: int | None = None  # where the cursor goes when the next read is in
        self._undo: Person | None = None  # the person as they were before the last edit

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield FitTable(classes="people-table")
        yield Static(id="people-empty")
        yield Static(id="person-detail")
        yield Input(placeholder=_("find: name, prefix or initials"), id="people-find", compact=True)
        yield SalestuiFooter()

    @property
    def table(self) -> FitTable:
        return self.query_one(".people-table", FitTable)

    def on_mount(self) -> None:
        self.reload_data()
        self.set_interval(AUTO_RELOAD_SECONDS, self.reload_data)

    def on_screen_resume(self) -> None:
        if self._loaded:
            self.reload_data()

    def on_resize(self, event: events.Resize) -> None:
        if self._loaded:
            self._show()

    # -- data ----------------------------------------------------------------------------

    def reload_data(self, select: int | None = None) -> None:
        """Read everyone off the UI thread, then draw the tree. ``select``: the person the
        cursor goes to (e.g. the one just added), even if another read replaces this one."""
        if select is not None:
            self._select = select
        self.read_later("people", lambda services: services.people(), self._loaded_people)

    def _loaded_people(self, people: list[Person]) -> None:
        select, self._select = self._select, None
        self.lines = tree_lines(people)
        self._loaded = True
        self._show(select)

    def _show(self, select: int | None = None) -> None:
        people = [line.person for line in self.lines]
        teams = {p.team for p in people if p.team}
        self.query_one(HeaderBar).show(
            f"salestui · {self.screen_title}",
            ngettext("{people} person", "{people} people", len(people)).format(people=len(people))
            + " · "
            + ngettext("{teams} team", "{teams} teams", len(teams)).format(teams=len(teams)),
        )
        self.set_class(not self.lines, "-empty")
        if not self.lines:
            self.query_one("#people-empty", Static).update(self._empty_text())
            self.query_one("#person-detail", Static).update("")
            return
        table = self.table
        wanted = f"person-{select}" if select is not None else self._current_key()
        names = {line.person.id: line.person.name for line in self.lines}
        rows = [self._row(line, names) for line in self.lines]
        width = table.scrollable_content_region.width or self.size.width
        table.set_data(self._columns(rows, width), rows)
        if wanted in table.row_keys:
            table.move_cursor(row=table.row_keys.index(wanted), animate=False)
        self._show_detail()

    def _columns(self, rows: list[FitRow], width: int) -> list[FitColumn]:
        """The name column shrinks (with an ellipsis) only when everything cannot fit; else
        the columns keep their natural widths and the last one takes the spare room, so
        role and team sit next to the names."""
        labels_ = [_("Name"), _("Role"), _("Team"), _("Reports to")]
        natural = [
            max([cell_len(label), *(cell_len(str(row.cells[i])) for row in rows)]) + 2
            for i, label in enumerate(labels_)
        ]
        fits = sum(natural) <= width
        return [
            FitColumn("name", labels_[0], ratio=0 if fits else 1, min_width=12),
            FitColumn("role", labels_[1]),
            FitColumn("team", labels_[2], ratio=0 if fits else 1, min_width=6),
            FitColumn("manager", labels_[3], ratio=1, min_width=6),
        ]

    def _row(self, line: TreeLine, names: dict[int | None, str]) -> FitRow:
        person = line.person
        name = Text()
        name.append(line.prefix, style="dim")
        name.append(person.name, style="bold" if person.role == Role.DIRECTOR else "")
        manager = names.get(person.reports_to, "") if person.reports_to else ""
        return FitRow(
            f"person-{person.id}",
            [
                name,
                labels.role(person.role),
                person.team or "-",
                manager or "-",
            ],
        )

    def _empty_text(self) -> Text:
        text = Text()
        text.append(_("No people yet"), style="bold")
        text.append("\n\n")
        text.append(
            _("Press a to add the first person (start with the director), or run `salestui demo`.")
        )
        return text

    # -- the highlighted person's reporting line, shown under the table ------------------

    def _current_key(self) -> str | None:
        keys = self.table.row_keys
        row = self.table.cursor_row
        return keys[row] if 0 <= row < len(keys) else None

    def current_person(self) -> Person | None:
        key = self._current_key()
        if key is None:
            return None
        person_id = int(key.removeprefix("person-"))
        return next((ln.person for ln in self.lines if ln.person.id == person_id), None)

    @on(DataTable.RowHighlighted, ".people-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        person = self.current_person()
        detail = self.query_one("#person-detail", Static)
        if person is None:
            detail.update("")
            return
        by_id = {ln.person.id: ln.person for ln in self.lines}
        chain = [person.name]
        seen = {person.id}
        manager_id = person.reports_to
        while manager_id in by_id and manager_id not in seen:
            seen.add(manager_id)
            chain.append(by_id[manager_id].name)
            manager_id = by_id[manager_id].reports_to
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(_("Reporting line: "), style="dim")
        text.append(" › ".join(reversed(chain)))
        staff = next((ln.staff for ln in self.lines if ln.person.id == person.id), 0)
        if staff:
            text.append("   ")
            text.append(_("Direct reports: {count}").format(count=staff), style="dim")
        detail.update(text)

    @on(DataTable.RowSelected, ".people-table")
    def _row_clicked(self) -> None:
        self.action_edit()  # a click on the highlighted row (enter is the screen's key)

    # -- actions -------------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(PersonFormScreen(self.services), self._added)

    def _added(self, person: Person | None) -> None:
        if person is None:
            return
        self.notify(_("Added {name}").format(name=person.name))
        self.reload_data(select=person.id)

    def action_edit(self) -> None:
        if self.finder.has_focus:  # enter in the find box: stay on the person found
            self._close_finder()
            return
        person = self.current_person()
        if person is None:
            return
        before = person.model_copy()

        def edited(saved: Person | None) -> None:
            if saved is None:
                return
            self._undo = before
            self.notify(_("Saved {name}; u undoes the change").format(name=saved.name))
            self.reload_data(select=saved.id)

        self.app.push_screen(PersonFormScreen(self.services, person), edited)

    def action_undo(self) -> None:
        before = self._undo
        if before is None or before.id is None:
            self.notify(_("Nothing to undo"), severity="warning")
            return
        try:
            self.services.edit_person(
                before.id,
                name=before.name,
                role=before.role,
                team=before.team,
                reports_to=before.reports_to,
                login=before.login,
            )
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self._undo = None
        self.notify(_("Undone: {name} is as before").format(name=before.name))
        self.reload_data(select=before.id)

    # -- find a person by typing (the same rules as everywhere a name is typed) ----------

    @property
    def finder(self) -> Input:
        return self.query_one("#people-find", Input)

    def action_find(self) -> None:
        if not self.lines:
            return
        self.finder.add_class("-open")
        self.finder.focus()

    def _close_finder(self) -> None:
        with self.finder.prevent(Input.Changed):
            self.finder.value = ""
        self.finder.remove_class("-open")
        self.table.focus()

    @on(Input.Changed, "#people-find")
    def _find(self, event: Input.Changed) -> None:
        found = candidates(event.value, [line.person for line in self.lines])
        self.finder.set_class(bool(event.value.strip()) and not found, "-problem")
        if found:
            keys = self.table.row_keys
            self.table.move_cursor(row=keys.index(f"person-{found[0].id}"), animate=False)

    def action_back(self) -> None:
        if self.finder.has_focus:
            self._close_finder()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
