"""The entries list of the live console (issue 10, section 2): typing is never a command,
what changes an entry takes a modifier or a yes, the cursor stays on the entry, Home/End
go to the first/last entry, and ctrl+z undoes from the database - after a restart too."""

from __future__ import annotations

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.models import EntryKind
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_entries import EntriesTable
from salestui.tui.screens.run_prompt import AskScreen

SIZE = (120, 40)


def started(live_console, services: Services) -> int:
    meeting_id = live_console.with_review(services)
    live = LiveMeeting(services)
    live.start(meeting_id)
    for line in (
        "下周销售目标 提升两成",
        "/d 华东区回款计划通过",
        "/a @王芳 due:2026-12-04 提交计划",
    ):
        live.capture(meeting_id, line)
    return meeting_id


def with_notes(live_console, services: Services, count: int = 40) -> int:
    """A started meeting whose current item has ``count`` notes after the three lines."""
    meeting_id = started(live_console, services)
    live = LiveMeeting(services)
    for n in range(count):
        live.capture(meeting_id, f"note {n}")
    return meeting_id


async def on_list(
    live_console, app: SalestuiApp, pilot, meeting_id: int
) -> tuple[RunScreen, EntriesTable]:
    screen = await live_console.open_run(app, pilot, meeting_id)
    assert screen.mode == "run"  # started already: straight to the agenda
    await pilot.press("escape")  # from the capture line to the list
    await pilot.pause()
    table = screen.query_one("#entries", EntriesTable)
    assert app.screen.focused is table and table.row_count == 3
    return screen, table


def entry_at(table: EntriesTable) -> int:
    return int(table.row_keys[table.cursor_row].removeprefix("entry-"))


async def test_typing_on_the_list_goes_to_the_line(
    live_console, services: Services, clock: FixedClock
) -> None:
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen, _table = await on_list(live_console, app, pilot, meeting_id)
        # Each of these was a command on the list (or the screen, or the app) before.
        await pilot.press("a", "d", "n", "x", "e", "q", "1", "space", "m")
        await pilot.pause()
        assert app.screen is screen and app.screen.focused is screen.capture.input
        assert screen.capture.value == "adnxeq1 m"
        kinds = [e.kind for e in LiveMeeting(services).entries(meeting_id)]
        assert kinds == [EntryKind.NOTE, EntryKind.DECISION, EntryKind.ACTION]
        assert services.store.list_speaking(meeting_id) == []


async def test_delete_asks_and_ctrl_z_brings_it_back(
    live_console, services: Services, clock
) -> None:
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await on_list(live_console, app, pilot, meeting_id)
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("up", "delete")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(LiveMeeting(services).entries(meeting_id)) == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert services.store.list_decisions(meeting_id) == []
        assert len(live_console.table_text(app, "#entries")) == 2
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [d.text for d in services.store.list_decisions(meeting_id)] == ["华东区回款计划通过"]
        assert len(live_console.table_text(app, "#entries")) == 3
        await pilot.press("ctrl+z")  # the three captures are undone too, last first
        await pilot.pause()
        assert services.store.count("action_items") == 2  # only last week's


async def test_convert_keeps_the_cursor_and_the_words(
    live_console, services: Services, clock
) -> None:
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await on_list(live_console, app, pilot, meeting_id)
        await pilot.press("home")
        first = entry_at(table)
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert entry_at(table) == first and app.screen.focused is table
        action = LiveMeeting(services).edits.current(services.store.get_entry(first)).action
        assert action.title == "下周销售目标 提升两成" and action.due is None
        await pilot.press("down")
        second = entry_at(table)
        await pilot.press("ctrl+e")  # the decision becomes a note, in its own words
        await pilot.pause()
        assert entry_at(table) == second
        stored = services.store.get_entry(second)
        assert (stored.kind, stored.text) == (EntryKind.NOTE, "华东区回款计划通过")
        assert services.store.list_decisions(meeting_id) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert services.store.get_entry(second).kind == EntryKind.DECISION
        assert entry_at(table) == second


async def test_undo_after_a_restart(
    live_console, services: Services, clock: FixedClock, db_path
) -> None:
    meeting_id = started(live_console, services)
    LiveMeeting(services).delete_entry(services.store.list_entries(meeting_id)[0].id)
    services.store.close()
    with open_store(db_path) as store:
        app = SalestuiApp(Services(store, clock), Config())
        async with app.run_test(size=SIZE) as pilot:
            screen = await live_console.open_run(app, pilot, meeting_id)
            assert len(live_console.table_text(app, "#entries")) == 2
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert len(store.list_entries(meeting_id)) == 3
            assert any("提升两成" in row for row in live_console.table_text(app, "#entries"))
            assert screen.mode == "run"


