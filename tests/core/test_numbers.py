"""The numbers review in the core: measurables, goals and values, and the scorecard's
figures checked against numbers worked out by hand.

Today is Fri 2026-11-27 (ISO week 48); the period under review is 2026-W47.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from salestui.core.boundary import is_guarded
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models.numbers import GoalSource, TrackStatus
from salestui.core.numbers import NumbersService
from salestui.core.numbers_amounts import format_amount, parse_amount, to_stored
from salestui.core.service import Services

D = Decimal


@pytest.fixture
def numbers(services: Services) -> NumbersService:
    """张伟 directs 营销部; 王芳 leads 华东 (Li Ming, 魏峰); 王刚 is in 华南."""
    services.add_person("张伟", role="director", team="营销部")
    services.add_person("王芳", role="lead", team="华东", reports_to="张伟")
    services.add_person("Li Ming", team="华东", reports_to="王芳")
    services.add_person("魏峰", team="华东", reports_to="王芳")
    services.add_person("王刚", team="华南", reports_to="张伟")
    return NumbersService(services)


def row_of(rows, measurable: str, owner: str):
    (found,) = [r for r in rows if r.measurable.name == measurable and r.owner.name == owner]
    return found


# -- exact numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("102.5", "102.5"),
        ("1,234.5", "1234.5"),
        ("１０２．５", "102.5"),
        (" -3.25 ", "-3.25"),
        ("12%", "12"),
        ("+7", "7"),
        (".5", "0.5"),
        ("0.0001", "0.0001"),
        (0.1, "0.1"),
        (42, "42"),
    ],
)
def test_amounts_are_read_exactly(text: object, number: str) -> None:
    assert parse_amount(text) == D(number)


@pytest.mark.parametrize("text", ["abc", "", "1e5", "1,23", "1.00001", "NaN", "1" * 16, True])
def test_what_is_not_an_exact_number_is_refused(text: object) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(text)


def test_amounts_are_stored_as_ten_thousandths_and_written_without_noise() -> None:
    assert to_stored(D("102.5")) == 1_025_000
    assert format_amount(D("120.000")) == "120"
    assert format_amount(D("1.2E+2")) == "120"
    assert format_amount(D("1234.5"), grouped=True) == "1,234.5"


def test_money_round_trips_exactly_and_sums_exactly_in_sql(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", unit="万元", owner="华东", goal="120")
    numbers.set_value("销售额", "2026-W47", "102.5", owner="王芳")
    numbers.set_value("销售额", "2026-W47", "0.1", owner="Li Ming")
    numbers.set_value("销售额", "2026-W47", "0.2", owner="魏峰")
    stored = numbers.value("销售额", "2026-W47", "王芳")
    assert stored is not None and str(stored.value) == "102.5"
    team = row_of(numbers.scorecard("2026-W47"), "销售额", "华东")
    assert team.actual == D("102.8") and team.current.rolled_up  # not 102.80000000000001
    assert team.variance == D("-17.2")
    assert team.variance_pct == D("-14.3")
    assert numbers.value("销售额", "2026-W47", "Li Ming").value == D("0.1")


# -- on or off track by direction -------------------------------------------------------------


def test_higher_is_better(numbers: NumbersService) -> None:
    numbers.add_measurable("回款", owner="王芳", goal="100")
    numbers.set_value("回款", "2026-W46", "100")
    numbers.set_value("回款", "2026-W47", "99.99")
    row = row_of(numbers.scorecard("2026-W47"), "回款", "王芳")
    assert row.status == TrackStatus.OFF_TRACK
    assert (row.variance, row.variance_pct) == (D("-0.01"), D("0"))
    assert row.history[-2].status == TrackStatus.ON_TRACK  # exactly the goal is on track


def test_lower_is_better(numbers: NumbersService) -> None:
    numbers.add_measurable("客户投诉", unit="单", owner="华东", direction="lower", goal="5")
    numbers.set_value("客户投诉", "2026-W46", "5")
    numbers.set_value("客户投诉", "2026-W47", "6")
    row = row_of(numbers.scorecard("2026-W47"), "客户投诉", "华东")
    assert row.status == TrackStatus.OFF_TRACK
    assert (row.variance, row.variance_pct) == (D("1"), D("20"))
    assert row.history[-2].status == TrackStatus.ON_TRACK


@pytest.mark.parametrize(
    ("actual", "status", "variance", "pct"),
    [
        ("95", TrackStatus.ON_TRACK, "0", "0"),
        ("90", TrackStatus.ON_TRACK, "0", "0"),
        ("110", TrackStatus.ON_TRACK, "0", "0"),
        ("85", TrackStatus.OFF_TRACK, "-5", "-5.6"),  # -5 / 90
        ("120", TrackStatus.OFF_TRACK, "10", "9.1"),  # 10 / 110
    ],
)
def test_a_band_is_on_track_between_its_bounds(
    numbers: NumbersService, actual: str, status: TrackStatus, variance: str, pct: str
) -> None:
    numbers.add_measurable("库存周转", owner="张伟", direction="band", goal="90..110")
    numbers.set_value("库存周转", "2026-W47", actual)
    row = row_of(numbers.scorecard("2026-W47"), "库存周转", "张伟")
    assert (row.goal.target, row.goal.high) == (D(90), D(110))
    assert row.status == status
    assert (row.variance, row.variance_pct) == (D(variance), D(pct))


def test_no_goal_and_no_value_are_their_own_statuses(numbers: NumbersService) -> None:
    numbers.add_measurable("拜访", owner="王芳")
    numbers.set_value("拜访", "2026-W47", "3", owner="Li Ming")
    rows = numbers.scorecard("2026-W47")
    assert row_of(rows, "拜访", "Li Ming").status == TrackStatus.NO_GOAL
    assert row_of(rows, "拜访", "王芳").status == TrackStatus.NO_VALUE  # the owner's row shows
    assert row_of(rows, "拜访", "Li Ming").variance is None


# -- which goal applies ----------------------------------------------------------------------


def test_goal_precedence(numbers: NumbersService) -> None:
    numbers.add_measurable("拜访", unit="家", goal="5")  # no owner: everyone's standing goal
    for person in ("Li Ming", "魏峰", "王刚"):
        numbers.set_value("拜访", "2026-W47", "4", owner=person)
    numbers.set_goal("拜访", None, "6", owner="魏峰")  # 魏峰's standing goal
    numbers.set_goal("拜访", "2026-W47", "7", owner="魏峰")  # ... and this week's
    numbers.set_goal("拜访", "2026-W46", "3", owner="王刚")
    rows = numbers.scorecard("2026-W47")
    li, wei = row_of(rows, "拜访", "Li Ming"), row_of(rows, "拜访", "魏峰")
    assert (li.goal.target, li.goal.source) == (D(5), GoalSource.STANDING)
    assert (wei.goal.target, wei.goal.source) == (D(7), GoalSource.PERIOD)
    assert (wei.history[-2].goal.target, wei.history[-2].goal.source) == (D(6), GoalSource.OWNER)
    wang = row_of(rows, "拜访", "王刚")
    assert wang.history[-2].goal.target == D(3) and wang.goal.target == D(5)
    team = row_of(rows, "拜访", "华东")  # members' goals added up: 5 + 7
    assert (team.goal.target, team.goal.source, team.actual) == (D(12), GoalSource.ROLLUP, D(8))
    numbers.set_goal("拜访", "2026-W47", "10", owner="华东")
    assert row_of(numbers.scorecard("2026-W47"), "拜访", "华东").goal.target == D(10)


def test_the_measurables_goal_is_its_owners_only(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", owner="华东", goal="100")
    numbers.set_value("销售额", "2026-W47", "60", owner="Li Ming")
    numbers.set_value("销售额", "2026-W47", "50", owner="魏峰")
    rows = numbers.scorecard("2026-W47")
    assert rows[0].owner.name == "华东"  # the owner's row first
    team = row_of(rows, "销售额", "华东")
    assert (team.goal.target, team.actual, team.status) == (D(100), D(110), TrackStatus.ON_TRACK)
    assert row_of(rows, "销售额", "Li Ming").goal is None


def test_a_team_figure_of_its_own_wins_and_rollups_can_average_or_be_off(
    numbers: NumbersService,
) -> None:
    numbers.add_measurable("毛利率", unit="%", rollup="average")
    numbers.add_measurable("库存", rollup="none")
    for person, margin in (("Li Ming", "30"), ("魏峰", "25.5"), ("王芳", "20")):
        numbers.set_value("毛利率", "2026-W47", margin, owner=person)
        numbers.set_value("库存", "2026-W47", "1", owner=person)
    rows = numbers.scorecard("2026-W47")
    assert row_of(rows, "毛利率", "华东").actual == D("25.1667")  # 75.5 / 3, four places
    assert not [r for r in rows if r.measurable.name == "库存" and r.owner.is_team]
    numbers.set_value("毛利率", "2026-W47", "24", owner="华东")
    team = row_of(numbers.scorecard("2026-W47"), "毛利率", "华东")
    assert team.actual == D(24) and not team.current.rolled_up


# -- the window and streaks ------------------------------------------------------------------


def test_thirteen_periods_oldest_first(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", owner="王芳", goal="10")
    numbers.set_value("销售额", "2026-W34", "1")  # fourteen weeks back: outside the window
    numbers.set_value("销售额", "2026-W35", "2")
    numbers.set_value("销售额", "2026-W40", "3")
    numbers.set_value("销售额", "2026-W48", "9")  # after the period reviewed
    row = row_of(numbers.scorecard(), "销售额", "王芳")
    assert row.period.key == "2026-W47"
    assert [p.period.key for p in row.history][:2] == ["2026-W35", "2026-W36"]
    assert len(row.history) == 13
    assert row.sparkline == [D(2), None, None, None, None, D(3), *[None] * 7]
    assert row.status == TrackStatus.NO_VALUE
    assert len(row_of(numbers.scorecard(window=4), "销售额", "王芳").history) == 4


def test_off_track_two_periods_running(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", unit="万元", goal="10")
    for person, figures in (
        ("王芳", ("8", "9", "7")),  # three running
        ("Li Ming", ("8", "12", "9")),  # once
        ("魏峰", ("8", "9", "12")),  # twice, but not now
    ):
        for week, figure in zip(("2026-W45", "2026-W46", "2026-W47"), figures, strict=True):
            numbers.set_value("销售额", week, figure, owner=person)
    rows = numbers.scorecard("2026-W47")
    assert row_of(rows, "销售额", "王芳").off_track_streak == 3
    assert row_of(rows, "销售额", "Li Ming").off_track_streak == 1
    assert row_of(rows, "销售额", "魏峰").off_track_streak == 0
    twice = numbers.off_track_twice("2026-W47")
    assert [(r.owner.name, r.off_track_streak) for r in twice] == [("王芳", 3)]
    # the team: 24 of 30, 30 of 30, 28 of 30 - never twice running
    assert [r.owner.name for r in numbers.off_track_twice("2026-W46")] == ["王芳", "魏峰"]


# -- filters and names ----------------------------------------------------------------------


def test_owner_and_team_filters(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", goal="10")
    for person in ("王芳", "Li Ming", "王刚"):
        numbers.set_value("销售额", "2026-W47", "5", owner=person)

    def owners(**filters: str) -> list[str]:
        return [r.owner.name for r in numbers.scorecard("2026-W47", **filters)]

    assert owners() == ["华东", "华南", "王芳", "Li Ming", "王刚"]
    assert owners(owner="Li Ming") == ["Li Ming"]
    assert owners(owner="华南") == ["华南"]
    assert owners(team="华东") == ["华东", "王芳", "Li Ming"]
    assert owners(team="张伟") == ["华东", "华南", "王芳", "Li Ming", "王刚"]  # his whole tree


def test_ambiguous_and_unknown_names_are_refused_and_change_nothing(
    numbers: NumbersService,
) -> None:
    numbers.add_measurable("销售额", goal="10")
    with pytest.raises(InvalidInput, match="ambiguous"):
        numbers.set_value("销售额", "2026-W47", "5", owner="wf")  # 王芳 or 魏峰
    with pytest.raises(InvalidInput, match="ambiguous"):
        numbers.set_value("销售额", "2026-W47", "5", owner="王")
    with pytest.raises(InvalidInput, match="No one and no team"):
        numbers.set_value("销售额", "2026-W47", "5", owner="赵磊")
    with pytest.raises(InvalidInput, match="Say whose"):
        numbers.set_value("销售额", "2026-W47", "5")  # no owner, and the measurable has none
    with pytest.raises(InvalidInput, match="not a number"):
        numbers.set_value("销售额", "2026-W47", "五", owner="王芳")
    with pytest.raises(InvalidInput, match="is a month"):
        numbers.set_value("销售额", "2026-11", "5", owner="王芳")
    assert numbers.values() == []
    numbers.set_value("销售额", "上周", "5", owner="wangf")  # full pinyin is unique
    assert [v.owner.name for v in numbers.values()] == ["王芳"]


def test_measurables_by_id_key_name_or_prefix(numbers: NumbersService) -> None:
    sales = numbers.add_measurable("销售额", key="sales")
    numbers.add_measurable("销售毛利", key="margin")
    numbers.add_measurable("Collections", key="cash")
    assert numbers.measurable(str(sales.id)).name == "销售额"
    assert numbers.measurable("SALES").name == "销售额"
    assert numbers.measurable("collections").name == "Collections"
    assert numbers.measurable("coll").name == "Collections"
    assert numbers.measurable("销售毛").name == "销售毛利"
    with pytest.raises(InvalidInput, match="ambiguous"):
        numbers.measurable("销售")
    with pytest.raises(InvalidInput, match="No measurable"):
        numbers.measurable("回款")
    with pytest.raises(InvalidInput, match="No measurable with id"):
        numbers.measurable(99)
    assert [m.name for m in numbers.measurables()] == ["销售额", "销售毛利", "Collections"]


def test_adding_and_editing_measurables_checks_everything(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", key="sales", unit="万元")
    for values, message in (
        ({"name": "销售额"}, "already exists"),
        ({"name": "SALES"}, "already exists"),  # a name may not be another's key
        ({"name": "回款", "key": "sales"}, "taken"),
        ({"name": "回款", "key": "12"}, "cannot be a number"),
        ({"name": "回款", "direction": "up"}, "Unknown direction"),
        ({"name": "回款", "period": "year"}, "Unknown period"),
        ({"name": "回款", "direction": "band", "goal": "90"}, "low and a high"),
        ({"name": "回款", "direction": "band", "goal": "110..90"}, "above its high"),
        ({"name": "回款", "goal": "1", "goal_high": "2"}, "Only a band"),
        ({"name": "", "unit": "元"}, "must not be empty"),
        ({"name": "回款", "owner": "赵磊"}, "No one and no team"),
    ):
        with pytest.raises(InvalidInput, match=message):
            numbers.add_measurable(**values)
    assert len(numbers.measurables()) == 1
    numbers.set_value("sales", "2026-W47", "1", owner="王芳")
    with pytest.raises(InvalidInput, match="period cannot change"):
        numbers.edit_measurable("sales", period="month")
    with pytest.raises(InvalidInput, match="Unknown field"):
        numbers.edit_measurable("sales", colour="red")
    edited = numbers.edit_measurable("sales", name="销售收入", owner="华东", goal="120")
    assert (edited.name, edited.team, edited.goal) == ("销售收入", "华东", D(120))
    hidden = numbers.edit_measurable("sales", active=False)
    assert not hidden.active and numbers.measurables() == []
    assert [m.name for m in numbers.measurables(include_inactive=True)] == ["销售收入"]


# -- what the meeting sets and decides -------------------------------------------------------


def test_next_periods_goal_set_in_a_meeting_is_the_next_reviews_plan(
    numbers: NumbersService, services: Services
) -> None:
    meeting = services.new_meeting(title="周例会", purpose="回顾上周业绩", kind="weekly")
    numbers.add_measurable("销售额", owner="王芳", goal="100")
    review, target = numbers.review_period(), numbers.review_period().next()
    assert (review.key, target.key) == ("2026-W47", "2026-W48")
    numbers.set_goal("销售额", target, "120", meeting_id=meeting.id, source="meeting")
    numbers.set_value("销售额", target, "130", source="meeting", meeting_id=meeting.id)
    row = row_of(numbers.scorecard(target), "销售额", "王芳")
    assert (row.goal.target, row.goal.source, row.actual) == (D(120), GoalSource.PERIOD, D(130))
    stored = numbers.value("销售额", target)
    assert stored.source.value == "meeting" and stored.goal.target == D(120)
    with pytest.raises(NotFound):
        numbers.set_goal("销售额", target, "1", meeting_id=999)


def test_a_countermeasure_is_an_action_linked_to_the_missed_number(
    numbers: NumbersService, services: Services
) -> None:
    numbers.add_measurable("回款", unit="万元", owner="Li Ming", goal="50")
    numbers.set_value("回款", "2026-W47", "31.5")
    made = numbers.add_countermeasure(
        "回款", "2026-W47", "两张发票有争议", title="与客户财务核对发票",
        action_owners=["Li Ming"],
    )  # fmt: skip
    action = services.action(made.action_id)
    assert action.title == "与客户财务核对发票" and action.owner_ids == [made.owner.person_id]
    assert (made.cause, made.period, made.owner.name) == ("两张发票有争议", "2026-W47", "Li Ming")
    row = row_of(numbers.scorecard("2026-W47"), "回款", "Li Ming")
    assert [c.action_title for c in row.countermeasures] == ["与客户财务核对发票"]
    other = services.add_action("催收第二张发票", owners=["Li Ming"])
    linked = numbers.add_countermeasure("回款", "2026-W47", "", action_id=other.id)
    assert linked.action_id == other.id and linked.cause == ""
    before = services.count_actions(services.action_query())
    with pytest.raises(InvalidInput, match="already a countermeasure"):
        numbers.add_countermeasure("回款", "2026-W47", "again", action_id=other.id)
    with pytest.raises(NotFound):
        numbers.add_countermeasure("回款", "2026-W47", "x", action_id=999)
    with pytest.raises(InvalidInput):
        numbers.add_countermeasure("回款", "2026-W47", "x")  # neither action nor title
    with pytest.raises(InvalidInput):
        numbers.add_countermeasure("回款", "2026-W47", "x", title="对策", action_owners=["赵"])
    assert services.count_actions(services.action_query()) == before
    assert len(numbers.countermeasures("回款")) == 2


def test_every_change_is_logged_with_what_it_replaced(numbers: NumbersService) -> None:
    numbers.add_measurable("销售额", owner="王芳")
    numbers.set_value("销售额", "2026-W47", "10")
    numbers.set_value("销售额", "2026-W47", "10")  # the same again: nothing to log
    numbers.set_value("销售额", "2026-W47", "12.5")
    numbers.set_value("销售额", "2026-W47", None)
    numbers.set_goal("销售额", "2026-W47", "20")
    log = numbers.store.number_log(numbers.measurable("销售额").id)
    assert [(r["kind"], r["old"], r["new"]) for r in log] == [
        ("value", None, 100_000),
        ("value", 100_000, 125_000),
        ("value", 125_000, None),
        ("goal", None, 200_000),
    ]
    assert {r["changed_by_name"] for r in log} == {"张伟"} and numbers.values() == []


def test_every_public_operation_passes_the_storage_boundary() -> None:
    names = [
        n
        for cls in NumbersService.__mro__
        if cls.__module__.startswith("salestui.core.numbers")
        for n, v in vars(cls).items()
        if not n.startswith("_") and callable(v) and not isinstance(v, type)
    ]
    assert len(names) > 15
    unguarded = [n for n in names if not any(is_guarded(c, n) for c in NumbersService.__mro__)]
    assert unguarded == []
