"""What every CLI command shares: the lazily opened services, input helpers, output.

Kept light at import time: the core (pydantic, sqlite-utils) and rich are imported on
first use, so ``salestui --help`` and ``--version`` start fast.

The vocabulary of the command line is ``vocabulary``'s and the ways of writing output are
``output``'s; both are imported from here too, as the commands always have.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from salestui.cli.output import (
    console,
    json_option,
    jsonable,
    local_moment,
    print_json,
    table,
    text,
    warn,
)
from salestui.cli.vocabulary import (
    ACTION_STATUSES,
    AGENDA_KINDS,
    AGENDA_STATUSES,
    ATTENDANCE,
    DECISION_STATUSES,
    MEETING_KINDS,
    MEETING_STATUSES,
    NOW_YEARS,
    ROLES,
    SQLITE_MAX_INTEGER,
    VOCABULARIES,
    label,
)
from salestui.i18n import _

__all__ = [
    "ACTION_STATUSES",
    "AGENDA_KINDS",
    "AGENDA_STATUSES",
    "ATTENDANCE",
    "DECISION_STATUSES",
    "ID",
    "MEETING_KINDS",
    "MEETING_STATUSES",
    "NOW_YEARS",
    "ROLES",
    "SQLITE_MAX_INTEGER",
    "VOCABULARIES",
    "AppContext",
    "IdType",
    "action_json",
    "action_row",
    "actions_table",
    "app_context",
    "console",
    "json_option",
    "jsonable",
    "label",
    "local_moment",
    "meeting_json",
    "names_are_input",
    "parse_date_option",
    "parse_datetime_option",
    "person_id",
    "person_ids",
    "person_json",
    "print_json",
    "row_cells",
    "services",
    "table",
    "text",
    "warn",
]

if TYPE_CHECKING:
    from salestui.config import Config
    from salestui.core.backup import BackupPolicy
    from salestui.core.identity import Claim
    from salestui.core.models import ActionRow, Meeting, Person
    from salestui.core.service import Services

# -- the context object -------------------------------------------------------------------


# The years a fixed SALESTUI_NOW may fall in: dates a year or so either side of it must
# still be representable.


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
    claims: list[Claim] = field(default_factory=list)  # who I am, as this run was told
    signed_in: Person | None = None  # who signed in through ``serve`` (cli.identity)

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
            self._services = Services(store, clock)
            self._settle_identity(self._services)
        return self._services

    def _settle_identity(self, services: Services) -> None:
        """Who I am, now that the database says whose login is whose (cli.identity)."""
        from salestui.cli.identity import settle

        try:
            self.signed_in, warnings = settle(services, self.claims)
        except BaseException:
            services.store.close()
            raise
        self.config.me = services.me_name
        for message in warnings:
            warn(message)

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
        "login": person.login,
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
        "confidential": row.confidential,
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


def row_cells(row: ActionRow, today: date) -> list[tuple[str, bool]]:
    """The actions-table cells of a row read through the models (``listing.action_cells``)."""
    from salestui.cli.listing import action_cells

    return action_cells(
        row.id,
        row.title,
        row.owners,
        row.due,
        row.priority,
        row.status.value,
        row.meeting_title,
        row.confidential,
        today,
    )


def actions_table(rows: Sequence[ActionRow], today: date, title: str | None = None) -> Any:
    from salestui.cli.listing import ACTION_HEADERS

    grid = table(*(_(h) for h in ACTION_HEADERS), title=title)
    for row in rows:
        grid.add_row(
            *(text(value, "bold red" if warn else "") for value, warn in row_cells(row, today))
        )
    return grid
