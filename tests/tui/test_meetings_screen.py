"""The Meetings screen: upcoming then past, filters by key, full-text search, opening.

Uses the small organisation of ``tests/tui/conftest.py`` plus a series, agendas and two
more past meetings (one of them ended earlier today).
"""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, Static

from salestui import i18n
from salestui.config import Config
from salestui.core.models import MeetingKind, MeetingStatus
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens import meetings as meetings_module
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.meetings import MeetingsScreen
from salestui.tui.widgets.fit_table import FitTable

SIZE = (120, 40)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


def cells(grid: FitTable) -> list[str]:
    """Every cell's text, row by row."""
    return [str(cell) for row in range(grid.row_count) for cell in grid.get_row_at(row)]


def static_text(widget: Static) -> str:
    """What a Static shows, as plain text."""
    content = widget.content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(content)
    return console.file.getvalue()


def add_history(services: Services) -> None:
    """A weekly series with two meetings, agendas (one too long), two more past meetings."""
    review = services.meetings(text="Weekly sales review")[0]
    assert review.id is not None
    services.add_agenda_item(review.id, "Pipeline by region", minutes=20)
    services.add_agenda_item(review.id, "回款计划", minutes=25)  # 45 of 60 minutes
    series = Planning(services).make_recurring(review.id, "weekly")
    earlier = services.new_meeting(
        "Weekly sales review", "Pipeline and forecast", MeetingKind.WEEKLY,
        start=at(13, 14), minutes=60, chair="Zhang Wei", series_id=series.id,
    )  # fmt: skip
    earlier.status = MeetingStatus.CONFIRMED
    services.store.update_meeting(earlier)
    consult = services.meetings(text="Q1 pricing")[0]
    assert consult.id is not None
    services.add_agenda_item(consult.id, "Price list walkthrough", minutes=60)
    services.add_agenda_item(consult.id, "Discount rules", minutes=45)  # 105 of 90: too long
    breakfast = services.new_meeting(
        "Breakfast briefing", "Quick numbers", MeetingKind.DAILY, start=at(27, 7), minutes=15
    )
    breakfast.status = MeetingStatus.ENDED  # earlier today, already over
    services.store.update_meeting(breakfast)


@pytest.fixture
def history(org: Services) -> Services:
    add_history(org)
    return org


@pytest.fixture
def meetings_app(history: Services) -> SalestuiApp:
    return SalestuiApp(history, Config())


async def open_meetings(app: SalestuiApp, pilot) -> MeetingsScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MeetingsScreen)
    return app.screen


def table(screen: MeetingsScreen) -> FitTable:
    return screen.query_one(".meetings-table", FitTable)


def titles(screen: MeetingsScreen) -> list[str]:
    """Meeting titles and group headings, top to bottom (the title column)."""
    grid = table(screen)
    column = [c.key for c in grid.columns.values()].index("title")
    return [str(grid.get_row_at(row)[column]) for row in range(grid.row_count)]


def filters_text(screen: MeetingsScreen) -> str:
    return " ".join(static_text(screen.query_one("#meetings-filters", Static)).split())


async def test_upcoming_soonest_first_then_past_most_recent_first(
    meetings_app: SalestuiApp,
) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        assert titles(screen) == [
            "Upcoming",
            "早会",  # running now
            "Weekly sales review",
            "与生产部协调交期",
            "Q1 pricing consultation",
            "Past",
            "Breakfast briefing",  # ended this morning: past, the most recent
            "营销干部会议 11月",
            "Weekly sales review",
        ]
        review = [str(c) for c in table(screen).get_row("meeting-3")]
        assert review == [
            "Fri 27 Nov 14:00", "Weekly sales review", "Weekly", "agenda circulated",
            "Zhang Wei", "3", "45/60",
        ]  # fmt: skip
        assert "105/90" in cells(table(screen))  # the agenda is longer than the meeting
        assert "Fri 13 Nov 14:00" in cells(table(screen))
        # The cursor starts on the first meeting, not on a heading.
        assert screen.current_key() == "meeting-2"
        header = static_text(screen.query_one("#header .header-right", Static))
        assert header == "4 upcoming · 3 past · Zhang Wei"  # and who is looking


