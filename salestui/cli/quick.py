"""The quick path of ``salestui actions list``: a plain listing without click, pydantic,
pydantic-settings or sqlite-utils, so that a short list takes about as long as starting
Python (issue 14: as fast as Taskwarrior on the same data).

It answers ``salestui --version`` and the listings it is sure of, and prints exactly what
the full command line would:

- the options are the global ``--db``, ``--lang``, ``--me`` and ``actions list``'s
  ``--owner`` (an id or a full name), ``--status``, ``--tag``, ``--priority``,
  ``--meeting``, ``--unassigned``, ``--overdue``, ``--limit``, ``--json``, ``--jsonl``,
  ``--sort due``;
- the settings are the ones the last full run worked out for the same environment and
  the same config file (``cli.settings_cache``);
- the database is a writable salestui file at the current schema, in WAL mode, whose daily
  full check is not due; who I am settles without a word (no claim set aside);
- every name resolves exactly (a full name, or an id).

Anything else - other options, help, bad values, a name that needs the fuzzy rules, a file
to migrate or check - returns None before anything is printed, and the full command line
runs instead. ``tests/cli/test_quick.py`` checks that both give the same bytes.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from datetime import date
from pathlib import Path
from typing import Any

from salestui.cli.vocabulary import ACTION_STATUSES, NOW_YEARS
from salestui.cli.vocabulary import OPEN_ACTION_STATUSES as OPEN
from salestui.cli.vocabulary import SQLITE_MAX_INTEGER as MAX_INTEGER
from salestui.core.store import quick_reads as reads

SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
_VALUED = {"--owner", "--status", "--tag", "--priority", "--meeting", "--limit", "--sort"}
_FLAGS = {"--json", "--jsonl", "--unassigned", "--overdue"}
_GLOBAL = {"--db", "--lang", "--me"}


class NotSure(Exception):
    """The quick path cannot answer this run; the full command line will."""


class Run:
    """What the run asks for."""

    def __init__(self) -> None:
        self.options: dict[str, str] = {}  # --db, --lang, --me
        self.owner: str | None = None
        self.statuses: list[str] = []
        self.tag: str | None = None
        self.priority: int | None = None
        self.meeting_id: int | None = None
        self.unassigned = False
        self.overdue = False
        self.limit: int | None = None
        self.output = "table"
        self.where: tuple[Path, Path | None] | None = None  # the file and its backup folder


def answer(args: list[str]) -> int | None:
    """Run ``args`` quickly and return the exit code, or None: not a run for this path."""
    if args == ["--version"]:
        from salestui import __version__

        if sys.stdout is None:
            return 0  # no standard output at all (``>&-``), as click's version option
        try:  # as click's version option says it
            sys.stdout.write(f"salestui {__version__}\n")
            sys.stdout.flush()
        except (Exception, KeyboardInterrupt) as error:
            return _failed(error)
        return 0
    try:
        run = parse(args)
        return _list(run)
    except NotSure:
        return None
    except KeyboardInterrupt as error:
        return _failed(error)
    except Exception:
        # Nothing is printed before the listing starts, and every failure after that is
        # answered in ``_answer``: what this path did not foresee, the full way answers.
        if os.environ.get("SALESTUI_DEBUG"):
            raise
        return None


def _number(text: str, low: int, high: int) -> int:
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise NotSure
    return int(text)


def _pairs(args: list[str]) -> list[tuple[str, str | None]]:
    """Options with their values (``--x v`` or ``--x=v``); a word is (word, None)."""
    out: list[tuple[str, str | None]] = []
    position = 0
    while position < len(args):
        word = args[position]
        position += 1
        if not word.startswith("--"):
            out.append((word, None))
            continue
        name, equals, value = word.partition("=")
        if name in _FLAGS:
            if equals:
                raise NotSure
            out.append((name, ""))
        elif name in _VALUED or name in _GLOBAL:
            if not equals:
                if position >= len(args):
                    raise NotSure
                value = args[position]
                position += 1
            out.append((name, value))
        else:
            raise NotSure
    return out


def parse(args: list[str]) -> Run:
    """The run ``args`` ask for; NotSure unless every word is one this path knows."""
    if any(_has_surrogates(arg) for arg in args):
        raise NotSure
    pairs = _pairs(args)
    run = Run()
    words = [name for name, value in pairs if value is None]
    if words != ["actions", "list"]:
        raise NotSure
    command_at = pairs.index(("actions", None))
    if pairs[command_at + 1] != ("list", None):
        raise NotSure
    seen: set[str] = set()
    for position, (name, value) in enumerate(pairs):
        if value is None:
            continue
        if (name in _GLOBAL) != (position < command_at):
            raise NotSure  # a global option after the command, or the reverse
        if name in seen and name not in ("--status", *_FLAGS):
            raise NotSure
        seen.add(name)
        _take(run, name, value)
    if "--json" in seen and "--jsonl" in seen:
        raise NotSure
    return run


def _take(run: Run, name: str, value: str) -> None:
    if name in _GLOBAL:
        run.options[name] = value
    elif name == "--owner":
        run.owner = value
    elif name == "--status":
        if value not in ACTION_STATUSES:
            raise NotSure
        run.statuses.append(value)
    elif name == "--tag":
        run.tag = value
    elif name == "--priority":
        run.priority = _number(value, 1, 3)
    elif name == "--meeting":
        run.meeting_id = _number(value, 0, MAX_INTEGER)
    elif name == "--limit":
        run.limit = _number(value, 0, MAX_INTEGER)
    elif name == "--sort":
        if value != "due":
            raise NotSure
    elif name == "--unassigned":
        run.unassigned = True
    elif name == "--overdue":
        run.overdue = True
    else:
        run.output = "json" if name == "--json" else "jsonl"


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _today() -> date:
    """The clock's today (``SALESTUI_NOW`` fixes it); NotSure for a value the full command
    line would refuse."""
    from salestui.core.clock import clock_from_env

    fixed = os.environ.get("SALESTUI_NOW", "")
    try:
        clock = clock_from_env()
        now = clock.now()
    except (ValueError, OverflowError) as error:
        raise NotSure from error
    if fixed and not NOW_YEARS[0] <= now.year <= NOW_YEARS[1]:
        raise NotSure
    return clock.today()


def _list(run: Run) -> int:
    from salestui.cli import settings_cache
    from salestui.i18n import normalise

    lang = run.options.get("--lang")
    if lang is not None and normalise(lang) is None:
        raise NotSure
    if os.environ.get("SALESTUI_SIGN_IN_TOKEN") is not None:
        raise NotSure  # a sign-in through ``serve``
    run_key = settings_cache.key(normalise(lang))
    settings = settings_cache.load(run_key) if run_key is not None else None
    if settings is None:
        raise NotSure
    today = _today()
    conn = _open(run, settings)
    try:
        return _answer(conn, run, settings, today)
    finally:
        conn.close()


def _answer(conn: sqlite3.Connection, run: Run, settings: dict[str, Any], today: date) -> int:
    from salestui.cli.listing import DEFAULT_LIMIT, write_plain
    from salestui.core.store import listing_sql as action_sql
    from salestui.i18n import set_language

    set_language(settings["language"])
    _check_identity(conn, run, settings)
    params: list[Any] = []
    owner_ids = None if not run.owner else [_person(conn, run.owner)[0]]
    if run.meeting_id is not None and not reads.meeting_exists(conn, run.meeting_id):
        raise NotSure
    tag = run.tag.lstrip("#") if run.tag else None
    statuses, due_before = run.statuses, None
    if run.overdue:  # as ``action_query`` reads --overdue: the open ones, due before today
        statuses = [s for s in (statuses or OPEN) if s in OPEN] or ["open"]
        due_before = today.isoformat()
    where = action_sql.where_sql(
        action_sql.filter_clauses(
            params,
            owner_ids=owner_ids,
            statuses=statuses,
            due_before=due_before,
            tag=tag,
            priority=run.priority,
            meeting_id=run.meeting_id,
            unassigned=run.unassigned,
        )
    )
    # Sure from here on: what the full command line prints first, then the listing.
    for message in settings["warnings"]:
        _warn(message)
    limit = run.limit
    if limit is None:
        limit = 0 if run.output != "table" else DEFAULT_LIMIT
    try:
        write_plain(conn, where, params, run.output, today, limit)
        sys.stdout.flush()
    except (Exception, KeyboardInterrupt) as error:
        return _failed(error, run.where)
    return 0


def _warn(message: str) -> None:
    from salestui.core.text import clean_line
    from salestui.i18n import _

    sys.stderr.write(clean_line(_("Warning: {message}").format(message=message)) + "\n")


def _failed(error: BaseException, where: tuple[Path, Path | None] | None = None) -> int:
    """After the listing began: the full command line's message and exit code (``where``:
    the database and its backup folder, for the way out of a damaged file)."""
    from salestui.cli import app
    from salestui.i18n import _

    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("\n")  # as click leaves the line it interrupted
        app._error(_("Interrupted"))
        return 130
    assert isinstance(error, Exception)
    if os.environ.get("SALESTUI_DEBUG"):
        raise error
    if isinstance(error, sqlite3.Error) and where is not None:
        from salestui.core import integrity
        from salestui.core.backup import BackupPolicy

        if integrity.is_damage(error):
            app._error(integrity.damaged_message(where[0], BackupPolicy(folder=where[1])))
            return 1
    from pydantic import ValidationError

    from salestui.core.errors import SalestuiError

    known = (SalestuiError, sqlite3.Error, OSError, ValidationError, OverflowError, UnicodeError)
    if isinstance(error, known):
        return app._failure(error)
    app._error(
        _("Unexpected problem ({kind}): {reason}").format(kind=type(error).__name__, reason=error)
    )
    return 1


def _open(run: Run, settings: dict[str, Any]) -> sqlite3.Connection:
    """The database, opened as ``core.db.open_store`` would open it without a word: a
    writable salestui file at the current schema, in WAL mode, its daily check done."""
    from salestui import paths
    from salestui.core import schema
    from salestui.core.check_stamp import full_check_due
    from salestui.core.text import read_text

    given = run.options.get("--db")
    if given is not None and not given.strip():
        raise NotSure
    path = Path(given).expanduser() if given else paths.default_db_path()
    try:
        info = path.stat()
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except (OSError, ValueError) as error:
        raise NotSure from error
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
    if not stat.S_ISREG(info.st_mode) or header != SQLITE_HEADER or not writable:
        raise NotSure
    backups = Path(settings["backup_dir"]) if settings["backup_dir"] else None
    if full_check_due(path, backups):
        raise NotSure
    run.where = (path, backups)
    try:
        # No wait for a lock here: a file that is busy now, the full way opens (and waits).
        conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    except sqlite3.Error as error:
        raise NotSure from error
    try:
        conn.text_factory = read_text
        if reads.file_state(conn) != (schema.APPLICATION_ID, schema.LATEST_VERSION, "wal"):
            raise NotSure
        reads.wait_when_busy(conn)
    except (sqlite3.Error, NotSure) as error:
        conn.close()
        raise NotSure from error
    return conn


def _login() -> str | None:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return None


def _check_identity(conn: sqlite3.Connection, run: Run, settings: dict[str, Any]) -> None:
    """NotSure unless who I am settles as ``cli.identity.settle`` would, without a warning
    or a refusal: every claim names the person whose login this is, or (no such person)
    the first claim names someone without a login."""
    claims = [
        run.options.get("--me"),
        os.environ.get("SALESTUI_ME", "").strip() or None,
        settings["choices_me"],
        settings["config_me"],
    ]
    names = [name for name in claims if name]
    login = _login()
    mine = reads.person_with_login(conn, login) if login else None
    if mine is not None:
        if any(_person(conn, name)[0] != mine for name in names):
            raise NotSure
    elif names and _person(conn, names[0])[1] is not None:
        raise NotSure  # that person signs in with a login that is not mine


def _person(conn: sqlite3.Connection, query: str) -> tuple[int, str | None]:
    """The id and login of the person ``query`` names by id or full name (as the first of
    ``core.names``' rules reads it); NotSure for anything the other rules would decide."""
    from salestui.core.names import fold_name

    cleaned = query.strip().lstrip("@＠")
    if cleaned.isascii() and cleaned.isdigit():
        found = reads.person(conn, int(cleaned))
        if found is None:
            raise NotSure
        return found
    wanted = fold_name(cleaned)
    if not wanted or cleaned.isdigit():
        raise NotSure
    named = [
        (person_id, login)
        for person_id, name, login in reads.active_people(conn)
        if fold_name(name) == wanted
    ]
    if len(named) != 1:
        raise NotSure
    return named[0]
