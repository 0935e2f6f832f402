"""What the analytics screen and the report show (issue 15): the numbers' plan vs actual,
the meetings' load and habits, the follow-through of actions and decisions, and the
meetings' ratings. Plain figures: the front ends format them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from salestui.core.models.numbers import Measurable, ScorecardRow
from salestui.core.periods import Period

ON_TIME_GOAL = Decimal(90)  # the share of actions done on time EOS tools hold teams to


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in per cent with one decimal (None when ``whole`` is 0)."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Window:
    """The periods analysed, oldest first (the last is the period asked for), and whose
    figures: a team's (its members') or, with ``team`` None, the whole department's."""

    periods: list[Period]
    team: str | None = None
    member_ids: list[int] | None = None

    @property
    def period(self) -> Period:
        return self.periods[-1]

    @property
    def first_day(self) -> date:
        return self.periods[0].start

    @property
    def last_day(self) -> date:
        return self.periods[-1].end


# -- numbers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanPoint:
    """One period of plan vs actual, added up over the owners shown."""

    period: Period
    plan: Decimal | None
    actual: Decimal | None


@dataclass
class NumbersFigures:
    """Plan vs actual of ``measurable`` (the one in view) per owner over the window; every
    measurable's rows (``rows``) and those off track two periods running or more."""

    measurables: list[Measurable]
    measurable: Measurable | None
    rows: list[ScorecardRow]
    trend: list[PlanPoint]
    off_track_twice: list[ScorecardRow]

    def rows_of(self, measurable: Measurable | None) -> list[ScorecardRow]:
        if measurable is None:
            return []
        return [r for r in self.rows if r.measurable.id == measurable.id]


# -- meetings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadPoint:
    """The meetings held in one period: how many, their minutes, the minutes of everyone
    present added up, and what that time cost (None: no hourly rates configured)."""

    period: Period
    meetings: int
    minutes: int
    person_minutes: int
    cost: Decimal | None = None


@dataclass(frozen=True)
class SeriesTiming:
    """Planned vs actual length of one series' meetings held in the window (series 0:
    meetings of no series), and their average rating (None: nobody rated them)."""

    series_id: int
    title: str
    meetings: int
    planned_minutes: int
    actual_minutes: int
    overruns: int
    rating: Decimal | None = None
    ratings: int = 0


@dataclass(frozen=True)
class KindOverrun:
    kind: str
    meetings: int
    overruns: int

    @property
    def rate(self) -> Decimal | None:
        return percent(self.overruns, self.meetings)


@dataclass(frozen=True)
class MeetingHabits:
    """Of the meetings held: how many started late (a minute or more), and how many had
    their agenda circulated before they started."""

    held: int
    late_starts: int
    circulated: int

    @property
    def late_rate(self) -> Decimal | None:
        return percent(self.late_starts, self.held)

    @property
    def circulated_rate(self) -> Decimal | None:
        return percent(self.circulated, self.held)


@dataclass(frozen=True)
class RatingPoint:
    period: Period
    average: Decimal | None
    ratings: int


@dataclass
class SeriesRatings:
    """One series' average rating per period of the window (the trend)."""

    series_id: int
    title: str
    points: list[RatingPoint]


@dataclass
class MeetingFigures:
    load: list[LoadPoint]
    series: list[SeriesTiming]
    kinds: list[KindOverrun]
    habits: MeetingHabits
    ratings: list[SeriesRatings] = field(default_factory=list)
    rates_set: bool = False


# -- follow-through -----------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    """Actions due in the window (and no longer ahead): how many were done by their due
    date. ``name`` is a person's or a team's."""

    name: str
    due: int
    on_time: int
    is_team: bool = False

    @property
    def rate(self) -> Decimal | None:
        return percent(self.on_time, self.due)


@dataclass(frozen=True)
class CompletionPoint:
    period: Period
    due: int
    on_time: int

    @property
    def rate(self) -> Decimal | None:
        return percent(self.on_time, self.due)


@dataclass(frozen=True)
class CarriedItem:
    action_id: int
    title: str
    owner: str
    carried: int
    due: date | None


@dataclass
class FollowThrough:
    trend: list[CompletionPoint]
    teams: list[Completion]
    people: list[Completion]
    decisions: int  # decisions of the window that have actions
    executed: int  # of which every action is done
    closed: int  # actions done in the window
    median_days_to_close: Decimal | None
    followed: int  # actions of the window followed up at least once
    median_follow_up_days: Decimal | None
    carried: list[CarriedItem]
    carried_total: int

    @property
    def total(self) -> Completion:
        due = sum(p.due for p in self.trend)
        return Completion("", due, sum(p.on_time for p in self.trend))

    @property
    def execution_rate(self) -> Decimal | None:
        return percent(self.executed, self.decisions)