async def test_edit_loads_the_words_and_keeps_owner_and_due(
    live_console, services: Services, clock
) -> None:
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await on_the_action(live_console, app, pilot, meeting_id)
        action_entry = entry_at(table)
        await pilot.press("enter")
        await pilot.pause()
        inp = screen.capture.input
        assert app.screen.focused is inp and inp.value == "提交计划"
        inp.value = "下周一前提交计划"
        await pilot.pause()
        preview = str(screen.query_one("#capture-preview").content)
        assert "王芳" in preview and "Fri 4 Dec" in preview
        await pilot.press("enter")
        await pilot.pause()
        stored = LiveMeeting(services).edits.current(services.store.get_entry(action_entry))
        assert stored.action.title == "下周一前提交计划"
        assert stored.action.due.isoformat() == "2026-12-04"
        assert entry_at(table) == action_entry


async def on_the_action(live_console, app: SalestuiApp, pilot, meeting_id: int):  # type: ignore[no-untyped-def]
    screen, table = await on_list(live_console, app, pilot, meeting_id)
    await pilot.press("end")
    return screen, table


async def test_new_rows_show_at_once_while_typing_and_the_list_stays_put_while_in_it(
    live_console, services: Services, clock: FixedClock
) -> None:
    meeting_id = with_notes(live_console, services)
    live = LiveMeeting(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        assert app.screen.focused is screen.capture.input and table.is_anchored
        await pilot.press(*"最后一条", "enter")
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y > 0  # the new row is in view
        assert "最后一条" in live_console.table_text(app, "#entries")[-1]
        # In the list, the view follows the cursor, not the newest row.
        await pilot.press("escape", *["up"] * 20)
        await pilot.pause()
        assert not table.is_anchored
        scrolled, cursor = table.scroll_y, table.cursor_row
        live.capture(meeting_id, "from another terminal")
        screen.reload_data()
        await pilot.pause()
        assert (table.scroll_y, table.cursor_row) == (scrolled, cursor)
        await pilot.press("end")  # back to the capture line: anchored again
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is screen.capture.input and table.is_anchored


async def test_the_scrollbar_comes_when_the_list_overflows_and_follows_it_after(
    live_console, services: Services, clock: FixedClock
) -> None:
    """Rows are added without laying the screen out (``widgets.steady``): the scrollbar
    still appears with the first row that does not fit, and then tracks the list."""
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        assert not table.show_vertical_scrollbar
        line = screen.capture.input  # each line is put in whole: the rows are the point
        n = 0
        while not table.show_vertical_scrollbar:
            assert n < 60, "the list never overflowed"
            line.value = f"note {n}"
            await pilot.press("enter")
            await pilot.pause()
            n += 1
        for m in range(3):
            line.value = f"more {m}"
            await pilot.press("enter")
            await pilot.pause()
        bar = table.vertical_scrollbar
        assert (bar.window_virtual_size, bar.window_size) == (
            table.virtual_size.height, table.scrollable_content_region.height
        )  # fmt: skip
        assert table.scroll_y == table.max_scroll_y > 0
        assert "more 2" in live_console.table_text(app, "#entries")[-1]


async def test_the_line_leaves_the_input_with_its_row_on_the_list_and_keys_behind_enter_stay(
    live_console, services: Services, clock: FixedClock
) -> None:
    """The cleared line and the new row reach the screen together: whenever the input
    empties, the row is on the list already. Keys typed right behind Enter begin the next
    line; a line that cannot be saved stays in the input."""
    meeting_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        rows_when_emptied: list[int] = []

        def emptied(value: str) -> None:
            if value == "":
                rows_when_emptied.append(table.row_count)

        screen.watch(screen.capture.input, "value", emptied, init=False)
        await pilot.press(*"华东回款", "enter", *"下一")
        await pilot.pause()
        assert rows_when_emptied == [4]  # emptied once, with the fourth row shown
        assert screen.capture.value == "下一"
        assert "华东回款" in live_console.table_text(app, "#entries")[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert rows_when_emptied == [4, 5] and screen.capture.value == ""
        await pilot.press(*"/a @nobody 提交", "enter")  # no such person: not saved
        await pilot.pause()
        assert screen.capture.value == "/a @nobody 提交" and table.row_count == 5


async def test_page_keys_and_a_click_move_the_cursor(
    live_console, services: Services, clock: FixedClock
) -> None:
    meeting_id = with_notes(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        await pilot.press("escape")
        await pilot.pause()
        assert table.cursor_row == 42 and table.scroll_y == table.max_scroll_y
        page = table.scrollable_content_region.height - 1  # under the header
        await pilot.press("pageup")
        assert table.cursor_row == 42 - page and not table.is_anchored
        await pilot.press("pagedown", "pagedown")
        assert table.cursor_row == 42  # not past the last
        await pilot.press("home")
        assert (table.cursor_row, table.scroll_y) == (0, 0)
        await pilot.click(EntriesTable, offset=(10, 3))  # the third row under the header
        await pilot.pause()
        assert table.cursor_row == 2
        assert "华东区回款计划通过" not in " ".join(map(str, table.get_row_at(2)))
        assert "提交计划" in " ".join(map(str, table.get_row_at(2)))
