"""The numbers review in the live console, end to end (issue 15, "In the meeting"): a weekly
meeting reviews last week's numbers on its scorecard, records a figure off track with a
countermeasure action, sets next week's targets with /k, is confirmed, and the next
meeting of the series reviews those targets as its plan."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Input

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingStatus
from salestui.core.numbers import NumbersService
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_countermeasure import CountermeasureScreen
from salestui.tui.screens.run_prompt import AskScreen

SIZE = (120, 40)


def scorecard_rows(app: SalestuiApp) -> dict[tuple[str, str], str]:
    """The console's scorecard: (measurable, owner) -> the whole row's text."""
    table = app.screen.query_one("#scorecard")
    rows = {}
    for index in range(table.row_count):  # type: ignore[attr-defined]
        cells = [str(c) for c in table.get_row_at(index)]  # type: ignore[attr-defined]
        rows[(cells[0], cells[1])] = " ".join(cells)
    return rows


async def type_line(pilot, ui, line: str) -> None:
    await ui.type_text(pilot, line)
    await pilot.press("enter")
    await pilot.pause()


async def hold_the_meeting(pilot, ui, app: SalestuiApp, clock: FixedClock, meeting: int) -> None:
    """Present, started, the numbers reviewed, a countermeasure, targets set, ended."""
    clock.advance(minutes=34)
    screen = RunScreen(app.services, meeting)
    await app.push_screen(screen)
    await pilot.pause()
    await pilot.press("down", "p", "p", "p", "s")  # 王芳, 周杰, Li Ming present; start
    await ui.wait_until(pilot, lambda: screen.mode == "run")
    await ui.wait_until(pilot, lambda: bool(app.screen.query_one("#scorecard").row_count))
    title = ui.static_text(app, "#scorecard-title")
    assert "Scorecard 2026-W47" in title and "4 off track" in title
    rows = scorecard_rows(app)
    assert "10.4" in rows[("销售额", "周杰")] and "✗ off track" in rows[("销售额", "周杰")]
    assert "✓ on track" in rows[("销售额", "王芳")]

    await type_line(pilot, ui, "/k @zj sales abc")  # bad: a clear message, nothing saved
    assert "No number after" in ui.static_text(app, "#capture-preview")
    assert app.screen.query_one("#capture-input", Input).value == "/k @zj sales abc"
    await pilot.press("ctrl+u")
    await type_line(pilot, ui, "/k @zj sales 11 目标 22")  # 周杰's corrected figure, next target
    await type_line(pilot, ui, "/k @li visits 目标 6")
    await ui.wait_until(pilot, lambda: "11" in scorecard_rows(app)[("销售额", "周杰")])

    await pilot.press("ctrl+n")  # two numbers off track: the countermeasures first
    await ui.wait_until(pilot, lambda: isinstance(app.screen, CountermeasureScreen))
    assert "销售额 · 周杰 · 2026-W47: 11 of 20" in ui.static_text(app, "#cm-number")
    await ui.type_text(pilot, "两家老客户订单推迟")
    await pilot.press("enter")
    await ui.type_text(pilot, "下周五 拜访瑞丰科技 p1")
    await ui.wait_until(pilot, lambda: "Action -> 周杰" in ui.static_text(app, "#cm-preview"))
    await pilot.press("enter")
    await ui.wait_until(pilot, lambda: "Li Ming" in ui.static_text(app, "#cm-number"))
    await pilot.press("ctrl+s")  # Li Ming's visits: passed by; the agenda moves on
    await ui.wait_until(pilot, lambda: app.screen is screen)
    await ui.wait_until(pilot, lambda: "2. 问题与对策" in ui.static_text(app, "#timer-title"))

    clock.advance(minutes=20)
    await pilot.press("ctrl+f")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, AskScreen))
    await pilot.press("y")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))


async def test_a_weekly_meeting_reviews_numbers_and_the_next_one_reviews_its_targets(
    services: Services, clock: FixedClock, numbers_meeting, ui
) -> None:
    meeting = numbers_meeting.build(services)
    services.set_me("陈建国")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await hold_the_meeting(pilot, ui, app, clock, meeting)
        await pilot.pause()
        await pilot.press("ctrl+f")  # confirm: nothing left open
        await ui.wait_until(
            pilot, lambda: services.meeting(meeting).status == MeetingStatus.CONFIRMED
        )

    numbers = NumbersService(services)
    (measure,) = numbers.countermeasures("sales", "2026-W47")
    assert (measure.owner.name, measure.cause, measure.action_title) == (
        "周杰", "两家老客户订单推迟", "拜访瑞丰科技")  # fmt: skip
    action = services.action(measure.action_id)
    assert action.meeting_id == meeting and action.owner_ids == [services.find_person("周杰").id]
    assert numbers.value("sales", "2026-W47", "周杰").value == Decimal(11)

    following, _created = Planning(services).next_after(meeting)
    assert following.id is not None
    clock.advance(days=7)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = RunScreen(app.services, following.id)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("s")
        await ui.wait_until(pilot, lambda: screen.mode in ("review", "run"))
        if screen.mode == "review":  # the countermeasure is reviewed here
            await pilot.press("ctrl+n")
            await ui.wait_until(pilot, lambda: screen.mode == "run")
        while "上周业绩回顾" not in ui.static_text(app, "#timer-title"):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await ui.wait_until(pilot, lambda: bool(app.screen.query_one("#scorecard").row_count))
        assert "Scorecard 2026-W48" in ui.static_text(app, "#scorecard-title")
        rows = scorecard_rows(app)
        assert " 22 " in rows[("销售额", "周杰")]  # the plan set last week
        assert " 6 " in rows[("新客户拜访", "Li Ming")]
        assert " 30 " in rows[("销售额", "王芳")]  # her standing goal: nothing set
        assert "no value" in rows[("销售额", "周杰")]


def started_numbers_meeting(services: Services, clock: FixedClock, numbers_meeting) -> int:  # type: ignore[no-untyped-def]
    meeting = numbers_meeting.build(services)
    clock.advance(minutes=34)
    LiveMeeting(services).start(meeting)
    return int(meeting)


async def on_the_numbers_item(app: SalestuiApp, pilot, ui, meeting: int) -> RunScreen:  # type: ignore[no-untyped-def]
    """The console of the started meeting, on its numbers item with the scorecard read."""
    screen = RunScreen(app.services, meeting)
    await app.push_screen(screen)
    await ui.wait_until(pilot, lambda: bool(app.screen.query_one("#scorecard").row_count))
    return screen


async def test_escape_keeps_the_numbers_item_and_the_prompt_asks_nothing_twice(
    services: Services, clock: FixedClock, numbers_meeting, ui
) -> None:
    meeting = started_numbers_meeting(services, clock, numbers_meeting)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_numbers_item(app, pilot, ui, meeting)
        await pilot.press("ctrl+n")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CountermeasureScreen))
        await pilot.press("escape")  # back to the item: it stays current
        await ui.wait_until(pilot, lambda: app.screen is screen)
        assert "1. 上周业绩回顾" in ui.static_text(app, "#timer-title")
        await pilot.press("ctrl+n")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CountermeasureScreen))
        await pilot.press("enter")  # no cause: refused, said in the prompt, nothing saved
        await pilot.press("enter")
        await pilot.pause()
        assert "Say the cause of the gap" in ui.static_text(app, "#cm-preview")
        await pilot.press("ctrl+n")  # move on now, all of them passed by
        await ui.wait_until(pilot, lambda: "2. 问题与对策" in ui.static_text(app, "#timer-title"))
        await pilot.press("ctrl+b")  # back on the numbers item, then on again: not asked again
        await ui.wait_until(pilot, lambda: "1. 上周业绩回顾" in ui.static_text(app, "#timer-title"))
        await pilot.press("ctrl+n")
        await ui.wait_until(pilot, lambda: "2. 问题与对策" in ui.static_text(app, "#timer-title"))
        assert not isinstance(app.screen, CountermeasureScreen)
    assert not NumbersService(services).countermeasures("sales", "2026-W47")


async def test_ending_the_meeting_on_a_numbers_item_asks_for_countermeasures_first(
    services: Services, clock: FixedClock, numbers_meeting, ui
) -> None:
    """The meeting's end is the numbers' last chance: ctrl+f on a numbers item asks about
    the numbers off track before the question to end, as ctrl+n does."""
    meeting = started_numbers_meeting(services, clock, numbers_meeting)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_numbers_item(app, pilot, ui, meeting)
        await pilot.press("ctrl+f")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CountermeasureScreen))
        await pilot.press("escape")  # not now: the meeting goes on, on the same item
        await ui.wait_until(pilot, lambda: app.screen is screen)
        assert services.store.get_meeting(meeting).actual_end is None
        await pilot.press("ctrl+f")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CountermeasureScreen))
        await pilot.press("ctrl+n")  # pass them by: now the question to end
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AskScreen))
