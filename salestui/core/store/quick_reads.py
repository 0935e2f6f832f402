"""The few reads of the command line's quick path (``cli.quick``), on a bare connection:
standard library only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator


def file_state(conn: sqlite3.Connection) -> tuple[int, int, str]:
    """The file's application id, schema version and journal mode."""
    return (
        int(conn.execute("PRAGMA application_id").fetchone()[0]),
        int(conn.execute("PRAGMA user_version").fetchone()[0]),
        str(conn.execute("PRAGMA journal_mode").fetchone()[0]),
    )


def wait_when_busy(conn: sqlite3.Connection) -> None:
    """From now on a lock is waited for as the store waits (``BUSY_TIMEOUT_MS``)."""
    conn.execute("PRAGMA busy_timeout = 30000")


def person_with_login(conn: sqlite3.Connection, login: str) -> int | None:
    """The id of the active person who signs in as ``login`` (``person_by_login``)."""
    row = conn.execute("SELECT id FROM people WHERE login = ? AND active = 1", [login]).fetchone()
    return int(row[0]) if row else None


def person(conn: sqlite3.Connection, person_id: int) -> tuple[int, str | None] | None:
    """The id and login of person ``person_id`` (active or not, as ``get_person``)."""
    row = conn.execute("SELECT id, login FROM people WHERE id = ?", [person_id]).fetchone()
    return (int(row[0]), row[1]) if row else None


def active_people(conn: sqlite3.Connection) -> Iterator[tuple[int, str, str | None]]:
    """Id, name and login of everyone active (``list_people``)."""
    yield from conn.execute("SELECT id, name, login FROM people WHERE active = 1")


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meetings WHERE id = ?", [meeting_id]).fetchone() is not None
