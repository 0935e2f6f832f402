"""The plain listing's SQL (core.store.listing_sql): local times made by SQLite are the ones
Python makes, in every kind of time zone, and the JSON rows are the models' rows."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salestui.cli.common import action_json
from salestui.cli.listing import write_plain
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.models import ActionQuery
from salestui.core.store import listing_sql
from salestui.core.text import json_safe, json_safe_already
from salestui.demo import generate_demo

ZONES = [
    "UTC",
    "America/Sao_Paulo",  # summer time until 2019: 2040 follows today's rules
    "Asia/Shanghai",
    "America/New_York",  # summer time, whole hours
    "Europe/London",  # summer time from +00:00
    "Asia/Kolkata",  # half an hour
    "Australia/Lord_Howe",  # summer time of half an hour
    "America/St_Johns",  # -03:30 and -02:30
]


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.undo()
    time.tzset()


def _moments() -> list[str]:
    """Stored moments over three years, every 7 hours 13 minutes and around each hour;
    and some far outside them (before 1970, after 2037: Python converts those)."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(hours=7, minutes=13, seconds=7)
    far = ["1969-07-20T20:17:40Z", "2040-01-15T15:00:00Z", "2040-07-15T15:00:00Z"]
    return [(start + step * i).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(3700)] + far


@pytest.mark.parametrize("name", ZONES)
def test_local_times_from_sqlite_are_python_s(
    name: str, zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()
    stored = _moments()
    start = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    periods = listing_sql.offset_periods(start + 86_400 * 30, start + 86_400 * 900)
    assert periods is not None
    fast = listing_sql.moments(periods)
    conn = sqlite3.connect(":memory:")
    listing_sql.use_local_time(conn)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(s,) for s in stored])
    conn.execute("INSERT INTO t VALUES (NULL)")
    # Before, within and after the periods; and the C library's way for all of them.
    for write in (fast, listing_sql.local_time):
        got = [row[0] for row in conn.execute(f"SELECT {write('x')} FROM t ORDER BY rowid")]
        expected = [
            datetime.fromisoformat(s).astimezone().isoformat(timespec="seconds") for s in stored
        ]
        assert got == [*expected, None], name


def test_a_period_starts_at_the_second_the_offset_changes(
    zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    start = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
    periods = listing_sql.offset_periods(start, start + 366 * 86_400)
    assert periods is not None and [minutes for *_, minutes in periods] == [-300, -240, -300]
    spring = datetime.fromtimestamp(periods[1][0], UTC)
    assert spring == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # 2:00 EST becomes 3:00 EDT


def test_json_rows_are_the_models_rows(
    tmp_path: Path, zone: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(tmp_path / "demo.db")
    now = datetime(2026, 11, 27, 8, 30, tzinfo=UTC)
    generate_demo(store, FixedClock(now), seed=2, scale=200)
    store.db.execute("UPDATE action_items SET confidential = 1 WHERE id % 7 = 0")
    store.db.execute("DELETE FROM action_owners WHERE action_id = 5")
    # Written by another tool: what the connection's reads take out, the JSON too.
    dirty = "A\x1b[31mred\x1b[0m\x07bell\u009b2J\u202eevil\x7fdel \\n kept"
    store.db.execute("UPDATE action_items SET title = ? WHERE id = 9", [dirty])
    try:
        for name in ("Asia/Shanghai", "America/New_York"):
            monkeypatch.setenv("TZ", name)
            time.tzset()
            where, params = store.action_where(ActionQuery())
            capsys.readouterr()
            write_plain(store.db.conn, where, params, "jsonl", now.date(), 0)
            lines = capsys.readouterr().out.splitlines()
            models = {r.id: action_json(r) for r in store.iter_actions(ActionQuery())}
            assert len(lines) == len(models) > 200
            for line in lines:
                row = json.loads(line)
                assert list(row.items()) == list(models[row["id"]].items()), line
            assert models[9]["title"] == "Aredbell2Jevildel \\n kept"
    finally:
        store.close()


def test_documents_with_nothing_to_escape_are_known_without_a_scan() -> None:
    for safe in ("催收回款 p1", '{"a":"b"}', "café"):
        assert json_safe_already(safe.encode()) and json_safe(safe) == safe
    for unsafe in ("a\x7fb", "a\x9bb", "a\u202eb", "a\u2067b"):
        assert not json_safe_already(unsafe.encode()) and json_safe(unsafe) != unsafe
    assert not json_safe_already("— a dash shares a first byte".encode())  # then scanned
