"""Circulate the agenda: read it as the participants will, send it to every invitee by
email (with an invitation; the meeting counts as circulated once all of it went), write
it to a file, or just record that it went out another way (rule 2 of the handbook: send
the agenda in advance). The agenda is read and rendered, and the mail sent, in thread
workers; the UI thread only shows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Markdown, Static

from salestui.core.errors import SalestuiError
from salestui.core.export.agenda import render_agenda
from salestui.core.export.files import write_atomic
from salestui.core.models import Meeting
from salestui.core.outbox import SendReport
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.i18n import N_, _, ngettext
from salestui.tui.screens.plan_data import (
    PLAN_ERRORS,
    default_agenda_path,
    moment_label,
    problem,
    say,
)


def circulated_label(meeting: Meeting, today: date) -> str:
    """``Agenda circulated Fri 27 Nov 08:30`` or ``Agenda not circulated yet``."""
    if meeting.agenda_circulated_at is None:
        return _("Agenda not circulated yet")
    when = moment_label(meeting.agenda_circulated_at, today)
    return _("Agenda circulated {when}").format(when=when)


class AgendaPreviewScreen(ModalScreen[bool]):
    """Returns True when the meeting was marked circulated."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="plan.preview.close"),
        Binding("w", "write", N_("Write to file"), id="plan.preview.write"),
        Binding("s", "send", N_("Send to invitees"), id="plan.preview.send"),
        Binding("c", "circulate", N_("Mark circulated"), id="plan.preview.circulate"),
    ]

    def __init__(self, services: Services, meeting_id: int, export_dir: str | None = None):
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.export_dir = export_dir
        self.text = ""
        self.meeting: Meeting | None = None  # as last read
        self.circulated = False
        self.sending = False
        self._confirm: Path | None = None  # a file that exists: enter again replaces it

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-box", classes="plan-dialog") as box:
            box.border_title = _("Agenda preview")
            box.border_subtitle = _("s send · w write to file · c mark circulated · escape close")
            yield Static(id="preview-status")
            with VerticalScroll(id="preview-scroll"):
                yield Markdown("", id="preview-markdown")
            with Horizontal(id="preview-write"):
                yield Label(_("File"), classes="form-label")
                yield Input(id="preview-path", compact=True)
            yield Static(id="preview-message")

    def on_mount(self) -> None:
        self.query_one("#preview-write").display = False
        self.query_one("#preview-scroll").focus()
        self._read()

    @work(thread=True, exclusive=True, group="read:agenda-preview")
    def _read(self) -> None:
        """The meeting and its agenda as it will go out, on this thread's connection."""
        services = self.app.readers.services()  # type: ignore[attr-defined]
        try:
            detail = services.meeting_detail(self.meeting_id)
            secret = sum(1 for item in detail.agenda if item.confidential)
            found: tuple[Meeting | None, str, str, int] = (
                detail.meeting,
                render_agenda(detail, True),
                "",
                secret,
            )
        except PLAN_ERRORS as error:
            found = (None, problem(error), problem(error), 0)
        self.app.call_from_thread(self._loaded, *found)

    def _loaded(self, meeting: Meeting | None, text: str, problem_text: str, secret: int) -> None:
        if not self.is_attached:
            return  # closed meanwhile
        self.meeting, self.text = meeting, text
        self.query_one("#preview-markdown", Markdown).update(text)
        self._show_status(problem_text)
        if secret:  # say what the preview does not show
            self._message(
                ngettext(
                    "{n} confidential item is left out of the agenda sent",
                    "{n} confidential items are left out of the agenda sent",
                    secret,
                ).format(n=secret)
            )

    def _show_status(self, problem_text: str = "") -> None:
        theme = self.app.current_theme
        meeting = self.meeting
        if meeting is None:
            label, style = problem_text, f"bold {theme.error}"
        else:
            label = circulated_label(meeting, self.services.clock.today())
            style = "bold" if meeting.agenda_circulated_at else f"bold {theme.warning}"
        self.query_one("#preview-status", Static).update(Text(label, style=style))

    def _message(self, text: str, error: bool = False) -> None:
        style = f"bold {self.app.current_theme.error}" if error else ""
        self.query_one("#preview-message", Static).update(Text(text, style=style))

    # -- writing ---------------------------------------------------------------------------

    def action_write(self) -> None:
        row = self.query_one("#preview-write")
        path_input = self.query_one("#preview-path", Input)
        if not row.display and self.meeting is not None:
            today = self.services.clock.today()
            path_input.value = str(default_agenda_path(self.meeting, self.export_dir, today))
            row.display = True
        self._confirm = None
        self._message(_("Enter writes the file; escape goes back to the preview."))
        path_input.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self._message(_("Type the file to write"), error=True)
            return
        path = Path(text).expanduser()
        if path.exists() and not path.is_dir() and self._confirm != path:
            self._confirm = path
            self._message(
                _("{path} already exists. Enter again replaces it; escape keeps it.").format(
                    path=path
                ),
                error=True,
            )
            return
        try:
            written = write_atomic(path, self.text, force=self._confirm == path)
        except PLAN_ERRORS as error:
            self._message(problem(error), error=True)
            return
        self._confirm = None
        self.query_one("#preview-write").display = False
        self.query_one("#preview-scroll").focus()
        self._message(_("Written to {path}. c marks the agenda circulated.").format(path=written))
        say(self, _("Agenda written to {path}").format(path=written))

    # -- circulating -----------------------------------------------------------------------

    def action_circulate(self) -> None:
        try:
            self.meeting = Planning(self.services).circulate(self.meeting_id)
        except PLAN_ERRORS as error:
            self._message(problem(error), error=True)
            return
        self.circulated = True
        self._show_status()
        label = circulated_label(self.meeting, self.services.clock.today())
        self._message(label)
        say(self, label)

    def action_send(self) -> None:
        """The agenda and an invitation to every invitee, in a worker (tui.mail)."""
        from salestui.core.mail_compose import agenda_messages
        from salestui.tui.mail import not_set_up, send_in_worker, settings_of

        if self.sending:
            return
        app = self.app
        settings = settings_of(app)  # type: ignore[arg-type]
        meeting_id = self.meeting_id
        started = send_in_worker(
            app,  # type: ignore[arg-type]
            lambda reads: agenda_messages(reads, meeting_id, settings),
            lambda result: self._sent(app, result),
        )
        if not started:
            self._message(not_set_up(), error=True)
            return
        self.sending = True
        self._message(_("Sending the agenda…"))

    def _sent(self, app: App, result: SendReport | SalestuiError) -> None:
        from salestui.tui.mail import report_text

        self.sending = False
        if isinstance(result, SalestuiError):
            text, failed = str(result), True
        else:
            text, failed = report_text(result)
            if self.meeting_id in result.circulated:
                self.circulated = True
                text = _("{what}; agenda circulated").format(what=text)
        app.notify(text, severity="warning" if failed else "information", markup=False)
        if self.is_attached:
            self._message(text, error=failed)
            self._read()

    def action_close(self) -> None:
        if (
            self.query_one("#preview-write").display
            and self.focused is not None
            and (self.focused.id == "preview-path")
        ):
            self.query_one("#preview-write").display = False
            self._confirm = None
            self._message("")
            self.query_one("#preview-scroll").focus()
            return
        self.dismiss(self.circulated)
