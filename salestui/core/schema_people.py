"""Signing in (issue 17, "Beyond one machine"): who a person is on the shared host and in
the browser. Released with the schema: never edit these statements, add a migration.

- ``people.login``: the operating-system user name; when it is set, it decides who "I"
  am for that user (``core.identity``), whatever a config file says.
- ``passwords``: one strong hash (argon2id) per person who signs in through ``serve``.
- ``sign_in_tokens``: one-time tokens (their SHA-256 only) with which ``serve`` hands a
  signed-in person to the app process it starts for them (``core.sign_in``).
"""

from __future__ import annotations

SIGN_IN_MIGRATION: tuple[str, ...] = (
    "ALTER TABLE people ADD COLUMN login TEXT",
    "CREATE UNIQUE INDEX people_login ON people(login) WHERE login IS NOT NULL",
    """CREATE TABLE passwords (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        set_at TEXT NOT NULL
    )""",
    """CREATE TABLE sign_in_tokens (
        token_hash TEXT PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
    )""",
)
