"""The export preview: renders the minutes, saves without silently overwriting, copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from salestui import i18n
from salestui.config import Config
from salestui.core.models import MeetingStatus
from salestui.core.service import Services
from salestui.demo import generate_demo
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.export_preview import ExportPreviewScreen
from salestui.tui.widgets.markdown_view import MarkdownView

SIZE = (120, 40)


@pytest.fixture
def held(services: Services, clock) -> int:
    generate_demo(services.store, clock, seed=1)
    meeting = services.store.list_meetings(
        status=MeetingStatus.CONFIRMED, descending=True, limit=1
    )[0]
    return meeting.id


def message(app) -> str:
    return str(app.screen.query_one("#export-message", Static).render())


async def test_preview_save_and_overwrite(services: Services, held: int, tmp_path: Path):
    app = SalestuiApp(services, Config(export_dir=str(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        app.open_meeting(held)  # a confirmed meeting opens on its minutes
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportPreviewScreen)
        assert screen.text.startswith("# Minutes: ")
        view = screen.query_one(MarkdownView)
        assert view.source == screen.text
        assert view.virtual_size.height >= len(screen.text.splitlines()) // 2  # laid out
        await pilot.press("s")
        await pilot.pause()
        path = Path(screen.query_one("#export-path", Input).value)
        assert path.parent == tmp_path and path.name.endswith("-minutes.md")
        await pilot.press("enter")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == screen.text
        path.write_text("old", encoding="utf-8")
        await pilot.press("s", "enter")
        await pilot.pause()
        assert "exists" in message(app)
        assert path.read_text(encoding="utf-8") == "old"  # nothing replaced yet
        await pilot.press("enter")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == screen.text


async def test_copy_source_and_agenda(services: Services, held: int) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ExportPreviewScreen(services, held, "minutes"))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == app.screen.text
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.text.startswith("# Agenda: ")
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#export-source").display
        assert app.screen.query_one("#export-source", TextArea).text == app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportPreviewScreen)


def test_snapshot_preview(services: Services, held: int, snap_compare) -> None:
    app = SalestuiApp(services, Config())

    async def open_preview(pilot) -> None:
        app.push_screen(ExportPreviewScreen(services, held, "minutes"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_preview)


def test_snapshot_preview_zh_80x24(services: Services, held: int, snap_compare) -> None:
    i18n.set_language("zh-CN")
    app = SalestuiApp(services, Config())

    async def open_preview(pilot) -> None:
        app.push_screen(ExportPreviewScreen(services, held, "minutes"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_preview)
