"""The weekly cycle by keyboard alone: plan, circulate, run, park, skip, confirm, next
meeting (ctrl+g on the summary), review - twice in a row. The second meeting's agenda and
review show exactly what the first left open, with carry counts. Also: the next meeting
from the minutes preview, the Meetings list and the palette, and the must-resolve rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from textual.pilot import Pilot
from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.models import ActionStatus, AgendaStatus, MeetingKind, MeetingStatus, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen
from salestui.tui.screens.confirm_summary import SummaryScreen
from salestui.tui.screens.export_preview import ExportPreviewScreen
from salestui.tui.screens.meetings import MeetingsScreen
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.screens.plan_preview import AgendaPreviewScreen
from salestui.tui.screens.plan_template import TemplateScreen
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_prompt import AskScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
REVIEW = "Review of open actions"
RESULTS, NUMBERS = "Last week's results", "Each salesperson's numbers"
PROBLEMS, TARGETS = "Problems and countermeasures", "Next week's targets"


def people(services: Services) -> None:
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")


def build(services: Services) -> int:
    """The 09:00 周例会 today (not yet recurring): five 5-minute items, three invitees."""
    people(services)
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    meeting = services.new_meeting("周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30,
                                   chair="陈建国")  # fmt: skip
    for title in ("上周业绩", "Pricing", "预算", "下周目标", "AOB"):
        services.add_agenda_item(meeting.id, title, 5)
    services.invite(meeting.id, ["王芳", "Li Ming"])
    return meeting.id


async def wait_until(pilot: Pilot, condition: Callable[[], bool], tries: int = 60) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("condition never became true")


def shown(app: SalestuiApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if hasattr(content, "plain") else str(content)


def rows(app: SalestuiApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector)
    return [" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count)]


def agenda(services: Services, meeting_id: int) -> list[tuple[str, int, bool]]:
    return [(i.title, i.carried_count, i.standing) for i in services.store.list_agenda(meeting_id)]


async def say(pilot: Pilot, text: str) -> None:
    inp = pilot.app.screen.query_one("#capture-input", Input)
    inp.insert_text_at_cursor(text)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert inp.value == ""


async def press(pilot: Pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def circulate_and_run(pilot: Pilot, app: SalestuiApp, meeting_id: int) -> RunScreen:
    """On the meeting's Plan screen: circulate the agenda, open the console, start."""
    assert isinstance(app.screen, PlanScreen) and app.screen.meeting_id == meeting_id
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: isinstance(app.screen, AgendaPreviewScreen))
    await press(pilot, "c", "escape")
    await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
    await pilot.press("f5")
    await wait_until(pilot, lambda: isinstance(app.screen, RunScreen))
    screen = app.screen
    assert isinstance(screen, RunScreen)
    assert "never circulated" not in shown(app, "#start-warnings")
    await press(pilot, "s")
    return screen


async def end_and_confirm(pilot: Pilot, app: SalestuiApp) -> None:
    await pilot.press("ctrl+f")
    await wait_until(pilot, lambda: isinstance(app.screen, AskScreen))
    await pilot.press("y")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))


async def plan_by_keyboard(pilot: Pilot, app: SalestuiApp, services: Services) -> int:
    """A new 周例会 from the Home screen: the weekly template (four items), today 09:00,
    王芳 and Li Ming invited, a fifth item "AOB" of 5 minutes."""
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
    screen = app.screen
    await wait_until(pilot, lambda: app.focused is not None)
    await pilot.press(*"周例会")
    await press(pilot, "tab", "enter", "up", "up", "enter")  # kind: Weekly
    await pilot.press("ctrl+t")
    await wait_until(pilot, lambda: isinstance(app.screen, TemplateScreen))
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.screen is screen)
    await press(pilot, "tab", "tab", "tab")  # purpose, chair, start
    await pilot.press(*"today 9:00")
    await press(pilot, "ctrl+s")
    [meeting] = services.meetings()
    await press(pilot, "f3")
    for query in ("wf", "li"):
        await pilot.press(*query)
        await press(pilot, "enter")
    await pilot.press("f4", "plus")
    await wait_until(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
    await pilot.press(*"AOB")
    await pilot.press("tab", "tab", "5")
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.screen is screen)
    assert meeting.scheduled_start == datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    assert len(services.meeting_detail(meeting.id).attendees) == 2
    return meeting.id


