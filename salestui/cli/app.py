"""The full ``salestui`` command line: parses, calls the core, prints. With no command, opens
the TUI.

Exit codes: 0 ok; 1 the operation failed (unknown meeting/action id, storage problem,
database locked, refusing to overwrite); 2 bad usage or input (click usage errors,
unparseable dates, empty titles, out-of-range numbers, and unknown *person or team names*
given as input). Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from salestui import __version__
from salestui.cli.action_changes import actions_escalate  # noqa: F401  (registers the commands)
from salestui.cli.action_history import actions_history  # noqa: F401  (registers the command)
from salestui.cli.action_modify import actions_modify  # noqa: F401  (registers the command)
from salestui.cli.actions import actions as actions_group
from salestui.cli.actions import followup
from salestui.cli.common import AppContext, warn
from salestui.cli.config import config as config_command
from salestui.cli.cycle import drop_item, meeting_next
from salestui.cli.data import backup, doctor, restore
from salestui.cli.day import day as day_group
from salestui.cli.decisions import decisions as decisions_group
from salestui.cli.export import export as export_group
from salestui.cli.invite import invite
from salestui.cli.live import run_group
from salestui.cli.mail import outbox, remind, send
from salestui.cli.meetings import agenda, meeting
from salestui.cli.numbers import numbers as numbers_group
from salestui.cli.people import demo
from salestui.cli.people import people as people_group
from salestui.cli.people_sign_in import people_login  # noqa: F401  (registers the commands)
from salestui.cli.rates import rates_command
from salestui.cli.search import search as search_command
from salestui.cli.serve import serve as serve_command
from salestui.cli.undo import undo as undo_command
from salestui.cli.views import views as views_group
from salestui.i18n import _, normalise, set_language

if TYPE_CHECKING:
    from salestui.config import Config
    from salestui.core.store import Store

EPILOG = """\b
Exit codes: 0 ok, 1 the operation failed (unknown meeting or action id, storage
problem, database locked), 2 bad usage or input (bad dates, empty titles, numbers
out of range, and person or team names that match no one).
"""


_opened: list[AppContext] = []  # the command's context, for messages after it closed


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    lang = normalise(value)
    if lang is None:
        raise click.BadParameter(f"{value!r}: use en or zh-CN")
    return lang


@click.group(
    invoke_without_command=True,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    __version__, "--version", prog_name="salestui", message="%(prog)s %(version)s"
)
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    help="Database file (default: $SALESTUI_DB, else the user data folder).",
)
@click.option(
    "--lang",
    metavar="en|zh-CN",
    callback=_language,
    help="Language of messages (default: config file, then $SALESTUI_LANG, $LANG).",
)
@click.option(
    "--me",
    "me",
    metavar="NAME",
    help="Who you are, for this run (default: $SALESTUI_ME, then who you chose in the app, "
    "then the config file).",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, lang: str | None, me: str | None) -> None:
    """Run sales meetings and follow their action items through.

    With no command, opens the terminal app.
    """
    from salestui.config import load_config

    if db_path is not None and not db_path.strip():
        # An empty --db would silently fall back to the real default database.
        raise click.BadParameter(_("the database path is empty"), param_hint="'--db'")
    first = set_language(lang)
    config = load_config()
    if set_language(lang or config.language) != first and config.warnings:
        config = load_config()  # the file chose another language: its warnings in that one
    for message in config.warnings:
        warn(message)
    from salestui.core import filemodes

    filemodes.set_shared(config.shared)
    from salestui.cli.identity import claims, personal_path
    from salestui.personal import Personal

    personal = Personal.beside(config.path)
    given = claims(me, config, personal)
    _remember_settings(lang, config, personal)
    config.me = next((claim.name for claim in given if claim.name), None)
    app = AppContext(db_option=db_path, config=config, me_option=me, claims=given)
    _opened.append(app)
    ctx.obj = app
    ctx.call_on_close(app.close)
    if ctx.invoked_subcommand is None:
        services = app.services()
        from salestui.tui.app import SalestuiApp

        if app.signed_in is not None:  # through ``serve``: their own choices, not the host's
            personal = Personal(personal_path(config.path, app.signed_in))

        _adopt_database_choices(services.store, personal)
        # A language switched inside the app is remembered for this person; an explicit
        # --lang still wins.
        remembered = personal.get("language")
        if remembered and not lang:
            set_language(remembered)
        _daily_backup(services.store)
        tui = SalestuiApp(services=services, config=config, start_flow=True, personal=personal)
        tui.run()
        # Non-zero after a crash (1) or a SIGTERM/SIGHUP (128 + the signal).
        if tui.return_code:
            ctx.exit(tui.return_code)


def _remember_settings(lang: str | None, config: Config, personal: Any) -> None:
    """What this run's settings came to, for the quick path's next run (cli.quick)."""
    from salestui.cli import settings_cache
    from salestui.i18n import current_language

    values = {
        "language": current_language(),
        "warnings": list(config.warnings),
        "config_me": config.me,
        "choices_me": personal.get("me"),
        "backup_dir": config.backup_dir,
        "backup_keep": config.backup_keep,
    }
    settings_cache.save(settings_cache.key(lang), values)


def _adopt_database_choices(store: Store, personal: Any) -> None:
    """Language and theme were once kept in the shared database (so one person's choice
    changed everyone's): take them, once, as this person's own choices."""
    from salestui.tui.app import SalestuiApp

    legacy = {
        "language": store.get_setting(SalestuiApp.LANGUAGE_SETTING),
        "theme": store.get_setting(SalestuiApp.THEME_SETTING),
    }
    mine = personal.load()
    adopt = {k: v for k, v in legacy.items() if v and k not in mine}
    if adopt:
        try:
            personal.save(**adopt)
        except OSError as error:
            warn(str(error))


def _daily_backup(store: Store) -> None:
    """At most one automatic backup a day, when the app starts (a failure is shown in the
    app; the data is not at risk from it)."""
    from salestui.core.backup import backup_store, due_daily

    if store.read_only_reason is None and due_daily(store.path, store.backup_policy):
        backup_store(store, "start")


for command in (
    demo, people_group, meeting, agenda, invite, run_group, actions_group, followup,
    search_command, views_group, undo_command, export_group, backup, restore, doctor,
    config_command, numbers_group, rates_command, send, remind, outbox, serve_command,
    day_group, decisions_group,
):  # fmt: skip
    cli.add_command(command)
meeting.add_command(meeting_next)
run_group.add_command(drop_item)


def _error(message: str) -> None:
    from salestui.core.text import clean_line

    # One line, and no control character from an echoed value reaches the terminal.
    click.echo(clean_line(_("Error: {message}").format(message=message)), err=True)


def _usage_error(error: click.UsageError) -> None:
    message = error.format_message()
    if error.ctx is not None:
        hint = _("see '{command} --help'").format(command=error.ctx.command_path)
        message = f"{message} ({hint})"
    _error(message)


def _database_problem(error: sqlite3.Error) -> str:
    """Damage met by a read (the open-time check passed) names the way out."""
    from salestui.core import integrity

    if integrity.is_damage(error) and _opened:
        from salestui.paths import resolve_db_path

        app = _opened[-1]
        return integrity.damaged_message(resolve_db_path(app.db_option), app.backup_policy())
    return _("Database problem: {reason}").format(reason=error)


def _not_utf8(argv: Sequence[str]) -> int | None:
    """The 1-based position of the first argument that is not valid UTF-8, if any."""
    from salestui.core.text import has_surrogates

    for position, argument in enumerate(argv, start=1):
        if has_surrogates(argument):
            return position
    return None


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (errors already printed).

    Nothing escapes as a traceback: an error nobody foresaw is still one line (exit 1);
    ``SALESTUI_DEBUG=1`` shows its traceback instead.
    """
    from pydantic import ValidationError

    from salestui.core.errors import SalestuiError

    args = list(sys.argv[1:] if argv is None else argv)
    position = _not_utf8(args)
    if position is not None:
        _error(_("argument {position} is not valid UTF-8 text").format(position=position))
        return 2
    try:
        result = cli.main(args=args, prog_name="salestui", standalone_mode=False)
    except (click.ClickException, click.Abort) as error:
        return _click_failure(error)
    except (
        SalestuiError,
        sqlite3.Error,
        OSError,
        ValidationError,
        OverflowError,
        UnicodeError,
    ) as error:
        return _failure(error)
    except Exception as error:
        if os.environ.get("SALESTUI_DEBUG"):
            raise
        _error(
            _("Unexpected problem ({kind}): {reason}").format(
                kind=type(error).__name__, reason=error
            )
        )
        return 1
    return result if isinstance(result, int) else 0


def _click_failure(error: click.ClickException | click.Abort) -> int:
    """Say what went wrong with the command line itself; its exit code."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        error.show()  # a group without its command: its help, as click does
        return error.exit_code
    if isinstance(error, click.UsageError):
        _usage_error(error)
        return error.exit_code
    if isinstance(error, click.ClickException):
        _error(error.format_message())
        return error.exit_code
    _error(_("Interrupted"))  # click.Abort
    return 130


def _failure(error: Exception) -> int:
    """Say why the operation failed (one line); its exit code: 1 it failed, 2 bad input."""
    from pydantic import ValidationError

    from salestui.core.errors import SalestuiError

    if isinstance(error, SalestuiError):
        _error(str(error))
        return error.exit_code
    if isinstance(error, sqlite3.Error):
        _error(_database_problem(error))
        return 1
    if isinstance(error, BrokenPipeError):
        # The reader went away (``salestui actions list | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        if error.filename:
            reason = f"{reason}: {error.filename}"
        _error(reason)
        return 1
    if isinstance(error, ValidationError):
        from salestui.core.models import validation_message

        _error(validation_message(error))
        return 2
    # A date or number past what the calendar or SQLite can hold, or text that is not
    # UTF-8 (from the environment): bad input.
    _error(_("A value is out of range or not valid: {reason}").format(reason=error))
    return 2
