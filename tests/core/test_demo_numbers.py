"""The demo organisation's figures: thirteen weeks for every salesperson and team, misses
with countermeasures in both languages, the same for the same seed, none for scale rows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.models.numbers import GoalSource, TrackStatus
from salestui.core.numbers import NumbersService
from salestui.core.service import Services
from salestui.demo import generate_demo
from salestui.demo.numbers import SALESPEOPLE

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    generate_demo(store, FixedClock(NOW), seed=1)
    yield NumbersService(Services(store, FixedClock(NOW)))
    store.close()


def _figures(numbers: NumbersService) -> list[tuple[str, str, str, Decimal]]:
    return [(v.measurable, v.period, v.owner.name, v.value) for v in numbers.values()]


def test_thirteen_weeks_for_every_salesperson_and_team(demo: NumbersService) -> None:
    names = [m.name for m in demo.measurables()]
    assert names == ["销售额", "回款", "新客户拜访", "Qualified leads"]
    rows = demo.scorecard()  # last week, 2026-W47
    sales = [r for r in rows if r.measurable.key == "sales"]
    assert {r.owner.name for r in sales} == {
        "营销部", "华东大区", "销售一部", "销售二部", *SALESPEOPLE
    }  # fmt: skip
    for row in rows:
        assert len(row.history) == 13
        assert all(p.actual is not None for p in row.history), (row.measurable.name, row.owner)
    keys = {v.period for v in demo.values()}
    assert min(keys) == "2026-W35" and max(keys) == "2026-W47"
    team = next(r for r in sales if r.owner.name == "销售一部")
    assert team.current.rolled_up and team.goal.source == GoalSource.ROLLUP
    department = sales[0]
    assert department.owner.name == "营销部" and not department.current.rolled_up
    members = sum((r.actual for r in sales if r.owner.person_id), Decimal(0))
    assert department.actual == members  # the department's total is its people's, exactly


def test_realistic_misses_and_their_countermeasures(demo: NumbersService) -> None:
    rows = demo.scorecard()
    statuses = [r.status for r in rows]
    assert statuses.count(TrackStatus.OFF_TRACK) >= 5
    assert statuses.count(TrackStatus.ON_TRACK) > statuses.count(TrackStatus.OFF_TRACK)
    twice = {(r.measurable.key, r.owner.name) for r in demo.off_track_twice()}
    assert {("sales", "周杰"), ("collections", "David Li"), ("visits", "何军")} <= twice
    measures = demo.countermeasures()
    assert len(measures) >= 4
    assert any(m.cause.isascii() for m in measures) and any(not m.cause.isascii() for m in measures)
    meeting_goals = [
        p.goal for r in rows if r.measurable.key == "sales" and r.owner.person_id
        for p in r.history if p.goal is not None and p.goal.source == GoalSource.PERIOD
    ]  # fmt: skip
    assert meeting_goals  # the weekly meetings set each week's targets
    services = demo.services
    for measure in measures:
        action = services.action(measure.action_id)
        assert action.owner_ids == [measure.owner.person_id] and "对策" in action.tags
        if action.meeting_id:
            detail = services.meeting_detail(action.meeting_id)
            assert any(e.text == action.title for e in detail.entries)


def test_the_same_seed_gives_the_same_numbers(demo: NumbersService, tmp_path: Path) -> None:
    for seed, same in ((1, True), (2, False)):
        with open_store(tmp_path / f"seed{seed}.db") as store:
            generate_demo(store, FixedClock(NOW), seed=seed)
            again = NumbersService(Services(store, FixedClock(NOW)))
            assert (_figures(again) == _figures(demo)) is same


def test_scale_rows_get_no_numbers(demo: NumbersService, tmp_path: Path) -> None:
    with open_store(tmp_path / "scaled.db") as store:
        generate_demo(store, FixedClock(NOW), seed=1, scale=300)
        scaled = NumbersService(Services(store, FixedClock(NOW)))
        assert _figures(scaled) == _figures(demo)


def test_a_forced_second_demo_reuses_the_measurables(tmp_path: Path) -> None:
    with open_store(tmp_path / "twice.db") as store:
        generate_demo(store, FixedClock(NOW), seed=1)
        generate_demo(store, FixedClock(NOW), seed=2)
        numbers = NumbersService(Services(store, FixedClock(NOW)))
        assert len(numbers.measurables()) == 4
        assert len(numbers.countermeasures()) == 8
