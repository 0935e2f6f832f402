"""Shared fixtures: a real SQLite file in a temp folder, a fixed clock, English by default."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salestui import i18n
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.core.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Friday morning, 08:30 in Shanghai.
FIXED_NOW = datetime(2026, 11, 27, 8, 30, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Asia/Shanghai and the language English unless a test says otherwise."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("SALESTUI_LANG", "en")
    monkeypatch.delenv("SALESTUI_ME", raising=False)
    monkeypatch.delenv("SALESTUI_DB", raising=False)
    time.tzset()
    i18n.set_language("en")
    yield
    i18n.set_language("en")
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salestui.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store, clock: FixedClock) -> Services:
    return Services(store, clock)

