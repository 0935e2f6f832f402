"""The demo's activity plans and daily reports (rule 十五 行动报告制): two weeks of
visits for the salespeople of the sales teams - planned the day before, reported on the
day (most of them) - today's plan, and plans for the days ahead.

A stream of its own (``random.Random``) so the rest of the demo stays as it was; every
moment derives from the build's clock. The last working day keeps one planned visit unreported, so
the morning flag has something to show.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from salestui.core.models.day import Visit, VisitOutcome
from salestui.demo.state import BuildState

DAYS_BACK = 14
DAYS_AHEAD = 3
TEAMS = ("销售一部", "销售二部", "华东大区")
CUSTOMERS = (
    "华联超市", "永辉超市", "物美", "大润发", "家乐福", "沃尔玛", "苏宁易购", "国美电器",
    "瑞丰科技", "长江化工", "明珠家电", "天成建材", "远东物流", "华润万家", "联华超市",
)  # fmt: skip
PURPOSES = (
    "回款对账", "新品推介", "陈列检查", "签订年度合同", "处理投诉", "促销方案沟通",
    "收集竞品信息", "催收应收账款", "样品试用回访",
)  # fmt: skip
RESULTS = (
    "已对账，下周付款", "客户有意向，等报价", "陈列已调整", "合同条款基本谈妥", "投诉已处理",
    "促销档期定在月底", "竞品降价 5%", "老板不在，采购接待", "样品反馈良好",
)  # fmt: skip
NEXT_STEPS = ("发送报价单", "送样品", "跟进付款", "安排技术交流", "寄合同", "")
MISSED = ("老板出差", "客户临时开会", "仓库盘点，改日再去")


def _workday_before(day: date) -> date:
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


class DayWriter:
    def __init__(self, state: BuildState, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        self.store = state.store

    def salespeople(self) -> list[int]:
        return [
            person.id
            for person in self.state.people.values()
            if person.team in TEAMS and person.id is not None
        ]

    def write(self) -> None:
        today = self.state.today
        for person_id in self.salespeople():
            for back in range(DAYS_BACK, -DAYS_AHEAD - 1, -1):
                day = today - timedelta(days=back)
                if day.weekday() < 5:
                    self._day(person_id, day, today)

    def _day(self, person_id: int, day: date, today: date) -> None:
        rng = self.rng
        planned_at = self.state.local(day - timedelta(days=1), 18)
        customers = rng.sample(CUSTOMERS, rng.randint(2, 4))
        for number, customer in enumerate(customers):
            amount = Decimal(rng.randrange(2, 40)) if rng.random() < 0.6 else None
            visit = Visit(
                person_id=person_id, day=day, customer=customer,
                purpose=rng.choice(PURPOSES), planned_amount=amount,
                created_at=min(planned_at, self.state.now),
            )  # fmt: skip
            report_at = self.state.local(day, 17, 30)
            unreported = day == _workday_before(today) and number == len(customers) - 1
            if report_at <= self.state.now and not unreported:
                visit = self._reported(visit, report_at)
            self.store.add_visit(visit, person_id)
        if day < today and rng.random() < 0.25:  # a visit made without a plan
            report_at = self.state.local(day, 17, 40)
            extra = Visit(person_id=person_id, day=day, customer=rng.choice(CUSTOMERS),
                          planned=False, created_at=report_at)  # fmt: skip
            self.store.add_visit(self._reported(extra, report_at), person_id)

    def _reported(self, visit: Visit, at: datetime) -> Visit:
        rng = self.rng
        roll = rng.random()
        outcome = (
            VisitOutcome.VISITED if roll < 0.78
            else VisitOutcome.NOT_REACHED if roll < 0.9 else VisitOutcome.POSTPONED
        )  # fmt: skip
        values: dict[str, object] = {"outcome": outcome, "reported_at": at}
        if outcome is VisitOutcome.VISITED:
            values["result"] = rng.choice(RESULTS)
            if rng.random() < 0.35:
                values["order_amount"] = Decimal(rng.randrange(1, 30))
            if rng.random() < 0.4:
                values["collection_amount"] = Decimal(rng.randrange(1, 50)) / 2
            values["next_step"] = rng.choice(NEXT_STEPS)
        else:
            values["result"] = rng.choice(MISSED)
        return visit.model_copy(update=values)


def add_demo_day(state: BuildState, rng: random.Random) -> None:
    """Write the demo's visit plans and reports."""
    DayWriter(state, rng).write()
