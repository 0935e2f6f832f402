"""My day (issue 18): the plan on top, reports below, one capture line with a live
preview and customer completion, days to move between, a report's next step as an action,
every change undone by ctrl+z - and the journey from a salesperson's plan to the lead's
morning and evening meetings."""

from __future__ import annotations

from datetime import timedelta

from salestui.core.day import DayService
from salestui.core.models import ActionQuery, MeetingKind
from salestui.core.service import Services
from salestui.tui.screens.day import DayScreen, VisitTable
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_day import DayBoardTable

SIZE = (120, 40)


async def _open_day(pilot, ui) -> DayScreen:
    await pilot.press("d")
    await ui.open_screen(pilot, DayScreen)
    screen = pilot.app.screen
    await ui.wait_until(pilot, lambda: screen.read_result is not None)
    return screen


def _cells(ui, app, selector: str) -> list[list[str]]:
    return ui.table_cells(app.screen.query_one(selector, VisitTable))


async def test_my_day_shows_plan_reports_and_flags(make_app, services, clock, day_team, ui) -> None:
    day_team.planned_and_reported(services, clock)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        plan = _cells(ui, app, "#plan")
        assert [row[0] for row in plan] == ["华联超市", "永辉超市", "Acme Trading"]
        assert "✓ visited" in plan[0][3]
        assert plan[2][3] == ""  # today's, not reported yet: the day is not over
        reports = _cells(ui, app, "#reports")
        assert [row[0] for row in reports] == ["华联超市", "永辉超市"]
        assert "送样品" in reports[0][5]
        assert "远东物流" in ui.static_text(app, "#day-flags")  # Thursday's, unreported
        assert "1 of 3 visits made" in ui.static_text(app, "#reports-title")


async def test_only_a_day_that_is_over_flags_its_unreported_plans(
    make_app, services, clock, day_team, ui
) -> None:
    """Friday's Acme visit, unreported: nothing on Friday; on Saturday, looking back at
    Friday, it is flagged."""
    day_team.planned_and_reported(services, clock)
    clock.advance(hours=12)  # Friday 20:30: still Friday
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        assert _cells(ui, app, "#plan")[2][3] == ""
    clock.advance(days=1)  # Saturday
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_day(pilot, ui)
        await pilot.press("f2")  # back to Friday
        await ui.wait_until(
            pilot, lambda: screen.day == screen.services.clock.today() - timedelta(days=1)
        )
        await ui.wait_until(pilot, lambda: len(_cells(ui, app, "#plan")) == 3)
        plan = _cells(ui, app, "#plan")
        assert plan[2][0] == "Acme Trading" and plan[2][3] == "⚑ not reported"
        assert plan[0][3] == "✓ visited"


async def test_capture_plans_and_reports_with_preview(make_app, services, clock, day_team,
                                                      ui) -> None:  # fmt: skip
    day_team.planned_and_reported(services, clock)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_day(pilot, ui)
        await ui.type_text(pilot, "/v 明天 物美 新品 预计 3 万")
        await pilot.pause()
        preview = ui.static_text(app, "#capture-preview")
        assert "Plan a visit: 物美" in preview and "Sat 28 Nov" in preview and "3 万" in preview
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")
        await ui.wait_until(pilot, lambda: screen.read_result.day.day.day == 28)
        await ui.wait_until(pilot, lambda: _cells(ui, app, "#plan") != [])
        assert [row[0] for row in _cells(ui, app, "#plan")] == ["物美"]
        await pilot.press("f4")
        await ui.wait_until(pilot, lambda: screen.read_result.day.day.day == 27)
        await ui.type_text(pilot, "/r Acme Trading 已拜访 订单 2")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: len(_cells(ui, app, "#reports")) == 3)
        await ui.type_text(pilot, "hello")
        await pilot.press("enter")
        await pilot.pause()
        assert "Start with /v" in ui.static_text(app, "#capture-preview")
        assert screen.capture.value == "hello"  # nothing saved, the line stays


async def test_customer_completes_from_earlier_entries(make_app, services, clock, day_team,
                                                       ui) -> None:  # fmt: skip
    day_team.planned_and_reported(services, clock)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_day(pilot, ui)
        await ui.type_text(pilot, "/v 华")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert screen.capture.value == "/v 华联超市"


async def test_next_step_becomes_an_action_and_ctrl_z_takes_it_back(
    make_app, services, clock, day_team, ui
) -> None:
    day_team.planned_and_reported(services, clock)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        await pilot.press("f5")
        await ui.wait_until(pilot, lambda: "→ #" in _cells(ui, app, "#reports")[0][5])
        owned = services.list_actions(ActionQuery(owner_ids=[services.find_person("赵磊").id]))
        assert [a.title for a in owned] == ["华联超市: 送样品"]
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: "→ #" not in _cells(ui, app, "#reports")[0][5])
        assert services.list_actions(ActionQuery(owner_ids=[owned[0].owner_ids[0]])) == []


async def test_no_me_says_who_are_you(make_app, services, clock, day_team, ui) -> None:
    day_team.people(services)
    app = make_app("nobody")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await ui.open_screen(pilot, DayScreen)
        assert "Who are you?" in ui.static_text(app, "#day-flags")


