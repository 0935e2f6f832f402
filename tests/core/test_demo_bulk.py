"""A scaled demo is loaded in bulk (issue 14): its search indexes filled once with FTS5
``rebuild``, its indexes built once, its owner names written with the rows. The result is
what loading the same rows one by one - every trigger firing - gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.schema import FTS_TABLES
from salestui.core.search import search
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.demo import data, generate_demo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
SCALE = 2_000


def _scaled(path: Path) -> Store:
    store = open_store(path)
    generate_demo(store, FixedClock(NOW), seed=5, scale=SCALE)
    return store


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Store]]:
    """The scaled demo loaded in bulk, and loaded row by row (triggers and all)."""
    bulk = _scaled(tmp_path / "bulk.db")
    with monkeypatch.context() as patched:

        def one_by_one(self: Store, tables: Any) -> AbstractContextManager[None]:
            return self.transaction()  # nothing paused, nothing dropped

        patched.setattr(Store, "bulk_load", one_by_one)
        rows = _scaled(tmp_path / "rows.db")
    yield bulk, rows
    bulk.close()
    rows.close()


def _table_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every plain table but the search indexes' own (their layout depends
    on how they were filled; what they find is compared below)."""
    fts = tuple(FTS_TABLES)
    tables = [
        name
        for (name,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
        if not name.startswith(fts)
    ]
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def _words() -> list[str]:
    """Words of every kind the scale rows are made of, Chinese and English, long and short
    (LIKE below three characters), plus a phrase and words in any order."""
    words = [*data.SCALE_CUSTOMERS_ZH, *data.SCALE_CUSTOMERS_EN, *data.SCALE_VERBS_ZH]
    words += [o for o, _tag in data.SCALE_OBJECTS_ZH + data.SCALE_OBJECTS_EN]
    words += [*data.WAITING_ON, *data.BLOCKED_BY, *data.SCALE_ITEMS]
    words += [m[0] for m in data.SCALE_MEETINGS]
    return [*words, "回款", "for", f'"{data.SCALE_VERBS_EN[0]}"', "for quote"]


def test_a_bulk_loaded_demo_equals_one_loaded_row_by_row(pair: tuple[Store, Store]) -> None:
    bulk, rows = pair
    assert _table_rows(bulk) == _table_rows(rows)  # owner names too
    # Loaded with a rollback journal and foreign keys unchecked: both are back after.
    assert bulk.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert bulk.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert bulk.db.execute("PRAGMA foreign_key_check").fetchall() == []
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    assert bulk.db.execute(schema).fetchall() == rows.db.execute(schema).fetchall()
    for fts in FTS_TABLES:  # whole and consistent with their content
        bulk.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    searched = 0
    for word in _words():
        found = [(h.kind, h.id) for h in search(bulk, word, limit=100_000)]
        assert found == [(h.kind, h.id) for h in search(rows, word, limit=100_000)], word
        searched += bool(found)
    assert searched > 40  # the words really find rows
    for kind in ("action", "reason", "agenda_item", "meeting"):
        assert bulk.count_search("回款", kind) == rows.count_search("回款", kind)


def test_a_failed_bulk_load_leaves_everything_as_it_was(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.db")
    try:
        generate_demo(store, FixedClock(NOW), seed=5)
        before = _table_rows(store)
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        objects = store.db.execute(schema).fetchall()
        with (
            pytest.raises(sqlite3.IntegrityError),
            store.bulk_load(["action_items", "action_owners"]),
        ):
            store.insert_rows("action_items", ["title"], [("no dates",)])  # NOT NULL fails
        assert _table_rows(store) == before
        assert store.db.execute(schema).fetchall() == objects  # triggers, indexes back
        services = Services(store, FixedClock(NOW))  # the triggers work again:
        added = services.add_action("核对回款计划表", owners=["王芳"])
        assert [a.id for a in services.list_actions(services.action_query(text="回款计划表"))] == [
            added.id
        ]
        owner = store.db.execute("SELECT owner_name FROM action_items WHERE id = ?", [added.id])
        assert owner.fetchone()[0] == "王芳"
    finally:
        store.close()