async def test_two_weekly_cycles_by_keyboard(services: Services, clock: FixedClock) -> None:
    people(services)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        first = await plan_by_keyboard(pilot, app, services)
        assert [i.title for i in services.store.list_agenda(first)] == [
            RESULTS, NUMBERS, PROBLEMS, TARGETS, "AOB"
        ]  # fmt: skip

        # -- week 1 ------------------------------------------------------------------------
        clock.advance(minutes=30)  # 09:00
        screen = await circulate_and_run(pilot, app, first)
        assert screen.mode == "run"
        await say(pilot, "/a @王芳 下周五 提交回款计划")
        await say(pilot, "/p 展会预算")
        clock.advance(minutes=5)
        await press(pilot, "ctrl+n")  # last week's results: done
        await press(pilot, "ctrl+s")  # each salesperson's numbers: skipped
        await press(pilot, "ctrl+o")  # problems: parked; next week's targets run at the end
        clock.advance(minutes=5)
        await end_and_confirm(pilot, app)
        assert "Parking-lot item not resolved: 展会预算" in shown(app, "#questions")
        await press(pilot, "tab", "n")  # from the actions to the parking lot: next meeting
        assert "Everything is answered" in shown(app, "#questions")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))

        await pilot.press("ctrl+g")  # the next meeting, from the summary
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        second = app.screen.meeting_id
        assert second is not None and second != first
        assert agenda(services, second) == [
            (REVIEW, 0, False),
            (RESULTS, 0, True),
            (TARGETS, 0, True),
            (NUMBERS, 1, False),  # skipped
            (PROBLEMS, 1, False),  # parked with the park key
            ("AOB", 1, False),  # never reached
            ("展会预算", 1, False),  # parked topic, "to the next meeting"
        ]
        await pilot.pause()
        table = app.screen.agenda.table
        cells = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        assert [(row[1], row[-1]) for row in cells[1:]] == [
            (RESULTS, "standing"),
            (TARGETS, "standing"),
            (NUMBERS, "carried from Fri 27 Nov (x1)"),
            (PROBLEMS, "carried from Fri 27 Nov (x1)"),
            ("AOB", "carried from Fri 27 Nov (x1)"),
            ("展会预算", "carried from Fri 27 Nov (x1)"),
        ]

        # -- week 2 ------------------------------------------------------------------------
        clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=SHANGHAI))
        screen = await circulate_and_run(pilot, app, second)
        assert screen.mode == "review"
        review = rows(app, "#review-table")
        assert len(review) == 1 and "提交回款计划" in review[0] and " 1 " in f" {review[0]} "
        await press(pilot, "o")  # still open, and where it stands
        app.screen.query_one("#review-prompt", Input).insert_text_at_cursor("本周三提交")
        await press(pilot, "enter")
        await wait_until(pilot, lambda: screen.mode == "run")
        for key in ("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n"):  # review, 2 standing, numbers
            clock.advance(minutes=2)
            await press(pilot, key)
        await press(pilot, "ctrl+s")  # problems skipped again
        await press(pilot, "ctrl+n")  # AOB done
        await press(pilot, "ctrl+o")  # 展会预算 parked
        await end_and_confirm(pilot, app)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen)
                         and app.screen.meeting_id != second)  # fmt: skip
        third = app.screen.meeting_id

    assert agenda(services, third) == [
        (REVIEW, 0, False),
        (RESULTS, 0, True),
        (TARGETS, 0, True),
        (PROBLEMS, 2, False),
        ("展会预算", 2, False),
    ]
    statuses = {i.title: i.status for i in services.store.list_agenda(second)}
    assert statuses[PROBLEMS] == AgendaStatus.SKIPPED
    assert all(services.meeting(m).status == MeetingStatus.CONFIRMED for m in (first, second))
    action = services.store.actions_of_meeting(first)[0]
    assert action.carried_count == 1 and action.status == ActionStatus.OPEN


async def test_must_resolve_cannot_be_bypassed(services: Services, clock: FixedClock) -> None:
    first = build(services)
    from salestui.core.planning import Planning

    series = Planning(services).make_recurring(first, "weekly")
    old = services.add_action("拜访苏州客户", ["Li Ming"], date(2026, 11, 20), meeting_id=first)
    services.store.increment_carried([old.id])
    services.store.increment_carried([old.id])
    meeting = services.store.list_meetings(series_id=series.id)[0]
    meeting.status = MeetingStatus.CONFIRMED
    services.store.update_meeting(meeting)
    second = Planning(services).next_meeting(series.id)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, second.id))
        await pilot.pause()
        await press(pilot, "s")
        screen = app.screen
        assert isinstance(screen, RunScreen) and screen.mode == "review"
        assert "3 · must resolve" in rows(app, "#review-table")[0]
        await press(pilot, "ctrl+n")  # jump to the agenda without answering ...
        assert screen.mode == "run"
        await end_and_confirm(pilot, app)  # ... and end: the confirmation holds it
        assert "拜访苏州客户" in rows(app, "#carried")[0]
        assert "Action carried 3 times, not resolved: 拜访苏州客户" in shown(app, "#questions")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "carried 3 times" in shown(app, "#confirm-message")
        assert services.meeting(second.id).status == MeetingStatus.ENDED
        await press(pilot, "n")  # a new date
        app.screen.query_one("#confirm-prompt", Input).insert_text_at_cursor("2026-12-11")
        await press(pilot, "enter")
        assert not app.screen.query_one("#carried-section").display
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
    assert services.action(old.id).due == date(2026, 12, 11)
    assert services.meeting(second.id).status == MeetingStatus.CONFIRMED


