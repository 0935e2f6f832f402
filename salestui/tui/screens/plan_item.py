"""Add or edit one agenda item: title, presenter, timebox, kind. Nothing is saved until
every field is valid; each bad field says what is wrong beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from salestui.core.export.agenda import AGENDA_KIND_LABELS
from salestui.core.meeting_form import MAX_ITEM_TITLE, parse_minutes, too_long
from salestui.core.models import AgendaItem, AgendaKind, Person
from salestui.core.planning import Planning
from salestui.core.service import MAX_TIMEBOX, Services
from salestui.core.service_people import person_in
from salestui.core.text import clean_line
from salestui.i18n import N_, _
from salestui.tui.screens.base import ReadsLater
from salestui.tui.screens.plan_data import PLAN_ERRORS, problem

DEFAULT_TIMEBOX = 10


class AgendaItemScreen(ReadsLater, ModalScreen[AgendaItem | None]):
    """Returns the saved item, or None when cancelled."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="plan.item.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="plan.item.save"),
    ]

    def __init__(
        self, services: Services, meeting_id: int, item: AgendaItem | None, presenter: str = ""
    ) -> None:
        """``presenter``: the name of the item's presenter, as the agenda shows it."""
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.item = item
        self.presenter = presenter
        self.people: list[Person] | None = None  # who can present: read in a worker

    def compose(self) -> ComposeResult:
        item = self.item
        presenter = self.presenter if item is not None else ""
        with Vertical(id="item-box", classes="plan-dialog") as box:
            box.border_title = _("Edit agenda item") if item else _("Add agenda item")
            box.border_subtitle = _("enter saves · escape cancels")
            yield from self._row("title", N_("Item"), Input(item.title if item else ""))
            yield from self._row("presenter", N_("Presenter"), Input(presenter))
            minutes = str(item.timebox_minutes if item else DEFAULT_TIMEBOX)
            yield from self._row("minutes", N_("Minutes"), Input(minutes))
            kinds = [(_(label), kind) for kind, label in AGENDA_KIND_LABELS.items()]
            select: Select[AgendaKind] = Select(
                kinds,
                value=item.kind if item else AgendaKind.DISCUSSION,
                allow_blank=False,
                compact=True,
            )
            yield from self._row("kind", N_("Kind"), select)
            yield Static(classes="form-error", id="item-error-general")

    @staticmethod
    def _row(name: str, label: str, widget: Input | Select) -> ComposeResult:
        widget.id = f"item-{name}"
        if isinstance(widget, Input):
            widget.compact = True
            widget.select_on_focus = True
        with Horizontal(classes="form-row"):
            yield Label(_(label), classes="form-label")
            yield widget
            yield Static(classes="form-hint", id=f"item-hint-{name}")
        yield Static(classes="form-error", id=f"item-error-{name}")

    def on_mount(self) -> None:
        self.query_one("#item-title", Input).focus()
        self._hint_presenter()
        self.read_later("item-people", lambda services: services.people(), self._people_read)

    def _people_read(self, people: list[Person]) -> None:
        self.people = people
        self._hint_presenter()

    def _value(self, name: str) -> str:
        return self.query_one(f"#item-{name}", Input).value

    def _show_error(self, name: str, message: str) -> None:
        error = self.query_one(f"#item-error-{name}", Static)
        error.update(Text(f"✗ {message}" if message else ""))
        error.set_class(bool(message), "-shown")
        if name != "general":
            self.query_one(f"#item-{name}").set_class(bool(message), "-invalid")

    def _hint_presenter(self) -> None:
        hint = Text()
        text = self._value("presenter").strip()
        if text and self.people is None:
            hint.append(_("Reading…"), style="dim")
        elif text and self.people is not None:
            try:
                hint.append("→ " + person_in(text, self.people).name, style="bold")
            except PLAN_ERRORS:
                hint.append("?", style="bold")
        self.query_one("#item-hint-presenter", Static).update(hint)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "item-presenter":
            self._hint_presenter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        title = clean_line(self._value("title"))
        if not title:
            errors["title"] = _("An agenda item needs a title")
        elif len(title) > MAX_ITEM_TITLE:
            errors["title"] = too_long(MAX_ITEM_TITLE)
        minutes = 0
        try:
            minutes = parse_minutes(self._value("minutes"), MAX_TIMEBOX)
        except PLAN_ERRORS as error:
            errors["minutes"] = problem(error)
        presenter_text = self._value("presenter").strip()
        presenter_id: int | None = None
        if presenter_text and self.people is None:
            errors["presenter"] = _("Reading…")
        elif presenter_text and self.people is not None:
            try:
                presenter_id = person_in(presenter_text, self.people).id
            except PLAN_ERRORS as error:
                errors["presenter"] = problem(error)
        for name in ("title", "presenter", "minutes", "general"):
            self._show_error(name, errors.get(name, ""))
        if errors:
            first = next(n for n in ("title", "presenter", "minutes") if n in errors)
            self.query_one(f"#item-{first}", Input).focus()
            return
        kind = self.query_one("#item-kind", Select).value
        kind = kind if isinstance(kind, AgendaKind) else AgendaKind.DISCUSSION
        try:
            if self.item is None or self.item.id is None:
                saved = self.services.add_agenda_item(
                    self.meeting_id, title, minutes=minutes, presenter=presenter_id, kind=kind
                )
            else:
                saved = Planning(self.services).edit_item(
                    self.item.id,
                    title=title,
                    minutes=minutes,
                    presenter=presenter_id,
                    clear_presenter=presenter_id is None,
                    kind=kind,
                )
        except PLAN_ERRORS as error:
            self._show_error("general", problem(error))
            return
        self.dismiss(saved)
