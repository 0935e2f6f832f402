"""A database that refuses writes shows a red banner under the header, on every screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from salestui.config import Config
from salestui.core import schema
from salestui.core.db import open_store
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.widgets.header_bar import HeaderBar


def _newer_database(path: Path, clock, build_org) -> Services:
    services = Services(open_store(path), clock)
    build_org(services)
    services.store.db.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    services.store.close()
    return Services(open_store(path), clock)


def _banner(app: SalestuiApp) -> tuple[bool, str]:
    header = app.screen.query_one(HeaderBar)
    banner = header.query_one(".header-banner", Static)
    return banner.display and header.has_class("-read-only"), str(banner.render())


async def test_read_only_database_shows_a_banner(db_path: Path, clock, build_org) -> None:
    services = _newer_database(db_path, clock, build_org)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown, text = _banner(app)
        assert shown
        assert text.startswith("Read-only: ") and "newer salestui" in text
        await pilot.press("a")  # another screen has it too
        await pilot.pause()
        shown, text = _banner(app)
        assert shown and "upgrade salestui" in text
    services.store.close()


async def test_no_banner_on_a_writable_database(app: SalestuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown, _text = _banner(app)
        assert not shown


def test_read_only_home_80x24(snap_compare, db_path: Path, clock, build_org) -> None:
    services = _newer_database(db_path, clock, build_org)
    # The real reason names the (temporary) path; a fixed one keeps the picture stable.
    services.store.refuse_writes(
        "salestui.db was made by a newer salestui (schema 3); this is 2 - upgrade salestui"
    )
    assert snap_compare(SalestuiApp(services, Config()), terminal_size=(80, 24))
