"""Export preview: read the minutes (or the agenda) as they will go out, then save a file
or copy the text. Saving never replaces a file without asking first. The document is
read and rendered in a thread worker; the UI thread only shows it."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static, TextArea

from salestui import paths
from salestui.core.errors import Conflict, SalestuiError
from salestui.core.export.agenda import render_agenda
from salestui.core.export.files import write_atomic
from salestui.core.export.minutes import render_minutes
from salestui.core.export.slug import slugify
from salestui.core.models import Meeting, MeetingStatus
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.markdown_view import MarkdownView

KINDS = {"minutes": N_("Meeting minutes"), "agenda": N_("Agenda")}


class ExportPreviewScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Export preview")
    CSS_PATH = "export_preview.tcss"
    BINDINGS = [
        Binding("s", "save", N_("Save to file"), id="export.save"),
        Binding("c", "copy", N_("Copy"), id="export.copy"),
        Binding("v", "toggle_source", N_("Markdown source"), id="export.source"),
        Binding("k", "switch_kind", N_("Minutes / agenda"), id="export.kind"),
        Binding("escape", "back", N_("Back"), id="export.back"),
        Binding("ctrl+g", "next_meeting", N_("Next meeting"), id="export.next_meeting"),
    ]

    def __init__(
        self, services: Services, meeting_id: int, kind: str = "minutes", find: str = ""
    ) -> None:
        """``find``: words to scroll to once the document is shown (a decision's)."""
        super().__init__()
        self.find = find
        self.services = services
        self.meeting_id = meeting_id
        self.kind = kind if kind in KINDS else "minutes"
        self.text = ""
        self.meeting: Meeting | None = None  # as last read
        self._source_stale = False
        self._pending_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        # Not Textual's Markdown widget: it mounts a widget per block (about 180 for 150
        # lines of minutes) and took over a second to show them (benchmarks/export_preview.py).
        yield MarkdownView(id="export-body")
        yield TextArea(id="export-source", read_only=True, soft_wrap=True)
        with Horizontal(id="export-save"):
            yield Label(_("Save to:"), id="export-save-label")
            yield Input(id="export-path")
        yield Static(id="export-message")
        yield SalestuiFooter()

    def set_up(self) -> None:
        self.query_one("#export-source").display = False
        self.query_one("#export-save").display = False

    def on_mount(self) -> None:
        self.set_up()
        self.reload_data()

    def read_document(self, services: Services, kind: str) -> tuple[Meeting | None, str]:
        """The meeting and its document (in a worker, on that thread's ``services``)."""
        meeting = services.meeting(self.meeting_id)
        if kind == "agenda":
            return meeting, render_agenda(services.meeting_detail(self.meeting_id))
        return meeting, render_minutes(services, self.meeting_id)

    def header(self) -> tuple[str, str]:
        title = self.meeting.title if self.meeting else ""
        return (
            _("{kind}: {title}").format(kind=_(KINDS[self.kind]), title=title),
            _("{lines} lines").format(lines=len(self.text.splitlines())),
        )

    def reload_data(self) -> None:
        kind = self.kind
        self.read_later("document", lambda reads: self.read_document(reads, kind), self._loaded)

    def _loaded(self, found: tuple[Meeting | None, str]) -> None:
        self.meeting, self.text = found
        self.query_one(HeaderBar).show(*self.header())
        view = self.query_one(MarkdownView)
        view.update(self.text)
        if self.find:
            view.scroll_to_words(self.find)
        source = self.query_one("#export-source", TextArea)
        if source.display:
            source.load_text(self.text)
        else:
            self._source_stale = True  # loaded when first shown (v)
        self.refresh_bindings()  # ctrl+g depends on the meeting's status

    def default_path(self) -> Path:
        meeting = self.meeting
        day = (
            meeting.scheduled_start.astimezone().strftime("%Y-%m-%d")
            if meeting is not None and meeting.scheduled_start
            else "undated"
        )
        config = getattr(self.app, "config", None)
        folder = getattr(config, "export_dir", None)
        base = Path(folder).expanduser() if folder else paths.default_export_dir()
        title = slugify(meeting.title) if meeting is not None else "meeting"
        return base / f"{day}-{title}-{self.kind}.md"

    def _message(self, text: str, error: bool = False) -> None:
        message = self.query_one("#export-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def action_save(self) -> None:
        row = self.query_one("#export-save")
        field = self.query_one("#export-path", Input)
        if not row.display:
            field.value = str(self.default_path())
        row.display = True
        self._pending_overwrite = None
        self._message(_("Enter saves; escape cancels."))
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        if not raw:
            self._message(_("A file name is needed"), error=True)
            return
        target = Path(raw).expanduser()
        force = self._pending_overwrite == target
        if target.parent != Path() and not target.parent.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self._message(str(error), error=True)
                return
        try:
            written = write_atomic(target, self.text, force=force)
        except Conflict:
            self._pending_overwrite = target
            self._message(
                _("{path} exists. Press enter again to replace it, escape to cancel.").format(
                    path=target
                ),
                error=True,
            )
            return
        except SalestuiError as error:
            self._message(str(error), error=True)
            return
        self._pending_overwrite = None
        self.query_one("#export-save").display = False
        self._message(_("Saved {path}").format(path=written))
        self.notify(_("Saved {path}").format(path=written))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self._message(_("Copied to the clipboard ({chars} characters)").format(
            chars=len(self.text)))  # fmt: skip

    def action_toggle_source(self) -> None:
        source = self.query_one("#export-source", TextArea)
        if self._source_stale:
            source.load_text(self.text)
            self._source_stale = False
        source.display = not source.display
        self.query_one("#export-body").display = not source.display

    def action_switch_kind(self) -> None:
        self.kind = "agenda" if self.kind == "minutes" else "minutes"
        self.reload_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_meeting":  # the weekly cycle goes on from a confirmed meeting
            return self.meeting_status() == MeetingStatus.CONFIRMED
        return True

    def meeting_status(self) -> MeetingStatus | None:
        """The meeting's status as last read (None before the first read)."""
        return self.meeting.status if self.meeting is not None else None

    def action_next_meeting(self) -> None:
        from salestui.tui.next_meeting import open_next_meeting

        if self.meeting_status() == MeetingStatus.CONFIRMED:
            open_next_meeting(self.app, self.services, self.meeting_id)

    def action_back(self) -> None:
        row = self.query_one("#export-save")
        if row.display:
            row.display = False
            self._pending_overwrite = None
            self._message("")
            return
        self.app.pop_screen()
