"""Two people on one database file: 陈建国 records the meeting (his own connection, as
another process would), 王芳 opens it in the app and watches, then takes it over."""

from __future__ import annotations

from pathlib import Path

from salestui.config import Config
from salestui.core.db import open_store
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.outside_changes import OutsideChanges
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_entries import EntriesTable
from salestui.tui.screens.run_prompt import AskScreen


def entries_shown(app: SalestuiApp) -> str:
    table = app.screen.query_one("#entries", EntriesTable)
    return "\n".join(" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count))


async def test_watch_then_take_over(live_console, services: Services, clock, db_path: Path) -> None:
    meeting_id = live_console.plain(services)
    scribe = live_console.running(Services(services.store, clock, me="陈建国"), clock, meeting_id)
    other = open_store(db_path)  # 王芳's own connection
    try:
        lead = Services(other, clock, me="王芳")
        app = SalestuiApp(lead, Config())
        async with app.run_test(size=(120, 40)) as pilot:
            app.open_meeting(meeting_id)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RunScreen) and screen.watching
            assert not screen.capture.display  # no capture line
            current = scribe.state(meeting_id).current.item.id
            count = len(scribe.entries(meeting_id))
            # Keys that change a meeting do nothing for a watcher; typing saves nothing.
            await pilot.press("ctrl+n", "ctrl+f", "ctrl+up", "ctrl+z", "ctrl+o", "enter", "1", "0")
            await pilot.pause()
            assert scribe.state(meeting_id).current.item.id == current
            assert len(scribe.entries(meeting_id)) == count
            # What the scribe captures shows up by itself, within the second's refresh.
            scribe.capture(meeting_id, "报价上调 3% 从下周一起")
            await pilot.pause(1.3)
            assert "报价上调 3%" in entries_shown(app)
            # t, then yes: 王芳 records now; the history keeps it.
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, AskScreen)
            await pilot.press("y")
            await pilot.pause()
            assert not screen.watching and screen.capture.display
            await pilot.press(*"王芳接手", "enter")
            await pilot.pause()
            assert "王芳接手" in [e.text for e in scribe.entries(meeting_id)]
        kinds = [(e["kind"], e["person_id"]) for e in services.store.meeting_events(meeting_id)]
        assert kinds == [("started", 1), ("took_over", 2)]
    finally:
        other.close()


async def test_a_scribe_taken_over_goes_on_watching(
    live_console, services: Services, clock
) -> None:
    meeting_id = live_console.plain(services)
    director = Services(services.store, clock, me="陈建国")
    live_console.running(director, clock, meeting_id)
    app = SalestuiApp(director, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and not screen.watching
        LiveMeeting(Services(services.store, clock, me="王芳")).scribes.take_over(meeting_id)
        await pilot.pause(1.3)  # the next second's refresh notices
        assert screen.watching and not screen.capture.display


async def test_the_second_tick_reads_entries_only_after_a_commit_elsewhere(
    live_console, services: Services, clock, db_path: Path, monkeypatch
) -> None:
    meeting_id = live_console.plain(services)
    scribe = live_console.running(Services(services.store, clock, me="陈建国"), clock, meeting_id)
    # The app's watcher of outside changes reads the screen again too (within half a second
    # of a commit elsewhere): this test is about the tick alone.
    monkeypatch.setattr(OutsideChanges, "check", lambda self: False)
    other = open_store(db_path)
    try:
        app = SalestuiApp(Services(other, clock, me="王芳"), Config())
        async with app.run_test(size=(120, 40)) as pilot:
            app.open_meeting(meeting_id)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RunScreen)
            reads: list[int] = []
            original = LiveMeeting.entries

            def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
                reads.append(1)
                return original(*args, **kwargs)

            # The console reads in a worker, on that thread's own LiveMeeting.
            monkeypatch.setattr(LiveMeeting, "entries", counted)
            screen.tick()
            await pilot.pause()  # the tick reads in a worker
            screen.tick()
            await pilot.pause()  # the tick reads in a worker
            assert reads == []  # the timers moved on; the entries were not read again
            scribe.capture(meeting_id, "new from the scribe")
            screen.tick()
            await pilot.pause()  # the tick reads in a worker
            assert reads == [1]
            assert "new from the scribe" in entries_shown(app)
    finally:
        other.close()
