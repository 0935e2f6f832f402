"""What the Plan screen's keys that open another screen (or leave) do: templates, the
agenda preview (to circulate it), recurring series, the series' next meeting, the live
console, and going back.

``PlanCommands`` is a plain helper the screen owns, not a set of functions reaching into
it: it knows the screen only through ``PlanHost``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.app import App
from textual.notifications import SeverityLevel
from textual.widgets import Input

from salestui.core.models import Cadence, Template
from salestui.core.planning import Planning
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import _, ngettext
from salestui.tui.screens.hosts import Notifies
from salestui.tui.screens.plan_data import PLAN_ERRORS, problem
from salestui.tui.screens.plan_recurring import RecurringScreen, cadence_label

if TYPE_CHECKING:
    from textual.css.query import DOMQuery

    from salestui.tui.screens.plan_form import MeetingForm


class PlanHost(Notifies, Protocol):
    """What the commands need of the Plan screen."""

    services: Services
    planning: Planning
    meeting_id: int | None
    detail: MeetingDetail | None
    cadence: Cadence | None
    pending_template: Template | None

    @property
    def app(self) -> App[object]: ...
    @property
    def form(self) -> MeetingForm: ...
    @property
    def dirty(self) -> bool: ...
    @property
    def saved_minutes(self) -> str: ...
    def save(self) -> int | None: ...
    def ensure_meeting(self) -> int | None: ...
    def reload_data(self) -> None: ...
    def dismiss(self) -> object: ...
    def query(self, selector: str) -> DOMQuery: ...  # type: ignore[type-arg]


class PlanCommands:
    """The Plan screen's keys that open another screen, on the meeting its host plans."""

    def __init__(self, host: PlanHost) -> None:
        self.host = host
        self.escape_armed = False  # escape pressed once with unsaved changes

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A toast. Never markup: messages hold titles and names."""
        self.host.notify(message, severity=severity, markup=False)

    # -- templates --------------------------------------------------------------------------

    def choose_template(self) -> None:
        from salestui.tui.screens.plan_template import TemplateScreen

        host = self.host
        kind = host.form.typed().kind
        host.app.push_screen(
            TemplateScreen(host.services, kind, host.meeting_id), self.use_template
        )

    def use_template(self, template: Template | None) -> None:
        if template is None:
            return
        host = self.host
        typed = host.form.typed()
        if host.meeting_id is None:
            form = host.form
            form.set_kind(template.kind)
            if not typed.title.strip():
                form.set_field("title", template.name)
            if not typed.purpose.strip():
                form.set_field("purpose", template.purpose)
            if not typed.minutes.strip() or typed.minutes == host.saved_minutes:
                form.set_field("minutes", str(template.planned_minutes))
            host.pending_template = template
            self.say(
                ngettext(
                    "Template {name}: {count} item, added when you save (ctrl+s)",
                    "Template {name}: {count} items, added when you save (ctrl+s)",
                    len(template.items),
                ).format(name=template.name, count=len(template.items))
            )
        else:
            meeting_id = host.meeting_id
            try:
                host.planning.apply_template(meeting_id, template)
            except PLAN_ERRORS as error:
                self.say(problem(error), "error")
                return
            count = len(template.items)
            label = ngettext(
                "Added {count} item from {name}", "Added {count} items from {name}", count
            ).format(count=count, name=template.name)
            self.say(_("{what} - ctrl+z to undo").format(what=label))
        host.reload_data()

    # -- the meeting's other screens --------------------------------------------------------

    def saved_or_stop(self) -> int | None:
        """The meeting id with every typed change saved, or None when that is not possible."""
        host = self.host
        if host.meeting_id is None or host.dirty:
            return host.save()
        return host.meeting_id

    def circulate(self) -> None:
        meeting_id = self.saved_or_stop()
        if meeting_id is None:
            return
        from salestui.tui.screens.plan_preview import AgendaPreviewScreen

        host = self.host
        config = getattr(host.app, "config", None)
        export_dir = getattr(config, "export_dir", None)
        host.app.push_screen(
            AgendaPreviewScreen(host.services, meeting_id, export_dir),
            lambda _changed: host.reload_data(),
        )

    def make_recurring(self) -> None:
        meeting_id = self.saved_or_stop()
        if meeting_id is None:
            return
        host = self.host

        def chosen(cadence: Cadence | None) -> None:
            if cadence is None:
                return
            try:
                host.planning.make_recurring(meeting_id, cadence)
            except PLAN_ERRORS as error:
                self.say(problem(error), "error")
                return
            self.say(
                _("{cadence}: attendees and agenda saved as the series' defaults").format(
                    cadence=cadence_label(cadence)
                )
            )
            host.reload_data()

        # The series' cadence as last read (a meeting just saved has none yet).
        host.app.push_screen(RecurringScreen(host.cadence), chosen)

    def next_meeting(self) -> None:
        """The meeting after this one, as from the summary and the Meetings list
        (``Planning.next_after``): only once this one has been held, never two."""
        meeting_id = self.saved_or_stop()
        if meeting_id is None:
            return
        from salestui.tui.next_meeting import open_next_meeting

        open_next_meeting(self.host.app, self.host.services, meeting_id)

    def run_meeting(self) -> None:
        """Save, then open the live console (its start panel shows the warnings)."""
        meeting_id = self.host.ensure_meeting()
        if meeting_id is None:
            return
        from salestui.tui.screens.run import RunScreen

        self.host.app.switch_screen(RunScreen(self.host.services, meeting_id))

    # -- leaving ----------------------------------------------------------------------------

    def typed_anything(self) -> bool:
        """Whether leaving would lose something typed: the form, a chosen template, or text
        in the attendee or agenda inputs."""
        host = self.host
        if host.dirty or host.pending_template is not None:
            return True
        return any(
            field.value.strip()
            for field in host.query("AttendeesPane Input, AgendaPane Input").results(Input)
        )

    def back(self) -> None:
        host = self.host
        if host.meeting_id is None and self.typed_anything():
            # Nothing of a new meeting is stored yet: a yes/no question, not a second key.
            from salestui.tui.screens.run_prompt import AskScreen

            def answered(discard: bool | None) -> None:
                if discard:
                    host.dismiss()

            title = host.form.typed().title.strip()
            question = (
                _("Discard the new meeting {title}?").format(title=title)
                if title
                else _("Discard this new meeting?")
            )
            detail = _("Nothing of it is saved yet: n keeps editing, then ctrl+s saves it.")
            host.app.push_screen(AskScreen(question, detail), answered)
            return
        if host.dirty and not self.escape_armed:
            self.escape_armed = True
            self.say(
                _("Unsaved changes: ctrl+s saves them, escape again leaves without saving"),
                severity="warning",
            )
            return
        host.dismiss()
