"""Small deterministic organisations for the TUI tests, as fixtures: ``org`` (and the
``app`` on it), ``team`` and ``make_app`` (a lead's team, for the actions and dashboard
screens), ``demo_org`` (the demo organisation, for the analytics screen), ``people`` and
``planned_weekly`` (the Plan screen's six people and weekly
meeting), ``live_console`` (meetings to run and the Pilot steps of the live console).

The shared ``tests/conftest.py`` already fixes the environment for every test: TZ is
Asia/Shanghai (with ``time.tzset()``), the language English (restored afterwards), and the
clock stands at Friday 2026-11-27 08:30 Shanghai time. It also gives the ``ui`` fixture:
helpers for waiting on screens, typing and reading widgets.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, MeetingStatus, Role
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.busy import BusyWatch
from salestui.tui.screens.run import RunScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


def build_org(services: Services) -> None:
    """A director, two leads, five meetings and a handful of actions in both languages."""
    services.add_person("Zhang Wei", role=Role.DIRECTOR, team="Sales")
    services.add_person("王芳", role=Role.LEAD, team="华东大区", reports_to="Zhang Wei")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")

    past = services.new_meeting(
        "营销干部会议 11月", "Monthly leadership review", MeetingKind.LEADERSHIP,
        start=at(20, 9), minutes=90, chair="Zhang Wei",
    )  # fmt: skip
    past.status = MeetingStatus.CONFIRMED
    services.store.update_meeting(past)

    huddle = services.new_meeting(
        "早会", "Daily huddle", MeetingKind.DAILY, start=at(27, 8), minutes=15, chair="王芳"
    )
    services.invite(huddle.id, ["王芳", "Li Ming", "Zhang Wei"])
    huddle.status = MeetingStatus.RUNNING
    services.store.update_meeting(huddle)

    review = services.new_meeting(
        "Weekly sales review", "Pipeline and forecast", MeetingKind.WEEKLY,
        start=at(27, 14), minutes=60, chair="Zhang Wei",
    )  # fmt: skip
    services.invite(review.id, ["王芳", "Li Ming", "Zhang Wei"])
    services.mark_circulated(review.id)

    coordination = services.new_meeting(
        "与生产部协调交期", "Delivery dates for December orders", MeetingKind.COORDINATION,
        start=at(28, 10, 30), minutes=45, chair="Zhang Wei",
    )  # fmt: skip
    services.invite(coordination.id, ["王芳", "Zhang Wei"])
    services.mark_circulated(coordination.id)

    services.new_meeting(
        "Q1 pricing consultation", "Price list for Q1", MeetingKind.CONSULTATION,
        start=datetime(2026, 12, 1, 15, 0, tzinfo=SHANGHAI), minutes=90, chair="Zhang Wei",
    )  # fmt: skip

    services.add_action(
        "提交回款计划", owners=["Zhang Wei"], due=date(2026, 11, 24), priority=1,
        meeting_id=past.id,
    )  # fmt: skip
    late = services.add_action(
        "Send revised quote to Hengda", owners=["Zhang Wei", "Li Ming"],
        due=date(2026, 11, 26), meeting_id=past.id,
    )  # fmt: skip
    services.set_status(late.id, "waiting")
    services.add_action(
        "Review Q4 forecast", owners=["Zhang Wei"], due=date(2026, 11, 27), priority=1
    )
    services.add_action(
        "准备客户拜访材料", owners=["Zhang Wei"], due=date(2026, 11, 30), priority=3,
        meeting_id=past.id,
    )  # fmt: skip
    services.add_action("Call back the Sinopec buyer", owners=["Li Ming"], due=date(2026, 11, 25))
    services.add_action("整理华东大区渠道名单", owners=["王芳"], due=date(2026, 12, 3))
    done = services.add_action("Old task", owners=["Zhang Wei"], due=date(2026, 11, 1))
    services.mark_done(done.id)


@pytest.fixture
def org(services: Services) -> Services:
    build_org(services)
    return services


@pytest.fixture(scope="session", name="build_org")
def build_org_fixture() -> Callable[[Services], None]:
    """``build_org(services)``: the ``org`` fixture's data, on a database a test opens
    itself."""
    return build_org


@pytest.fixture
def app(org: Services) -> SalestuiApp:
    return SalestuiApp(org, Config())


@pytest.fixture
def empty_app(services: Services) -> SalestuiApp:
    return SalestuiApp(services, Config())


@pytest.fixture
def demo_org(services: Services, clock: FixedClock) -> Services:
    """The demo organisation (seed 1) at the shared clock: 13 weeks of numbers, meetings
    held, actions followed up - what the analytics screen shows."""
    from salestui.demo import generate_demo

    generate_demo(services.store, clock, seed=1)
    services.set_me("陈建国")
    return services


# -- a lead's team: the actions and dashboard screens ----------------------------------------

TODAY = date(2026, 11, 27)  # the shared clock: Friday 08:30 Shanghai


@pytest.fixture
def team(services: Services) -> dict[str, int]:
    """A director, a lead (王芳) with two reports, another lead; items in both languages,
    the first carried three times, one done. Action ids by title."""
    services.add_person("Zhang Wei", role=Role.DIRECTOR, team="营销部")
    services.add_person("王芳", role=Role.LEAD, team="华东大区", reports_to="Zhang Wei")
    services.add_person("赵磊", team="华东大区", reports_to="王芳")
    services.add_person("孙丽", team="华东大区", reports_to="王芳")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")
    weekly = services.new_meeting(
        "华东大区周例会", "每周回顾", MeetingKind.WEEKLY, minutes=60, chair="王芳",
    )  # fmt: skip
    add = services.add_action
    days = timedelta(days=1)
    items = [
        add("催收远东物流的逾期货款", ["赵磊"], TODAY - 6 * days, 1, weekly.id, tags=["回款"]),
        add("Send revised quote to Hengda", ["孙丽"], TODAY - 3 * days, 2, weekly.id),
        add("提交华东区回款计划", ["王芳"], TODAY - 2 * days, 1, weekly.id),
        add("整理渠道名单", ["赵磊"], TODAY + 2 * days, 3),
        add("Prepare Q1 pricing deck", ["Li Ming"], TODAY - 1 * days, 2),
        add("审批返利政策", ["Zhang Wei"], TODAY - 4 * days, 1),
        add("Book the trade show booth", [], TODAY + 9 * days, 2),
    ]
    carried = items[0]
    carried.carried_count = 3
    services.store.update_action(carried, services.clock.now())
    done = add("Old task", ["王芳"], TODAY - 20 * days)
    services.mark_done(done.id)
    return {a.title: a.id for a in [*items, done] if a.id is not None}


@pytest.fixture
def make_app(services: Services) -> Callable[..., SalestuiApp]:
    """``make_app(me="王芳")``: the app on the test's database and clock, as ``me``.

    A factory, so that a test can set the language before the app is made."""

    def make(me: str = "王芳") -> SalestuiApp:
        return SalestuiApp(Services(services.store, services.clock, me=me), Config(me=me))

    return make


# -- six people and a weekly meeting: the Plan screen ---------------------------------------


@pytest.fixture
def people(services: Services) -> Services:
    """A director, two leads and three members: enough to invite five people."""
    services.add_person("Zhang Wei", role=Role.DIRECTOR, team="Sales")
    services.add_person("王芳", role=Role.LEAD, team="华东大区", reports_to="Zhang Wei")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")
    services.add_person("陈静", role=Role.MEMBER, team="华东大区", reports_to="王芳")
    services.add_person("刘洋", role=Role.MEMBER, team="North", reports_to="Li Ming")
    services.add_person("赵强", role=Role.MEMBER, team="华东大区", reports_to="王芳")
    return services


@pytest.fixture
def planned_weekly(people: Services) -> Callable[..., int]:
    """``planned_weekly(over=True, carried=False)`` -> the id of a weekly meeting on Monday
    30 Nov 14:30 with five of ``people`` invited and a five-item agenda (75 minutes in a
    60-minute meeting when ``over``; with ``carried``, one item comes from last week's
    meeting for the second time).

    A factory, so that a test can set the language before the templates are seeded."""

    def plan(*, over: bool = True, carried: bool = False) -> int:
        meeting = people.new_meeting(
            "周例会 第48周", "检讨本周问题与业绩，确定下周目标", MeetingKind.WEEKLY,
            start=datetime(2026, 11, 30, 14, 30, tzinfo=SHANGHAI), minutes=60,
            chair="Zhang Wei", location="3楼会议室",
        )  # fmt: skip
        assert meeting.id is not None
        people.invite(meeting.id, ["Zhang Wei", "王芳", "Li Ming", "陈静"])
        people.invite(meeting.id, ["刘洋"], required=False)
        for title, minutes, presenter, kind in (
            ("上周业绩回顾", 10, "Zhang Wei", "info"),
            ("各销售员业绩", 20, "王芳", "discussion"),
            ("重点客户跟进", 20 if over else 5, "Li Ming", "discussion"),
            ("问题与对策", 15, None, "discussion"),
            ("下周目标", 10, "Zhang Wei", "decision"),
        ):
            people.add_agenda_item(meeting.id, title, minutes, presenter, kind)
        if carried:
            last_week = people.new_meeting(
                "周例会 第47周", "检讨本周问题与业绩", MeetingKind.WEEKLY,
                start=datetime(2026, 11, 23, 14, 30, tzinfo=SHANGHAI), minutes=60,
            )  # fmt: skip
            item = people.store.list_agenda(meeting.id)[3]
            item.carried_from, item.carried_count = last_week.id, 2
            people.store.update_agenda_item(item)
        Planning(people).templates()  # seed the templates as a user's database has them
        return meeting.id

    return plan


# -- the live console: meetings to run, and the steps of its Pilot tests ----------------------


class LiveConsole:
    """Helpers for the live console's tests (the ``live_console`` fixture): two weekly
    meetings on Friday 27 Nov 09:00 chaired by 陈建国, and the Pilot steps that open,
    start and read the console."""

    @staticmethod
    def with_review(services: Services) -> int:
        """陈建国 chairs a 30-minute 周例会 at 09:00 with 35 minutes of agenda (not
        circulated), three required attendees, and open actions from last week (one
        carried 3 times)."""
        services.add_person("陈建国", Role.DIRECTOR, "营销部")
        services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
        services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
        services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
        start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
        last = services.new_meeting(
            "上周例会", "回顾", MeetingKind.WEEKLY, start - timedelta(days=7)
        )
        done = services.add_action("提交回款计划", ["王芳"], date(2026, 11, 24), meeting_id=last.id)
        stuck = services.add_action("Update the CRM", ["Li Ming"], date(2026, 11, 20),
                                    meeting_id=last.id)  # fmt: skip
        services.store.increment_carried([stuck.id, stuck.id])
        for _ in range(2):
            services.store.increment_carried([stuck.id])
        assert done.id
        meeting = services.new_meeting(
            "周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30, chair="陈建国"
        )
        for title, minutes in (
            ("上周业绩", 10), ("问题与对策", 5), ("Pricing", 5), ("下周目标", 10), ("AOB", 5)
        ):  # fmt: skip
            services.add_agenda_item(meeting.id, title, minutes)
        services.invite(meeting.id, ["王芳", "Li Ming", "赵强"])
        return meeting.id

    @staticmethod
    def plain(services: Services) -> int:
        """The same people and agenda, one action from last week (the snapshots' meeting)."""
        services.add_person("陈建国", Role.DIRECTOR, "营销部")
        services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
        services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
        services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
        start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
        last = services.new_meeting(
            "上周例会", "回顾", MeetingKind.WEEKLY, start - timedelta(days=7)
        )
        services.add_action("提交回款计划", ["王芳"], date(2026, 11, 24), meeting_id=last.id)
        meeting = services.new_meeting("周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30,
                                       chair="陈建国")  # fmt: skip
        for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("Pricing", 5),
                               ("下周目标", 10), ("AOB", 5)):  # fmt: skip
            services.add_agenda_item(meeting.id, title, minutes)
        services.invite(meeting.id, ["王芳", "Li Ming", "赵强"])
        return meeting.id

    @staticmethod
    def running(services: Services, clock: FixedClock, meeting_id: int) -> LiveMeeting:
        """Started at 09:04 with 王芳 and Li Ming present, a few lines on item 1, the chair
        speaking for the first eight minutes."""
        live = LiveMeeting(services)
        clock.advance(minutes=34)
        for name, status in (("王芳", "present"), ("Li Ming", "late"), ("赵强", "absent")):
            live.set_attendance(meeting_id, services.find_person(name).id, status)
        live.start(meeting_id)
        for row in live.review_candidates(meeting_id):
            live.review_action(meeting_id, row.id, "done")
        live.speak(meeting_id, services.find_person("陈建国").id)
        live.capture(meeting_id, "华东区回款比计划低 15%")
        live.capture(meeting_id, "决定：华东区报价统一上调 3%")
        live.capture(meeting_id, "/a @王芳 下周五 提交华东区回款计划 p1")
        live.capture(meeting_id, "Hengda asks for a 5% discount on the Q1 order")
        clock.advance(minutes=8)
        live.speak(meeting_id, services.find_person("王芳").id)
        clock.advance(seconds=30)
        return live

    @staticmethod
    def table_text(app: SalestuiApp, selector: str) -> list[str]:
        """A table's rows on the top screen, each as its cells joined by spaces."""
        table = app.screen.query_one(selector)
        return [
            " ".join(str(cell) for cell in table.get_row_at(row))  # type: ignore[attr-defined]
            for row in range(table.row_count)  # type: ignore[attr-defined]
        ]

    @staticmethod
    async def open_run(app: SalestuiApp, pilot: Pilot, meeting_id: int) -> RunScreen:
        screen = RunScreen(app.services, meeting_id)
        await app.push_screen(screen)
        await pilot.pause()
        return screen

    async def start_meeting(
        self, app: SalestuiApp, pilot: Pilot, clock: FixedClock, meeting_id: int
    ) -> RunScreen:
        """Everyone present, started at 09:04, review skipped: the agenda runs."""
        clock.advance(minutes=34)
        screen = await self.open_run(app, pilot, meeting_id)
        await pilot.press("down", "p", "p", "p", "s")
        await pilot.pause()
        await pilot.press("ctrl+n")  # past the review
        await pilot.pause()
        assert screen.mode == "run"
        return screen

    @staticmethod
    async def show_run(pilot: Pilot, meeting_id: int, line: str = "") -> None:
        """Open the console for a snapshot (no blinking cursor), ``line`` typed."""
        app = pilot.app
        await app.push_screen(RunScreen(app.services, meeting_id))  # type: ignore[attr-defined]
        await pilot.pause()
        inp = app.screen.query_one("#capture-input", Input)
        inp.cursor_blink = False
        if line:
            inp.insert_text_at_cursor(line)
        await pilot.pause()


