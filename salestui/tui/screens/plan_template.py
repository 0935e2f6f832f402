"""Pick a meeting template (its purpose, length and agenda items), or rewrite one from the
meeting being planned - the templates live in the database and are the user's to edit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from salestui.core.export.agenda import AGENDA_KIND_LABELS
from salestui.core.models import MeetingKind, Template
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.plan_data import PLAN_ERRORS, problem, say, template_from_meeting


class TemplateScreen(ModalScreen[Template | None]):
    """Returns the chosen template, or None."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="plan.template.cancel"),
        Binding("enter", "choose", N_("Use template"), id="plan.template.use"),
        Binding("u", "update", N_("Update from this meeting"), id="plan.template.update"),
    ]

    def __init__(self, services: Services, kind: MeetingKind, meeting_id: int | None) -> None:
        super().__init__()
        self.services = services
        self.planning = Planning(services)
        self.kind = kind
        self.meeting_id = meeting_id
        self.templates: list[Template] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="template-box", classes="plan-dialog") as box:
            box.border_title = _("Start from a template")
            box.border_subtitle = _("enter uses it · escape cancels")
            yield OptionList(id="template-list")
            yield Static(id="template-items")

    def on_mount(self) -> None:
        self._load()
        self.query_one(OptionList).focus()

    def _load(self, keep: int | None = None) -> None:
        try:
            found = self.planning.templates()
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            found = []
        # The chosen kind's templates first.
        self.templates = sorted(found, key=lambda t: t.kind != self.kind)
        options = []
        for template in self.templates:
            prompt = Text(template.name, style="bold")
            prompt.append(
                "  "
                + _("{kind} · {minutes} min · {count} items").format(
                    kind=labels.meeting_kind(template.kind),
                    minutes=template.planned_minutes,
                    count=len(template.items),
                ),
                style="dim",
            )
            options.append(Option(prompt, id=str(template.id)))
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        if options:
            option_list.highlighted = keep if keep is not None else 0
        self._show_items()

    def _current(self) -> Template | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.templates):
            return None
        return self.templates[index]

    def _show_items(self) -> None:
        template = self._current()
        text = Text()
        if template is None:
            text.append(_("No templates."), style="dim")
        else:
            text.append(_("Purpose: {purpose}").format(purpose=template.purpose or "-"))
            for number, item in enumerate(template.items, start=1):
                text.append(f"\n{number}. {item.title}")
                text.append(
                    "  "
                    + _("{minutes} min, {kind}").format(
                        minutes=item.timebox_minutes, kind=_(AGENDA_KIND_LABELS[item.kind])
                    ),
                    style="dim",
                )
        self.query_one("#template-items", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_items()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        template = self._current()
        if template is not None:
            self.dismiss(template)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "update":
            return self.meeting_id is not None
        return True

    def action_update(self) -> None:
        template = self._current()
        if template is None or self.meeting_id is None:
            return
        try:
            detail = self.services.meeting_detail(self.meeting_id)
            if not detail.agenda:
                say(self, _("This meeting has no agenda to copy yet"), "warning")
                return
            self.planning.save_template(
                template_from_meeting(template, detail.meeting, detail.agenda)
            )
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return
        say(self, _("Template {name} now follows this meeting").format(name=template.name))
        self._load(keep=self.query_one(OptionList).highlighted)
