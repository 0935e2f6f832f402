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
    # this week is the next 7 days (today and 6 more), as the digest counts them
    assert bucket(DueBucket.WEEK) == {"today 赵磊", "nobody's", "sunday 赵磊", "next week Li"}
    assert bucket(DueBucket.LATER) == {"waiting 赵磊"}
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


def test_build_query_for_this_week_is_the_next_7_days(team: Services) -> None:
    query = build_query(team, ActionFilter(bucket=DueBucket.WEEK))
    assert (query.due_on_or_after, query.due_before) == (TODAY, date(2026, 12, 4))
    later = build_query(team, ActionFilter(bucket=DueBucket.LATER))
    assert later.due_on_or_after == date(2026, 12, 4)


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
    assert [v.key for v in views.available()][:9] == [
        "mine", "overdue", "week", "check_ins", "waiting", "blocked", "unassigned", "team",
        "escalated",
    ]  # fmt: skip


def test_a_lead_sees_the_scoped_views_for_their_team_and_can_widen_them(team: Services) -> None:
    team.add_action("li overdue", ["Li Ming"], TODAY - timedelta(days=1))
    blocked = team.add_action("blocked 赵磊", ["赵磊"], TODAY + timedelta(days=3))
    team.set_status(blocked.id, "blocked", note="合同")
    team.set_me("王芳")
    views = Views(team)
    assert views.leads()
    overdue = views.resolve("overdue")
    assert overdue.name == "Overdue · my team"
    assert titles(team, overdue.filter) == {"overdue 王芳"}  # not Li Ming's
    department = views.other_scope(overdue)
    assert department is not None and department.key == "overdue:all"
    assert department.name == "Overdue · department"
    assert titles(team, department.filter) == {"overdue 王芳", "li overdue"}
    assert views.other_scope(department) == overdue
    assert titles(team, views.resolve("blocked").filter) == {"blocked 赵磊"}
    week = views.resolve("week")
    assert week.name == "Due this week · my team"
    assert "next week Li" not in titles(team, week.filter)
    assert "next week Li" in titles(team, views.resolve("week:all").filter)
    assert views.other_scope(views.resolve("mine")) is None  # not a scoped view
    assert {v.key: v.name for v in views.available()}["waiting"] == "Waiting on others · my team"
    # someone with no one under them sees the department's list, named plainly
    team.set_me("赵磊")
    plain = Views(team)
    assert not plain.leads()
    assert plain.resolve("overdue").name == "Overdue"
    assert titles(team, plain.resolve("overdue").filter) == {"overdue 王芳", "li overdue"}
    assert plain.other_scope(plain.resolve("overdue")) is None


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
    assert len(Views(team).available()) == 11  # the built-in ones only


def test_open_statuses_default(team: Services) -> None:
    pager = ActionPager(team, ActionFilter(statuses=tuple(OPEN_STATUSES)))
    assert pager.total == 7
