"""Plan a meeting: details, attendees and agenda on three tabs, with the agenda's total
against the meeting's length and the planned person-hours always in view.

The details are saved with ctrl+s once every field is valid; attendees and agenda items
are written as they change (a new meeting is saved first, when its details allow it).
What the screen shows is read in a thread worker (``read_plan``) on opening and after
every change; it is drawn, and whatever waited for it runs, when it is in.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static, TabbedContent, TabPane

from salestui.core.meeting_form import FIELDS, FormInput, form_of, save_meeting
from salestui.core.models import Cadence, MeetingKind, Template
from salestui.core.planning import Planning
from salestui.core.service import MeetingDetail, Services
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.base import SHORT_HEIGHT, SalestuiScreen
from salestui.tui.screens.plan_actions import PlanCommands
from salestui.tui.screens.plan_agenda import AgendaPane
from salestui.tui.screens.plan_attendees import AttendeesPane
from salestui.tui.screens.plan_data import (
    PLAN_ERRORS,
    PlanChanged,
    PlanRead,
    agenda_total,
    moment_label,
    problem,
    read_plan,
    say,
)
from salestui.tui.screens.plan_form import MeetingForm
from salestui.tui.screens.plan_recurring import cadence_label
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.show import show_text

TABS = {"details": N_("Details"), "attendees": N_("Attendees"), "agenda": N_("Agenda")}
TAB_KEYS = {"details": "F2", "attendees": "F3", "agenda": "F4"}
TAB_FOCUS = {
    "details": "#field-title",
    "attendees": "#attendee-picker Input",
    "agenda": "AgendaTable",
}


class PlanScreen(SalestuiScreen):
    SCREEN_TITLE = N_("Plan meeting")
    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="plan.save"),
        Binding("f2", "tab('details')", N_("Details"), show=False, id="plan.tab_details"),
        Binding("f3", "tab('attendees')", N_("Attendees"), show=False, id="plan.tab_attendees"),
        Binding("f4", "tab('agenda')", N_("Agenda"), show=False, id="plan.tab_agenda"),
        Binding("ctrl+t", "template", N_("Template"), id="plan.template"),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="plan.undo"),
        Binding("ctrl+o", "circulate", N_("Circulate"), id="plan.circulate"),
        Binding("ctrl+r", "recurring", N_("Recurring"), id="plan.recurring"),
        Binding("ctrl+g", "next_meeting", N_("Next meeting"), id="plan.next_meeting"),
        Binding("f5", "run_meeting", N_("Run meeting"), id="plan.run"),
        Binding("escape", "back", N_("Back"), show=False, id="plan.back"),
        # ? types into a field; F1 opens the help from anywhere on the screen.
        Binding("f1", "app.help", N_("Help"), show=False, id="plan.help"),
    ]

    def __init__(self, services: Services, meeting_id: int | None, tab: str | None = None) -> None:
        """``tab``: details, attendees or agenda; by default the details of a new meeting
        and the agenda of a stored one."""
        super().__init__()
        self.services = services
        self.planning = Planning(services)
        self.meeting_id = meeting_id
        self.detail: MeetingDetail | None = None
        default = "details" if meeting_id is None else "agenda"
        self.first_tab = tab if tab in TABS else default
        # Focus is given right after compose, so keys typed at once are not lost.
        self.AUTO_FOCUS = TAB_FOCUS[self.first_tab]  # type: ignore[misc]
        self.pending_template: Template | None = None  # applied when a new meeting is saved
        self._saved_form: FormInput | None = None
        self._typed_before_rebuild: FormInput | None = None
        self._header_shown: tuple[str, str] | None = None
        self.cadence: Cadence | None = None  # the meeting's series, as last read
        self._template_kinds: set[MeetingKind] = set()
        self._after_read: list[Callable[[], None]] = []
        self._read_once = False
        self.commands = PlanCommands(self)

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with TabbedContent(initial=self.first_tab, id="plan-tabs"):
            with TabPane(self._tab_title("details"), id="details"):
                yield MeetingForm(self.services, id="meeting-form")
            with TabPane(self._tab_title("attendees"), id="attendees"):
                yield AttendeesPane(self.services, id="attendees-pane")
            with TabPane(self._tab_title("agenda"), id="agenda"):
                yield AgendaPane(self.services, id="agenda-pane")
        with Horizontal(id="plan-summary"):
            yield Static(id="summary-agenda")
            yield Static(id="summary-cost")
        yield SalestuiFooter()

    def _tab_title(self, tab: str, count: int | None = None) -> str:
        title = _(TABS[tab])
        if count:
            title = f"{title} ({count})"
        return f"{TAB_KEYS[tab]} {title}"

    @property
    def form(self) -> MeetingForm:
        return self.query_one(MeetingForm)

    @property
    def attendees(self) -> AttendeesPane:
        return self.query_one(AttendeesPane)

    @property
    def agenda(self) -> AgendaPane:
        return self.query_one(AgendaPane)

    async def rebuild(self) -> None:
        """A language switch: the form keeps what was typed, the tab stays where it was."""
        self._typed_before_rebuild = self.form.typed()
        self.first_tab = self.query_one(TabbedContent).active or self.first_tab
        await super().rebuild()

    def set_up(self) -> None:
        typed, self._typed_before_rebuild = self._typed_before_rebuild, None
        self._header_shown = None  # a new header bar: draw it again
        if typed is not None:
            self.form.load(typed)

    def on_mount(self) -> None:
        # A pushed screen may not see a Resize before it is drawn: fit the terminal now.
        self.set_class(self.app.size.height < SHORT_HEIGHT, "-short")
        if self.meeting_id is None:
            config = getattr(self.app, "config", None)
            minutes = getattr(config, "default_meeting_minutes", 60)
            self.form.load(FormInput(minutes=str(minutes)))
            self._saved_form = self.form.typed()
        self.reload_data()

    # -- reading (in a worker) and drawing ---------------------------------------------------

    def reload_data(self, then: Callable[[], None] | None = None) -> None:
        """Read the meeting off the UI thread; draw it (then run ``then``) when it is in."""
        if then is not None:
            self._after_read.append(then)
        meeting_id = self.meeting_id
        self.read_later("plan", lambda reads: read_plan(reads, meeting_id), self._loaded)

    def _loaded(self, read: PlanRead) -> None:
        first, self._read_once = not self._read_once, True
        if read.detail is None and self.meeting_id is not None:
            return  # saved meanwhile: the read of the saved meeting is on its way
        self.detail, self.cadence = read.detail, read.cadence
        self._template_kinds = read.template_kinds
        self.form.people = read.people
        if first:
            self.form.check()  # a chair typed before the people were in
        if first and self.detail is None and read.me is not None and self._saved_form:
            self._default_chair(read.me.name)
        if self.detail is not None and not self.dirty:
            chair = self.detail.chair.name if self.detail.chair else None
            self.form.load(form_of(self.detail.meeting, chair))
            self._saved_form = self.form.typed()
        self.attendees.show(self.detail, read.people)
        self.agenda.show(self.detail, self.pending_template, read.carried_from)
        self._show_header()
        self._show_summary()
        self._show_kind_hint()
        self.refresh_bindings()
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    def _default_chair(self, name: str) -> None:
        """A new meeting is chaired by "me" unless a chair was typed already."""
        if self._saved_form is not None and not self.form.typed().chair.strip():
            self.form.set_field("chair", name)
            self.form.check()
            self._saved_form.chair = name

    @property
    def dirty(self) -> bool:
        return self._saved_form is not None and self.form.typed() != self._saved_form

    @property
    def saved_minutes(self) -> str:
        """The length as last saved (or as a new meeting's default)."""
        return self._saved_form.minutes if self._saved_form else ""

    def _show_header(self) -> None:
        meeting = self.detail.meeting if self.detail else None
        today = self.services.clock.today()
        if meeting is None:
            left = f"salestui · {self.screen_title} · {_('New meeting')}"
        else:  # what and when; the tabs say this is planning (80 columns are few)
            left = f"salestui · {meeting.title}"
            if meeting.scheduled_start is not None:
                left += " · " + moment_label(meeting.scheduled_start, today)
        parts: list[str] = []
        if meeting is None:
            parts.append(_("not saved yet"))
        else:
            if meeting.agenda_circulated_at is not None:
                when = moment_label(meeting.agenda_circulated_at, today)
                parts.append(_("circulated {when}").format(when=when))
            else:
                parts.append(labels.meeting_status(meeting.status))
            if self.cadence is not None:
                parts.append(cadence_label(self.cadence))
            if self.dirty:
                parts.append(_("unsaved changes"))
        shown = (left, " · ".join(parts))
        if shown != self._header_shown:
            self._header_shown = shown
            self.query_one(HeaderBar).show(*shown)

    def _show_summary(self) -> None:
        minutes = self.form.check().minutes
        length = minutes or (self.detail.meeting.planned_minutes if self.detail else 0)
        if self.detail is not None:
            total = self.detail.agenda_minutes
        elif self.pending_template is not None:
            total = sum(i.timebox_minutes for i in self.pending_template.items)
        else:
            total = 0
        text, over = agenda_total(total, length)
        agenda_line = self.query_one("#summary-agenda", Static)
        show_text(agenda_line, ("⚠ " if over else "") + text)
        agenda_line.set_class(over, "-over")
        self.query_one("#plan-summary").set_class(over, "-over")
        count = len(self.detail.attendees) if self.detail else 0
        hours = round(count * length / 60, 1)
        show_text(
            self.query_one("#summary-cost", Static),
            _("{count} invited · {hours} person-hours").format(count=count, hours=f"{hours:g}"),
        )
        items = len(self.detail.agenda) if self.detail else 0
        for tab, number in (("attendees", count), ("agenda", items)):
            label = self._tab_title(tab, number)
            widget = self.query_one(TabbedContent).get_tab(tab)
            if widget.label_text != label:
                widget.label = label

    def _show_kind_hint(self) -> None:
        hint = ""
        empty_agenda = self.detail is None or not self.detail.agenda
        if empty_agenda and self.pending_template is None:
            if self.form.typed().kind in self._template_kinds:
                hint = _("ctrl+t: use its template")
        self.form.set_kind_hint(hint)

    def on_meeting_form_edited(self, event: MeetingForm.Edited) -> None:
        self._show_header()
        if event.field == "minutes":
            self._show_summary()
        if event.field == "kind":
            self._show_kind_hint()

    def on_plan_changed(self, event: PlanChanged) -> None:
        self.reload_data()

    def on_agenda_pane_add_requested(self, event: AgendaPane.AddRequested) -> None:
        event.stop()
        if (meeting_id := self.ensure_meeting()) is not None:
            self.agenda.add(meeting_id)

    def on_attendees_pane_invite_requested(self, event: AttendeesPane.InviteRequested) -> None:
        event.stop()
        if (meeting_id := self.ensure_meeting()) is not None:
            self.attendees.invite(meeting_id, event.person, event.required, event.others)

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> int | None:
        """Save the details when they are valid; the meeting's id, or None (and why)."""
        checked = self.form.check(show_required=True)
        if not checked.ok:
            first = next(name for name in FIELDS if name in checked.errors)
            self._focus_tab("details", f"#field-{first}")
            say(
                self,
                _("Not saved: {problem}").format(problem=checked.errors[first]),
                severity="error",
            )
            return None
        created = self.meeting_id is None
        try:
            meeting = save_meeting(self.services, self.meeting_id, checked)
        except PLAN_ERRORS as error:
            say(self, problem(error), "error")
            return None
        self.meeting_id = meeting.id
        if created and self.pending_template is not None and meeting.id is not None:
            try:
                self.planning.apply_template(meeting.id, self.pending_template)
            except PLAN_ERRORS as error:
                say(self, problem(error), "error")
            self.pending_template = None
        self._saved_form = self.form.typed()
        say(self, _("Meeting created") if created else _("Meeting saved"))
        self.reload_data()
        return self.meeting_id

    def ensure_meeting(self) -> int | None:
        """The meeting's id, saving a new meeting first (None when its form is not valid)."""
        if self.meeting_id is not None:
            return self.meeting_id
        return self.save()

    def action_save(self) -> None:
        self.save()

    # -- tabs ------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self._focus_tab(tab)

    def _focus_tab(self, tab: str, focus: str | None = None) -> None:
        """Show ``tab`` and focus its main widget (or ``focus``, a selector)."""
        self.query_one(TabbedContent).active = tab
        # The pane shows on the next refresh; a hidden widget cannot take the focus.
        selector = focus or TAB_FOCUS[tab]
        self.call_after_refresh(lambda: self.query_one(selector).focus())

    # -- the other keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_meeting":
            return self.detail is not None and self.detail.meeting.series_id is not None
        return True

    def action_undo(self) -> None:
        """My last change, wherever it was made (the journal's; ``salestui.tui.undo``)."""
        from salestui.tui.undo import undo_my_last_change

        undo_my_last_change(self.app, self.services)

    def action_template(self) -> None:
        self.commands.choose_template()

    def action_circulate(self) -> None:
        self.commands.circulate()

    def action_recurring(self) -> None:
        self.commands.make_recurring()

    def action_next_meeting(self) -> None:
        self.commands.next_meeting()

    def action_run_meeting(self) -> None:
        self.commands.run_meeting()

    def action_back(self) -> None:
        self.commands.back()

    def on_screen_resume(self) -> None:
        if self.detail is not None:
            self.reload_data()
