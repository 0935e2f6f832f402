"""Shared fixtures: a real SQLite file in a temp folder, a fixed clock, English by default."""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog
from textual.pilot import Pilot

from salestui import i18n
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.core.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")


# -- Pilot waits for the app's background reads ------------------------------------------
# Screens read in thread workers (groups "read:…" and the table's window reads). A test
# that presses a key and then looks at the screen means "once the app has settled",
# reads included: the public Pilot steps below wait for those workers too.


def _reading(app: object) -> list[object]:
    return [
        worker
        for worker in app.workers  # type: ignore[attr-defined]
        if worker.is_running
        and (worker.group.startswith("read:") or worker.group == "paged-table-window")
    ]


def _settling(step: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    @functools.wraps(step)
    async def settled(self: Pilot, *args: object, **kwargs: object) -> None:
        await step(self, *args, **kwargs)
        for _round in range(50):  # a finished read may start another (count, then rows)
            running = _reading(self.app)
            if not running:
                return
            await self.app.workers.wait_for_complete(running)
            await _PAUSE(self)

    return settled


_PAUSE = Pilot.pause
for _name in ("press", "click", "pause", "wait_for_scheduled_animations", "resize_terminal"):
    setattr(Pilot, _name, _settling(getattr(Pilot, _name)))
# A Friday morning, 08:30 in Shanghai.
FIXED_NOW = datetime(2026, 11, 27, 8, 30, tzinfo=SHANGHAI)


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch, _cache_folder: Path) -> Iterator[None]:
    """Local time is Asia/Shanghai and the language English unless a test says otherwise;
    compiled catalogs go to a temp folder, not the user's cache."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("SALESTUI_CACHE", str(_cache_folder))
    monkeypatch.setenv("SALESTUI_LANG", "en")
    monkeypatch.delenv("SALESTUI_ME", raising=False)
    monkeypatch.delenv("SALESTUI_DB", raising=False)
    time.tzset()
    i18n.set_language("en")
    yield
    i18n.set_language("en")
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def zh_catalog() -> Catalog:
    """The Chinese message catalog as translators edit it (the .po file)."""
    from babel.messages.pofile import read_po

    path = i18n.catalog_path("zh-CN")
    assert path is not None
    with path.open("rb") as po:
        return read_po(po)


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


@pytest.fixture
def markdownlint(tmp_path: Path):
    """Check markdown with markdownlint-cli2 (default rules, MD013 off).

    Skips when the tool is not installed, unless SALESTUI_REQUIRE_MARKDOWNLINT is set
    (CI sets it and installs the tool), in which case a missing tool fails the test.
    """
    import shutil
    import subprocess

    tool = shutil.which("markdownlint-cli2")
    if tool is None:
        if os.environ.get("SALESTUI_REQUIRE_MARKDOWNLINT"):
            pytest.fail("markdownlint-cli2 is required but not installed")
        pytest.skip("markdownlint-cli2 not installed (npm install -g markdownlint-cli2)")
    config = tmp_path / ".markdownlint-cli2.jsonc"
    config.write_text('{"config": {"default": true, "MD013": false}}\n', encoding="utf-8")

    def check(text: str, name: str = "doc.md") -> str:
        target = tmp_path / name
        target.write_text(text, encoding="utf-8")
        result = subprocess.run(
            [tool, name], cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    def many(docs: dict[str, str]) -> str:
        """Lint several documents in one run (one node start-up instead of many)."""
        folder = tmp_path / "many"
        folder.mkdir(exist_ok=True)
        for name, text in docs.items():
            (folder / name).write_text(text, encoding="utf-8")
        result = subprocess.run(
            [tool, "many/*.md"], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        return "" if result.returncode == 0 else result.stdout + result.stderr

    check.many = many  # type: ignore[attr-defined]
    return check


@pytest.fixture(autouse=True)
def _collector_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every app gives the garbage collector back as it found it (salestui.tui.collector)."""
    import gc

    yield
    if not gc.isenabled() or gc.get_freeze_count():
        gc.enable()
        gc.unfreeze()
        pytest.fail(f"{request.node.nodeid} left the garbage collector off or frozen")
