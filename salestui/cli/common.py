"""What every CLI command shares: the lazily opened services, input helpers, output.

Kept light at import time: the core (pydantic, sqlite-utils) and rich are imported on
first use, so ``salestui --help`` and ``--version`` start fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import click

from salestui.i18n import N_, NP_, _, format_date, pgettext

if TYPE_CHECKING:
    from rich.console import Console

    from salestui.config import Config
    from salestui.core.backup import BackupPolicy
    from salestui.core.models import ActionRow, Meeting, Person
    from salestui.core.service import Services

# The command line's vocabulary (kept here as plain strings so that --help does not
# import the models; tests/cli checks they equal the enums in core/models.py). Each value is
# marked for translation in its vocabulary's context: English tables show the value typed on
# the command line, other languages its translation (``label``).
MEETING_KINDS = (
    NP_("kind", "leadership"), NP_("kind", "consultation"), NP_("kind", "coordination"),
    NP_("kind", "weekly"), NP_("kind", "daily"), NP_("kind", "other"),
)  # fmt: skip
MEETING_STATUSES = (
    NP_("meeting_status", "draft"), NP_("meeting_status", "circulated"),
    NP_("meeting_status", "running"), NP_("meeting_status", "ended"),
    NP_("meeting_status", "confirmed"),
)  # fmt: skip
ACTION_STATUSES = (
    NP_("status", "open"), NP_("status", "in_progress"), NP_("status", "waiting"),
    NP_("status", "blocked"), NP_("status", "done"), NP_("status", "cancelled"),
)  # fmt: skip
ROLES = (NP_("role", "director"), NP_("role", "deputy"), NP_("role", "lead"), NP_("role", "member"))
AGENDA_KINDS = (
    NP_("agenda_kind", "info"), NP_("agenda_kind", "discussion"), NP_("agenda_kind", "decision"),
)  # fmt: skip
ATTENDANCE = (
    NP_("attendance", "invited"), NP_("attendance", "present"), NP_("attendance", "late"),
    NP_("attendance", "absent"), NP_("attendance", "excused"),
)  # fmt: skip
AGENDA_STATUSES = (
    NP_("agenda_status", "pending"), NP_("agenda_status", "active"),
    NP_("agenda_status", "done"), NP_("agenda_status", "skipped"),
    NP_("agenda_status", "parked"), NP_("agenda_status", "dropped"),
)  # fmt: skip
DECISION_STATUSES = (
    NP_("decision_status", "proposed"), NP_("decision_status", "confirmed"),
    NP_("decision_status", "rejected"), NP_("decision_status", "superseded"),
)  # fmt: skip

# The translation context of each vocabulary is its name.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kind": MEETING_KINDS,
    "meeting_status": MEETING_STATUSES,
    "status": ACTION_STATUSES,
    "role": ROLES,
    "agenda_kind": AGENDA_KINDS,
    "attendance": ATTENDANCE,
    "agenda_status": AGENDA_STATUSES,
    "decision_status": DECISION_STATUSES,
}


def label(vocabulary: str, value: object) -> str:
    """A stored enum value as shown to people in the current language."""
    raw = value.value if isinstance(value, Enum) else str(value)
    if raw not in VOCABULARIES.get(vocabulary, ()):
        return raw
    return pgettext(vocabulary, raw)


# -- the context object -------------------------------------------------------------------


# The years a fixed SALESTUI_NOW may fall in: dates a year or so either side of it must
# still be representable.
NOW_YEARS = (1900, 9000)


def _checked_clock(make: Any, error: type[Exception]) -> Any:
    """The clock from ``make()``; a SALESTUI_NOW that does not parse or lies outside
    NOW_YEARS raises ``error`` (bad input) instead of failing later on date arithmetic."""
    value = os.environ.get("SALESTUI_NOW", "")
    try:
        if value:
            datetime.fromisoformat(value)
    except ValueError as problem:
        message = _("SALESTUI_NOW is not an ISO-8601 timestamp: {value}").format(value=value)
        raise error(message) from problem
    try:
        clock = make()
        year = clock.now().year
    except (ValueError, OverflowError):
        year = 0
    if not NOW_YEARS[0] <= year <= NOW_YEARS[1]:
        message = _("SALESTUI_NOW is out of range (years {first}-{last}): {value}").format(
            first=NOW_YEARS[0], last=NOW_YEARS[1], value=value
        )
        raise error(message)
    return clock


@dataclass
class AppContext:
    """Global options and the services, opened on first use."""

    db_option: str | None
    config: Config
    _services: Services | None = None
    me_option: str | None = None  # --me

    def services(self, create: bool = True) -> Services:
        """The services on the database; ``create=False`` refuses a missing file."""
        if self._services is None:
            from salestui.core.clock import clock_from_env
            from salestui.core.db import open_store
            from salestui.core.errors import InvalidInput
            from salestui.core.service import Services
            from salestui.paths import resolve_db_path

            clock = _checked_clock(clock_from_env, InvalidInput)
            store = open_store(
                resolve_db_path(self.db_option), create=create, backups=self.backup_policy()
            )
            self._services = Services(store, clock, me=self.config.me)
        return self._services

    def backup_policy(self) -> BackupPolicy:
        from pathlib import Path

        from salestui.core.backup import BackupPolicy

        folder = self.config.backup_dir
        return BackupPolicy(
            folder=Path(folder).expanduser() if folder else None, keep=self.config.backup_keep
        )

    def close(self) -> None:
        if self._services is not None:
            store = self._services.store
            # A read on a read-only file (damaged, newer, no permission) works but says
            # why; a refused write has already said it as its error.
            failed = sys.exc_info()[0] is not None  # its own error line is on the way
            for problem in (store.read_only_reason, store.backup_problem):
                if problem and not store.write_refused and not failed:
                    warn(problem)
            store.close()
            self._services = None


def app_context() -> AppContext:
    found = click.get_current_context().find_object(AppContext)
    assert found is not None
    return found


def services(create: bool = True) -> Services:
    return app_context().services(create=create)


# -- input ----------------------------------------------------------------------------------

SQLITE_MAX_INTEGER = 2**63 - 1


class IdType(click.ParamType):
    """The id of a meeting, action, decision or entry: a whole number SQLite can hold.

    Anything else (``abc``, ``-3``, ``9223372036854775808``) is bad usage (exit 2)."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip(), 10)
            except ValueError:
                message = _("{value} is not an id (a whole number)").format(value=value)
                self.fail(message, param, ctx)
        if not 1 <= number <= SQLITE_MAX_INTEGER:
            self.fail(_("{value} is not a valid id").format(value=value), param, ctx)
        return number