async def test_unscheduled_and_forgotten_running_meetings_count_as_upcoming(
    history: Services,
) -> None:
    history.new_meeting("Offsite (date to be fixed)", "Plan 2027", MeetingKind.LEADERSHIP)
    left_running = history.new_meeting("Yesterday's huddle", "Huddle", start=at(26, 8))
    left_running.status = MeetingStatus.RUNNING
    history.store.update_meeting(left_running)
    app = SalestuiApp(history, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(app, pilot)
        shown = titles(screen)
        upcoming = shown[: shown.index("Past")]
        assert upcoming[1] == "Yesterday's huddle"  # still running: first
        assert upcoming[-1] == "Offsite (date to be fixed)"
        assert "not scheduled" in cells(table(screen))
        assert "Yesterday's huddle" not in shown[shown.index("Past") :]


async def test_cursor_skips_the_headings(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        await pilot.press("up")
        await pilot.pause()
        assert screen.current_key() == "meeting-2"  # nothing above the first meeting
        for _ in range(4):
            await pilot.press("down")
            await pilot.pause()
        # From the last upcoming meeting straight onto the most recent past one.
        breakfast = history_id(meetings_app.services, "Breakfast briefing")
        assert screen.current_key() == f"meeting-{breakfast}"
        await pilot.press("up")
        await pilot.pause()
        assert screen.current_key() == "meeting-5"


def history_id(services: Services, title: str) -> int:
    found = services.meetings(text=title)
    assert found and found[0].id is not None
    return found[0].id


async def test_filters_by_kind_status_and_series(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        await pilot.press("k")  # all -> Leadership
        await pilot.pause()
        assert titles(screen) == [
            "Upcoming", "No upcoming meetings", "Past", "营销干部会议 11月"
        ]  # fmt: skip
        assert "k Kind: Leadership" in filters_text(screen)
        await pilot.press("K", "K", "K")  # back past "all" to Daily
        await pilot.pause()
        assert "Kind: Daily" in filters_text(screen)
        assert titles(screen) == ["Upcoming", "早会", "Past", "Breakfast briefing"]
        await pilot.press("s", "s", "s")  # status: draft, circulated, running
        await pilot.pause()
        assert "Status: running" in filters_text(screen)
        assert titles(screen) == ["Upcoming", "早会", "Past", "No past meetings"]
        await pilot.press("x")
        await pilot.pause()
        assert filters_text(screen) == "k Kind: all s Status: all e Series: all"
        assert len(titles(screen)) == 9
        await pilot.press("e")  # the one series
        await pilot.pause()
        assert "Series: Weekly sales review" in filters_text(screen)
        assert titles(screen) == [
            "Upcoming", "Weekly sales review", "Past", "Weekly sales review"
        ]  # fmt: skip
        # Filters change what is shown, never the database.
        assert len(meetings_app.services.meetings()) == 7


async def test_search_in_english_and_chinese(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        search = screen.query_one("#meeting-search", Input)
        assert search.has_focus
        await pilot.press(*"forecast")  # a word of the purpose, through the FTS index
        await pilot.pause()
        assert titles(screen) == [
            "Upcoming", "Weekly sales review", "Past", "Weekly sales review"
        ]  # fmt: skip
        search.value = "协调"  # two characters: the store's LIKE fallback
        await pilot.pause()
        assert titles(screen) == ["Upcoming", "与生产部协调交期", "Past", "No past meetings"]
        search.value = "营销干部会议"
        await pilot.pause()
        assert titles(screen) == ["Upcoming", "No upcoming meetings", "Past", "营销干部会议 11月"]
        # Filters and search combine; enter goes back to the list.
        await pilot.press("enter")
        await pilot.pause()
        assert table(screen).has_focus
        await pilot.press("k")  # Leadership
        await pilot.pause()
        assert titles(screen)[-1] == "营销干部会议 11月"


async def test_nothing_matches_says_how_to_clear(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        await pilot.press("slash", *"nowhere-to-be-found")
        await pilot.pause()
        empty = screen.query_one("#meetings-empty", Static)
        assert empty.display and not table(screen).display
        assert "No meetings match" in static_text(empty)
        assert "Press escape to leave the search box" in static_text(empty)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(meetings_app.screen, MeetingsScreen)  # escape left the box only
        await pilot.press("x")
        await pilot.pause()
        assert table(screen).display and not empty.display
        assert table(screen).has_focus
        assert screen.query_one("#meeting-search", Input).value == ""


async def test_enter_opens_the_selected_meeting(
    meetings_app: SalestuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(meetings_app, "open_meeting", opened.append)
    async with meetings_app.run_test(size=SIZE) as pilot:
        await open_meetings(meetings_app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert opened == [3]  # the weekly review, second upcoming


async def test_enter_on_a_draft_opens_the_planner(meetings_app: SalestuiApp) -> None:
    from importlib.util import find_spec

    if find_spec("salestui.tui.screens.plan") is None:
        pytest.skip("the Plan screen is not in this tree yet")
    async with meetings_app.run_test(size=SIZE) as pilot:
        await open_meetings(meetings_app, pilot)
        await pilot.press("down", "down", "down", "enter")  # Q1 pricing consultation, a draft
        await pilot.pause()
        assert type(meetings_app.screen).__name__ == "PlanScreen"


async def test_a_click_on_the_highlighted_row_opens_it(
    meetings_app: SalestuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(meetings_app, "open_meeting", opened.append)
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        # Line 0 is the column header, 1 the "Upcoming" heading, 2 the first meeting.
        await pilot.click(".meetings-table", offset=(30, 3))
        await pilot.pause()
        assert screen.current_key() == "meeting-3" and opened == []
        await pilot.click(".meetings-table", offset=(30, 3))
        await pilot.pause()
        assert opened == [3]


async def test_opening_a_meeting_deleted_meanwhile_shows_a_message(
    meetings_app: SalestuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salestui.core.errors import NotFound

    def gone(meeting_id: int) -> None:
        raise NotFound(f"No meeting with id {meeting_id}")

    messages: list[str] = []
    monkeypatch.setattr(meetings_app, "open_meeting", gone)
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        monkeypatch.setattr(screen, "notify", lambda message, **_: messages.append(message))
        await pilot.press("enter")
        await pilot.pause()
        assert meetings_app.screen is screen
        assert messages == ["No meeting with id 2"]


async def test_escape_goes_back(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        await open_meetings(meetings_app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(meetings_app.screen, HomeScreen)


async def test_older_meetings_load_as_the_cursor_reaches_the_end(
    history: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(meetings_module, "PAGE_SIZE", 2)
    for day in range(1, 6):
        history.new_meeting(
            f"October meeting {day}", "History", start=datetime(2026, 10, day, 9, tzinfo=SHANGHAI)
        )
    app = SalestuiApp(history, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(app, pilot)
        shown = titles(screen)
        # Two past meetings (and the one that ended today), then a line to load more.
        assert shown[-4:] == [
            "Breakfast briefing", "营销干部会议 11月", "Weekly sales review",
            "… move down to load older meetings",
        ]  # fmt: skip
        fifth = f"meeting-{history_id(history, 'October meeting 5')}"
        for _ in range(len(shown)):
            await pilot.press("down")
            await pilot.pause()
            if screen.current_key() == fifth:
                break
        # The next page came in and the cursor is on its first meeting.
        assert screen.current_key() == fifth
        assert titles(screen)[-3:] == [
            "October meeting 5", "October meeting 4", "… move down to load older meetings"
        ]  # fmt: skip
        key = screen.current_key()
        assert key is not None and key.startswith("meeting-")


async def test_empty_database_says_how_to_start(empty_app: SalestuiApp) -> None:
    async with empty_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(empty_app, pilot)
        empty = screen.query_one("#meetings-empty", Static)
        assert empty.display
        assert "No meetings yet" in static_text(empty)
        assert "Press n" in static_text(empty)


async def test_chinese_labels(history: Services) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    app = SalestuiApp(history, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(app, pilot)
        shown = titles(screen)
        assert shown[0] == "即将召开" and "已召开" in shown
        assert "11月27日周五 14:00" in cells(table(screen))
        assert "k 类型：全部" in filters_text(screen)
        await pilot.press("s", "s")
        await pilot.pause()
        assert "状态：已发议程" in filters_text(screen)


async def test_keys_are_in_the_footer_and_help(meetings_app: SalestuiApp) -> None:
    async with meetings_app.run_test(size=SIZE) as pilot:
        screen = await open_meetings(meetings_app, pilot)
        shown = {
            key: active.binding.description
            for key, active in screen.active_bindings.items()
            if active.binding.show
        }
        for key, description in {
            "enter": "Open", "slash": "Search", "k": "Kind", "s": "Status", "e": "Series",
            "x": "Clear filters", "escape": "Back",
        }.items():  # fmt: skip
            assert shown.get(key) == description
        await pilot.press("question_mark")
        await pilot.pause()
        keys = static_text(meetings_app.screen.query_one("#help-keys", Static))
        lines = [" ".join(line.split()) for line in keys.splitlines()]
        assert "k Kind" in lines and "K Previous kind" in lines


# -- snapshots -----------------------------------------------------------------------------


def test_snapshot_meetings_120x40(snap_compare, meetings_app: SalestuiApp) -> None:
    assert snap_compare(meetings_app, terminal_size=(120, 40), press=["m"])


def test_snapshot_meetings_80x24(snap_compare, meetings_app: SalestuiApp) -> None:
    assert snap_compare(meetings_app, terminal_size=(80, 24), press=["m"])


def test_snapshot_meetings_filtered_80x24(snap_compare, meetings_app: SalestuiApp) -> None:
    assert snap_compare(meetings_app, terminal_size=(80, 24), press=["m", "K", "K", "K"])


def test_snapshot_meetings_searched_120x40(snap_compare, meetings_app: SalestuiApp) -> None:
    keys = ["m", "slash", *"review"]
    assert snap_compare(meetings_app, terminal_size=(120, 40), press=keys)


def test_snapshot_meetings_empty_80x24(snap_compare, empty_app: SalestuiApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24), press=["m"])


def test_snapshot_meetings_zh_cn_120x40(snap_compare, history: Services) -> None:
    i18n.set_language("zh-CN")
    assert snap_compare(SalestuiApp(history, Config()), terminal_size=(120, 40), press=["m"])


def test_snapshot_meetings_zh_cn_80x24(snap_compare, history: Services) -> None:
    i18n.set_language("zh-CN")
    assert snap_compare(SalestuiApp(history, Config()), terminal_size=(80, 24), press=["m"])
