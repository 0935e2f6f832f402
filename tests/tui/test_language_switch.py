"""Switching language from the palette redraws every screen fully (issue 10, section 5):
the list, the footer's keys, the headings - and keeps what was typed."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from salestui import i18n
from salestui.core.models import MeetingStatus
from salestui.tui.app import SalestuiApp
from salestui.tui.widgets.footer import SalestuiFooter
from salestui.tui.widgets.paged_table import PagedTable


def footer_words(app: SalestuiApp) -> list[str]:
    footer = app.screen.query_one(SalestuiFooter)
    return [getattr(key, "description", "") for key in footer.children if key.display]


async def switch(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.action_switch_language()
    for _ in range(4):
        await pilot.pause()


@pytest.mark.parametrize(
    ("open_screen", "word_en", "word_zh"),
    [
        ("action_actions", "Show details", "查看详情"),
        ("action_dashboard", "Quit", "退出"),
        ("action_meetings", "Quit", "退出"),
        ("action_people", "Quit", "退出"),
        ("action_home", "Quit", "退出"),
    ],
)
async def test_every_screen_redraws_in_the_new_language(
    app: SalestuiApp, open_screen: str, word_en: str, word_zh: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        getattr(app, open_screen)()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert word_en in footer_words(app)
        await switch(pilot)
        assert app.screen is screen
        assert i18n.current_language() == "zh-CN"
        words = footer_words(app)
        assert word_zh in words and word_en not in words
        # And back: the same screen, English again, never blank.
        await switch(pilot)
        assert word_en in footer_words(app)


async def test_actions_list_is_not_blank_after_a_switch(app: SalestuiApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_actions()
        await pilot.pause()
        await pilot.pause()
        rows_before = app.screen.query_one(PagedTable).total
        assert rows_before > 0
        await switch(pilot)
        table = app.screen.query_one(PagedTable)
        assert table.total == rows_before
        assert table.columns and table.columns[0].label == "行动项"
        assert "全部未完成事项" in str(app.screen.query_one("#filter-bar").content)
        lines = [table.render_line(y).text for y in range(3)]
        assert any("提交回款计划" in line for line in lines)


async def test_plan_keeps_what_was_typed_across_a_switch(app: SalestuiApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_new_meeting()
        await pilot.pause()
        await pilot.press(*"Q1 目标会")
        await pilot.pause()
        await switch(pilot)
        title = app.screen.query_one("#field-title", Input)
        assert title.value == "Q1 目标会"
        assert "保存" in footer_words(app)


async def test_export_preview_hides_the_source_after_a_switch(app: SalestuiApp) -> None:
    services = app.services
    meeting = services.store.list_meetings(status=MeetingStatus.CONFIRMED, limit=1)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query_one("#export-source").display
        await switch(pilot)
        assert not app.screen.query_one("#export-source").display
        assert not app.screen.query_one("#export-save").display
