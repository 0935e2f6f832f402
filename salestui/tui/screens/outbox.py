"""The outbox (key o, palette): every message salestui sent or is still trying to send -
agendas, minutes, reminders - newest first, with its status, tries and the last error.
``s`` sends everything not sent yet now (in a worker: the screen stays usable)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from salestui.core.errors import SalestuiError
from salestui.core.outbox import Outbox, OutboxEntry, SendReport
from salestui.core.outbox_labels import kind_label, status_label
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar

LIMIT = 500


def when_label(entry: OutboxEntry, today: date) -> str:
    """When it went, or when it is tried next, or when it was queued: "11-27 08:30"."""
    moment = entry.sent_at or entry.next_attempt_at or entry.created_at
    local = moment.astimezone()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%m-%d %H:%M")


class OutboxScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Outbox")
    CSS_PATH = "outbox.tcss"
    AUTO_FOCUS = ".outbox-table"
    BINDINGS = [
        Binding("s", "send_now", N_("Send now"), id="outbox.send"),
        Binding("escape", "back", N_("Back"), show=False, id="outbox.back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.entries: list[OutboxEntry] = []
        self.sending = False

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield Static(id="outbox-note")
        yield FitTable(classes="outbox-table")
        yield Static(id="outbox-error")
        yield SalestuiFooter()

    def on_mount(self) -> None:
        self.reload_data()

    def reload_data(self) -> None:
        def read(reads: Services) -> tuple[list[OutboxEntry], dict[str, int]]:
            box = Outbox(reads)
            return box.entries(limit=LIMIT), box.counts()

        self.read_later("outbox", read, self._loaded)

    def _loaded(self, found: tuple[list[OutboxEntry], dict[str, int]]) -> None:
        self.entries, counts = found
        from salestui.tui.mail import settings_of

        settings = settings_of(self.app)  # type: ignore[arg-type]
        today = labels.long_date(self.services.clock.today())
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", today)
        waiting = counts.get("pending", 0) + counts.get("sending", 0)
        note = _("{waiting} waiting · {failed} given up · {sent} sent").format(
            waiting=waiting, failed=counts.get("failed", 0), sent=counts.get("sent", 0)
        )
        if not self.entries:
            note = _("The outbox is empty: agendas, minutes and reminders appear here.")
        elif waiting or counts.get("failed"):
            note = _("{counts} · s sends them now").format(counts=note)
        server = _("Mail server: {where}").format(where=settings.describe())
        self.query_one("#outbox-note", Static).update(Text(f"{note}\n{server}"))
        self._show_table()
        self._show_error()

    def _show_table(self) -> None:
        theme = self.app.current_theme
        today = self.services.clock.today()
        styles = {"sent": "", "failed": f"bold {theme.error}", "pending": theme.warning or ""}
        columns = [
            FitColumn("status", _("Status")),
            FitColumn("kind", _("Kind")),
            FitColumn("to", _("To"), ratio=1, min_width=8),
            FitColumn("subject", _("Subject"), ratio=2, min_width=10),
            FitColumn("tries", _("Tries"), justify="right"),
            FitColumn("when", _("When")),
        ]
        rows = [
            FitRow(
                f"mail-{entry.id}",
                [
                    Text(status_label(entry.status), style=styles.get(entry.status, "")),
                    kind_label(entry.kind),
                    Text(entry.recipient_name or entry.recipient),
                    Text(entry.subject),
                    str(entry.attempts),
                    when_label(entry, today),
                ],
            )
            for entry in self.entries
        ]
        table = self.query_one(FitTable)
        table.set_data(columns, rows)
        table.display = bool(rows)

    def on_data_table_row_highlighted(self) -> None:
        self._show_error()

    def _show_error(self) -> None:
        """The highlighted message's address and its last error, under the table."""
        line = self.query_one("#outbox-error", Static)
        row = self.query_one(FitTable).cursor_row
        if not self.entries or not 0 <= row < len(self.entries):
            line.update("")
            return
        entry = self.entries[row]
        text = f"{entry.recipient_name} <{entry.recipient}>"
        if entry.last_error and entry.status != "sent":
            text = _("{to} · last error: {error}").format(to=text, error=entry.last_error)
        line.update(Text(text))

    def action_send_now(self) -> None:
        from salestui.tui.mail import not_set_up, send_in_worker, settings_of

        if self.sending:
            return
        if not settings_of(self.app).configured:  # type: ignore[arg-type]
            self.notify(not_set_up(), severity="warning")
            return
        try:
            Outbox(self.services).retry()
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.sending = True
        self.notify(_("Sending…"))
        send_in_worker(self.app, None, self._sent)  # type: ignore[arg-type]

    def _sent(self, result: SendReport | SalestuiError) -> None:
        from salestui.tui.mail import report_text

        self.sending = False
        if isinstance(result, SalestuiError):
            self.notify(str(result), severity="error")
        else:
            text, problem = report_text(result)
            self.notify(text, severity="warning" if problem else "information")
        if self.is_mounted:
            self.reload_data()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
