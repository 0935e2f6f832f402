"""A small deterministic organisation for the TUI tests.

The shared ``tests/conftest.py`` already fixes the environment for every test: TZ is
Asia/Shanghai (with ``time.tzset()``), the language English (restored afterwards), and the
clock stands at Friday 2026-11-27 08:30 Shanghai time.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from salestui.config import Config
from salestui.core.models import MeetingKind, MeetingStatus, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.busy import BusyWatch

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


@pytest.fixture
def app(org: Services) -> SalestuiApp:
    return SalestuiApp(org, Config())


@pytest.fixture
def empty_app(services: Services) -> SalestuiApp:
    return SalestuiApp(services, Config())


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