def _held(services: Services, clock: FixedClock) -> int:
    """Meeting 1 held and confirmed through core (Pricing skipped)."""
    from salestui.core.meeting import LiveMeeting

    first = build(services)
    live = LiveMeeting(services)
    live.start(first)
    live.next_item(first)
    live.skip_item(first)
    clock.advance(minutes=10)
    live.end(first)
    live.confirm(first)
    return first


async def test_next_meeting_from_the_minutes_preview(services: Services, clock) -> None:
    first = _held(services, clock)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(first)  # a confirmed meeting opens on its minutes
        await wait_until(pilot, lambda: isinstance(app.screen, ExportPreviewScreen))
        await pilot.pause()  # the minutes (and the meeting's status) are read in a worker
        assert app.screen.check_action("next_meeting", ())
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        nxt = app.screen.meeting_id
        assert ("Pricing", 1, False) in agenda(services, nxt)
        # Asked again: the same meeting opens, never a second one.
        app.pop_screen()
        await wait_until(pilot, lambda: isinstance(app.screen, ExportPreviewScreen))
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert app.screen.meeting_id == nxt
        # The agenda preview of a meeting not yet held offers no next meeting.
        await app.push_screen(ExportPreviewScreen(services, nxt, "agenda"))
        await pilot.pause()
        assert not app.screen.check_action("next_meeting", ())
    assert len(services.store.list_meetings()) == 2


async def test_next_meeting_from_the_meetings_list_and_palette(services, clock) -> None:
    first = _held(services, clock)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        screen = app.screen
        assert screen.highlighted_meeting() == first
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        nxt = app.screen.meeting_id
        assert services.meeting(nxt).series_id == services.meeting(first).series_id
        app.pop_screen()
        await wait_until(pilot, lambda: app.screen is screen)
        # The palette: "Next meeting" on the Home screen follows the latest held meeting.
        app.pop_screen()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next meeting")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert app.screen.meeting_id == nxt  # already planned: opened, not made twice
    assert len(services.store.list_meetings()) == 2


async def test_a_parked_agenda_item_is_settled_at_confirmation(services, clock) -> None:
    from salestui.core.meeting import LiveMeeting

    first = build(services)
    live = LiveMeeting(services)
    live.start(first)
    live.next_item(first)  # 上周业绩 done
    live.park_item(first)  # Pricing parked
    live.park_item(first)  # 预算 parked
    clock.advance(minutes=10)
    live.end(first)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(first)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()
        assert rows(app, "#parked") == [
            "Agenda item: Pricing to the next meeting",
            "Agenda item: 预算 to the next meeting",
        ]
        assert app.screen.focused is app.screen.query_one("#parked")
        await press(pilot, "x")  # Pricing dropped ...
        await press(pilot, "down", "x", "n")  # ... 预算 dropped, then kept after all
        assert rows(app, "#parked") == [
            "Agenda item: Pricing dropped",
            "Agenda item: 预算 to the next meeting",
        ]
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        nxt = app.screen.meeting_id
    carried = [(t, c) for t, c, standing in agenda(services, nxt) if c]
    assert carried == [("预算", 1), ("AOB", 1)]


async def test_a_confidential_agenda_item_is_marked_and_left_out_of_the_preview(
    services: Services,
) -> None:
    """A confidential agenda item (as a confidential parked topic carried in becomes):
    marked on the Plan and Run screens; the agenda preview - what is sent - leaves it out
    and says so."""
    meeting_id = build(services)
    item = next(i for i in services.store.list_agenda(meeting_id) if i.title == "预算")
    item.confidential = True
    services.store.update_agenda_item(item)
    app = SalestuiApp(Services(services.store, services.clock, me="陈建国"), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting_id)
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        await press(pilot, "f4")
        table = "#agenda-pane FitTable"
        await wait_until(pilot, lambda: any("预算" in r for r in rows(app, table)))
        assert "3 [confidential] 预算" in " | ".join(rows(app, table))
        app.screen.query_one(table).move_cursor(row=2)
        await press(pilot, "ctrl+l")  # no longer confidential, then again
        await wait_until(pilot, lambda: "3 预算" in " | ".join(rows(app, table)))
        assert services.store.get_agenda_item(item.id).confidential is False
        await press(pilot, "ctrl+l")
        await wait_until(pilot, lambda: "3 [confidential] 预算" in " | ".join(rows(app, table)))
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, AgendaPreviewScreen))
        preview = app.screen
        await wait_until(pilot, lambda: bool(preview.text))
        assert "上周业绩" in preview.text and "预算" not in preview.text
        said = shown(app, "#preview-message")
        assert said == "1 confidential item is left out of the agenda sent"
        await press(pilot, "escape")
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen))
        await press(pilot, "s")  # start
        await wait_until(pilot, lambda: any("预算" in r for r in rows(app, "#agenda")))
        assert any("[confidential] 预算" in r for r in rows(app, "#agenda")), rows(app, "#agenda")