ID = IdType()


@contextmanager
def names_are_input() -> Iterator[None]:
    """A person or team named on the command line that does not exist is bad input (exit 2),
    unlike an unknown id of a meeting or action, which is a failed operation (exit 1)."""
    from salestui.core.errors import InvalidInput, NotFound

    try:
        yield
    except NotFound as error:
        raise InvalidInput(str(error)) from error


def person_id(name: str) -> int:
    """The id of the person ``name`` refers to (full name, prefix, pinyin initials, id)."""
    with names_are_input():
        found = services().find_person(name)
    assert found.id is not None
    return found.id


def person_ids(names: Sequence[str]) -> list[int]:
    return [person_id(name) for name in names]


def parse_date_option(text: str | None) -> date | None:
    if text is None:
        return None
    from salestui.core.dates import parse_date

    return parse_date(text, services().clock.today())


def parse_datetime_option(text: str | None) -> datetime | None:
    if text is None:
        return None
    from salestui.core.dates import parse_datetime

    return parse_datetime(text, services().clock.now())


# -- output ---------------------------------------------------------------------------------

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def jsonable(value: Any) -> Any:
    """Dates and times as ISO-8601 (times in local time with their offset), enums as values."""
    if isinstance(value, datetime):
        return value.astimezone().isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    from salestui.core.text import json_safe

    # CJK stays readable; what a terminal would act on (U+009B, bidi controls) is escaped.
    click.echo(json_safe(json.dumps(jsonable(value), ensure_ascii=False, indent=2)))


def warn(message: str) -> None:
    from salestui.core.text import clean_line

    click.echo(clean_line(_("Warning: {message}").format(message=message)), err=True)


_console: Console | None = None


def console() -> Console:
    """A rich console for tables; wide when writing to a pipe so rows do not wrap."""
    global _console
    if _console is None:
        from rich.console import Console

        width = None
        if not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
            width = 200
        _console = Console(highlight=False, width=width, soft_wrap=False)
    return _console


