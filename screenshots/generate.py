"""Regenerate every screenshot in screenshots/ from the demo database with a fixed clock.

    .venv/bin/python screenshots/generate.py            # SVG and, with rsvg-convert, PNG

The demo organisation is generated into a temporary database at Friday 2026-11-27 08:30
(Asia/Shanghai); each shot drives the real app with Pilot, then saves the screen.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

os.environ["TZ"] = "Asia/Shanghai"
time.tzset()

from salestui import i18n  # noqa: E402
from salestui.config import Config  # noqa: E402
from salestui.core.clock import FixedClock  # noqa: E402
from salestui.core.db import open_store  # noqa: E402
from salestui.core.meeting import LiveMeeting  # noqa: E402
from salestui.core.models import MeetingStatus  # noqa: E402
from salestui.core.service import Services  # noqa: E402
from salestui.demo import DEMO_TODAY_MEETING_TITLE, generate_demo  # noqa: E402
from salestui.tui.app import SalestuiApp  # noqa: E402

Step = Callable[[SalestuiApp, object, Services], Awaitable[None]]


@dataclass
class Shot:
    name: str
    steps: Step
    size: tuple[int, int] = (120, 40)
    lang: str = "en"
    me: str = "陈建国"


def today_meeting(services: Services) -> int:
    for meeting in services.store.list_meetings(status=MeetingStatus.CIRCULATED):
        if meeting.title == DEMO_TODAY_MEETING_TITLE:
            assert meeting.id is not None
            return meeting.id
    raise LookupError("demo meeting of today not found")


def held_meeting(services: Services, status: MeetingStatus) -> int:
    meetings = services.store.list_meetings(status=status, descending=True, limit=1)
    assert meetings and meetings[0].id is not None
    return meetings[0].id


async def home(app, pilot, services) -> None:
    await pilot.pause()


async def lead_home(app, pilot, services) -> None:
    """王芳's Home after 赵磊 escalated an item to her: her inboxes on top."""
    from salestui.core.actions_service import ActionsService
    from salestui.core.models import OPEN_STATUSES, ActionQuery

    team = [p for p in services.people() if p.reports_to == services.find_person("王芳").id]
    for person in team:
        items = services.list_actions(ActionQuery(owner_ids=[person.id], statuses=OPEN_STATUSES))
        if items:
            services.set_me(person.name)
            ActionsService(services).escalate(items[0].id, "客户要求组长出面")
            break
    services.set_me("王芳")
    app.screen.reload_data()
    await pilot.pause()


async def meetings(app, pilot, services) -> None:
    await pilot.press("m")
    await pilot.pause()


async def plan(app, pilot, services) -> None:
    app.open_meeting(today_meeting(services))
    await pilot.pause()


async def run(app, pilot, services) -> None:
    meeting_id = today_meeting(services)
    live = LiveMeeting(services)
    for attendee in services.meeting_detail(meeting_id).attendees:
        live.set_attendance(meeting_id, attendee.person.id, "present")
    live.start(meeting_id)
    past_the_numbers(live, services, meeting_id)
    services.clock.advance(minutes=3)
    live.capture(meeting_id, "华东区回款比计划低 15%，主要是两家经销商延迟付款")
    live.capture(meeting_id, "/a @王芳 下周五 提交华东区回款计划 p1 #回款")
    services.clock.advance(minutes=6)
    app.open_meeting(meeting_id)
    await pilot.pause()


def past_the_numbers(live: LiveMeeting, services: Services, meeting_id: int) -> None:
    """The 周例会 opens on its two numbers-review items: on to 问题与对策."""
    for minutes in (8, 16):
        services.clock.advance(minutes=minutes)
        live.next_item(meeting_id)


async def run_numbers(app, pilot, services) -> None:
    """The scorecard of last week on the 周例会's first item, a /k line being typed."""
    meeting_id = today_meeting(services)
    live = LiveMeeting(services)
    for attendee in services.meeting_detail(meeting_id).attendees:
        live.set_attendance(meeting_id, attendee.person.id, "present")
    live.start(meeting_id)
    services.clock.advance(minutes=4)
    app.open_meeting(meeting_id)
    await pilot.pause()
    english = i18n.current_language() == "en"
    line = "/k @周杰 销售额 11.6 目标 20" if english else "计数：@周杰 销售额 11.6 目标 20"
    app.screen.query_one("#capture-input").insert_text_at_cursor(line)
    await pilot.pause()


