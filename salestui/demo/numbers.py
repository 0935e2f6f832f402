"""The demo's figures (rule 十二 计数管理): thirteen weeks of sales, collections and new
customers visited for every salesperson, the department's totals, a marketing measurable in
English, the goals set in each 周例会, and the countermeasures decided for the misses.

The teams' figures are their members' rolled up (each measurable sums). Every number comes
from the ``rng`` given (a stream of its own: the rest of the demo is the same with or
without it) and every moment from the build's clock. Written through the store's typed
methods, inside the demo's transaction; only the base organisation gets numbers, never
the ``--scale`` rows.

The weekly meeting held in week k reviews week k-1 and sets the goals of week k, which the
next meeting reviews. Scripted misses: 周杰's sales three weeks running, David Li's
collections and 何军's visits two weeks running, Emily Zhang's leads last week.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from salestui.core.models import ActionItem, ActionStatus, Entry, EntryKind
from salestui.core.models.numbers import Measurable, Rollup
from salestui.core.numbers_amounts import to_stored
from salestui.core.periods import Period, PeriodKind, period_of
from salestui.core.store import Store
from salestui.demo import data as data
from salestui.demo.state import BuildState

WEEKS = 13
SALESPEOPLE = (
    "王芳",
    "赵磊",
    "孙丽",
    "周杰",
    "李明",
    "钱进",
    "David Li",
    "郑雪",
    "刘洋",
    "何军",
    "林静",
)
MARKETING = ("Sarah Chen", "黄婷", "Emily Zhang")
DEPARTMENT = "营销部"

# key: (name, unit, owner team, standing goal, description)
MEASURABLES: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "sales": ("销售额", "万元", DEPARTMENT, "250", "每周含税销售额 / weekly sales incl. VAT"),
    "collections": ("回款", "万元", DEPARTMENT, "210", "每周实际到账回款 / cash collected"),
    "visits": ("新客户拜访", "家", None, "5", "每人每周拜访新客户数 / new customers visited"),
    "leads": ("Qualified leads", "leads", "市场部", "40", "Marketing-qualified leads a week"),
}
# Weekly sales goal (万元) of each salesperson; collections are 85 % of it.
SALES_GOAL = {
    "王芳": 30,
    "李明": 30,
    "刘洋": 28,
    "钱进": 24,
    "赵磊": 22,
    "孙丽": 22,
    "周杰": 20,
    "David Li": 20,
    "郑雪": 18,
    "何军": 18,
    "林静": 16,
}
LEADS_GOAL = {"Sarah Chen": 10, "黄婷": 15, "Emily Zhang": 15}
# (person, measurable key) -> the factor of the goal reached in the last weeks (newest last)
MISSES: dict[tuple[str, str], tuple[float, ...]] = {
    ("周杰", "sales"): (0.72, 0.64, 0.58),
    ("David Li", "collections"): (0.70, 0.62),
    ("何军", "visits"): (0.4, 0.4),
    ("Emily Zhang", "leads"): (0.6,),
}
FORM = {"钱进": 1.12, "王芳": 1.08, "李明": 1.06, "林静": 0.95, "郑雪": 0.97}  # the rest 1.04

# Countermeasures decided in the meeting that reviewed the miss: (person, measurable key,
# weeks back of the missed week, cause, action title, status).
COUNTERMEASURES: tuple[tuple[str, str, int, str, str, ActionStatus], ...] = (
    (
        "周杰",
        "sales",
        3,
        "两家老客户订单推迟到下月",
        "与瑞丰科技确认下月订单并锁定交期",
        ActionStatus.DONE,
    ),
    (
        "周杰",
        "sales",
        2,
        "新品报价偏高，客户转向竞品",
        "提交新品价格调整申请，附竞品对比",
        ActionStatus.IN_PROGRESS,
    ),
    (
        "David Li",
        "collections",
        2,
        "Two invoices disputed by the customer's finance team",
        "Resolve the disputed invoices with 长江化工 finance",
        ActionStatus.OPEN,
    ),
    (
        "何军",
        "visits",
        2,
        "本月主要精力放在老客户续约",
        "每周二、周四固定安排新客户拜访",
        ActionStatus.OPEN,
    ),
)


@dataclass
class _Week:
    period: Period
    entered: datetime  # Monday after the week, 10:00
    meeting_id: int | None  # the 周例会 held in the week (it set the week's goals)
    review_meeting_id: int | None  # the 周例会 of the next week (it reviewed this one)


class NumbersWriter:
    def __init__(self, state: BuildState, rng: random.Random) -> None:
        self.state = state
        self.store: Store = state.store
        self.rng = rng
        self.ids = state.ids
        self.ids_measurable: dict[str, int] = {}

    def write(self) -> None:
        weeks = self._weeks()
        self._measurables()
        self._standing_goals()
        department: dict[str, dict[str, Decimal]] = {"sales": {}, "collections": {}}
        for index, week in enumerate(weeks):
            back = len(weeks) - index  # 13 .. 1 weeks before this one
            self._week(week, back, department)
        director = self.ids[data.DEPUTY]
        for key, totals in department.items():
            for period, total in totals.items():
                self.store.set_value(
                    self.ids_measurable[key],
                    period,
                    (None, DEPARTMENT),
                    to_stored(total),
                    weeks[-1].entered,
                    director,
                    "import",
                )
        self._countermeasures(weeks)

    # -- calendar ------------------------------------------------------------------------------

    def _weeks(self) -> list[_Week]:
        this = period_of(self.state.today, PeriodKind.WEEK)
        held = {}
        for meeting in self.state.held.get(self.state.series.get("weekly", -1), []):
            held[period_of(meeting.start.date(), PeriodKind.WEEK).key] = meeting.meeting_id
        found = []
        for period in this.previous().window(WEEKS):
            entered = self.state.local(period.end + timedelta(days=1), 10)
            found.append(_Week(period, entered, held.get(period.key), held.get(period.next().key)))
        return found

    # -- measurables and goals -----------------------------------------------------------------

    def _measurables(self) -> None:
        for key, (name, unit, team, goal, description) in MEASURABLES.items():
            existing = [m for m in self.store.list_measurables(False) if m.name == name]
            if existing and existing[0].id is not None:  # `demo --force`: reused as it is
                self.ids_measurable[key] = existing[0].id
                continue
            added = self.store.add_measurable(
                Measurable(
                    name=name,
                    key=key,
                    unit=unit,
                    team=team,
                    goal=Decimal(goal) if goal else None,
                    rollup=Rollup.SUM,
                    description=description,
                    created_by=self.ids[data.DEPUTY],
                ),
                self.state.history_start,
            )
            assert added.id is not None
            self.ids_measurable[key] = added.id

    def _standing_goals(self) -> None:
        """Each salesperson's standing sales and collections goal, each marketer's leads."""
        at, by = self.state.history_start, self.ids[data.DEPUTY]
        for name, goal in SALES_GOAL.items():
            owner = (self.ids[name], None)
            for key, amount in (("sales", goal), ("collections", goal * 85 // 100)):
                self.store.set_goal(
                    self.ids_measurable[key], "*", owner, (to_stored(Decimal(amount)), None), at, by
                )
        for name, goal in LEADS_GOAL.items():
            self.store.set_goal(
                self.ids_measurable["leads"],
                "*",
                (self.ids[name], None),
                (to_stored(Decimal(goal)), None),
                at,
                by,
            )

    def _goal(self, name: str, key: str, week: _Week) -> Decimal:
        """The week's goal: the standing one, or what the week's meeting set (a little
        above or below it, as the quarter goes)."""
        base = Decimal(SALES_GOAL.get(name, 0))
        if key == "collections":
            base = Decimal(int(base) * 85 // 100)
        elif key == "visits":
            base = Decimal(5)
        elif key == "leads":
            base = Decimal(LEADS_GOAL[name])
        if week.meeting_id is None or key in ("visits", "leads"):
            return base
        return base + Decimal(self.rng.choice((-2, 0, 0, 1, 2, 3)))

    # -- values --------------------------------------------------------------------------------

    def _week(self, week: _Week, back: int, department: dict[str, dict[str, Decimal]]) -> None:
        for name in (*SALESPEOPLE, *MARKETING):
            keys = ("leads",) if name in MARKETING else ("sales", "collections", "visits")
            for key in keys:
                goal = self._goal(name, key, week)
                if week.meeting_id is not None and key in ("sales", "collections"):
                    self.store.set_goal(
                        self.ids_measurable[key],
                        week.period.key,
                        (self.ids[name], None),
                        (to_stored(goal), None),
                        self._meeting_moment(week),
                        self._chair(),
                        week.meeting_id,
                        "meeting",
                    )
                value = self._value(name, key, goal, back)
                if key in department:
                    totals = department[key]
                    totals[week.period.key] = totals.get(week.period.key, Decimal(0)) + value
                lead = self.state.people[self.ids[name]].reports_to or self.ids[name]
                self.store.set_value(
                    self.ids_measurable[key],
                    week.period.key,
                    (self.ids[name], None),
                    to_stored(value),
                    week.entered,
                    lead,
                    "tui",
                )

    def _value(self, name: str, key: str, goal: Decimal, back: int) -> Decimal:
        misses = MISSES.get((name, key), ())
        if back <= len(misses):
            factor = misses[len(misses) - back]
        else:
            factor = FORM.get(name, 1.04) * self.rng.gauss(1.0, 0.1)
        if key in ("visits", "leads"):
            return Decimal(max(0, round(float(goal) * factor)))
        return Decimal(str(round(max(0.0, float(goal) * factor), 1)))

    def _meeting_moment(self, week: _Week) -> datetime:
        return (
            self.state.local(week.period.start, 9)
            if week.meeting_id is None
            else next(
                m.start
                for m in self.state.held[self.state.series["weekly"]]
                if m.meeting_id == week.meeting_id
            )
            + timedelta(minutes=55)
        )

    def _chair(self) -> int:
        return self.ids[data.DIRECTOR]

    # -- countermeasures -----------------------------------------------------------------------

    def _countermeasures(self, weeks: list[_Week]) -> None:
        for name, key, back, cause, title, status in COUNTERMEASURES:
            week = weeks[len(weeks) - back]
            meeting_id = week.review_meeting_id
            at = self.state.local(week.period.end + timedelta(days=1), 16)
            item_id = entry_id = None
            if meeting_id is not None:
                at = self._review_moment(meeting_id)
                item_id, entry_id = self._said(meeting_id, key, week, cause, title, at)
            owner = self.ids[name]
            done = at + timedelta(days=4) if status == ActionStatus.DONE else None
            action = self.store.add_action(
                ActionItem(
                    title=title,
                    owner_ids=[owner],
                    due=_due(at.date()),
                    priority=1,
                    status=status,
                    meeting_id=meeting_id,
                    agenda_item_id=item_id,
                    entry_id=entry_id,
                    created_at=at,
                    completed_at=done,
                    tags=["对策"],
                ),
                done or at,
            )
            assert action.id is not None
            self.store.add_countermeasure(
                self.ids_measurable[key], week.period.key, (owner, None), action.id, cause,
                at, self._chair(), meeting_id,
            )  # fmt: skip

    def _said(
        self, meeting_id: int, key: str, week: _Week, cause: str, title: str, at: datetime
    ) -> tuple[int | None, int | None]:
        """The cause as a note and the countermeasure as an action line, on the meeting's
        问题与对策 item: (the item's id, the action entry's id)."""
        items = self.store.list_agenda(meeting_id)
        item_id = next((i.id for i in items if i.title == "问题与对策"), None)
        name = MEASURABLES[key][0]
        for kind, text in (
            (EntryKind.NOTE, f"{name} {week.period.key}: {cause}"),
            (EntryKind.ACTION, title),
        ):
            saved = self.store.add_entry(
                Entry(meeting_id=meeting_id, agenda_item_id=item_id, kind=kind, text=text,
                      person_id=self._chair(), at=at)
            )  # fmt: skip
        return item_id, saved.id

    def _review_moment(self, meeting_id: int) -> datetime:
        start = next(
            m.start
            for m in self.state.held[self.state.series["weekly"]]
            if m.meeting_id == meeting_id
        )
        return start + timedelta(minutes=50)


def _due(day: date) -> date:
    """A week after the meeting, on a workday."""
    due = day + timedelta(days=7)
    while due.weekday() >= 5:
        due += timedelta(days=1)
    return due


def add_demo_numbers(state: BuildState, rng: random.Random) -> None:
    """Write the demo's measurables, goals, values and countermeasures."""
    NumbersWriter(state, rng).write()
