"""What keeps the UI thread free: the collector's schedule and cheap label updates."""

from __future__ import annotations

import gc

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from salestui.tui import collector
from salestui.tui.app import SalestuiApp
from salestui.tui.busy import BusyWatch
from salestui.tui.widgets.show import show_text


async def test_the_collector_runs_on_the_apps_schedule_and_is_restored(app: SalestuiApp) -> None:
    assert gc.isenabled()
    async with app.run_test() as pilot:
        await pilot.pause()
        schedule = app.collector
        assert not gc.isenabled()  # no pass in the middle of a key press
        assert gc.get_freeze_count() > 0
        await pilot.press("down")
        assert schedule.last_key > 0  # the app saw the key
        schedule.last_full = 0.0  # a full pass is due...
        schedule.key_pressed()
        schedule.tick()  # ...but a key was just pressed: only the young generations
        assert schedule.last_full == 0.0
        schedule.last_key -= collector.QUIET_FOR + 1
        schedule.tick()
        assert schedule.last_full > 0.0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class _Labels(App[None]):
    CSS = "#fixed { width: 30; height: 1; } #auto { width: auto; height: 1; }"

    def compose(self) -> ComposeResult:
        yield Static("saved 09:31:05", id="auto")
        yield Static("Entries (200)", id="fixed")


async def test_show_text_lays_out_again_only_when_the_size_may_change() -> None:
    app = _Labels()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        layouts: list[bool] = []
        for widget in app.query(Static):
            original = widget.update

            def update(content, *, layout=True, _original=original):  # type: ignore[no-untyped-def]
                layouts.append(layout)
                _original(content, layout=layout)

            widget.update = update  # type: ignore[method-assign]
        fixed, auto = app.query_one("#fixed", Static), app.query_one("#auto", Static)
        show_text(fixed, "Entries (201)")  # one line that fits: no layout
        show_text(fixed, Text("Entries (201)"))  # unchanged: not even a repaint
        show_text(auto, "saved 09:31:06")  # as wide as before: no layout
        show_text(auto, "saved at 09:31:07")  # wider, and the width follows the text
        show_text(fixed, "x" * 40)  # longer than the widget is wide
        show_text(fixed, "two\nlines")
        assert layouts == [False, False, True, True, True]
        await pilot.pause()
        assert fixed.content == Text("two\nlines")


async def test_busy_watch_sees_a_blocked_loop() -> None:
    import time

    async with BusyWatch() as watch:
        mark = watch.mark()
        started = time.thread_time()
        while time.thread_time() - started < 0.03:  # 30 ms of work without yielding
            pass
        import asyncio

        await asyncio.sleep(0.01)
    assert watch.longest_since(mark) >= 0.03
    assert watch.over(0.02)
