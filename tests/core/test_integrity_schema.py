"""Released schemas are frozen, and every file a build ever made upgrades.

tests/fixtures/schema_v1.sql is the schema the released build created (the sql of
sqlite_master of a fresh file); schema_v1_dev_*.sql are development builds that stamped
user_version 1 before MIGRATION_1 reached its released form.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from salestui.core import schema
from salestui.core.db import open_store
from salestui.core.models import ActionQuery, ActionStatus
from salestui.core.service import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema_v*.sql"))

# sha256 of "\n".join(MIGRATION_1). MIGRATION_1 is released: files in the field were made
# by exactly these statements. Never change this hash; add a migration instead.
MIGRATION_1_SHA256 = "b8f7dcdbc87f7962d318a232bca5e9b29e0ca38695c22330718145b923bda48e"


def _sqlite_master(conn: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '%!_fts!_%' "
            "ESCAPE '!' ORDER BY rowid"
        )
    ]


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: sorted(r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}


def test_migration_1_is_frozen() -> None:
    digest = hashlib.sha256("\n".join(schema.MIGRATION_1).encode("utf-8")).hexdigest()
    assert digest == MIGRATION_1_SHA256, (
        "MIGRATION_1 was released and must not change: put schema changes in a new migration"
    )


def test_the_released_fixture_is_what_migration_1_creates() -> None:
    conn = sqlite3.connect(":memory:")
    for statement in schema.MIGRATION_1:
        conn.execute(statement)
    fixture = sqlite3.connect(":memory:")
    fixture.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    assert _sqlite_master(fixture) == _sqlite_master(conn)


def _fill(path: Path) -> None:
    """A few rows, using only columns every released schema has."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO people(id, name, role, team, created_at) "
            "VALUES (1, '王芳', 'lead', '华东', '2026-11-01T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO meetings(id, title, kind, purpose, planned_minutes, status, created_at) "
            "VALUES (1, '周例会', 'weekly', 'Review', 60, 'confirmed', '2026-11-02T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO agenda_items(id, meeting_id, position, title, timebox_minutes) "
            "VALUES (1, 1, 1, '回款', 10)"
        )
        conn.execute(
            "INSERT INTO entries(id, meeting_id, agenda_item_id, kind, text, at) "
            "VALUES (1, 1, 1, 'note', '华东回款进度', '2026-11-02T01:00:00Z')"
        )
        conn.execute(
            "INSERT INTO action_items(id, title, due, status, meeting_id, created_at, updated_at) "
            "VALUES (1, '提交回款计划', '2026-12-04', 'open', 1, "
            "'2026-11-02T01:00:00Z', '2026-11-02T01:00:00Z')"
        )
        conn.execute("INSERT INTO action_owners(action_id, person_id) VALUES (1, 1)")
        conn.execute(
            "INSERT INTO follow_ups(action_id, at, note) VALUES (1, '2026-11-03T00:00:00Z', '在办')"
        )


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_upgrades(fixture: Path, tmp_path: Path, clock) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(fixture.read_text(encoding="utf-8"))
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    _fill(path)

    store = open_store(path)
    try:
        assert store.read_only_reason is None
        assert store.user_version == schema.LATEST_VERSION
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        fresh = sqlite3.connect(tmp_path / "fresh.db")
        for statement in [s for m in schema.MIGRATIONS for s in m]:
            fresh.execute(statement)
        assert _columns(store.db.conn) == _columns(fresh)
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []

        services = Services(store, clock)
        (row,) = services.list_actions(ActionQuery(text="回款计划"))
        assert row.title == "提交回款计划"
        assert list(row.owners) == ["王芳"]
        services.mark_done(1, "done")
        assert services.action(1).status == ActionStatus.DONE
        added = services.add_action("新的行动", owners=["王芳"], due=date(2026, 12, 11))
        assert services.action(added.id).title == "新的行动"
    finally:
        store.close()
