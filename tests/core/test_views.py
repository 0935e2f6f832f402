"""Filters (due buckets, team, combinations) and the saved views of the actions list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import OPEN_STATUSES, ActionStatus, Role
from salestui.core.service import Services
from salestui.core.views import (
    SAVED_VIEWS_KEY,
    ActionFilter,
    ActionPager,
    DueBucket,
    Views,
    build_query,
)

TODAY = date(2026, 11, 27)  # a Friday


@pytest.fixture
def team(services: Services) -> Services:
    services.add_person("Zhang Wei", role=Role.DIRECTOR)
    services.add_person("王芳", role=Role.LEAD, reports_to="Zhang Wei")
    services.add_person("赵磊", reports_to="王芳")
    services.add_person("Li Ming", role=Role.LEAD, reports_to="Zhang Wei")
    add = services.add_action
    add("overdue 王芳", ["王芳"], TODAY - timedelta(days=2), meeting_id=None, tags=["回款"])
    add("today 赵磊", ["赵磊"], TODAY, priority=1)
    add("sunday 赵磊", ["赵磊"], TODAY + timedelta(days=2))
    add("next week Li", ["Li Ming"], TODAY + timedelta(days=5))
    add("no date Li", ["Li Ming"])
    add("nobody's", [], TODAY + timedelta(days=1))
    done = add("done late", ["王芳"], TODAY - timedelta(days=9))
    services.mark_done(done.id)
    waiting = add("waiting 赵磊", ["赵磊"], TODAY + timedelta(days=20))
    services.set_status(waiting.id, "waiting")
    return services


def titles(services: Services, action_filter: ActionFilter) -> set[str]:
    pager = ActionPager(services, action_filter)
    return {row.title for row in pager.rows(0, pager.total)}


def test_due_buckets(team: Services) -> None:
    def bucket(value: DueBucket) -> set[str]:
        return titles(team, ActionFilter(bucket=value))

    assert bucket(DueBucket.OVERDUE) == {"overdue 王芳"}  # the done one is not overdue
    assert bucket(DueBucket.TODAY) == {"today 赵磊"}
    assert bucket(DueBucket.WEEK) == {"today 赵磊", "nobody's", "sunday 赵磊"}
    assert bucket(DueBucket.LATER) == {"next week Li", "waiting 赵磊"}
    assert bucket(DueBucket.NONE) == {"no date Li"}
    closed = ActionFilter(bucket=DueBucket.OVERDUE, statuses=(ActionStatus.DONE,))
    assert titles(team, closed) == set()


def test_team_owner_and_other_filters_combine(team: Services) -> None:
    wang = team.find_person("王芳").id
    zhao = team.find_person("赵磊").id
    li = team.find_person("Li Ming").id
    everyone_of_wang = ActionFilter(team_lead_id=wang)
    assert titles(team, everyone_of_wang) == {
        "overdue 王芳", "today 赵磊", "sunday 赵磊", "done late", "waiting 赵磊",
    }  # fmt: skip
    assert titles(team, ActionFilter(team_lead_id=wang, owner_ids=(zhao,), priority=1)) == {
        "today 赵磊"
    }
    assert titles(team, ActionFilter(team_lead_id=wang, owner_ids=(li,))) == set()
    assert titles(team, ActionFilter(tag="#回款")) == {"overdue 王芳"}
    assert titles(team, ActionFilter(text="sunday")) == {"sunday 赵磊"}
    assert titles(team, ActionFilter(text="赵磊", bucket=DueBucket.WEEK)) == {
        "today 赵磊", "sunday 赵磊",
    }  # fmt: skip
    assert titles(team, ActionFilter(unassigned=True)) == {"nobody's"}
    waiting = ActionFilter(statuses=(ActionStatus.WAITING,))
    assert titles(team, waiting) == {"waiting 赵磊"}


def test_build_query_for_this_week_ends_on_sunday(team: Services) -> None:
    query = build_query(team, ActionFilter(bucket=DueBucket.WEEK))
    assert (query.due_on_or_after, query.due_before) == (TODAY, date(2026, 11, 30))


def test_builtin_views_for_me(team: Services) -> None:
    team._me_name = "王芳"
    views = Views(team)
    assert titles(team, views.resolve("mine").filter) == {"overdue 王芳"}
    assert titles(team, views.resolve("team").filter) == {
        "overdue 王芳", "today 赵磊", "sunday 赵磊", "waiting 赵磊",
    }  # fmt: skip
    assert titles(team, views.resolve("overdue").filter) == {"overdue 王芳"}
    assert titles(team, views.resolve("waiting").filter) == {"waiting 赵磊"}
    assert titles(team, views.resolve("unassigned").filter) == {"nobody's"}
    assert "done late" in titles(team, views.resolve("all").filter)
    assert "done late" not in titles(team, views.resolve(None).filter)  # all open
    assert views.resolve("person:3").name == "赵磊's items"
    assert [v.key for v in views.available()][:8] == [
        "mine", "overdue", "week", "check_ins", "waiting", "unassigned", "team", "escalated",
    ]  # fmt: skip


def test_views_that_need_me_say_so(services: Services) -> None:
    services.add_person("Li Ming")  # no director: no one is "me"
    views = Views(services)
    with pytest.raises(InvalidInput, match="Set me"):
        views.resolve("mine")
    assert "mine" not in [v.key for v in views.available()]
    with pytest.raises(NotFound):
        views.resolve("nonsense")


def test_saved_views_round_trip(team: Services) -> None:
    views = Views(team)
    wanted = ActionFilter(
        owner_ids=(2,), statuses=(ActionStatus.OPEN, ActionStatus.BLOCKED),
        bucket=DueBucket.OVERDUE, tag="回款", text="华东", sort="due",
    )  # fmt: skip
    saved = views.save("  华东  逾期 ", wanted)
    assert saved.key == "saved:华东 逾期"
    assert views.resolve("saved:华东 逾期").filter == wanted
    assert Views(team).saved() == {"华东 逾期": wanted}
    assert views.delete("华东 逾期") == wanted
    with pytest.raises(NotFound):
        views.resolve("saved:华东 逾期")
    with pytest.raises(InvalidInput):
        views.save("   ", wanted)


def test_a_damaged_setting_does_not_break_the_list(team: Services) -> None:
    team.store.set_setting(SAVED_VIEWS_KEY, "{not json")
    assert Views(team).saved() == {}
    assert len(Views(team).available()) == 10  # the built-in ones only


def test_open_statuses_default(team: Services) -> None:
    pager = ActionPager(team, ActionFilter(statuses=tuple(OPEN_STATUSES)))
    assert pager.total == 7
