"""The command palette reaches the actions of the screen it is opened on, in the user's
language: Pilot opens it, types, and runs the command."""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.models import MeetingStatus
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp

SIZE = (120, 40)


async def until(pilot: Pilot, condition, tries: int = 200) -> None:  # noqa: ANN001
    """Let the app run until ``condition`` holds (the palette searches in a task)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("condition never held")


async def palette(pilot: Pilot, query: str) -> list[str]:
    """Open the palette, type ``query``; the titles it offers, best first."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    pilot.app.screen.query_one(CommandInput).value = query
    results = pilot.app.screen.query_one(CommandList)
    await until(pilot, lambda: results.option_count > 0)
    # Every provider has answered when the list stops changing.
    shown: list[str] = []
    while True:
        await pilot.pause()
        now = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        if now == shown:
            return now
        shown = now


async def run_command(pilot: Pilot, query: str, title: str) -> None:
    """Open the palette, type, and run the command called ``title``."""
    titles = [t.split("\n")[0] for t in await palette(pilot, query)]
    assert title in titles, titles
    results = pilot.app.screen.query_one(CommandList)
    results.highlighted = titles.index(title)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))
    await pilot.pause()


def running_meeting(org: Services) -> int:
    meeting = org.store.list_meetings(status=MeetingStatus.RUNNING, limit=1)[0]
    assert meeting.id is not None
    return meeting.id


async def test_the_run_console_palette_runs_the_agenda_flow(
    live_console, services: Services, clock: FixedClock
) -> None:
    meeting_id = live_console.with_review(services)
    app = SalestuiApp(services, Config())

    def statuses() -> list[str]:
        return [str(item.status) for item in services.meeting_detail(meeting_id).agenda]

    async with app.run_test(size=SIZE) as pilot:
        await live_console.start_meeting(app, pilot, clock, meeting_id)
        assert statuses()[:2] == ["active", "pending"]
        titles = await palette(pilot, "")
        # The console's own actions, with their keys, and the app's.
        for title in ("Next agenda item\nkey ^n", "Park this agenda item\nkey ^o",
                      "End meeting\nkey ^f", "Undo the last live edit\nkey ^z",
                      "Export agenda\nPreview and save the agenda of this meeting",
                      "Meetings\nkey f6", "Actions\nkey f5"):  # fmt: skip
            assert title in titles
        # This screen's actions first, then the app's commands, then Textual's entries.
        order = [t.split("\n")[0] for t in titles]
        assert order.index("End meeting") < order.index("Meetings") < order.index("Keys")
        await pilot.press("escape")
        await pilot.pause()
        await run_command(pilot, "next agenda item", "Next agenda item")
        assert statuses()[:2] == ["done", "active"]
        await run_command(pilot, "park this", "Park this agenda item")
        assert statuses()[:3] == ["done", "parked", "active"]
        await run_command(pilot, "undo the last", "Undo the last live edit")
        assert statuses()[:3] == ["done", "active", "pending"]
        await run_command(pilot, "end meeting", "End meeting")
        assert type(app.screen).__name__ == "AskScreen"


async def test_the_actions_palette_reaches_the_item_commands(org: Services) -> None:
    from salestui.tui.screens.actions import ActionsScreen
    from salestui.tui.screens.actions_forms import FormScreen, PickScreen

    li_ming = Services(org.store, org.clock, me="Li Ming")  # reports to Zhang Wei
    app = SalestuiApp(li_ming, Config(me="Li Ming"))
    async with app.run_test(size=SIZE) as pilot:
        screen = ActionsScreen(li_ming, "mine")
        await app.push_screen(screen)
        await until(pilot, lambda: screen.current_row() is not None)
        await pilot.press("down")  # Li Ming's own item (the other is Zhang Wei's too)
        await pilot.pause()
        row = screen.current_row()
        assert row is not None and row.title == "Call back the Sinopec buyer"
        messages: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: (messages.append(message), notify(message, **kw))  # type: ignore[method-assign,func-returns-value]
        for query, title in (
            ("reassign", "Reassign"),
            ("escalate", "Escalate"),
            ("follow", "Follow-up"),
        ):
            await run_command(pilot, query, title)
            assert isinstance(app.screen, FormScreen), (query, messages, row)
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen)
        await run_command(pilot, "views", "Views")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        await run_command(pilot, "mark done", "Mark done")
        assert str(org.action(row.id).status) == "done"
        await run_command(pilot, "undo", "Undo")
        assert str(org.action(row.id).status) != "done"
        # Commands that make no sense here are not offered: the console's agenda flow.
        assert not any(t.startswith("Next agenda item") for t in await palette(pilot, ""))


async def test_textual_entries_are_translated_and_there_is_one_theme_command(
    app: SalestuiApp,
) -> None:
    i18n.set_language("zh-CN")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [t.split("\n")[0] for t in await palette(pilot, "")]
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令…"
        for title in ("快捷键", "退出", "截图", "切换主题", "切换语言", "决议登记表"):
            assert title in titles, (title, titles)
        assert not {"Keys", "Quit", "Theme", "Screenshot", "Maximize"} & set(titles)
        themes = [t for t in titles if "主题" in t or "theme" in t.lower()]
        assert themes == ["切换主题"]
        await pilot.press("escape")
        await pilot.pause()
        titles = [t.split("\n")[0] for t in await palette(pilot, "切换主题")]
        app.screen.query_one(CommandList).highlighted = titles.index("切换主题")
        await pilot.press("enter")  # Textual's theme picker, its prompt translated

        def theme_picker() -> bool:
            screen = app.screen
            return isinstance(screen, CommandPalette) and (
                screen.query_one(CommandInput).placeholder == "搜索主题…"
            )

        await until(pilot, theme_picker)


async def test_meetings_palette_exports_the_agenda_and_opens_the_register(
    app: SalestuiApp, org: Services
) -> None:
    from salestui.tui.screens.decision_register import DecisionRegisterScreen
    from salestui.tui.screens.export_preview import ExportPreviewScreen
    from salestui.tui.screens.meetings import MeetingsScreen

    async with app.run_test(size=SIZE) as pilot:
        screen = MeetingsScreen(org)
        await app.push_screen(screen)
        await until(pilot, lambda: screen.highlighted_meeting() is not None)
        meeting_id = screen.highlighted_meeting()
        await run_command(pilot, "export agenda", "Export agenda")
        assert isinstance(app.screen, ExportPreviewScreen)
        assert (app.screen.meeting_id, app.screen.kind) == (meeting_id, "agenda")
        await run_command(pilot, "decision register", "Decision register")
        assert isinstance(app.screen, DecisionRegisterScreen)
        assert "Decision register" in app.screen.text
        # The register is one document: no minutes/agenda switch, no next meeting.
        titles = [t.split("\n")[0] for t in await palette(pilot, "")]
        assert "Save to file" in titles and "Minutes / agenda" not in titles
        assert "Export agenda" not in titles