async def test_plan_to_morning_and_evening_meetings(make_app, services, clock, day_team,
                                                    ui) -> None:  # fmt: skip
    """Done when: 赵磊 plans three visits for tomorrow and reports two of them; the lead's
    morning meeting shows the plan, the evening one plan vs actual and the unreported
    visit; an instruction becomes an action for him."""
    day_team.people(services)
    thursday = clock.now() - timedelta(days=1)
    clock.set(thursday.replace(hour=17))
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        for line in ("/v 明天 华联超市 回款对账 预计 12 万", "/v 明天 永辉超市 新品陈列",
                     "/v 明天 Acme 产品演示 预计 5"):  # fmt: skip
            await ui.type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
    friday = thursday + timedelta(days=1)
    clock.set(friday.replace(hour=8, minute=30))
    boss = Services(services.store, clock, me="王芳")
    morning = boss.new_meeting("早会", "今日计划", MeetingKind.DAILY, clock.now(), 15, chair="王芳")
    boss.invite(morning.id, ["赵磊", "孙丽"])
    board = await _meeting_board(make_app, pilot_ui=ui, meeting_id=morning.id, start=True)
    assert "早会" in board[0] and "3 visits, 17 万" in board[0]
    zhao_rows = board[board.index(next(r for r in board if r.startswith("赵磊"))) + 1 :]
    assert [row.split()[0] for row in zhao_rows[:3]] == ["华联超市", "永辉超市", "Acme"]

    clock.set(friday.replace(hour=17, minute=30))
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        for line in ("/r 华联超市 已对账 回款 8 万", "/r 永辉超市 改期 采购出差"):
            await ui.type_text(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
    evening = boss.new_meeting("夕会", "今日报告", MeetingKind.DAILY, clock.now(), 15, chair="王芳")
    boss.invite(evening.id, ["赵磊"])
    board = await _meeting_board(make_app, pilot_ui=ui, meeting_id=evening.id, start=True,
                                 line="/a @赵磊 明天 补拜访 Acme")  # fmt: skip
    assert "夕会" in board[0] and "1/3 visits made, 1 unreported" in board[0]
    assert "17 → 8 万" in board[0]
    rows = board[1:]
    assert any("Acme" in row and "not reported" in row for row in rows)
    assert any("action" in row and "补拜访 Acme" in row for row in rows)
    zhao = services.find_person("赵磊").id
    assert [a.title for a in services.list_actions(ActionQuery(owner_ids=[zhao]))] == [
        "补拜访 Acme"
    ]


async def _meeting_board(make_app, pilot_ui, meeting_id: int, start: bool,
                         line: str = "") -> list[str]:  # fmt: skip
    """The lead opens the daily meeting's console (started), optionally captures a line,
    and reads the panel: its title, then its rows."""
    ui = pilot_ui
    app = make_app("王芳")
    async with app.run_test(size=SIZE) as pilot:
        if start:
            from salestui.core.meeting import LiveMeeting

            LiveMeeting(app.services).start(meeting_id)
        await app.push_screen(RunScreen(app.services, meeting_id))
        await ui.open_screen(pilot, RunScreen)
        table = app.screen.query_one(DayBoardTable)
        await ui.wait_until(pilot, lambda: table.row_count > 0)
        if line:
            await ui.type_text(pilot, line)
            await pilot.press("enter")
            await ui.wait_until(pilot, lambda: any("↳" in str(r[0]) for r in ui.table_cells(table)))
        title = ui.static_text(app, "#day-board-title")
        return [title, *(" ".join(str(c) for c in row) for row in ui.table_cells(table))]


def test_the_boards_reads_are_few(services, clock, day_team) -> None:
    """The team's day is read in a handful of queries, whatever the number of people."""
    day_team.planned_and_reported(services, clock)
    meeting_id = day_team.morning_meeting(services, clock)
    statements: list[str] = []
    services.store.db.conn.set_trace_callback(statements.append)
    team = DayService(services).meeting_day(meeting_id)
    services.store.db.conn.set_trace_callback(None)
    assert [p.person.name for p in team.people] == ["孙丽", "赵磊"]
    assert len(statements) < 20


async def test_my_day_reads_in_a_worker(make_app, services, clock, day_team, ui,
                                        monkeypatch) -> None:  # fmt: skip
    """The day, its week and the customers are read off the UI thread."""
    import threading

    day_team.planned_and_reported(services, clock)
    ui_thread = threading.get_ident()
    threads: list[int] = []
    original = DayService.my_day

    def my_day(self, person, day=None):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return original(self, person, day)

    monkeypatch.setattr(DayService, "my_day", my_day)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        await pilot.press("f3")
        await ui.wait_until(pilot, lambda: len(threads) >= 2)
    assert threads and ui_thread not in threads


async def test_delete_removes_a_visit_and_ctrl_z_brings_it_back(
    make_app, services, clock, day_team, ui
) -> None:
    day_team.planned_and_reported(services, clock)
    app = make_app("赵磊")
    async with app.run_test(size=SIZE) as pilot:
        await _open_day(pilot, ui)
        app.screen.query_one("#plan", VisitTable).focus()
        await pilot.press("down", "down", "delete")
        await ui.wait_until(pilot, lambda: len(_cells(ui, app, "#plan")) == 2)
        assert "Acme Trading" not in [row[0] for row in _cells(ui, app, "#plan")]
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: len(_cells(ui, app, "#plan")) == 3)