async def watch(app, pilot, services) -> None:
    """王芳 watches the meeting 陈建国 records (started as in ``run``)."""
    meeting_id = today_meeting(services)
    live = LiveMeeting(services)
    live.start(meeting_id)
    past_the_numbers(live, services, meeting_id)
    services.clock.advance(minutes=3)
    live.capture(meeting_id, "华东区回款比计划低 15%，主要是两家经销商延迟付款")
    live.capture(meeting_id, "/a @王芳 下周五 提交华东区回款计划 p1 #回款")
    services.clock.advance(minutes=6)
    app.services.set_me("王芳")
    app.open_meeting(meeting_id)
    await pilot.pause()
    app.clear_notifications()


async def confirm(app, pilot, services) -> None:
    app.open_meeting(held_meeting(services, MeetingStatus.ENDED))
    await pilot.pause()


async def summary(app, pilot, services) -> None:
    from salestui.tui.screens.confirm_summary import SummaryScreen

    await app.push_screen(SummaryScreen(services, held_meeting(services, MeetingStatus.CONFIRMED)))
    await pilot.pause()


async def actions(app, pilot, services) -> None:
    await pilot.press("a")
    await pilot.pause()


async def lead_overdue(app, pilot, services) -> None:
    """A lead's Overdue: her team's items by default (T widens it to the department)."""
    await pilot.press("a")
    await pilot.pause()
    screen = app.screen
    screen.open_view(screen.views.resolve("overdue"))
    await pilot.pause()


async def dashboard(app, pilot, services) -> None:
    await pilot.press("t")
    await pilot.pause()


async def export_preview(app, pilot, services) -> None:
    app.open_meeting(held_meeting(services, MeetingStatus.CONFIRMED))
    await pilot.pause()


async def my_day(app, pilot, services) -> None:
    """赵磊's day: his plan, two visits reported, a third being reported."""
    from salestui.core.day import DayService

    day = DayService(services)
    planned = day.my_day(day.person()).planned
    day.report(planned[0].customer, result="已对账", collection=12, next_step="周五送样品")
    day.report(planned[1].customer, "postponed", "采购经理出差，改到下周一")
    await pilot.press("d")
    await pilot.pause()
    for widget in app.screen.query("Input"):
        widget.cursor_blink = False
    await pilot.press(*f"/r {planned[2].customer} 已拜访 订单 3 万")
    await pilot.pause()


async def daily_meeting(app, pilot, services) -> None:
    """王芳's 早会 of 销售一部: each salesperson's plan for today, two instructions."""
    meeting_id = next(
        m.id for m in services.store.list_meetings(status=MeetingStatus.CIRCULATED)
        if m.kind.value == "daily"
    )  # fmt: skip
    live = LiveMeeting(services)
    live.start(meeting_id)
    services.clock.advance(minutes=4)
    live.capture(meeting_id, "/a @赵磊 下周一 带上新品报价单")
    live.capture(meeting_id, "/n @孙丽 永辉先谈回款，再谈陈列")
    app.open_meeting(meeting_id)
    await pilot.pause()
    await pilot.pause()
    for widget in app.screen.query("Input"):
        widget.cursor_blink = False
    app.clear_notifications()


async def decisions(app, pilot, services) -> None:
    """The register after the latest weekly meeting's first decision superseded an older
    one, with one decision marked confidential."""
    from salestui.core.decisions import DecisionRegister

    register = DecisionRegister(services)
    rows = register.page(register.query(status="confirmed")).rows
    newest, oldest = rows[0], rows[-1]
    register.supersede(oldest.id, newest.id)
    register.set_confidential("decision", rows[1].id, True)
    await pilot.press("D")
    await pilot.pause()
    await pilot.pause()


