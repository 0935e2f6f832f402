"""Numbers and ratings in the journal (issue 14 for issue 15's data): every value, goal,
measurable, countermeasure, import and rating is a step with who made it, and undo puts
the rows back exactly - a changed value and a replaced rating included - once, after a
restart too."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from salestui.core.analytics import AnalyticsService
from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.numbers import NumbersService
from salestui.core.service import Services

TABLES = ("measurables", "measurable_values", "measurable_goals", "measurable_log",
          "measurable_actions", "meeting_ratings", "action_items", "action_owners",
          "entries")  # fmt: skip


def dump(db: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(db)) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


@pytest.fixture
def meeting(services: Services, numbers_meeting) -> int:
    meeting_id = numbers_meeting.build(services)
    services.set_me("王芳")
    return meeting_id


def later(services: Services, minutes: int = 1) -> None:
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.advance(minutes=minutes)


def newest(services: Services):
    step = services.journal.recent(1)[0]
    assert step.person == "王芳" and step.at == services.clock.now()
    return step


def test_values_goals_and_measurables_are_steps_undone_exactly(
    services: Services, meeting: int, db_path: Path
) -> None:
    numbers = NumbersService(services)
    changes = [
        (lambda: numbers.set_value("sales", "2026-W47", "12.5", owner="周杰"),
         "Number 销售额 · 周杰 · 2026-W47: 12.5"),  # replaces 10.4
        (lambda: numbers.set_value("sales", "2026-W47", None, owner="周杰"),
         "Number 销售额 · 周杰 · 2026-W47 removed"),
        (lambda: numbers.set_goal("sales", "2026-W48", 22, owner="周杰"),
         "Goal 销售额 · 周杰 · 2026-W48: 22"),
        (lambda: numbers.set_goal("sales", None, 35, owner="王芳"),
         "Goal 销售额 · 王芳 · every period: 35"),  # replaces 30
        (lambda: numbers.add_measurable("回款", unit="万元", key="cash"),
         "Added the measurable 回款"),
        (lambda: numbers.edit_measurable("visits", goal=6, unit="次"),
         "Edited the measurable 新客户拜访"),
    ]  # fmt: skip
    for change, summary in changes:
        later(services)
        before = dump(db_path)
        change()
        step = newest(services)
        assert step.kind == "numbers" and step.summary == summary
        assert dump(db_path) != before
        services.journal.undo()
        assert dump(db_path) == before, summary
        assert services.journal.entry(step.id).undone_by == "王芳"


def test_a_measurable_in_use_is_not_taken_back(services: Services, meeting: int) -> None:
    numbers = NumbersService(services)
    numbers.add_measurable("回款", unit="万元", key="cash")
    added = newest(services)
    numbers.set_value("cash", "2026-W47", 3, owner="周杰")
    numbers.set_value("cash", "2026-W47", 4, owner="周杰")
    services.journal.undo()  # 4 -> 3
    assert numbers.value("cash", "2026-W47", "周杰").value == 3
    with pytest.raises(InvalidInput, match="in use since"):
        services.journal.undo(added.id)
    assert numbers.measurable("cash").name == "回款"


def test_a_countermeasure_and_an_import_are_one_step_each(
    services: Services, meeting: int, db_path: Path, tmp_path: Path
) -> None:
    numbers = NumbersService(services)
    before = dump(db_path)
    numbers.add_countermeasure("sales", "2026-W47", "订单推迟", owner="周杰", title="拜访瑞丰")
    step = newest(services)
    assert step.summary == "Countermeasure for 销售额 · 周杰 · 2026-W47: 拜访瑞丰"
    services.journal.undo()
    assert dump(db_path) == before

    sheet = tmp_path / "w48.csv"
    sheet.write_text(
        "measurable,period,owner,value,goal\nsales,2026-W48,周杰,9,20\nsales,2026-W47,周杰,11,\n",
        encoding="utf-8",
    )
    later(services)
    numbers.import_file(sheet)
    step = newest(services)
    assert step.summary == "Imported 2 rows of numbers from w48.csv"
    assert numbers.value("sales", "2026-W47", "周杰").value == 11
    services.journal.undo()
    assert dump(db_path) == before


def test_a_replaced_rating_comes_back_after_a_restart(
    services: Services, meeting: int, db_path: Path, clock: FixedClock
) -> None:
    live = LiveMeeting(services)
    live.start(meeting)
    later(services, 30)
    live.end(meeting)
    analytics = AnalyticsService(services)
    ids = {n: services.find_person(n).id for n in ("王芳", "周杰")}
    analytics.rate_meeting(meeting, {ids["王芳"]: 7, ids["周杰"]: 9})
    later(services)
    before = dump(db_path)
    analytics.rate_meeting(meeting, {ids["王芳"]: 8, ids["周杰"]: None})
    step = newest(services)
    assert (step.kind, step.summary) == ("rating", "Rated “周例会”: 王芳 8, 周杰 -")
    assert step.fields == ["rating"]
    services.store.close()

    store = open_store(db_path)  # undo survives a restart
    again = Services(store, clock)
    again.set_me("王芳")
    again.journal.undo()
    assert dump(db_path) == before  # 王芳's 7 with its own time, 周杰's 9
    with pytest.raises(InvalidInput):
        again.journal.undo(step.id)  # only once
    store.close()


def test_ratings_at_confirmation_are_the_meetings_newest_undo(
    services: Services, meeting: int, db_path: Path
) -> None:
    live = LiveMeeting(services)
    live.start(meeting)
    live.numbers.capture(meeting, "/k @zj sales 12 目标 22")
    later(services, 30)
    live.end(meeting)
    before = dump(db_path)
    wang = services.find_person("王芳").id
    AnalyticsService(services).rate_meeting(meeting, {wang: 6})
    assert live.undo(meeting).message == "Undone: the ratings of “周例会”"
    assert dump(db_path) == before
    live.undo(meeting)  # then the /k line, exactly as it was before
    assert NumbersService(services).value("sales", "2026-W47", "周杰").value == Decimal("10.4")
    with pytest.raises(Conflict):
        live.undo(meeting)


def test_k_in_a_live_meeting_is_one_history_step_undone_exactly(
    services: Services, meeting: int, db_path: Path
) -> None:
    live = LiveMeeting(services)
    live.start(meeting)
    before = dump(db_path)
    live.numbers.capture(meeting, "/k @zj sales 12 目标 22")
    step = newest(services)
    assert step.live and step.fields == ["number", "target"]
    with pytest.raises(InvalidInput, match="live meeting"):
        services.journal.undo(step.id)
    live.undo(meeting)
    assert dump(db_path) == before
