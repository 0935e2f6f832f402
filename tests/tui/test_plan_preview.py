"""Writing the circulated agenda: an existing file is replaced only after a second enter,
a missing folder is reported, and the document is markdownlint-clean."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, Static

from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_preview import AgendaPreviewScreen


async def open_preview(ui, app: SalestuiApp, pilot, meeting_id: int) -> AgendaPreviewScreen:
    await pilot.pause()
    app.push_screen(PlanScreen(app.services, meeting_id))
    await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
    await pilot.pause()
    await pilot.press("ctrl+o")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaPreviewScreen))
    await pilot.pause()
    assert isinstance(app.screen, AgendaPreviewScreen)
    return app.screen


def message(ui, preview: AgendaPreviewScreen) -> str:
    return ui.text_of(preview.query_one("#preview-message", Static))


async def test_an_existing_file_is_replaced_only_when_confirmed(
    services: Services, tmp_path: Path, markdownlint, planned_weekly, ui
) -> None:
    meeting_id = planned_weekly(carried=True)
    target = tmp_path / f"2026-11-30-agenda-{meeting_id}.md"
    target.write_text("old notes\n", encoding="utf-8")
    app = SalestuiApp(services, Config(export_dir=str(tmp_path)))
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await open_preview(ui, app, pilot, meeting_id)
        assert preview.query_one(Markdown) is not None
        await pilot.press("w", "enter")
        await pilot.pause()
        assert "already exists" in message(ui, preview)
        assert target.read_text(encoding="utf-8") == "old notes\n"
        await pilot.press("enter")
        await pilot.pause()
        written = target.read_text(encoding="utf-8")
        assert written == preview.text and "## Attendees" in written
        assert markdownlint(written) == ""
        assert services.meeting(meeting_id).agenda_circulated_at is None  # only c marks it


async def test_a_missing_folder_is_reported_and_nothing_written(
    services: Services, tmp_path: Path, planned_weekly, ui
) -> None:
    meeting_id = planned_weekly()
    exports = tmp_path / "exports"
    exports.mkdir()
    app = SalestuiApp(services, Config(export_dir=str(exports)))
    async with app.run_test(size=(120, 40)) as pilot:
        preview = await open_preview(ui, app, pilot, meeting_id)
        await pilot.press("w")
        await pilot.pause()
        path_input = preview.query_one("#preview-path", Input)
        path_input.value = str(exports / "nowhere" / "agenda.md")
        await pilot.press("enter")
        await pilot.pause()
        assert "does not exist" in message(ui, preview)
        assert list(exports.iterdir()) == []
        # escape leaves the file field first, then the preview.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is preview
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