def analytics(tab: str) -> Step:
    """The analytics screen on ``tab`` (1 numbers, 2 meetings, 3 follow-through), every
    read finished."""

    async def steps(app, pilot, services) -> None:
        await pilot.press("y", tab)
        for _ in range(200):
            if getattr(app.screen, "settled", False):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    return steps


async def outbox(app, pilot, services) -> None:
    """Today's agenda went out to most; two copies wait for a server that timed out."""
    from salestui.core.mail_compose import agenda_messages
    from salestui.core.mail_settings import MailSettings
    from salestui.core.mail_transport import Delivery
    from salestui.core.outbox import Outbox
    from salestui.i18n import _ as translate

    app.config.mail = {"host": "smtp.example.com", "from": "陈建国 <chen.jianguo@example.com>"}
    settings = MailSettings(host="smtp.example.com", sender="陈建国 <chen.jianguo@example.com>")
    box = Outbox(services)
    ids = box.queue(agenda_messages(services, today_meeting(services), settings))
    box.record([Delivery(i) for i in ids[:-2]])
    late = translate("the mail server did not answer in time")
    box.record([Delivery(i, late) for i in ids[-2:]])
    await pilot.press("o")
    await pilot.pause()


SHOTS = [
    Shot("home", home),
    Shot("home-zh", home, lang="zh-CN"),
    Shot("home-80x24", home, size=(80, 24)),
    Shot("home-lead-zh-80x24", lead_home, size=(80, 24), lang="zh-CN", me="王芳"),
    Shot("meetings", meetings),
    Shot("plan", plan),
    Shot("run", run),
    Shot("run-zh", run, lang="zh-CN"),
    Shot("run-80x24", run, size=(80, 24)),
    Shot("run-numbers", run_numbers),
    Shot("run-numbers-zh-80x24", run_numbers, size=(80, 24), lang="zh-CN"),
    Shot("watch", watch),
    Shot("watch-zh-80x24", watch, size=(80, 24), lang="zh-CN"),
    Shot("confirm", confirm),
    Shot("summary-zh", summary, lang="zh-CN"),
    Shot("actions", actions),
    Shot("actions-lead-zh-80x24", lead_overdue, size=(80, 24), lang="zh-CN", me="王芳"),
    Shot("dashboard", dashboard),
    Shot("export-preview", export_preview),
    Shot("day", my_day, me="赵磊"),
    Shot("day-zh-80x24", my_day, size=(80, 24), lang="zh-CN", me="赵磊"),
    Shot("daily-zh", daily_meeting, lang="zh-CN", me="王芳"),
    Shot("decisions", decisions),
    Shot("decisions-zh-80x24", decisions, size=(80, 24), lang="zh-CN"),
    Shot("analytics", analytics("1")),
    Shot("analytics-meetings-zh", analytics("2"), lang="zh-CN"),
    Shot("analytics-follow-80x24", analytics("3"), size=(80, 24)),
    Shot("outbox-zh-80x24", outbox, size=(80, 24), lang="zh-CN"),
]


async def take(shot: Shot, folder: Path) -> Path:
    db = folder / f"{shot.name}.db"
    shutil.copyfile(folder / "demo.db", db)
    i18n.set_language(shot.lang)
    store = open_store(db)
    services = Services(store, FixedClock(NOW), me=shot.me)
    app = SalestuiApp(services, Config(me=shot.me))
    async with app.run_test(size=shot.size) as pilot:
        await shot.steps(app, pilot, services)
        await pilot.pause()
        svg = app.save_screenshot(filename=f"{shot.name}.svg", path=str(HERE))
    store.close()
    return Path(svg)


def main(names: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "demo.db")
        generate_demo(store, FixedClock(NOW), seed=1)
        store.close()
        chosen = [s for s in SHOTS if not names or s.name in names]
        for shot in chosen:
            svg = asyncio.run(take(shot, folder))
            png = svg.with_suffix(".png")
            if shutil.which("rsvg-convert"):
                subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
            print(f"{shot.name}: {svg.name}" + (f", {png.name}" if png.exists() else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
