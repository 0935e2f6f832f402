"""Review of previous actions, stepped through before the agenda (and skippable).

Each answer is stored at once as a follow-up (``LiveMeeting.review_action``); the panel
then says ``Changed`` and the screen reads the actions left again (off the UI thread) and
shows them (``show``). Items carried three times or more must be resolved: "still open"
is refused for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from salestui.core.dates import format_due
from salestui.core.errors import SalestuiError
from salestui.core.followup import escalation_target, must_resolve
from salestui.core.meeting import LiveMeeting
from salestui.core.models import ActionRow
from salestui.core.prompts import due_preview, read_due_and_note
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.run_data import ReviewView
from salestui.tui.screens.run_tables import IdTable
from salestui.tui.widgets.fit_table import FitColumn, FitRow

PROMPTS = {
    "open": N_("Still open: where does it stand? (Enter saves, Esc cancels)"),
    "new_due": N_("New due date, then a note if you like: 下周五 客户推迟 / fri waiting for legal"),
    "drop": N_("Drop it: why? (optional; Enter drops it, Esc cancels)"),
    "escalate": N_("Escalate to {name}: a note for them (optional; Enter escalates)"),
}
DONE_MESSAGES = {
    "done": N_("Marked done: {title}"),
    "open": N_("Still open: {title}"),
    "new_due": N_("New due date {due}: {title}"),
    "drop": N_("Dropped: {title}"),
    "escalate": N_("Escalated to {name}: {title}"),
}


class ReviewTable(IdTable):
    pass


class ReviewPanel(Vertical):
    BINDINGS = [
        Binding("d", "answer('done')", N_("Done"), id="review.done"),
        Binding("o", "answer('open')", N_("Still open"), id="review.open"),
        Binding("n", "answer('new_due')", N_("New date"), id="review.new_due"),
        Binding("x", "answer('drop')", N_("Drop"), id="review.drop"),
        Binding("e", "answer('escalate')", N_("Escalate"), id="review.escalate"),
        Binding("ctrl+n", "finish", N_("To the agenda"), id="review.finish"),
        Binding("escape", "cancel", N_("Cancel / to the agenda"), show=False, id="review.cancel"),
    ]

    @dataclass
    class Finished(Message):
        """The review is over (everything answered, or the chair moved on)."""

        panel: ReviewPanel

    class Changed(Message):
        """An answer was stored: read the actions left again."""

    def __init__(self, live: LiveMeeting, meeting_id: int, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live
        self.meeting_id = meeting_id
        self.rows: list[ActionRow] = []
        self.pending: tuple[str, ActionRow] | None = None  # an answer waiting for its note
        self._answered = False  # an answer was stored: once none is left, the review is over

    def compose(self) -> ComposeResult:
        yield Static(classes="panel-title", id="review-title")
        yield ReviewTable(id="review-table")
        yield Static(id="review-detail")
        yield Input(id="review-prompt")
        yield Static(id="review-message")

    @property
    def table(self) -> ReviewTable:
        return self.query_one(ReviewTable)

    @property
    def prompt(self) -> Input:
        return self.query_one("#review-prompt", Input)

    # -- data -------------------------------------------------------------------------------

    def show(self, review: ReviewView) -> None:
        """The actions still to review, as the screen read them."""
        self.rows, today = review.rows, review.today
        self.query_one("#review-title", Static).update(
            Text(
                _("Review of previous actions: {left} to go, {done} reviewed").format(
                    left=len(self.rows), done=review.reviewed
                )
            )
        )
        columns = [
            FitColumn("title", _("Action"), ratio=2, min_width=10),
            FitColumn("owners", _("Owners"), ratio=1, min_width=6),
            FitColumn("due", _("Due")),
            FitColumn("carried", _("Carried")),
        ]
        rows = []
        for row in self.rows:
            overdue = row.due is not None and row.due < today
            carried = Text(str(row.carried_count) if row.carried_count else "-")
            if must_resolve(row.carried_count):
                carried = Text(_("{n} · must resolve").format(n=row.carried_count), style="bold")
            cells: list[Text | str] = [
                Text(row.title),
                ", ".join(row.owners) or _("Unassigned"),
                Text(format_due(row.due, today) if row.due else "-",
                     style="bold" if overdue else ""),
                carried,
            ]  # fmt: skip
            rows.append(FitRow(f"action-{row.id}", cells))
        self.table.set_data(columns, rows)
        self.show_detail()
        if self._answered and not self.rows:
            self.post_message(self.Finished(self))
        self._answered = False

    def current(self) -> ActionRow | None:
        if not self.rows:
            return None
        index = min(max(self.table.cursor_row, 0), len(self.rows) - 1)
        return self.rows[index]

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        row = self.current()
        detail = Text()
        if row is not None:
            detail.append(row.title, style="bold")
            if row.meeting_title:
                detail.append("\n" + _("From {meeting}").format(meeting=row.meeting_title))
            if must_resolve(row.carried_count):
                detail.append(
                    "\n"
                    + _(
                        "Carried {n} times: it must be resolved now - done, a new date, "
                        "dropped or escalated."
                    ).format(n=row.carried_count),
                    style="bold",
                )
        self.query_one("#review-detail", Static).update(detail)

    def say(self, message: str, error: bool = False) -> None:
        self.set_class(error, "-error")
        self.query_one("#review-message", Static).update(Text(message))

    # -- answers ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "finish") and self.pending is not None:
            return False
        return True

    def action_answer(self, outcome: str) -> None:
        row = self.current()
        if row is None:
            return
        if outcome == "open" and must_resolve(row.carried_count):
            self.say(
                _("Carried {n} times: give it a new date (n), or mark it done, drop or "
                  "escalate it.").format(n=row.carried_count),
                error=True,
            )  # fmt: skip
            return
        if outcome == "done":
            self._record(row, "done")
            return
        prompt = _(PROMPTS[outcome])
        if outcome == "escalate":
            try:
                manager = escalation_target(self.live.services, row.id)
            except SalestuiError as error:
                self.say(str(error), error=True)
                return
            prompt = prompt.format(name=manager.name)
        self.pending = (outcome, row)
        self.prompt.value = ""
        self.prompt.placeholder = prompt
        self.add_class("-prompting")
        self.say(prompt)
        self.prompt.focus()
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.pending is None:
            return
        outcome, row = self.pending
        text = event.value.strip()
        if outcome == "open" and not text:
            self.say(_("Say where it stands, or press Esc"), error=True)
            return
        new_due = None
        if outcome == "new_due":
            try:
                new_due, text = read_due_and_note(text, self.live.services.clock.today())
            except SalestuiError as error:
                self.say(str(error), error=True)
                return
        self._record(row, outcome, text, new_due)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new due date shows what it resolves to before it is saved (``→ Fri 4 Dec``)."""
        event.stop()
        if self.pending is None or self.pending[0] != "new_due" or not event.value.strip():
            return
        try:
            self.say(due_preview(event.value, self.live.services.clock.today(), with_note=True))
        except SalestuiError as error:
            self.say(str(error), error=True)

    def _record(self, row: ActionRow, outcome: str, note: str = "", new_due=None) -> None:  # type: ignore[no-untyped-def]
        name = ""
        try:
            if outcome == "escalate":
                name = escalation_target(self.live.services, row.id).name
            self.live.review_action(self.meeting_id, row.id, outcome, note, new_due)
        except SalestuiError as error:
            self.say(str(error), error=True)
            return
        today = self.live.services.clock.today()
        message = _(DONE_MESSAGES[outcome]).format(
            title=row.title,
            name=name,
            due=labels.short_date(new_due, today) if new_due else "",
        )
        self._close_prompt()
        self._answered = True
        self.post_message(self.Changed())
        self.say(message)

    def _close_prompt(self) -> None:
        self.pending = None
        self.prompt.value = ""
        self.remove_class("-prompting")
        self.table.focus()
        self.refresh_bindings()

    def action_cancel(self) -> None:
        if self.pending is not None:
            self._close_prompt()
            self.say("")
        else:
            self.action_finish()

    def action_finish(self) -> None:
        self.post_message(self.Finished(self))
