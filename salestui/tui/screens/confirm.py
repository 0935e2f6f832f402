"""End of the meeting: every decision confirmed, rejected or edited; every action given an
owner and a due date (or knowingly left unassigned); every parked item decided. Then the
meeting is confirmed and a summary shows how it went (handbook rule 7).

Each answer is stored at once, so leaving half-way (or a crash) loses nothing: the app
reopens an ended meeting on this screen. What the screen shows is read in a thread worker
(on opening and after every answer); the UI thread only draws.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from salestui.core.errors import SalestuiError
from salestui.core.meeting import LiveMeeting
from salestui.core.models import Meeting, MeetingStatus
from salestui.core.prompts import due_preview, owners_preview, read_due, read_owners
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.errors import RECOVERABLE, error_message
from salestui.tui.screens.base import SalestuiScreen
from salestui.tui.screens.confirm_carried import Carried, CarriedTable, load_carried, sections
from salestui.tui.screens.confirm_tables import (
    ActionTable,
    ConfirmData,
    DecisionTable,
    ParkedTable,
    load_confirm,
)
from salestui.tui.screens.run_tables import IdTable, Tones
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar

PROMPTS = {
    "decision_text": N_("New wording of the decision (Enter saves, Esc cancels)"),
    "owners": N_("Owners, separated by commas: 王芳, Li Ming (Enter saves, Esc cancels)"),
    "due": N_("Due date: fri, 下周五, 12/5, 2026-12-05 (Enter saves, Esc cancels)"),
    "park_action": N_("Owners of the new action, or nothing for now (Enter saves, Esc cancels)"),
    "carried_due": N_("New due date: fri, 下周五, 12/5, 2026-12-05 (Enter saves, Esc cancels)"),
}
TABLES = {"decision_text": "decisions", "owners": "actions", "due": "actions",
          "park_action": "parked", "carried_due": "carried"}  # fmt: skip


class ConfirmScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Confirm the meeting")
    CSS_PATH = "confirm.tcss"
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("ctrl+f", "finish", N_("Finish"), id="confirm.finish"),
        Binding("escape", "escape", N_("Back"), id="confirm.back"),
        Binding("f1", "app.help", N_("Help"), show=False, id="confirm.help"),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="confirm.undo"),
        Binding("ctrl+r", "rate", N_("Rate the meeting"), show=False, id="confirm.rate"),
    ]

    def __init__(self, services: Services, meeting_id: int) -> None:
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.live = LiveMeeting(services)
        self.data: ConfirmData | None = None
        self.carried = Carried()
        self.asking: tuple[str, str] | None = None  # (what, row key) while the prompt is open
        self._after_read: list[Callable[[], None]] = []
        self._opened = False

    def compose(self) -> ComposeResult:
        self.asking = None  # (re)built: no prompt is open
        self.remove_class("-asking")
        yield HeaderBar(id="header")
        yield Static(id="confirm-intro")
        with VerticalScroll(id="confirm-body", can_focus=False):
            with Vertical(id="carried-section", classes="confirm-section"):
                yield Static(classes="panel-title", id="carried-title")
                yield CarriedTable(id="carried")
            with Vertical(id="decisions-section", classes="confirm-section"):
                yield Static(classes="panel-title", id="decisions-title")
                yield DecisionTable(id="decisions")
            with Vertical(id="actions-section", classes="confirm-section"):
                yield Static(classes="panel-title", id="actions-title")
                yield ActionTable(id="actions")
            with Vertical(id="parked-section", classes="confirm-section"):
                yield Static(classes="panel-title", id="parked-title")
                yield ParkedTable(id="parked")
        yield Static(id="questions")
        yield Input(id="confirm-prompt")
        yield Static(id="confirm-message")
        yield SalestuiFooter(compact=True)

    def on_mount(self) -> None:
        self.reload_data(then=self._focus_first)

    def _focus_first(self) -> None:
        first = next(
            (t for t in self.query(IdTable) if t.row_count and t.parent and t.parent.display),
            None,
        )
        if first is not None:
            first.focus()

    # -- reading (in a worker) and drawing --------------------------------------------------

    def reload_data(self, then: Callable[[], None] | None = None) -> None:
        """Read the meeting's decisions, actions and parking lot off the UI thread; draw
        them (then run ``then``) when they are in."""
        if then is not None:
            self._after_read.append(then)
        meeting_id = self.meeting_id

        def read(reads: Services) -> tuple[Meeting, ConfirmData, Carried]:
            live = LiveMeeting(reads)
            meeting = reads.meeting(meeting_id)
            return meeting, load_confirm(live, meeting_id), load_carried(live, meeting_id)

        self.read_later("confirm", read, self._loaded)

    def _loaded(self, found: tuple[Meeting, ConfirmData, Carried]) -> None:
        meeting, data, self.carried = found
        if not self._opened:  # an already confirmed meeting opens on its summary
            self._opened = True
            if meeting.status == MeetingStatus.CONFIRMED:
                self.call_after_refresh(self._to_summary)
        self.data = data
        tones = Tones.of(self.app)
        self.query_one(HeaderBar).show(f"salestui · {self.screen_title}", meeting.title)
        self.query_one("#confirm-intro", Static).update(self._intro(meeting.status))
        for name, title, (columns, rows), count in sections(data, self.carried, tones):
            self.query_one(f"#{name}-title", Static).update(Text(title.format(count=count)))
            self.query_one(f"#{name}", IdTable).set_data(columns, rows)
            self.query_one(f"#{name}-section").display = bool(count)
        self.query_one("#questions", Static).update(self._questions(data))
        self.set_class(not data.questions, "-ready")
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    def _intro(self, status: MeetingStatus) -> Text:
        if status == MeetingStatus.CONFIRMED:
            return Text(_("This meeting is already confirmed."))
        if status != MeetingStatus.ENDED:
            return Text(_("This meeting has not ended yet."))
        return Text(
            _("The meeting has ended. Go through what was decided with the room, then "
              "ctrl+f finishes.")
        )  # fmt: skip

    @staticmethod
    def _questions(data: ConfirmData) -> Text:
        if not data.questions:
            return Text(_("Everything is answered: ctrl+f confirms the meeting."), style="bold")
        text = Text(
            _("{count} still open before the meeting can be confirmed:").format(
                count=len(data.questions)
            ),
            style="bold",
        )
        for question in data.questions[:3]:
            text.append("\n• " + question)
        if len(data.questions) > 3:
            text.append("\n" + _("... and {n} more.").format(n=len(data.questions) - 3))
        return text

    def say(self, message: str, error: bool = False) -> None:
        self.set_class(error, "-error")
        self.query_one("#confirm-message", Static).update(Text(message))

    # -- answers ------------------------------------------------------------------------------

    def _key(self, name: str) -> str | None:
        table = self.query_one(f"#{name}", IdTable)
        keys = table.row_keys
        if not keys or table.cursor_row < 0:
            return None
        return keys[min(table.cursor_row, len(keys) - 1)]

    @staticmethod
    def _row_id(key: str) -> int:
        return int(key.rsplit("-", 1)[1])

    def _apply(self, change, message: str = "") -> bool:  # type: ignore[no-untyped-def]
        try:
            change()
        except SalestuiError as error:
            self.say(str(error), error=True)
            return False
        self.reload_data()
        self.say(message)
        return True

    def action_undo(self) -> None:
        """ctrl+z: take back the newest answer (or live edit) of this meeting."""
        undone = []
        if self._apply(lambda: undone.append(self.live.undo(self.meeting_id))):
            self.say(undone[0].message)

    def action_rate(self) -> None:
        """ctrl+r: each attendee's 1-10 rating of the meeting (optional; confirm_rating)."""
        from salestui.tui.screens.confirm_rating import ask_ratings

        ask_ratings(self, self.services, self.meeting_id)

    def action_decide(self, status: str) -> None:
        key = self._key("decisions")
        if key is not None:
            decision_id = self._row_id(key)
            self._apply(lambda: self.live.set_decision(decision_id, status))

    def action_leave_unassigned(self) -> None:
        key = self._key("actions")
        if key is not None:
            action_id = self._row_id(key)
            self._apply(
                lambda: self.live.settle_action(action_id, leave_unassigned=True),
                _("Left unassigned on purpose"),
            )

    def _became_action(self, key: str) -> bool:
        """A parked item already turned into an action is settled in the actions list
        (answering it again would leave that action behind)."""
        if self.data is None:
            return False
        entry = next((e for e in self.data.parked if e.id == self._row_id(key)), None)
        if entry is not None and entry.disposition == "action":
            self.say(_("This one is already an action: settle it in the actions list"), True)
            return True
        return False

    def action_park(self, disposition: str) -> None:
        key = self._key("parked")
        if key is not None and key.startswith("item-"):
            self._settle_parked_item(self._row_id(key), disposition)
            return
        if key is not None and not self._became_action(key):
            entry_id = self._row_id(key)
            self._apply(lambda: self.live.resolve_parked(entry_id, disposition))

    def action_resolve(self, outcome: str) -> None:
        """A must-resolve row: done, drop or escalate (an agenda item can only be dropped)."""
        key = self._key("carried")
        if key is None:
            return
        row_id = self._row_id(key)
        if key.startswith("carried-item-"):
            if outcome != "drop":
                self.say(_("An agenda item carried this often can only be dropped here (x)"), True)
                return
            self._apply(lambda: self.live.drop_carried_item(row_id), _("Dropped"))
            return
        self._apply(lambda: self.live.review_action(self.meeting_id, row_id, outcome))

    def _settle_parked_item(self, item_id: int, disposition: str) -> None:
        """An agenda item parked with the park key: to the next meeting, or dropped."""
        if disposition == "dropped":
            self._apply(lambda: self.live.drop_carried_item(item_id))
        else:
            self._apply(lambda: self.live.keep_for_next(item_id))

    def action_ask(self, what: str) -> None:
        key = self._key(TABLES[what])
        if key is None or self.data is None:
            return
        if what == "park_action" and key.startswith("item-"):
            self.say(_("A parked agenda item goes to the next meeting (n) or is dropped (x)"),
                     True)  # fmt: skip
            return
        if what == "carried_due" and key.startswith("carried-item-"):
            self.say(_("An agenda item has no due date: x drops it"), True)
            return
        if what == "park_action" and self._became_action(key):
            return
        prompt = self.query_one("#confirm-prompt", Input)
        value = ""
        if what == "decision_text":
            decision = next(d for d in self.data.decisions if d.id == self._row_id(key))
            value = decision.text
        elif what == "owners":
            action = next(a for a in self.data.actions if a.id == self._row_id(key))
            value = ", ".join(
                self.data.people[i].name for i in action.owner_ids if i in self.data.people
            )
        elif what == "due":
            action = next(a for a in self.data.actions if a.id == self._row_id(key))
            value = action.due.isoformat() if action.due else ""
        self.asking = (what, key)
        prompt.placeholder = _(PROMPTS[what])
        prompt.value = value
        prompt.cursor_position = len(value)
        self.add_class("-asking")
        self.say(_(PROMPTS[what]))
        self._preview(value)
        prompt.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._preview(event.value)

    def _preview(self, text: str) -> None:
        """Show what the owners or the due date typed so far resolve to, before saving:
        ``→ 王芳, Li Ming`` or ``→ Fri 4 Dec``, or why it cannot be saved. Names are
        looked up off the UI thread."""
        if self.asking is None or self.asking[0] == "decision_text":
            return
        what = self.asking[0]
        if not text.strip() and what != "park_action":
            self.say(_(PROMPTS[what]))
            return
        if what in ("due", "carried_due"):
            try:
                self.say(due_preview(text, self.services.clock.today()))
            except SalestuiError as error:
                self.say(str(error), error=True)
            return
        asking = self.asking

        def read(reads: Services) -> tuple[str, bool]:
            try:
                return owners_preview(text, reads, allow_none=what == "park_action"), False
            except RECOVERABLE as error:
                return error_message(error), True

        def show(found: tuple[str, bool]) -> None:
            prompt = self.query_one("#confirm-prompt", Input)
            if self.asking == asking and prompt.value == text:  # not typed on since
                self.say(*found)

        self.read_later("preview", read, show)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.asking is None:
            return
        what, key = self.asking
        item_id = self._row_id(key)
        text = event.value.strip()
        services = self.services

        def change() -> None:
            if what == "decision_text":
                decision = services.decision(item_id)
                status = decision.status if decision else "proposed"
                self.live.set_decision(item_id, status, text=text)
            elif what == "owners":
                owners = [p.id for p in read_owners(text, services) if p.id is not None]
                self.live.settle_action(item_id, owners=owners)  # type: ignore[arg-type]
            elif what in ("due", "carried_due"):
                due = read_due(text, services.clock.today())
                if what == "carried_due":
                    self.live.review_action(self.meeting_id, item_id, "new_due", new_due=due)
                else:
                    self.live.settle_action(item_id, due=due)
            else:
                owners = [
                    p.id for p in read_owners(text, services, allow_none=True) if p.id is not None
                ]
                self.live.resolve_parked(item_id, "action", owners)  # type: ignore[arg-type]

        if self._apply(change):
            self._close_prompt(TABLES[what])

    def _close_prompt(self, table: str) -> None:
        self.asking = None
        self.remove_class("-asking")
        self.query_one("#confirm-prompt", Input).value = ""
        self.query_one(f"#{table}", IdTable).focus()

    def action_escape(self) -> None:
        if self.asking is not None:
            self._close_prompt(TABLES[self.asking[0]])
            self.say("")
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_finish(self) -> None:
        if self.asking is not None:
            return
        try:
            self.live.confirm(self.meeting_id)
        except SalestuiError as error:
            self.reload_data()
            self.say(str(error), error=True)
            return
        from salestui.tui.mail import send_minutes

        send_minutes(self.app, self.meeting_id)  # type: ignore[arg-type]
        self._to_summary()

    def _to_summary(self) -> None:
        from salestui.tui.screens.confirm_summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.services, self.meeting_id))