def table(*headers: str, title: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    grid = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, show_edge=False
    )
    for header in headers:
        grid.add_column(header)
    return grid


def text(value: object, style: str = "") -> Any:
    """A table cell: user text is never read as rich markup, and carries no controls."""
    from rich.text import Text

    from salestui.core.text import strip_controls

    return Text("" if value is None else strip_controls(str(value)), style=style)


def local_moment(moment: datetime | None) -> str:
    """``2026-11-30 09:00 Mon`` in local time, or ``-``."""
    if moment is None:
        return "-"
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {format_date(local.date(), 'EEE')}"


def due_label(due: date | None, today: date) -> str:
    if due is None:
        return "-"
    from salestui.core.dates import format_due

    return format_due(due, today)


# -- shapes shared by several commands ------------------------------------------------------


def person_json(person: Person, people: dict[int, Person]) -> dict[str, Any]:
    manager = people.get(person.reports_to) if person.reports_to else None
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "team": person.team,
        "reports_to": person.reports_to,
        "reports_to_name": manager.name if manager else None,
        "email": person.email,
        "active": person.active,
    }


def meeting_json(meeting: Meeting, people: dict[int, Person]) -> dict[str, Any]:
    chair = people.get(meeting.chair_id) if meeting.chair_id else None
    return {
        "id": meeting.id,
        "title": meeting.title,
        "kind": meeting.kind,
        "purpose": meeting.purpose,
        "status": meeting.status,
        "scheduled_start": meeting.scheduled_start,
        "planned_minutes": meeting.planned_minutes,
        "location": meeting.location,
        "chair_id": meeting.chair_id,
        "chair": chair.name if chair else None,
        "series_id": meeting.series_id,
        "agenda_circulated_at": meeting.agenda_circulated_at,
        "actual_start": meeting.actual_start,
        "actual_end": meeting.actual_end,
        "created_at": meeting.created_at,
    }


def action_json(row: ActionRow) -> dict[str, Any]:
    """One action as ``actions list --json`` gives it (values already JSON types)."""
    return {
        "id": row.id,
        "title": row.title,
        "owners": row.owners,
        "owner_ids": row.owner_ids,
        "due": row.due.isoformat() if row.due else None,
        "priority": row.priority,
        "status": row.status.value,
        "meeting_id": row.meeting_id,
        "meeting_title": row.meeting_title,
        "created_at": _moment(row.created_at),
        "completed_at": _moment(row.completed_at),
        "carried_count": row.carried_count,
        "last_follow_up": _moment(row.last_follow_up),
        "next_follow_up": row.next_follow_up.isoformat() if row.next_follow_up else None,
    }


def _moment(value: datetime | None) -> str | None:
    return jsonable(value) if value is not None else None


def action_row(action_id: int) -> ActionRow:
    """The list-shaped row of one action (same keys as ``actions list --json``)."""
    from salestui.core.models import ActionQuery

    rows = services().list_actions(ActionQuery(ids=[action_id]))
    if not rows:
        services().action(action_id)  # raises NotFound
    return rows[0]


ACTION_HEADERS = (N_("ID"), N_("Title"), N_("Owners"), N_("Due"), N_("P"), N_("Status"),
                  N_("Meeting"))  # fmt: skip


def action_cells(row: ActionRow, today: date) -> list[tuple[str, bool]]:
    """The cells of one actions-table row, each with whether it is a warning (overdue)."""
    from salestui.core.names import join_names

    closed = row.status.value in ("done", "cancelled")
    overdue = row.due is not None and row.due < today and not closed
    # A closed item's due date is history, not a warning: show the plain date.
    due = row.due.isoformat() if closed and row.due else due_label(row.due, today)
    return [
        (str(row.id), False),
        (row.title, False),
        (join_names(row.owners) if row.owners else _("(unassigned)"), False),
        (due, overdue),
        (f"p{row.priority}", False),
        (label("status", row.status), False),
        (row.meeting_title or "", False),
    ]


def actions_table(rows: Sequence[ActionRow], today: date, title: str | None = None) -> Any:
    grid = table(*(_(h) for h in ACTION_HEADERS), title=title)
    for row in rows:
        grid.add_row(
            *(text(value, "bold red" if warn else "") for value, warn in action_cells(row, today))
        )
    return grid
