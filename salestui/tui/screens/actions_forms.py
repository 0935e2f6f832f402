"""A small keyboard form in a modal: labelled one-line fields, an inline error, no mouse.

The caller passes ``on_submit(values)``; it raises ``SalestuiError`` for bad input (the
message shows under the fields and nothing is saved) or returns the message to show once
the change is made. Enter submits from any field, Tab moves on, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from salestui.core.errors import SalestuiError
from salestui.i18n import N_, _


@dataclass
class FormField:
    key: str
    label: str  # already translated
    value: str = ""
    placeholder: str = ""
    choices: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (value, label)
    # For a field that takes people or a date: what the text typed so far resolves to
    # (``王芳, Li Ming``, ``Fri 4 Dec``), shown under the fields before saving; raises
    # ``SalestuiError`` with the reason it cannot be saved.
    resolve: Callable[[str], str] | None = None

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)


class ChoiceField(Static, can_focus=True):
    """One of a few values, changed with left/right or space: ``‹ waiting ›``."""

    BINDINGS = [
        Binding("right,space", "step(1)", N_("Next choice"), show=False),
        Binding("left", "step(-1)", N_("Previous choice"), show=False),
    ]

    def __init__(self, choices: Sequence[tuple[str, str]], value: str, id: str) -> None:  # noqa: A002
        super().__init__(id=id, classes="form-choice")
        self.choices = list(choices)
        values = [v for v, _label in self.choices]
        self.index = values.index(value) if value in values else 0

    @property
    def value(self) -> str:
        return self.choices[self.index][0]

    def on_mount(self) -> None:
        self._show()

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.choices)
        self._show()

    def _show(self) -> None:
        self.update(Text(f"‹ {self.choices[self.index][1]} ›"))


class FormScreen(ModalScreen[str | None]):
    """Dismissed with the success message, or None when cancelled."""

    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("enter", "submit", N_("Save"), id="form.submit"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        on_submit: Callable[[dict[str, str]], str],
        hint: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.on_submit = on_submit
        self.hint = hint

    def compose(self) -> ComposeResult:
        label_width = max(cell_len(f.label) for f in self.fields) + 1
        with Vertical(id="form-box"):
            yield Static(Text(self.form_title, style="bold"), id="form-title")
            for spec in self.fields:
                with Horizontal(classes="form-row"):
                    label = Static(Text(spec.label), classes="form-label")
                    label.styles.width = label_width
                    yield label
                    if spec.is_choice:
                        yield ChoiceField(spec.choices, spec.value, id=f"field-{spec.key}")
                    else:
                        yield Input(
                            spec.value,
                            placeholder=spec.placeholder,
                            id=f"field-{spec.key}",
                            compact=True,
                            classes="form-input",
                        )
            yield Static(id="form-resolved")
            yield Static(id="form-error")
            hint = self.hint or _("Enter: save · Tab: next field · Esc: cancel")
            yield Static(Text(hint, style="dim"), id="form-hint")

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            out[spec.key] = widget.value if isinstance(widget, Input | ChoiceField) else ""
        return out

    def on_mount(self) -> None:
        self._show_resolved()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_resolved()

    def _show_resolved(self) -> None:
        """``Due → Fri 4 Dec`` for every people/date field holding text (issue 10 §3)."""
        text = Text()
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            if spec.resolve is None or not isinstance(widget, Input) or not widget.value.strip():
                continue
            if text:
                text.append("\n")
            try:
                text.append(f"{spec.label} → {spec.resolve(widget.value)}")
            except SalestuiError as problem:
                text.append(f"{spec.label}: {problem}", style="bold")
        resolved = self.query_one("#form-resolved", Static)
        resolved.update(text)
        resolved.set_class(bool(text), "-shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        error = self.query_one("#form-error", Static)
        try:
            message = self.on_submit(self.values())
        except SalestuiError as problem:
            error.update(Text(str(problem)))
            error.add_class("-shown")
            return
        self.dismiss(message)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickScreen(ModalScreen[str | None]):
    """Pick one of a list with up/down and Enter; ``delete`` removes a deletable one."""

    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("escape", "dismiss_none", N_("Cancel"), id="pick.cancel"),
        Binding("delete", "delete", N_("Delete saved view"), id="pick.delete"),
    ]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, str]],
        current: str | None = None,
        on_delete: Callable[[str], str] | None = None,
        deletable: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.options = list(options)
        self.current = current
        self.on_delete = on_delete
        self.deletable = deletable or (lambda key: False)

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static(Text(self.pick_title, style="bold"), id="pick-title")
            yield OptionList(*[Option(Text(label), id=key) for key, label in self.options])
            hint = _("Enter: open · Del: delete a saved view · Esc: cancel")
            yield Static(Text(hint, style="dim"), id="pick-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _label in self.options]
        if self.current in keys:
            options.highlighted = keys.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or self.on_delete is None:
            return
        key = self.options[options.highlighted][0]
        if not self.deletable(key):
            self.notify(_("Only saved views can be deleted"), severity="warning", markup=False)
            return
        try:
            message = self.on_delete(key)
        except SalestuiError as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.options = [o for o in self.options if o[0] != key]
        options.remove_option(key)
        self.notify(message, markup=False)