@pytest.fixture(scope="session")
def live_console() -> LiveConsole:
    """``live_console.with_review(services)`` -> a meeting id; ``await
    live_console.start_meeting(app, pilot, clock, meeting_id)`` -> the running console..."""
    return LiveConsole()


# -- the UI thread only draws: no stretch of work on the event loop may take long -------------

SLOW_CALLBACK_SECONDS = 0.05


@contextlib.asynccontextmanager
async def _watch_callbacks(limit: float = SLOW_CALLBACK_SECONDS) -> AsyncIterator[list[str]]:
    """While inside, the UI thread's stretches of work over ``limit`` are collected
    (``salestui.tui.busy``); the list holds them in ms once the block is left."""
    found: list[str] = []
    async with BusyWatch() as watch:
        yield found
    found.extend(f"{s * 1000:.0f} ms" for s in watch.over(limit))


@pytest.fixture
def callback_guard() -> Callable[..., contextlib.AbstractAsyncContextManager[list[str]]]:
    """``async with callback_guard() as slow:`` - after the block, ``slow`` lists the UI
    thread's stretches of work over 50 ms."""
    return _watch_callbacks


# -- a sales team's day: "My day" and the daily meeting's panel (issue 18) -------------------


class DayTeam:
    """Helpers for the day's tests (the ``day_team`` fixture): 王芳 leads 赵磊 and 孙丽;
    the clock stands at Friday 08:30."""

    @staticmethod
    def people(services: Services) -> None:
        services.add_person("陈建国", Role.DIRECTOR, "营销部")
        services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
        services.add_person("赵磊", Role.MEMBER, "销售一部", reports_to="王芳")
        services.add_person("孙丽", Role.MEMBER, "销售一部", reports_to="王芳")

    def planned_and_reported(self, services: Services, clock: FixedClock) -> None:
        """赵磊's Friday: three visits planned on Thursday (and one Thursday visit never
        reported), two reported; 孙丽 plans one."""
        from salestui.core.day import DayService

        self.people(services)
        now = clock.now()
        clock.set(now - timedelta(days=1))
        zhao = DayService(Services(services.store, clock, me="赵磊"))
        zhao.plan("远东物流", "催收货款", amount=6)
        friday = now.date()
        zhao.plan("华联超市", "回款对账", friday, 12)
        zhao.plan("永辉超市", "新品陈列", friday)
        zhao.plan("Acme Trading", "demo", friday, 5)
        clock.set(now)
        zhao.report("华联超市", result="已对账", collection=8, next_step="送样品",
                    next_due=friday + timedelta(days=3))  # fmt: skip
        zhao.report("永辉超市", "postponed", "采购经理出差")
        DayService(Services(services.store, clock, me="孙丽")).plan(
            "物美", "签订年度合同", amount=20
        )

    @staticmethod
    def morning_meeting(services: Services, clock: FixedClock) -> int:
        """王芳's 早会 at 08:30 with 赵磊 and 孙丽, running, two instructions for 赵磊."""
        boss = Services(services.store, clock, me="王芳")
        meeting = boss.new_meeting(
            "销售一部早会", "今日计划", MeetingKind.DAILY, clock.now(), 15, chair="王芳"
        )
        boss.add_agenda_item(meeting.id, "今日计划", 10)
        boss.invite(meeting.id, ["赵磊", "孙丽"])
        live = LiveMeeting(boss)
        live.start(meeting.id)
        live.capture(meeting.id, "/a @赵磊 下周一 带上新品报价单")
        live.capture(meeting.id, "/n @赵磊 华联先谈回款")
        return meeting.id


