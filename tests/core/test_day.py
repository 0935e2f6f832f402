"""Activity plans and daily reports (issue 18, 行动报告制): plans up to a week ahead,
reports on the plan's row, next steps as actions, one undo for all of it, and the daily
meeting's team day (morning: the plan; evening: plan vs actual and what went unreported)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from salestui.core.clock import FixedClock
from salestui.core.day import DayService
from salestui.core.day_capture import DayKind, parse_day_line
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.models.day import VisitOutcome
from salestui.core.service import Services


@pytest.fixture
def team(services: Services) -> Services:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("赵磊", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    services.set_me("赵磊")
    return services


def at(clock: FixedClock, moment: datetime) -> None:
    clock._at = moment  # the test's clock moves to the next day


def test_plan_report_and_plan_vs_actual(team: Services) -> None:
    day = DayService(team)
    tomorrow = team.clock.today() + timedelta(days=1)
    day.plan("华联超市", "回款对账", tomorrow, "12")
    day.plan("永辉", "新品陈列", tomorrow)
    day.plan("Acme", "demo", tomorrow, 5)
    with pytest.raises(InvalidInput):
        day.plan("Too far", "", team.clock.today() + timedelta(days=8))
    with pytest.raises(InvalidInput):
        day.plan("Past", "", team.clock.today() - timedelta(days=1))
    with pytest.raises(InvalidInput):
        day.report("华联超市", day=tomorrow)  # not before the day
    me = day.person()
    plan = day.my_day(me, tomorrow)
    assert [v.customer for v in plan.planned] == ["华联超市", "永辉", "Acme"]
    assert plan.tally.planned_amount == Decimal(17)


def test_report_goes_on_the_plan_else_a_new_visit(team: Services) -> None:
    day = DayService(team)
    day.plan("华联超市", "回款对账", amount=12)
    visit = day.report("华联超市", result="已对账", collection="12")
    assert visit.planned and visit.purpose == "回款对账" and visit.collection_amount == 12
    extra = day.report("新客户", result="cold call", order=3)
    assert not extra.planned
    mine = day.my_day(day.person())
    tally = mine.tally
    assert (tally.planned, tally.made, tally.reported) == (1, 2, 2)
    assert tally.reported_amount == Decimal(15)


def test_bad_amounts_and_outcomes_change_nothing(team: Services) -> None:
    day = DayService(team)
    for bad in ("abc", "-3", "1.23456"):
        with pytest.raises(InvalidInput):
            day.plan("华联超市", amount=bad)
    with pytest.raises(InvalidInput):
        day.report("华联超市", outcome="maybe")
    with pytest.raises(InvalidInput):
        day.plan("", "empty customer")
    assert day.my_day(day.person()).visits == []


def test_every_change_is_one_undoable_step(team: Services) -> None:
    day = DayService(team)
    day.plan("华联超市", "回款对账")
    day.report("华联超市", result="已对账", next_step="送样品")
    undone = team.journal.undo()
    assert "华联超市" in undone.summary
    [visit] = day.my_day(day.person()).visits
    assert visit.outcome is None and visit.planned  # the report is taken back, the plan stays
    team.journal.undo()
    assert day.my_day(day.person()).visits == []


def test_next_step_becomes_an_action_once(team: Services) -> None:
    day = DayService(team)
    friday = team.clock.today() + timedelta(days=7)
    visit = day.capture(f"/r 华联超市 已对账 回款 12 万 下一步: {friday.isoformat()} 送样品")
    assert visit.next_due == friday and visit.next_step == "送样品"
    assert visit.id is not None
    action = day.make_action(visit.id)
    assert action.title == "华联超市: 送样品" and action.due == friday
    assert action.owner_ids == [day.person().id]
    with pytest.raises(Conflict):
        day.make_action(visit.id)
    team.journal.undo()  # the action and the link go together
    assert day.visit(visit.id).action_id is None
    assert action.id is not None and team.store.get_action(action.id) is None


def test_capture_grammar() -> None:
    from datetime import date

    today = date(2026, 11, 27)
    plan = parse_day_line("/v 明天 华联超市 回款对账 预计 12 万", today)
    assert plan.kind is DayKind.PLAN and plan.day == date(2026, 11, 28)
    assert (plan.customer, plan.text, plan.planned_amount) == ("华联超市", "回款对账", 12)
    report = parse_day_line("/r 华联超市 已对账 回款 12 万", today)
    assert report.kind is DayKind.REPORT and report.collection_amount == 12
    assert report.text == "已对账" and report.outcome is VisitOutcome.VISITED
    missed = parse_day_line('/report "Acme Corp" missed buyer away order 3 next: call tue', today)
    assert missed.customer == "Acme Corp" and missed.outcome is VisitOutcome.NOT_REACHED
    assert missed.order_amount == 3 and missed.next_step == "call"
    assert missed.next_due == date(2026, 12, 1)
    assert parse_day_line("计划：永辉 新品", today).customer == "永辉"
    assert parse_day_line("/v 明天百货 进货", today).customer == "明天百货"  # glued: a name
    assert parse_day_line("/r 华联 回款 5000元", today).collection_amount == Decimal("0.5")
    for bad in ("", "hello", "/x 华联", "/v", "/r a 回款 1 回款 2", "/r a next:"):
        with pytest.raises(InvalidInput):
            parse_day_line(bad, today)


def test_customers_complete_from_earlier_entries(team: Services) -> None:
    day = DayService(team)
    day.plan("华联超市", "a")
    day.plan("华联二店", "b")
    day.report("Acme Corp", result="x")
    assert day.customers("华联") == ["华联二店", "华联超市"]
    assert day.customers("acme") == ["Acme Corp"]
    assert day.customers("") == []


def test_unreported_visits_are_flagged_the_next_morning(team: Services, clock) -> None:
    day = DayService(team)
    day.plan("华联超市", "回款对账")
    day.plan("永辉", "新品")
    day.report("永辉", result="ok")
    at(clock, clock.now() + timedelta(days=1))
    flagged = day.my_day(day.person()).unreported_earlier
    assert [v.customer for v in flagged] == ["华联超市"]


def test_daily_meetings_show_plan_then_plan_vs_actual(team: Services, clock) -> None:
    """Done when: 赵磊 plans three visits for tomorrow and reports two; the lead's morning
    meeting shows the plan, the evening one plan vs actual with the unreported visit; an
    instruction becomes an action for him."""
    day = DayService(team)
    tomorrow = team.clock.today() + timedelta(days=1)
    for customer in ("华联超市", "永辉", "Acme"):
        day.plan(customer, "拜访", tomorrow, 10)
    morning_at = datetime.combine(tomorrow, datetime.min.time()).replace(
        hour=8, tzinfo=clock.now().tzinfo
    )
    at(clock, morning_at)
    team.set_me("王芳")
    morning = team.new_meeting("早会", "今日计划", MeetingKind.DAILY, morning_at, 15, chair="王芳")
    team.invite(morning.id, ["赵磊", "Li Ming"])
    live = LiveMeeting(team)
    live.start(morning.id)
    live.capture(morning.id, "/a @赵磊 明天 带上新品报价单")
    live.capture(morning.id, "/n @赵磊 华联先谈回款")
    board = DayService(team).meeting_day(morning.id)
    assert not board.evening
    zhao = board.people[0] if board.people[0].person.name == "赵磊" else board.people[1]
    assert [v.customer for v in zhao.planned] == ["华联超市", "永辉", "Acme"]
    assert [a.title for a in zhao.actions] == ["带上新品报价单"]
    assert zhao.actions[0].owner_ids == [zhao.person.id]
    assert [n.text for n in zhao.notes] == ["@赵磊 华联先谈回款"]
    live.end(morning.id)

    team.set_me("赵磊")
    at(clock, morning_at.replace(hour=17))
    day = DayService(team)
    day.report("华联超市", result="已对账", collection=8)
    day.report("永辉", outcome="postponed", result="改到周一")
    team.set_me("王芳")
    evening = team.new_meeting("夕会", "今日报告", MeetingKind.DAILY, clock.now(), 15, chair="王芳")
    team.invite(evening.id, ["赵磊"])
    board = DayService(team).meeting_day(evening.id)
    assert board.evening
    [zhao] = board.people
    tally = zhao.tally
    assert (tally.planned, tally.made, tally.reported, tally.unreported) == (3, 1, 2, 1)
    assert tally.planned_amount == 30 and tally.reported_amount == 8
    assert [v.customer for v in zhao.visits if not v.reported] == ["Acme"]


def test_a_known_customer_of_several_words_needs_no_quotes(team: Services) -> None:
    day = DayService(team)
    day.plan("Acme Trading", "demo")
    visit = day.capture("/r Acme Trading met the buyer order 2")
    assert visit.planned and visit.customer == "Acme Trading" and visit.result == "the buyer"
    assert day.capture("/r acme trading later again").customer == "Acme Trading"


def test_demo_has_two_weeks_of_plans_and_reports(services: Services, clock) -> None:
    from salestui.demo import generate_demo

    generate_demo(services.store, clock, seed=1)
    rows = services.store.db.execute(
        "SELECT p.team, min(v.day), max(v.day), count(*), sum(v.outcome IS NOT NULL) "
        "FROM visits v JOIN people p ON p.id = v.person_id GROUP BY p.team ORDER BY p.team"
    ).fetchall()
    today = clock.today()
    assert {team for team, *_rest in rows} == {"华东大区", "销售一部", "销售二部"}
    for _team, first, last, count, reported in rows:
        assert first <= (today - timedelta(days=13)).isoformat() and last > today.isoformat()
        assert 0 < reported < count  # past days reported, today's and later only planned
    zhao = services.find_person("赵磊")
    day = DayService(services).my_day(zhao)
    assert day.planned and len(day.unreported_earlier) == 1  # the morning's flag
