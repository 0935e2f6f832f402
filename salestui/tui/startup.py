"""Start-up: what the person is told as the app opens (the config file's warnings, a key
map that names unknown bindings, a backup that failed) and, on the real start from the
command line, which screen opens first - the welcome screen for an empty database, "Who am
I" when nobody said who this is, then the meeting this person left running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salestui.core.models import MeetingStatus
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.tui.app import SalestuiApp


def announce_problems(app: SalestuiApp) -> None:
    """The config's warnings, then its key map's, then the backup's problem, as toasts."""
    for warning in app.config.warnings:
        app.notify(warning, severity="warning")
    apply_keymap(app)
    if app.services.backup_problem:
        app.notify(app.services.backup_problem, severity="warning")


def apply_keymap(app: SalestuiApp) -> None:
    """The config's ``[keymap]`` (binding id -> keys); an unknown id is a warning."""
    if not app.config.keymap:
        return
    from salestui.tui.keymap import checked_keymap

    keymap, problems = checked_keymap(app.config.keymap)
    for problem in problems:
        app.notify(problem, severity="warning")
    app.set_keymap(keymap)


def first_screen(app: SalestuiApp) -> None:
    """Greet an empty database; ask who this is when nobody said; then resume a meeting
    left running by this person (e.g. after a crash)."""
    services = app.services
    if not services.people() and not services.meetings(limit=1):
        from salestui.tui.screens.welcome import WelcomeScreen

        app.push_screen(WelcomeScreen(services))
    elif not services.me_chosen and services.people():
        # Nobody said who this is: ask, rather than act as the director - and so never
        # record into the director's meeting by mistake.
        app.action_who_am_i(then=lambda: resume_running(app))
    else:
        resume_running(app)


def resume_running(app: SalestuiApp) -> None:
    """Open the running meeting when this person records it (or nobody does); else say
    who does, and stay on Home, from where it can be watched."""
    running = app.services.meetings(status=MeetingStatus.RUNNING, limit=1)
    if not running or running[0].id is None:
        return
    from salestui.core.meeting_scribe import Scribes

    scribes = Scribes(app.services)
    if scribes.may_change(running[0].id):  # mine (or nobody's): resume recording it
        app.notify(_("Resuming the meeting in progress: {title}").format(title=running[0].title))
        app.open_meeting(running[0].id)
    else:  # someone else records it: Home, from where it can be watched
        scribe = scribes.of(running[0].id)
        app.notify(
            _("{title} is running, recorded by {name}: open it from Home to watch").format(
                title=running[0].title, name=scribe.name if scribe else "?"
            ),
            timeout=8,
        )