@pytest.fixture(scope="session")
def day_team() -> DayTeam:
    """``day_team.planned_and_reported(services, clock)``,
    ``day_team.morning_meeting(services, clock)`` -> the meeting's id."""
    return DayTeam()


# -- the UI thread only draws: no database read of the TUI's runs on the event loop's thread --

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
           "RELEASE", "CREATE", "DROP", "ALTER")  # fmt: skip


class UIThreadSQL:
    """What the TUI had SQLite do on the UI thread while ``watching`` (the ``ui_thread_sql``
    fixture). Every statement any connection runs on that thread is traced and put down to
    the outermost service-layer call it ran in (``core.boundary.watching_calls``) and to
    the TUI code that made it; statements with no TUI code on the stack (the test's own)
    are not counted. A call that wrote is a write (saving on a key press may stay
    synchronous, for undo and feedback); one that only read is a read, which belongs in a
    thread worker."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.watching = False
        self.calls: list[str] = []  # the outermost service calls open on the UI thread
        self.found: dict[str, set[str]] = {}  # "Class.method <- tui.module:function" -> kinds

    @property
    def reads(self) -> list[str]:
        return sorted(key for key, kinds in self.found.items() if kinds == {"read"})

    @property
    def writes(self) -> list[str]:
        return sorted(key for key, kinds in self.found.items() if "write" in kinds)

    @staticmethod
    def _tui_caller() -> str | None:
        frame = sys._getframe(2)
        while frame is not None:
            module = frame.f_globals.get("__name__", "")
            if module.startswith("salestui.tui"):
                return f"{module.removeprefix('salestui.')}:{frame.f_code.co_name}"
            frame = frame.f_back  # type: ignore[assignment]
        return None

    @contextlib.contextmanager
    def call(self, name: str) -> Iterator[None]:
        """The boundary's watcher: keeps the open service call on the UI thread."""
        if threading.get_ident() != self.thread:
            yield
            return
        self.calls.append(name)
        try:
            yield
        finally:
            self.calls.pop()

    def statement(self, sql: str) -> None:
        if not self.watching or threading.get_ident() != self.thread:
            return
        caller = self._tui_caller()
        if caller is None:
            return
        name = self.calls[0] if self.calls else "(no service call)"
        kind = "write" if sql.lstrip().upper().startswith(_WRITES) else "read"
        self.found.setdefault(f"{name} <- {caller}", set()).add(kind)

    def trace(self, conn: sqlite3.Connection) -> None:
        conn.set_trace_callback(self.statement)


@pytest.fixture
def ui_thread_sql(services: Services, monkeypatch: pytest.MonkeyPatch) -> Iterator[UIThreadSQL]:
    """``ui_thread_sql.watching = True`` ... ``assert ui_thread_sql.reads == []``: the
    database reads the TUI made on the UI thread, as ``Class.method <- tui.module:function``
    (``.writes`` lists its synchronous writes)."""
    from salestui.core.boundary import watching_calls
    from salestui.core.store.base import BaseStore

    watch = UIThreadSQL()
    original = BaseStore._connect

    def connect(self: BaseStore, read_only: bool, immutable: bool) -> sqlite3.Connection:
        conn = original(self, read_only, immutable)
        watch.trace(conn)
        return conn

    monkeypatch.setattr(BaseStore, "_connect", connect)
    watch.trace(services.store.db.conn)
    with watching_calls(watch.call):
        yield watch
    services.store.db.conn.set_trace_callback(None)
