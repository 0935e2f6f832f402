"""Where the app's keys and palette commands go: a meeting opened where it stands (plan,
run, confirm or read it), today's next meeting, the meeting after the one in view, the
latest minutes. Each screen's module is imported when it is first opened, so start-up
stays fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salestui.core.models import MeetingStatus
from salestui.i18n import _
from salestui.tui.background import read_then

if TYPE_CHECKING:
    from textual.app import App

    from salestui.core.models import Meeting
    from salestui.core.service import Services


def showing(app: App[None], name: str) -> bool:
    """True when the screen in front is already the one asked for (keys never stack
    copies of the same screen)."""
    return type(app.screen).__name__ == name


def open_meeting(
    app: App[None], services: Services, meeting_id: int, find: str | None = None
) -> None:
    """Open a meeting where it stands: plan it, run it, confirm it, or read it (confirmed
    minutes scrolled to ``find``, a decision's words, when given). Where it stands - and,
    for a running meeting, who records it - is read in a worker; the screen opens then."""

    def read(reads: Services) -> tuple[Meeting, str | None]:
        meeting = reads.meeting(meeting_id)
        scribe: str | None = None
        if meeting.status == MeetingStatus.RUNNING:
            from salestui.core.meeting_scribe import Scribes

            scribes = Scribes(reads)
            if not scribes.may_change(meeting_id):
                found = scribes.of(meeting_id)
                scribe = found.name if found else "?"
        return meeting, scribe

    def show(read: tuple[Meeting, str | None]) -> None:
        _open(app, services, *read, find)

    read_then(app, read, show)


def _open(
    app: App[None], services: Services, meeting: Meeting, scribe: str | None, find: str | None
) -> None:
    """``scribe``: who records the running meeting, when it is not the user (who watches)."""
    assert meeting.id is not None
    meeting_id = meeting.id
    if meeting.status == MeetingStatus.RUNNING:
        from salestui.tui.screens.run import RunScreen

        app.push_screen(RunScreen(services, meeting_id, watching=scribe is not None))
        if scribe is not None:
            message = _("{name} records this meeting: you are watching (t takes over)")
            app.notify(message.format(name=scribe), timeout=6)
    elif meeting.status == MeetingStatus.ENDED:
        from salestui.tui.screens.confirm import ConfirmScreen

        app.push_screen(ConfirmScreen(services, meeting_id))
    elif meeting.status == MeetingStatus.CONFIRMED:
        from salestui.tui.screens.export_preview import ExportPreviewScreen

        app.push_screen(ExportPreviewScreen(services, meeting_id, "minutes", find=find or ""))
    else:
        from salestui.tui.screens.plan import PlanScreen

        app.push_screen(PlanScreen(services, meeting_id))


def open_meeting_at(app: App[None], services: Services, meeting_id: int, text: str) -> None:
    """Open a meeting at one of its decisions: confirmed minutes are scrolled to the
    decision's words; a meeting in another state opens where it stands."""
    open_meeting(app, services, meeting_id, find=text)


def _next_today(services: Services) -> int | None:
    """The first meeting of today that has not ended (a running one first)."""
    running = services.meetings(status=MeetingStatus.RUNNING, limit=1)
    upcoming = [
        m
        for m in services.upcoming_meetings(days=0)
        if m.status in (MeetingStatus.DRAFT, MeetingStatus.CIRCULATED)
    ]
    found = running or upcoming
    return found[0].id if found else None


def start_next_meeting(app: App[None], services: Services) -> None:
    """Open the first meeting of today that has not ended (read in a worker)."""

    def start(meeting_id: int | None) -> None:
        if meeting_id is None:
            app.notify(_("No meeting left today"), severity="warning")
            return
        from salestui.tui.screens.run import RunScreen

        # Straight to the console: its start panel shows the warnings before starting.
        app.push_screen(RunScreen(services, meeting_id))

    read_then(app, _next_today, start)


def next_meeting(app: App[None], services: Services) -> None:
    """The palette's "Next meeting": after the meeting in view, else the latest held
    (looked up in a worker)."""
    from salestui.tui.next_meeting import latest_held, open_next_meeting

    highlighted = getattr(app.screen, "highlighted_meeting", None)
    meeting_id = highlighted() if callable(highlighted) else None
    meeting_id = meeting_id or getattr(app.screen, "meeting_id", None)

    def follow(after: int | None) -> None:
        if after is None:
            app.notify(_("No meeting has been held yet"), severity="warning")
            return
        open_next_meeting(app, services, after)  # plans it (a write), then opens it

    if meeting_id:
        follow(meeting_id)
    else:
        read_then(app, latest_held, follow)


def _latest_minutes(services: Services) -> int | None:
    for status in (MeetingStatus.ENDED, MeetingStatus.CONFIRMED):
        latest = services.meetings(status=status, descending=True, limit=1)
        if latest and latest[0].id is not None:
            return latest[0].id
    return None


def export_latest_minutes(app: App[None], services: Services) -> None:
    """The minutes preview of the latest meeting held (ended or confirmed), looked up in
    a worker."""

    def show(meeting_id: int | None) -> None:
        if meeting_id is None:
            app.notify(_("No meeting has been held yet"), severity="warning")
            return
        from salestui.tui.screens.export_preview import ExportPreviewScreen

        app.push_screen(ExportPreviewScreen(services, meeting_id, "minutes"))

    read_then(app, _latest_minutes, show)
