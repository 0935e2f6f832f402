"""Planned vs actual stays honest (issue 10, section 4): extensions kept apart from the
plan, one rounding rule from seconds everywhere, and a forecast that moves with overruns."""

from __future__ import annotations

from datetime import timedelta

import pytest

from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.core.timing import minutes_over, whole_minutes


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(0, 0), (29, 0), (30, 1), (59, 1), (60, 1), (89, 1), (90, 2), (150, 3), (600, 10),
     (-90, -2)],
)  # fmt: skip
def test_one_rounding_rule(seconds: int, minutes: int) -> None:
    assert whole_minutes(seconds) == minutes
    assert whole_minutes(timedelta(seconds=seconds)) == minutes


def test_an_overrun_is_the_difference_of_the_shown_figures() -> None:
    assert minutes_over(70, 1) == 0  # actual shows 1: not "over by 1"
    assert minutes_over(95, 1) == 1  # actual shows 2
    assert minutes_over(timedelta(minutes=18), 15) == 3


@pytest.fixture
def meeting(services: Services, clock) -> tuple[LiveMeeting, int]:
    services.add_person("陈建国", Role.DIRECTOR)
    meeting = services.new_meeting(
        "周例会", "回顾本周", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("下周目标", 1)):
        services.add_agenda_item(meeting.id, title, minutes)
    live = LiveMeeting(services)
    live.start(meeting.id)
    return live, meeting.id


def test_an_extension_keeps_the_plan(meeting, services: Services, clock) -> None:
    live, mid = meeting
    live.extend(mid, 5)
    clock.advance(minutes=18)
    state = live.state(mid)
    first = state.current
    assert (first.item.timebox_minutes, first.item.extended_minutes) == (10, 5)
    assert first.planned == timedelta(minutes=10) and first.allowed_minutes == 15
    assert (first.actual_minutes, first.over_minutes, first.over_plan_minutes) == (18, 3, 8)
    live.next_item(mid)
    live.end(mid)
    summary = live.summary(mid)
    assert summary.items[0].item.timebox_minutes == 10  # still 10 as planned
    text = render_minutes(services, mid)
    assert "| Planned min | Extended min | Actual min |" in text
    assert "| 1 | 上周业绩 | - | 10 | +5 | 18 | done (over by 3 min) |" in text
    assert (
        "**Overrun:** 上周业绩 by 3 min (planned 10, extended by +5, actual 18 min; "
        "8 min over the plan)"
    ) in text
    assert "**Extended in the meeting:** +5 min" in text
    assert "**Agenda total:** 16 min" in text  # the plan, not the plan plus extensions


def test_extensions_stay_within_bounds(meeting) -> None:
    live, mid = meeting
    item = live.extend(mid, -30)
    assert (item.timebox_minutes, item.extended_minutes) == (10, -9)  # at least 1 minute
    item = live.extend(mid, 1000)
    assert item.timebox_minutes + item.extended_minutes == 480


def test_never_planned_1_actual_1_over_by_1(meeting, services: Services, clock) -> None:
    live, mid = meeting
    live.skip_item(mid)
    live.skip_item(mid)  # to "下周目标", planned 1 min
    clock.advance(seconds=70)
    live.end(mid)
    summary = live.summary(mid)
    last = summary.items[2]
    assert (last.actual_minutes, last.over_minutes) == (1, 0)
    text = render_minutes(services, mid)
    assert "| 3 | 下周目标 | - | 1 | - | 1 | done |" in text
    assert "**Overrun:**" not in text
    assert summary.actual_minutes == 1


def test_the_forecast_moves_when_the_current_item_overruns(meeting, clock) -> None:
    live, mid = meeting
    start = clock.now()
    clock.advance(minutes=8)
    assert live.state(mid).projected_end == start + timedelta(minutes=16)
    clock.advance(minutes=4)  # 2 min over
    assert live.state(mid).projected_end == start + timedelta(minutes=18)
    clock.advance(minutes=3)  # 5 min over: 3 min later again
    assert live.state(mid).projected_end == start + timedelta(minutes=21)
    live.extend(mid, 10)  # 15 of 20 min: the item now ends at 20
    assert live.state(mid).projected_end == start + timedelta(minutes=26)


def test_the_forecast_counts_what_is_left_of_an_item_gone_back_from(meeting, clock) -> None:
    live, mid = meeting
    start = clock.now()
    live.next_item(mid)  # item 1 done at once
    clock.advance(minutes=3)  # 3 of 5 min on item 2
    live.previous_item(mid)  # back to item 1 (done -> active again)
    state = live.state(mid)
    # item 1: 10 left; item 2: 2 of 5 left; item 3: 1.
    assert state.projected_end == start + timedelta(minutes=3 + 10 + 2 + 1)


def test_a_shortened_item_reads_plainly(meeting, services: Services, clock) -> None:
    live, mid = meeting
    live.extend(mid, -5)  # 10 planned, 5 allowed
    clock.advance(minutes=7)
    live.end(mid)
    text = render_minutes(services, mid)
    assert "| 1 | 上周业绩 | - | 10 | -5 | 7 | done (over by 2 min) |" in text
    assert "**Overrun:** 上周业绩 by 2 min (planned 10, extended by -5, actual 7 min)\n" in text
