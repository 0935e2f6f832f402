"""Activity plans and daily reports (rule 十五 行动报告制): a visit, planned ahead and
reported on the day, and what the "My day" screen and the daily meeting read.

Amounts are ``Decimal`` in 万元 everywhere above the store (exact: ``core.numbers_amounts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from salestui.core.models.fields import NAME_MAX, SHORT_TEXT_MAX, Day, Line, Moment
from salestui.core.models.records import ActionItem, Entry, Person, _Model

RESULT_MAX = 2000


class VisitOutcome(StrEnum):
    VISITED = "visited"
    NOT_REACHED = "not_reached"  # went, but did not meet the customer
    POSTPONED = "postponed"


class Visit(_Model):
    """One visit: its plan (``planned``: made ahead; else reported without a plan) and,
    once reported (``outcome`` set), its report."""

    id: int | None = None
    person_id: int
    day: date
    customer: Line = Field(min_length=1, max_length=NAME_MAX)
    purpose: Line = Field(default="", max_length=SHORT_TEXT_MAX)
    planned: bool = True
    planned_amount: Decimal | None = Field(default=None, ge=0)
    outcome: VisitOutcome | None = None
    result: Line = Field(default="", max_length=RESULT_MAX)
    order_amount: Decimal | None = Field(default=None, ge=0)
    collection_amount: Decimal | None = Field(default=None, ge=0)
    next_step: Line = Field(default="", max_length=SHORT_TEXT_MAX)
    next_due: Day = None
    action_id: int | None = None
    created_at: Moment = None
    reported_at: Moment = None

    @property
    def reported(self) -> bool:
        return self.outcome is not None

    @property
    def made(self) -> bool:
        """The visit took place (the customer was met)."""
        return self.outcome is VisitOutcome.VISITED

    @property
    def reported_amount(self) -> Decimal:
        return (self.order_amount or Decimal(0)) + (self.collection_amount or Decimal(0))


def _sum(values: list[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


@dataclass
class Tally:
    """Plan vs actual of a set of visits: visits planned vs made, amounts planned vs
    reported (orders and collections)."""

    planned: int = 0
    made: int = 0
    reported: int = 0
    unreported: int = 0
    planned_amount: Decimal = Decimal(0)
    order_amount: Decimal = Decimal(0)
    collection_amount: Decimal = Decimal(0)

    @classmethod
    def of(cls, visits: list[Visit]) -> Tally:
        planned = [v for v in visits if v.planned]
        return cls(
            planned=len(planned),
            made=sum(1 for v in visits if v.made),
            reported=sum(1 for v in visits if v.reported),
            unreported=sum(1 for v in planned if not v.reported),
            planned_amount=_sum([v.planned_amount for v in visits]),
            order_amount=_sum([v.order_amount for v in visits]),
            collection_amount=_sum([v.collection_amount for v in visits]),
        )

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def reported_amount(self) -> Decimal:
        return self.order_amount + self.collection_amount


@dataclass
class PersonDay:
    """One person's day: the day's visits, planned visits of earlier days still not
    reported (flagged the next morning) and the instructions given in the day's daily
    meetings (notes about them, actions for them)."""

    person: Person
    day: date
    visits: list[Visit] = field(default_factory=list)
    unreported_earlier: list[Visit] = field(default_factory=list)
    notes: list[Entry] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)

    @property
    def tally(self) -> Tally:
        return Tally.of(self.visits)

    @property
    def planned(self) -> list[Visit]:
        return [v for v in self.visits if v.planned]

    @property
    def reports(self) -> list[Visit]:
        return [v for v in self.visits if v.reported]


@dataclass
class TeamDay:
    """A team's day for the daily meeting (早会 / 夕会): each person's day, in the
    meeting's order of people, and the team's plan vs actual."""

    day: date
    people: list[PersonDay]
    evening: bool = False  # a 夕会 (reports) rather than a 早会 (plans)
    meeting_id: int | None = None

    @property
    def tally(self) -> Tally:
        total = Tally()
        for person in self.people:
            total.add(person.tally)
        return total
