"""The footer's palette key keeps its wide characters whole, and escape on an unsaved new
meeting asks first (issue 10, section 5)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from salestui import i18n
from salestui.core.models import MeetingStatus
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.run_prompt import AskScreen


def keys_under_the_palette(app: SalestuiApp) -> list[str]:
    """Footer keys whose region runs into the palette key's: each edge of such a key is a
    compositor cut through the palette label (``^p 命  面板``)."""
    footer = app.screen.query_one(Footer)
    palette = next(c for c in footer.children if c.has_class("-command-palette"))
    assert palette.region.width > 0
    return [
        getattr(c, "description", "?")
        for c in footer.children
        if c is not palette and c.display and c.region.width and c.region.right > palette.region.x
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(
    "open_screen", ["action_home", "action_actions", "action_meetings", "export", "new"]
)
async def test_no_key_runs_under_the_palette_key(app: SalestuiApp, size, open_screen) -> None:
    i18n.set_language("zh-CN")
    async with app.run_test(size=size) as pilot:
        if open_screen == "export":
            meeting = app.services.store.list_meetings(status=MeetingStatus.CONFIRMED)[0]
            app.open_meeting(meeting.id)
        elif open_screen == "new":
            app.action_new_meeting()
        else:
            getattr(app, open_screen)()
        for _ in range(3):
            await pilot.pause()
        assert keys_under_the_palette(app) == []
        footer = app.screen.query_one(Footer)
        palette = next(c for c in footer.children if c.has_class("-command-palette"))
        assert palette.region.right == size[0]
        assert "命令面板" in palette.render().plain
        # Resizing keeps it so.
        await pilot.resize_terminal(200 - size[0], 30)
        for _ in range(3):
            await pilot.pause()
        assert keys_under_the_palette(app) == []


async def test_escape_on_an_unsaved_new_meeting_asks(app: SalestuiApp) -> None:
    services = app.services
    before = len(services.store.list_meetings())
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_meeting()
        await pilot.pause()
        await pilot.press(*"Q1 pricing")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert "Q1 pricing" in app.screen.question
        await pilot.press("n")  # keep editing: nothing lost
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.form.typed().title == "Q1 pricing"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("y")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, (PlanScreen, AskScreen))
    assert len(services.store.list_meetings()) == before


async def test_escape_on_an_untouched_new_meeting_just_leaves(app: SalestuiApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_meeting()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (PlanScreen, AskScreen))
