"""A whole meeting by keyboard alone, from the start panel to the summary, checked on screen
and in the database. The clock moves only when the test says so."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.models import (
    ActionStatus,
    AgendaStatus,
    AttendanceStatus,
    DecisionStatus,
    FollowUpKind,
    MeetingKind,
    MeetingStatus,
    Role,
)
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.confirm_summary import SummaryScreen
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_prompt import AskScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")


def build(services: Services) -> tuple[int, int, int]:
    """The 09:00 周例会 (30 min, five items = 35 min, agenda never circulated) and two open
    actions from last week. Returns (meeting, action done in review, action dropped)."""
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    last = services.new_meeting("上周例会", "回顾", MeetingKind.WEEKLY, start - timedelta(days=7))
    done = services.add_action("提交回款计划", ["王芳"], date(2026, 11, 24), meeting_id=last.id)
    dropped = services.add_action("Visit Hengda", ["Li Ming"], meeting_id=last.id)
    meeting = services.new_meeting("周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30,
                                   chair="陈建国")  # fmt: skip
    for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("Pricing", 5),
                           ("下周目标", 10), ("AOB", 5)):  # fmt: skip
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强"])
    return meeting.id, done.id, dropped.id


def shown(app: SalestuiApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if hasattr(content, "plain") else str(content)


def rows(app: SalestuiApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector)
    return [" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]


async def say(pilot, text: str) -> None:
    """Type one capture line and press Enter."""
    inp = pilot.app.screen.query_one("#capture-input", Input)
    assert pilot.app.screen.focused is inp
    inp.insert_text_at_cursor(text)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert inp.value == "", shown(pilot.app, "#capture-preview")


async def test_a_whole_meeting_by_keyboard(services: Services, clock: FixedClock) -> None:
    meeting_id, done_id, dropped_id = build(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        clock.advance(minutes=34)  # 09:04: four minutes late
        screen = RunScreen(services, meeting_id)
        await app.push_screen(screen)
        await pilot.pause()

        # -- start: warnings, attendance (王芳 present, Li Ming late, 赵强 absent), start ----
        assert "never circulated" in shown(app, "#start-warnings")
        # (the list is in reporting-line order: 陈建国, 王芳, 赵强, then Li Ming under 王芳)
        await pilot.press("down", "p", "a", "l", "s")
        await pilot.pause()

        # -- review: done, then drop with a reason ---------------------------------------
        assert screen.mode == "review"
        assert [r.split(" ")[0] for r in rows(app, "#review-table")] == ["提交回款计划", "Visit"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#review-prompt", Input).insert_text_at_cursor("客户已换供应商")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.mode == "run"

        # -- item 1 上周业绩 (10 min): Chinese lines, the chair talks too long -> overrun ---
        await pilot.press("ctrl+t", "1")  # 陈建国, the chair
        await say(pilot, "华东区回款比计划低 15%")
        await say(pilot, "决定：华东区报价统一上调 3%")
        await say(pilot, "/a @王芳 下周五 提交华东区回款计划 p1")
        clock.advance(minutes=11)
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert "1:00 over" in shown(app, "#timer-phase")
        assert "陈建国 holds 100% of the speaking time" in shown(app, "#speaking")
        await pilot.press("ctrl+t", "2")  # 王芳 answers
        clock.advance(minutes=1)
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- item 2 问题与对策 (5 min): English, edit / delete / undo / convert ---------------
        assert "2. 问题与对策" in shown(app, "#timer-title")
        await say(pilot, "Hengda wants a 5% discount")
        await say(pilot, "/d hold the price list until Q1")
        await say(pilot, "someone should call Sinopec")
        await pilot.press("escape")  # to the entries list: the last entry is highlighted
        await pilot.press("ctrl+a")  # the note becomes an action (no owner yet)
        await pilot.pause()
        assert "Action" in rows(app, "#entries")[2]
        await pilot.press("up", "up", "enter")  # edit the first note
        await pilot.pause()
        inp = app.screen.query_one("#capture-input", Input)
        assert inp.value == "Hengda wants a 5% discount" and app.screen.focused is inp
        inp.value = "Hengda wants a 6% discount"
        await pilot.press("enter")
        await pilot.pause()
        assert "Hengda wants a 6% discount" in rows(app, "#entries")[0]
        await pilot.press("escape", "delete")  # delete it (once asked) ...
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("y")
        await pilot.pause()
        assert len(rows(app, "#entries")) == 2
        await pilot.press("ctrl+z")  # ... and bring it back
        await pilot.pause()
        assert len(rows(app, "#entries")) == 3
        await pilot.press("escape")  # back to the line
        clock.advance(minutes=3)
        await pilot.press("ctrl+n")
        await pilot.pause()

        # -- item 3 Pricing: parked; item 4 下周目标: a parked topic and a new item ----------
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "4. 下周目标" in shown(app, "#timer-title")
        await say(pilot, "/p 展会预算")
        await say(pilot, "/t 新客户开发")
        await say(pilot, "/a @li send the Q1 target sheet due:2026-12-02")
        clock.advance(minutes=4)
        await pilot.press("ctrl+n")  # -> the new item 新客户开发 ...
        await pilot.pause()
        assert "5. 新客户开发" in shown(app, "#timer-title")
        await pilot.press("ctrl+s")  # ... skipped -> AOB
        await pilot.pause()
        assert "6. AOB" in shown(app, "#timer-title")
        await pilot.press("ctrl+t", "0")
        clock.advance(minutes=2)

        # -- end, with a confirm prompt ------------------------------------------------------
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert services.meeting(meeting_id).status == MeetingStatus.ENDED

        # -- confirm: decisions, actions, parking lot ----------------------------------------
        decisions = rows(app, "#decisions")
        assert len(decisions) == 2 and all("to confirm" in d for d in decisions)
        await pilot.press("c", "down", "e")  # confirm the first, reword the second
        await pilot.pause()
        prompt = app.screen.query_one("#confirm-prompt", Input)
        prompt.value = "hold the price list until 1 Jan"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("tab")  # the actions
        await pilot.pause()
        actions = rows(app, "#actions")
        assert any("someone should call Sinopec" in a and "needs an owner" in a for a in actions)
        index = next(i for i, a in enumerate(actions) if "Sinopec" in a)
        await pilot.press(*(["down"] * index), "o")
        await pilot.pause()
        prompt.insert_text_at_cursor("Li Ming, 赵强")
        await pilot.press("enter")
        await pilot.pause()
        assert "needs a due date" in rows(app, "#actions")[index]
        await pilot.press("d")
        await pilot.pause()
        prompt.insert_text_at_cursor("后天")
        await pilot.press("enter")
        await pilot.pause()
        assert "ready" in rows(app, "#actions")[index]
        await pilot.press("tab", "n")  # the parked topic goes to the next meeting
        await pilot.pause()
        assert "Everything is answered" in shown(app, "#questions")
        await pilot.press("ctrl+f")
        await pilot.pause()

        # -- the summary ---------------------------------------------------------------------
        assert isinstance(app.screen, SummaryScreen)
        text = _render_text(app)
        assert "Meeting confirmed: 周例会" in text
        assert "Planned 30 min, actual 21 min" in text
        assert "started 4 min late" in text
        assert "上周业绩" in text and "(over by 2 min)" in text
        assert "Absent though required: 赵强" in text

    # -- the database holds all of it ----------------------------------------------------------
    meeting = services.meeting(meeting_id)
    assert meeting.status == MeetingStatus.CONFIRMED
    assert meeting.actual_end - meeting.actual_start == timedelta(minutes=21)
    attendance = {services.person(a.person_id).name: a for a in
                  services.store.list_attendance(meeting_id)}  # fmt: skip
    assert attendance["王芳"].status == AttendanceStatus.PRESENT
    assert attendance["Li Ming"].status == AttendanceStatus.LATE
    assert attendance["Li Ming"].arrived_at is not None
    assert attendance["赵强"].status == AttendanceStatus.ABSENT
    assert services.action(done_id).status == ActionStatus.DONE
    assert services.action(dropped_id).status == ActionStatus.CANCELLED
    assert services.follow_ups(dropped_id)[-1].note == "客户已换供应商"
    assert services.follow_ups(dropped_id)[-1].kind == FollowUpKind.REVIEW
    agenda = services.store.list_agenda(meeting_id)
    assert [(i.title, i.status) for i in agenda] == [
        ("上周业绩", AgendaStatus.DONE),
        ("问题与对策", AgendaStatus.DONE),
        ("Pricing", AgendaStatus.PARKED),
        ("下周目标", AgendaStatus.DONE),
        ("新客户开发", AgendaStatus.SKIPPED),
        ("AOB", AgendaStatus.DONE),
    ]
    assert agenda[0].elapsed_seconds == 12 * 60
    decisions = [d for d in services.store.list_decisions(meeting_id)
                 if d.status != DecisionStatus.SUPERSEDED]  # fmt: skip
    assert [(d.text, d.status) for d in decisions] == [
        ("华东区报价统一上调 3%", DecisionStatus.CONFIRMED),
        ("hold the price list until 1 Jan", DecisionStatus.CONFIRMED),
    ]
    people = {p.id: p.name for p in services.people()}
    actions = {a.title: a for a in services.store.actions_of_meeting(meeting_id)
               if not a.status.is_closed}  # fmt: skip
    assert set(actions) == {"提交华东区回款计划", "someone should call Sinopec",
                            "send the Q1 target sheet"}  # fmt: skip
    assert [people[i] for i in actions["someone should call Sinopec"].owner_ids] == [
        "Li Ming", "赵强"]  # fmt: skip
    assert actions["someone should call Sinopec"].due == date(2026, 11, 29)
    assert actions["提交华东区回款计划"].due == date(2026, 12, 4)
    parked = [e for e in services.store.list_entries(meeting_id) if e.kind == "park"]
    assert [(e.text, e.disposition) for e in parked] == [("展会预算", "next")]
    turns = services.store.list_speaking(meeting_id)
    assert [(people[t.person_id], t.ended_at - t.started_at) for t in turns] == [
        ("陈建国", timedelta(minutes=11)), ("王芳", timedelta(minutes=8))]  # fmt: skip


def _render_text(app: SalestuiApp) -> str:
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(app.screen.query_one("#summary", Static).content)
    return console.file.getvalue()


async def test_a_fresh_app_resumes_the_running_meeting(
    services: Services, clock: FixedClock, db_path
) -> None:
    """Nothing lives only in memory: a new app on the same file, minutes later, shows the
    same meeting with timers derived from the stored timestamps."""
    from salestui.core.db import open_store
    from salestui.core.meeting import LiveMeeting

    meeting_id, _, _ = build(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        clock.advance(minutes=30)  # 09:00 sharp
        screen = RunScreen(services, meeting_id)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+n")  # past the review
        await pilot.pause()
        await say(pilot, "saved before the crash")
        clock.advance(minutes=6)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await say(pilot, "/a @王芳 fri 第二项的行动")
        clock.advance(minutes=3)
    services.store.close()  # the process dies here

    later = FixedClock(clock.now() + timedelta(minutes=4))  # reopened four minutes later
    store = open_store(db_path)
    try:
        again = Services(store, later)
        assert [m.id for m in LiveMeeting(again).running()] == [meeting_id]
        app = SalestuiApp(again, Config())
        async with app.run_test(size=(80, 24)) as pilot:
            screen = RunScreen(again, meeting_id)
            await app.push_screen(screen)
            await pilot.pause()
            assert screen.mode == "run"
            assert "2. 问题与对策" in shown(app, "#timer-title")
            assert app.screen.query_one("#timer-digits").value == "+2:00"  # 7 min of 5
            assert shown(app, "#timer-phase") == "2:00 over"
            assert "13:00 elapsed" in shown(app, "#clock")
            assert "第二项的行动" in rows(app, "#entries")[0]
            assert app.screen.focused is app.screen.query_one("#capture-input")
            await say(pilot, "after the crash")
            assert len(rows(app, "#entries")) == 2
            entries = [e.text for e in LiveMeeting(again).entries(meeting_id)]
            assert entries == ["saved before the crash", "第二项的行动", "after the crash"]
    finally:
        store.close()


async def test_the_console_in_chinese(services: Services, clock: FixedClock) -> None:
    from salestui import i18n

    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    meeting_id, _, _ = build(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(minutes=34)
        screen = RunScreen(services, meeting_id)
        await app.push_screen(screen)
        await pilot.pause()
        assert "议程尚未事前发给参会人员" in shown(app, "#start-warnings")
        assert "现在开始将推迟 4 分钟" in shown(app, "#start-when")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        inp = app.screen.query_one("#capture-input", Input)
        inp.insert_text_at_cursor("行动：@王芳 下周五 提交华东区回款计划 p1")
        await pilot.pause()
        assert shown(app, "#capture-preview") == "→ 行动 -> 王芳，截止 12月4日周五，P1"
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#capture-saved") == "已保存 09:04:00"
        clock.advance(minutes=12)
        screen.tick()
        await pilot.pause()  # the tick reads in a worker
        assert shown(app, "#timer-phase") == "超时 2:00"
        assert "推迟 4 分钟" in shown(app, "#clock")
