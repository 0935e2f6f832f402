"""SVG snapshots of the weekly cycle's screens: the confirmation step holding items carried
three times, and the summary with its next-meeting key (fixed clock, data and size).

Update after an intended change with ``pytest tests/tui/test_cycle_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from salestui import i18n
from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, MeetingStatus, Role
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.confirm import ConfirmScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
SMALL, LARGE = (80, 24), (120, 40)


def held_with_carries(services: Services, clock: FixedClock) -> int:
    """The second 周例会 of a series, ended: last week's action carried a third time and
    never answered, an agenda item carried a third time and skipped, one new action."""
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    start = datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)
    first = services.new_meeting("周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30,
                                 chair="陈建国")  # fmt: skip
    services.add_agenda_item(first.id, "上周业绩", 10)
    planning = Planning(services)
    series = planning.make_recurring(first.id, "weekly")
    old = services.add_action("拜访苏州客户", ["Li Ming"], date(2026, 11, 20), meeting_id=first.id)
    services.store.increment_carried([old.id])
    services.store.increment_carried([old.id])
    first = services.meeting(first.id)  # now part of the series
    first.status = MeetingStatus.CONFIRMED
    services.store.update_meeting(first)
    second = planning.next_meeting(series.id)
    stuck = services.add_agenda_item(second.id, "华东区经销商返利政策", 10)
    stuck.carried_count, stuck.carried_from = 2, first.id
    services.store.update_agenda_item(stuck)
    live = LiveMeeting(services)
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI))
    live.start(second.id)
    live.capture(second.id, "/a @王芳 下周五 提交华东区回款计划")
    clock.advance(minutes=12)
    live.next_item(second.id)
    clock.advance(minutes=9)
    live.end(second.id)
    stuck = services.store.get_agenda_item(stuck.id)
    stuck.carried_count = 3
    services.store.update_agenda_item(stuck)
    return second.id


async def show_confirm(pilot, meeting_id: int) -> None:
    app = pilot.app
    await app.push_screen(ConfirmScreen(app.services, meeting_id))
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_confirm_must_resolve(snap_compare, services, clock, size) -> None:
    meeting_id = held_with_carries(services, clock)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)


def test_confirm_must_resolve_zh_cn(snap_compare, services, clock) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    meeting_id = held_with_carries(services, clock)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=LARGE, run_before=before)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_summary_offers_the_next_meeting(snap_compare, services, clock, language) -> None:
    i18n.set_language(language)
    meeting_id = held_with_carries(services, clock)
    live = LiveMeeting(services)
    for row in live.must_resolve_actions(meeting_id):
        live.review_action(meeting_id, row.id, "new_due", new_due=date(2026, 12, 4))
    for item in live.must_resolve_items(meeting_id):
        live.drop_carried_item(item.id)
    clock.advance(minutes=1)
    live.confirm(meeting_id)

    async def before(pilot) -> None:
        await show_confirm(pilot, meeting_id)  # a confirmed meeting shows its summary

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=SMALL, run_before=before)
