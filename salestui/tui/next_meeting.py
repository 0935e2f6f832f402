"""Open the meeting after a held one (the weekly cycle): from the summary, the minutes
preview, the Meetings list and the command palette. The next meeting is planned by core
(``Planning.next_after``: carried items, standing items, attendees) and opens on its Plan
screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salestui.core.errors import SalestuiError
from salestui.core.models import MeetingStatus
from salestui.core.planning import Planning
from salestui.i18n import _
from salestui.tui.background import read_then

if TYPE_CHECKING:
    from textual.app import App

    from salestui.core.service import Services

HELD = (MeetingStatus.ENDED, MeetingStatus.CONFIRMED)


def latest_held(services: Services) -> int | None:
    """The meeting the palette's "Next meeting" follows when no meeting is in view."""
    for status in (MeetingStatus.CONFIRMED, MeetingStatus.ENDED):
        found = services.meetings(status=status, descending=True, limit=1)
        if found and found[0].id is not None:
            return found[0].id
    return None


def open_next_meeting(app: App, services: Services, meeting_id: int) -> int | None:
    """Plan (or find) the meeting after ``meeting_id`` and open its Plan screen."""
    from salestui.tui.screens.plan import PlanScreen
    from salestui.tui.screens.plan_data import moment_label

    try:
        nxt, created = Planning(services).next_after(meeting_id)  # may plan it: a write
    except SalestuiError as error:
        app.notify(str(error), severity="error")
        return None
    assert nxt.id is not None
    when = (
        moment_label(nxt.scheduled_start, services.clock.today())
        if nxt.scheduled_start
        else _("not scheduled")
    )
    message = (
        _("Next meeting created for {when}; items carried over: {count}")
        if created
        else _("The next meeting is already planned for {when}; items carried over: {count}")
    )
    app.push_screen(PlanScreen(services, nxt.id))
    next_id = nxt.id

    def carried(reads: Services) -> int:
        return sum(1 for item in reads.agenda(next_id) if item.carried_from is not None)

    read_then(app, carried, lambda count: app.notify(message.format(when=when, count=count)))
    return nxt.id
