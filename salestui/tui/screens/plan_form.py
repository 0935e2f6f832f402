"""The meeting form of the Plan screen: one line per field, its check shown beside it.

The form never writes: it reads the fields (``typed``), checks them (``check``) and shows
each field's problem inline. The screen saves when the whole form is valid.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Select, Static

from salestui.core.meeting_form import CheckedForm, FormInput, check_form
from salestui.core.models import MeetingKind, Person
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.plan_data import moment_label
from salestui.tui.widgets.show import show_text

# (field, label, placeholder)
_INPUTS = (
    ("title", N_("Title"), N_("e.g. 周例会 第48周")),
    ("purpose", N_("Purpose"), N_("Why meet? What must be decided?")),
    ("chair", N_("Chair"), N_("name, prefix or pinyin initials")),
    ("start", N_("Start"), N_("明天 9:00, mon 14:30, 2026-12-07 09:30")),
    ("minutes", N_("Length (min)"), N_("minutes, e.g. 60")),
    ("location", N_("Location"), N_("room, city or link")),
)
_REQUIRED = ("title", "purpose")


class MeetingForm(VerticalScroll):
    """Title, kind, purpose, chair, start, length, location."""

    @dataclass
    class Edited(Message):
        """A field changed (the screen updates what depends on it)."""

        form: MeetingForm
        field: str

        @property
        def control(self) -> MeetingForm:
            return self.form

    def __init__(self, services: Services, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, can_focus=False)
        self.services = services
        self._show_required = False  # empty required fields are flagged after a save attempt
        self._loading = False
        self.people: list[Person] | None = None  # whom the chair can name: the screen's read

    def compose(self) -> ComposeResult:
        for name, label, placeholder in _INPUTS[:1]:
            yield from self._row(name, label, Input(placeholder=_(placeholder), compact=True))
        kinds = [(labels.meeting_kind(kind), kind) for kind in MeetingKind]
        select: Select[MeetingKind] = Select(
            kinds, value=MeetingKind.OTHER, allow_blank=False, compact=True
        )
        yield from self._row("kind", N_("Kind"), select)
        for name, label, placeholder in _INPUTS[1:]:
            yield from self._row(name, label, Input(placeholder=_(placeholder), compact=True))

    @staticmethod
    def _row(name: str, label: str, widget: Input | Select) -> ComposeResult:
        widget.id = f"field-{name}"
        widget.add_class("form-field")
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(_(label), classes="form-label")
            yield widget
            yield Static(classes="form-hint", id=f"hint-{name}")
        yield Static(classes="form-error", id=f"error-{name}")

    # -- reading and writing the fields ---------------------------------------------------

    def _input(self, name: str) -> Input:
        return self.query_one(f"#field-{name}", Input)

    @property
    def kind_select(self) -> Select[MeetingKind]:
        return self.query_one("#field-kind", Select)

    def typed(self) -> FormInput:
        kind = self.kind_select.value
        return FormInput(
            title=self._input("title").value,
            kind=kind if isinstance(kind, MeetingKind) else MeetingKind.OTHER,
            purpose=self._input("purpose").value,
            chair=self._input("chair").value,
            start=self._input("start").value,
            minutes=self._input("minutes").value,
            location=self._input("location").value,
        )

    def load(self, values: FormInput) -> None:
        """Show ``values`` (a stored meeting, or the defaults of a new one)."""
        self._loading = True
        try:
            for name in ("title", "purpose", "chair", "start", "minutes", "location"):
                self._input(name).value = getattr(values, name)
                self._input(name).cursor_position = 0  # show the start of long text
            self.kind_select.value = values.kind
        finally:
            self._loading = False
        self.check()

    def set_field(self, name: str, value: str) -> None:
        self._input(name).value = value
        self._input(name).cursor_position = 0

    def set_kind(self, kind: MeetingKind) -> None:
        self.kind_select.value = kind

    def set_kind_hint(self, hint: str) -> None:
        show_text(self.query_one("#hint-kind", Static), Text(hint, style="italic"))

    def focus_field(self, name: str) -> None:
        widget = self.kind_select if name == "kind" else self._input(name)
        widget.focus()

    # -- checking ----------------------------------------------------------------------------

    def check(self, *, show_required: bool = False) -> CheckedForm:
        """Check every field and show the results; ``show_required`` flags empty ones too."""
        self._show_required = self._show_required or show_required
        typed = self.typed()
        checked = check_form(self.services, typed, self.people or [])
        if self.people is None and typed.chair.strip():
            checked.errors["chair"] = _("Reading…")  # the people are not read yet
        for name in ("title", "purpose", "chair", "start", "minutes", "location"):
            message = checked.errors.get(name, "")
            empty = not str(getattr(typed, name)).strip()
            if name in _REQUIRED and empty and not self._show_required:
                message = ""  # not "needs a title" before anyone tried to save
            self._show_error(name, message)
        self._show_hints(checked)
        return checked

    def _show_error(self, name: str, message: str) -> None:
        error = self.query_one(f"#error-{name}", Static)
        show_text(error, Text(f"✗ {message}" if message else ""))
        error.set_class(bool(message), "-shown")
        self.query_one(f"#field-{name}").set_class(bool(message), "-invalid")

    def _show_hints(self, checked: CheckedForm) -> None:
        today = self.services.clock.today()
        theme = self.app.current_theme
        start_hint = Text()
        if "start" in checked.errors:
            start_hint.append(_("not understood"), style=f"bold {theme.error}")
        elif checked.start is None:
            start_hint.append(_("not scheduled"), style="dim")
        else:
            start_hint.append(moment_label(checked.start, today), style="bold")
            if checked.start < self.services.clock.now():
                start_hint.append(" · " + _("in the past"), style=f"{theme.warning}")
        show_text(self.query_one("#hint-start", Static), start_hint)
        chair_hint = Text()
        if checked.chair_name:
            chair_hint.append("→ " + checked.chair_name, style="bold")
        show_text(self.query_one("#hint-chair", Static), chair_hint)
        minutes_hint = Text()
        if checked.minutes and checked.minutes >= 60:
            hours, minutes = divmod(checked.minutes, 60)
            length = (
                _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
                if minutes
                else _("{hours} h").format(hours=hours)
            )
            minutes_hint.append("= " + length, style="dim")
        show_text(self.query_one("#hint-minutes", Static), minutes_hint)

    # -- events ------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._loading or event.input.id is None:
            return
        self.check()
        self.post_message(self.Edited(self, event.input.id.removeprefix("field-")))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not self._loading:
            self.post_message(self.Edited(self, "kind"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, like tab."""
        event.stop()
        self.screen.focus_next()
