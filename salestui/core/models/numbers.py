"""The numbers review's vocabulary: measurables, owners, goals, values, countermeasures, and
the scorecard rows the console, the analytics screen and the report show.

Amounts are ``Decimal`` everywhere above the store (exact: ``core.numbers_amounts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from salestui.core.models.fields import NAME_MAX, SHORT_TEXT_MAX, Line, OptionalLine
from salestui.core.models.records import _Model
from salestui.core.periods import Period, PeriodKind

UNIT_MAX = 20
KEY_MAX = 30


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better: on track at or above the goal
    LOWER = "lower"  # lower is better: on track at or below the goal
    BAND = "band"  # on track between the goal's low and high bound


class Rollup(StrEnum):
    """How a team's figure follows from its members' when the team has none entered."""

    SUM = "sum"
    AVERAGE = "average"
    NONE = "none"


class ValueSource(StrEnum):
    TUI = "tui"
    CLI = "cli"
    IMPORT = "import"
    MEETING = "meeting"


class TrackStatus(StrEnum):
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_GOAL = "no_goal"  # a value, but nothing to compare it with
    NO_VALUE = "no_value"  # nothing entered (yet)


class GoalSource(StrEnum):
    PERIOD = "period"  # set for this period (e.g. in last week's meeting)
    OWNER = "owner"  # this owner's standing goal
    STANDING = "standing"  # the measurable's standing goal
    ROLLUP = "rollup"  # a team's: from its members' goals


class Measurable(_Model):
    id: int | None = None
    name: Line = Field(min_length=1, max_length=NAME_MAX)
    key: OptionalLine = Field(default=None, max_length=KEY_MAX)  # short name, e.g. sales
    unit: Line = Field(default="", max_length=UNIT_MAX)
    person_id: int | None = None  # the owner: a person ...
    team: OptionalLine = Field(default=None, max_length=NAME_MAX)  # ... or a team
    direction: Direction = Direction.HIGHER
    period: PeriodKind = PeriodKind.WEEK
    goal: Decimal | None = None  # standing goal (a band's low bound)
    goal_high: Decimal | None = None  # a band's high bound
    rollup: Rollup = Rollup.SUM
    position: int = 0
    active: bool = True
    description: OptionalLine = Field(default=None, max_length=SHORT_TEXT_MAX)
    created_at: datetime | None = None
    created_by: int | None = None


@dataclass(frozen=True)
class Owner:
    """Whose number: a person or a team (exactly one), with the name it is shown by."""

    person_id: int | None = None
    team: str | None = None
    name: str = ""

    @property
    def is_team(self) -> bool:
        return self.team is not None

    @property
    def key(self) -> tuple[int, str]:
        return (self.person_id or 0, self.team or "")


@dataclass(frozen=True)
class Goal:
    target: Decimal
    high: Decimal | None = None  # a band's upper bound
    source: GoalSource = GoalSource.PERIOD


@dataclass(frozen=True)
class NumberValue:
    """One stored value (what ``export`` writes)."""

    measurable_id: int
    measurable: str
    unit: str
    period: str
    owner: Owner
    value: Decimal
    goal: Goal | None
    entered_at: datetime
    entered_by: str | None
    source: ValueSource


@dataclass(frozen=True)
class PeriodPoint:
    """One period of a scorecard row: its goal, actual and status."""

    period: Period
    goal: Goal | None
    actual: Decimal | None
    status: TrackStatus
    rolled_up: bool = False  # the actual is the team's members' figure


@dataclass(frozen=True)
class Countermeasure:
    id: int
    measurable_id: int
    period: str
    owner: Owner
    action_id: int
    action_title: str
    action_status: str
    cause: str
    created_at: datetime


@dataclass
class ScorecardRow:
    """One measurable for one owner in the period under review, with its 13-period trail
    (``history``, oldest first, the last point being ``period``)."""

    measurable: Measurable
    owner: Owner
    period: Period
    history: list[PeriodPoint]
    countermeasures: list[Countermeasure] = field(default_factory=list)

    @property
    def current(self) -> PeriodPoint:
        return self.history[-1]

    @property
    def goal(self) -> Goal | None:
        return self.current.goal

    @property
    def actual(self) -> Decimal | None:
        return self.current.actual

    @property
    def status(self) -> TrackStatus:
        return self.current.status

    @property
    def variance(self) -> Decimal | None:
        from salestui.core.numbers_track import variance

        return variance(self.measurable.direction, self.goal, self.actual)

    @property
    def variance_pct(self) -> Decimal | None:
        from salestui.core.numbers_track import variance_pct

        return variance_pct(self.measurable.direction, self.goal, self.actual)

    @property
    def off_track_streak(self) -> int:
        """How many periods running, up to this one, the number was off track."""
        streak = 0
        for point in reversed(self.history):
            if point.status != TrackStatus.OFF_TRACK:
                break
            streak += 1
        return streak

    @property
    def sparkline(self) -> list[Decimal | None]:
        """The actuals of the window, oldest first (None where nothing was entered)."""
        return [p.actual for p in self.history]
