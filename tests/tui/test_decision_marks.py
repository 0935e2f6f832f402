"""The live console's marks (issue 16): a confidential capture (/c, 保密:) shows its
marker, ctrl+l toggles it, ctrl+u supersedes an earlier meeting's decision with the
selected one; ctrl+z (the meeting's undo) takes either back."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from salestui.config import Config
from salestui.core.meeting import LiveMeeting
from salestui.core.models import Decision, DecisionStatus
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.decision_supersede import SupersedePicker
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_entries import EntriesTable

SIZE = (120, 40)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def started(live_console, services) -> tuple[int, int]:
    """The 周例会 running with three lines; last week's meeting decided on a 3% rebate."""
    meeting_id = live_console.with_review(services)
    last = services.meetings(text="上周例会")[0]
    old = services.store.add_decision(
        Decision(meeting_id=last.id, text="返利提高到3%", status=DecisionStatus.CONFIRMED,
                 decided_at=datetime(2026, 11, 20, 9, 30, tzinfo=SHANGHAI))
    )  # fmt: skip
    live = LiveMeeting(services)
    live.start(meeting_id)
    for line in ("下周销售目标 提升两成", "保密：决定：收购远东物流", "/d 返利提高到4%"):
        live.capture(meeting_id, line)
    return meeting_id, old.id


def rows(table: EntriesTable) -> list[str]:
    return [" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]


async def test_confidential_capture_and_toggle(live_console, services, ui) -> None:
    meeting_id, _old = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        assert "[confidential] 收购远东物流" in rows(table)[1]
        assert "[confidential]" not in rows(table)[0]
        await pilot.press("escape")  # to the list
        table.move_cursor(row=0)
        await pilot.press("ctrl+l")
        await ui.wait_until(pilot, lambda: "[confidential]" in rows(table)[0])
        entry = services.store.list_entries(meeting_id)[0]
        assert entry.confidential
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: "[confidential]" not in rows(table)[0])
    decision = services.store.list_decisions(meeting_id)[0]
    assert decision.text == "收购远东物流" and decision.confidential


async def test_supersede_from_the_console(live_console, services, ui) -> None:
    meeting_id, old_id = started(live_console, services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_console.open_run(app, pilot, meeting_id)
        table = screen.query_one("#entries", EntriesTable)
        await pilot.press("escape")
        table.move_cursor(row=0)
        await pilot.press("ctrl+u")  # a note: nothing to supersede with
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        table.move_cursor(row=2)
        await pilot.press("ctrl+u")
        await ui.open_screen(pilot, SupersedePicker)
        await ui.type_text(pilot, "3%")
        await ui.wait_until(pilot, lambda: len(app.screen.rows) == 1)
        await pilot.press("enter")
        await ui.open_screen(pilot, RunScreen)
        assert services.store.get_decision(old_id).status == DecisionStatus.SUPERSEDED
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert services.store.get_decision(old_id).status == DecisionStatus.CONFIRMED


async def test_confirmation_toggles_confidential(live_console, services, ui) -> None:
    from salestui.tui.screens.confirm import ConfirmScreen
    from salestui.tui.screens.confirm_tables import ActionTable, DecisionTable

    meeting_id, _old = started(live_console, services)
    live = LiveMeeting(services)
    live.capture(meeting_id, "/a @王芳 due:2026-12-04 提交计划")
    live.end(meeting_id)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ConfirmScreen(services, meeting_id))
        await ui.open_screen(pilot, ConfirmScreen)
        decisions = app.screen.query_one(DecisionTable)
        assert "[confidential] 收购远东物流" in " ".join(str(c) for c in decisions.get_row_at(0))
        decisions.focus()
        decisions.move_cursor(row=1)
        await pilot.press("ctrl+l")
        await ui.wait_until(pilot, lambda: "[confidential]" in str(decisions.get_row_at(1)[1]))
        actions = app.screen.query_one(ActionTable)
        actions.focus()
        await pilot.press("ctrl+l")
        await ui.wait_until(pilot, lambda: "[confidential]" in str(actions.get_row_at(0)[0]))
        await pilot.press("ctrl+z")  # the app's undo: my last change
        await ui.wait_until(pilot, lambda: "[confidential]" not in str(actions.get_row_at(0)[0]))
    texts = {d.text: d.confidential for d in services.store.list_decisions(meeting_id)}
    assert texts == {"收购远东物流": True, "返利提高到4%": True}
