"""A clock set back during a meeting: no negative times, no minutes lost within a process."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from salestui.cli.live_view import clock as show
from salestui.core.clock import Clock, FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.core.store import Store

START = datetime.fromisoformat("2026-11-30T09:00:00+08:00")


def _running_meeting(services: Services) -> LiveMeeting:
    meeting = services.new_meeting("Weekly", "Forecast", minutes=60, start=START)
    assert meeting.id == 1
    services.add_agenda_item(1, "回款计划", minutes=10)
    services.add_agenda_item(1, "预算", minutes=10)
    live = LiveMeeting(services)
    live.start(1)
    return live


def test_a_clock_set_back_shows_no_negative_time(store: Store) -> None:
    clock = FixedClock(START)
    live = _running_meeting(Services(store, clock))
    clock.advance(minutes=10)
    assert live.state(1).elapsed == timedelta(minutes=10)
    clock.set(START - timedelta(hours=1))  # the system clock is set back an hour
    state = live.state(1)
    assert state.elapsed == timedelta(0)
    assert show(state.elapsed) == "0:00"
    assert all(item.elapsed >= timedelta(0) for item in state.items)
    assert state.current is not None and state.current.elapsed == timedelta(0)
    live.next_item(1)  # from another process, which knows only the wall clock
    first = live.store.list_agenda(1)[0]
    assert first.elapsed_seconds == 0  # clamped: never negative
    assert all(item.elapsed >= timedelta(0) for item in live.state(1).items)


def test_a_negative_stored_time_is_shown_as_zero(store: Store) -> None:
    clock = FixedClock(START)
    live = _running_meeting(Services(store, clock))
    item = store.list_agenda(1)[1]
    item.elapsed_seconds = -300  # written by an old build or another tool
    store.update_agenda_item(item)
    assert live.state(1).items[1].elapsed == timedelta(0)


class _System:
    """A system clock that can be set back, and a monotonic clock that cannot."""

    def __init__(self) -> None:
        self.wall = START.astimezone(UTC)
        self.ticks = 1000.0

    def pass_time(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.ticks += seconds


def test_within_a_process_a_clock_set_back_loses_no_minutes(store: Store) -> None:
    system = _System()
    clock = Clock(wall=lambda: system.wall, monotonic=lambda: system.ticks)
    live = _running_meeting(Services(store, clock))
    system.pass_time(10 * 60)
    assert live.state(1).elapsed == timedelta(minutes=10)
    system.wall -= timedelta(hours=1)  # set back
    system.pass_time(60)
    state = live.state(1)
    assert state.elapsed == timedelta(minutes=11)
    assert show(state.elapsed) == "11:00"
    live.next_item(1)
    assert store.list_agenda(1)[0].elapsed_seconds == 11 * 60


def test_the_clock_follows_a_clock_set_forward() -> None:
    system = _System()
    clock = Clock(wall=lambda: system.wall, monotonic=lambda: system.ticks)
    assert clock.now() == START
    system.wall += timedelta(hours=8)  # set forward, or the machine slept: ticks stood still
    assert clock.now() == START + timedelta(hours=8)
    system.pass_time(30)
    assert clock.now() == START + timedelta(hours=8, seconds=30)
