"""What the Plan screen's keys that open another screen do: templates, the agenda preview
(to circulate it), recurring series and the series' next meeting. Each function takes the
screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salestui.core.models import Cadence, Template
from salestui.i18n import _, ngettext
from salestui.tui.screens.plan_data import PLAN_ERRORS, problem, say
from salestui.tui.screens.plan_recurring import RecurringScreen, cadence_label

if TYPE_CHECKING:
    from salestui.tui.screens.plan import PlanScreen


def choose_template(screen: PlanScreen) -> None:
    from salestui.tui.screens.plan_template import TemplateScreen

    kind = screen.form.typed().kind
    screen.app.push_screen(
        TemplateScreen(screen.services, kind, screen.meeting_id),
        lambda template: use_template(screen, template),
    )


def use_template(screen: PlanScreen, template: Template | None) -> None:
    if template is None:
        return
    typed = screen.form.typed()
    if screen.meeting_id is None:
        screen.form.set_kind(template.kind)
        if not typed.title.strip():
            screen.form.set_field("title", template.name)
        if not typed.purpose.strip():
            screen.form.set_field("purpose", template.purpose)
        if not typed.minutes.strip() or typed.minutes == _saved_minutes(screen):
            screen.form.set_field("minutes", str(template.planned_minutes))
        screen.pending_template = template
        say(
            screen,
            ngettext(
                "Template {name}: {count} item, added when you save (ctrl+s)",
                "Template {name}: {count} items, added when you save (ctrl+s)",
                len(template.items),
            ).format(name=template.name, count=len(template.items)),
        )
    else:
        meeting_id = screen.meeting_id
        try:
            screen.planning.apply_template(meeting_id, template)
        except PLAN_ERRORS as error:
            say(screen, problem(error), "error")
            return
        count = len(template.items)
        label = ngettext(
            "Added {count} item from {name}", "Added {count} items from {name}", count
        ).format(count=count, name=template.name)
        say(screen, _("{what} - ctrl+z to undo").format(what=label))
    screen.reload_data()


def _saved_minutes(screen: PlanScreen) -> str:
    return screen._saved_form.minutes if screen._saved_form else ""


def saved_or_stop(screen: PlanScreen) -> int | None:
    """The meeting id with every typed change saved, or None when that is not possible."""
    if screen.meeting_id is None or screen.dirty:
        return screen.save()
    return screen.meeting_id


def circulate(screen: PlanScreen) -> None:
    meeting_id = saved_or_stop(screen)
    if meeting_id is None:
        return
    from salestui.tui.screens.plan_preview import AgendaPreviewScreen

    config = getattr(screen.app, "config", None)
    export_dir = getattr(config, "export_dir", None)
    screen.app.push_screen(
        AgendaPreviewScreen(screen.services, meeting_id, export_dir),
        lambda _changed: screen.reload_data(),
    )


def make_recurring(screen: PlanScreen) -> None:
    meeting_id = saved_or_stop(screen)
    if meeting_id is None:
        return
    current: Cadence | None = None
    if screen.detail and screen.detail.meeting.series_id is not None:
        series = screen.services.series(screen.detail.meeting.series_id)
        current = series.cadence if series else None

    def chosen(cadence: Cadence | None) -> None:
        if cadence is None:
            return
        try:
            screen.planning.make_recurring(meeting_id, cadence)
        except PLAN_ERRORS as error:
            say(screen, problem(error), "error")
            return
        say(
            screen,
            _("{cadence}: attendees and agenda saved as the series' defaults").format(
                cadence=cadence_label(cadence)
            ),
        )
        screen.reload_data()

    screen.app.push_screen(RecurringScreen(current), chosen)


def next_meeting(screen: PlanScreen) -> None:
    """The meeting after this one, as from the summary and the Meetings list
    (``Planning.next_after``): only once this one has been held, never two."""
    meeting_id = saved_or_stop(screen)
    if meeting_id is None:
        return
    from salestui.tui.next_meeting import open_next_meeting

    open_next_meeting(screen.app, screen.services, meeting_id)
