"""The numbers review (rule 十二 计数管理): measurables, their goals and values per period
and owner, the scorecard of plan vs actual, and the countermeasures of missed numbers.

``NumbersService(services)`` is what the CLI, the console's scorecard, the analytics
screen and the report build on. Every operation checks all of its input (measurable,
period, owner, number) before it writes, and writes in one transaction. Names are
resolved as everywhere else: a person by ``Services.find_person`` (an ambiguous name is
refused, listing the candidates), a team by its exact name; a team name wins over a
person's unique prefix.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput
from salestui.core.models.numbers import (
    Countermeasure,
    Goal,
    Measurable,
    NumberValue,
    Owner,
    ScorecardRow,
    ValueSource,
)
from salestui.core.numbers_amounts import parse_amount, to_stored
from salestui.core.numbers_measurables import MeasurableServices, band_of
from salestui.core.numbers_scorecard import build_rows
from salestui.core.numbers_steps import (
    NUMBERS,
    countermeasure_summary,
    goal_scopes,
    goal_summary,
    value_scopes,
    value_summary,
)
from salestui.core.periods import WINDOW, Period, PeriodKind, parse_period, period_of
from salestui.core.service import Services
from salestui.core.store.numbers import STANDING
from salestui.core.text import clean_line
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.numbers_import import ImportReport

__all__ = ["STANDING", "NumbersService"]

CAUSE_MAX = 500

MeasurableRef = Measurable | int | str
PeriodRef = Period | str | date
Amount = Decimal | int | float | str


@storage_boundary
class NumbersService(MeasurableServices):
    """Measurables, goals, values, the scorecard and countermeasures, for one
    ``Services`` (its store, clock and user)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- periods ---------------------------------------------------------------------------

    def period(self, text: PeriodRef, kind: PeriodKind | str | None = None) -> Period:
        """The period ``text`` names (``2026-W48``, ``2026-11``, ``last week``, ``上周``,
        a day), relative to today; ``kind`` is the measurable's (checked)."""
        if isinstance(text, Period):
            if kind is not None and text.kind != PeriodKind(kind):
                return parse_period(text.key, self.services.clock.today(), kind)
            return text
        return parse_period(text, self.services.clock.today(), kind)

    def current_period(self, kind: PeriodKind | str = PeriodKind.WEEK) -> Period:
        return period_of(self.services.clock.today(), kind)

    def review_period(self, kind: PeriodKind | str = PeriodKind.WEEK) -> Period:
        """The period a meeting held today reviews: the last one that is over (the 周例会
        reviews last week's numbers and sets this week's targets)."""
        return self.current_period(kind).previous()

    # -- values and goals ------------------------------------------------------------------

    def set_value(
        self,
        measurable: MeasurableRef,
        period: PeriodRef,
        value: Amount | None,
        owner: str | Owner | None = None,
        source: ValueSource | str = ValueSource.CLI,
        meeting_id: int | None = None,
    ) -> NumberValue | None:
        """Record the actual of ``measurable`` in ``period`` for ``owner`` (default: the
        measurable's owner); ``value`` None removes it. Returns the stored value (None
        when removed). Every change is logged with the value it replaced."""
        found = self.measurable(measurable)
        when = self.period(period, found.period)
        who = self.owner(owner, found)
        number = parse_amount(value) if value is not None else None
        source = ValueSource(source)
        if meeting_id is not None:
            self.services.meeting(meeting_id)
        measurable_id = self._id(found)
        summary = value_summary(found.name, who, when.key, number)
        scopes = value_scopes(measurable_id, when.key, who)
        with self.services.journal.step(NUMBERS, *scopes, summary=summary):
            self.store.set_value(
                measurable_id,
                when.key,
                (who.person_id, who.team),
                to_stored(number) if number is not None else None,
                self.services.clock.now(),
                self._me_id(),
                source.value,
                meeting_id,
            )
        if number is None:
            return None
        return self.value(found, when, who)

    def value(
        self, measurable: MeasurableRef, period: PeriodRef, owner: str | Owner | None = None
    ) -> NumberValue | None:
        """The stored value of one measurable, period and owner, with its goal."""
        found = self.measurable(measurable)
        when = self.period(period, found.period)
        who = self.owner(owner, found)
        for value in self.values(found, [when]):
            if value.owner.key == who.key:
                return value
        return None

    def set_goal(
        self,
        measurable: MeasurableRef,
        period: PeriodRef | None,
        target: Amount | None,
        owner: str | Owner | None = None,
        high: Amount | None = None,
        meeting_id: int | None = None,
        source: ValueSource | str = ValueSource.CLI,
    ) -> Goal | None:
        """Set the goal (plan, 预估) of ``measurable`` for ``period`` and ``owner``;
        ``period`` None sets the owner's standing goal (every period without its own).
        A band needs ``high`` too (or ``target`` written ``90..110``). ``target`` None
        removes the goal. Returns the goal now set."""
        found = self.measurable(measurable)
        key = STANDING if period is None else self.period(period, found.period).key
        who = self.owner(owner, found)
        if meeting_id is not None:
            self.services.meeting(meeting_id)
        goal = None
        if target is not None:
            low, top = band_of(found.direction, target, high)
            goal = (to_stored(low), to_stored(top) if top is not None else None)
        measurable_id = self._id(found)
        summary = goal_summary(found.name, who, key, Goal(low, top) if goal else None)
        with self.services.journal.step(
            NUMBERS, *goal_scopes(measurable_id, key, who), summary=summary
        ):
            self.store.set_goal(
                measurable_id,
                key,
                (who.person_id, who.team),
                goal,
                self.services.clock.now(),
                self._me_id(),
                meeting_id,
                ValueSource(source).value,
            )
        if goal is None:
            return None
        return Goal(low, top)

    # -- the scorecard ---------------------------------------------------------------------

    def scorecard(
        self,
        period: PeriodRef | None = None,
        owner: str | None = None,
        team: str | None = None,
        measurables: Sequence[MeasurableRef] | None = None,
        kind: PeriodKind | str = PeriodKind.WEEK,
        window: int = WINDOW,
        include_inactive: bool = False,
        owners: tuple[Sequence[int], Sequence[str]] | None = None,
    ) -> list[ScorecardRow]:
        """Plan vs actual for ``period`` (default: the one under review, of ``kind``): one
        row per measurable of that period's kind and owner, with goal, actual, variance,
        status and the ``window`` periods up to it (the sparkline).

        ``owner``: that person's or team's rows only; ``team``: the team's own rows and
        its members' (a lead's name: their whole reporting tree). ``owners``: these
        people's and teams' rows, by id and name (a meeting's people and their teams).
        """
        when = self.review_period(kind) if period is None else self.period(period)
        periods = when.window(max(1, min(window, 104)))
        people, teams = self._owner_filter(owner, team)
        if owners is not None:
            people, teams = [*(people or ()), *owners[0]], [*(teams or ()), *owners[1]]
        ids = None if measurables is None else [self._id(self.measurable(m)) for m in measurables]
        rows = self.store.scorecard_rows(
            when.kind.value, [p.key for p in periods], ids, people, teams, include_inactive
        )
        known = {m.id: m for m in self.store.list_measurables(active_only=False) if m.id}
        measures = self.countermeasures(period=when)
        return build_rows(rows, periods, known, measures)

    def off_track_twice(
        self, period: PeriodRef | None = None, **filters: object
    ) -> list[ScorecardRow]:
        """The rows off track in ``period`` and the period before (two periods running
        or more), from ``scorecard`` with the same filters."""
        rows = self.scorecard(period, **filters)  # type: ignore[arg-type]
        return [r for r in rows if r.off_track_streak >= 2]

    def _owner_filter(
        self, owner: str | None, team: str | None
    ) -> tuple[list[int] | None, list[str] | None]:
        if owner is None and team is None:
            return None, None
        people: list[int] = []
        teams: list[str] = []
        if owner is not None:
            who = self.owner(owner)
            people += [who.person_id] if who.person_id else []
            teams += [who.team] if who.team else []
        if team is not None:
            team = team.strip()
            members = self._named(self.services.team_member_ids, team)
            people += members
            known = self.services.teams()
            teams += [team] if team in known else self._teams_of(members)
        return people, teams

    def _teams_of(self, person_ids: Sequence[int]) -> list[str]:
        everyone = self.services.people_by_id()
        return sorted({t for i in person_ids if (t := everyone[i].team) is not None})

    # -- countermeasures -------------------------------------------------------------------

    def add_countermeasure(
        self,
        measurable: MeasurableRef,
        period: PeriodRef,
        cause: str,
        owner: str | Owner | None = None,
        action_id: int | None = None,
        title: str | None = None,
        action_owners: Sequence[str | int] = (),
        due: date | None = None,
        meeting_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> Countermeasure:
        """Link a countermeasure (对策) to a missed number: an existing action
        (``action_id``) or a new one (``title``, owners, due; in ``meeting_id`` when it was
        decided there), with the cause of the gap. One transaction."""
        found = self.measurable(measurable)
        when = self.period(period, found.period)
        who = self.owner(owner, found)
        cause = clean_line(cause)
        if len(cause) > CAUSE_MAX:
            raise InvalidInput(
                _("The cause is too long (at most {limit} characters)").format(limit=CAUSE_MAX)
            )
        if (action_id is None) == (title is None):
            raise InvalidInput(_("Give an existing action or a title for a new one"))
        owner_ids = [self._person_id(o) for o in action_owners]
        what = title if title is not None else f"#{action_id}"
        summary = countermeasure_summary(found.name, who, when.key, what)
        with self.services.journal.step(NUMBERS, summary=summary) as step:
            if action_id is None:
                assert title is not None
                action = self.services.add_action(
                    title,
                    owners=[i for i in owner_ids if i],
                    due=due,
                    meeting_id=meeting_id,
                    agenda_item_id=agenda_item_id,
                )
                action_id = action.id
            else:
                self.services.action(action_id)  # raises NotFound
                if any(c.action_id == action_id for c in self.countermeasures(found, when)):
                    raise InvalidInput(
                        _("Action {id} is already a countermeasure of this number").format(
                            id=action_id
                        )
                    )
            assert action_id is not None
            new_id = self.store.add_countermeasure(
                self._id(found), when.key, (who.person_id, who.team), action_id, cause,
                self.services.clock.now(), self._me_id(), meeting_id,
            )  # fmt: skip
            step.created(("measurable_actions", {"id": [new_id]}))
        return next(c for c in self.countermeasures(found, when) if c.id == new_id)

    def _person_id(self, who: str | int) -> int | None:
        return who if isinstance(who, int) else self._named(self.services.find_person, who).id

    def countermeasures(
        self, measurable: MeasurableRef | None = None, period: PeriodRef | None = None
    ) -> list[Countermeasure]:
        """The countermeasures linked to a measurable and/or period, oldest first."""
        from salestui.core.clock import from_utc_iso
        from salestui.core.numbers_scorecard import owner_of

        ids = None
        kind = None
        if measurable is not None:
            found = self.measurable(measurable)
            ids, kind = [self._id(found)], found.period
        keys = None if period is None else [self.period(period, kind).key]
        return [
            Countermeasure(
                id=r["id"],
                measurable_id=r["measurable_id"],
                period=r["period"],
                owner=owner_of(r),
                action_id=r["action_id"],
                action_title=r["action_title"],
                action_status=r["action_status"],
                cause=r["cause"],
                created_at=from_utc_iso(r["created_at"]),
            )
            for r in self.store.countermeasure_rows(ids, keys)
        ]

    # -- import -----------------------------------------------------------------------------

    def check_file(self, path: Path | str) -> ImportReport:
        """Read a .csv or .xlsx file of figures and check every row; write nothing."""
        from salestui.core.numbers_import import check_file

        return check_file(self, path)

    def import_file(
        self, path: Path | str, dry_run: bool = False, skip_bad: bool = False
    ) -> ImportReport:
        """Import a .csv or .xlsx file of figures (``core.numbers_import``): nothing is
        written when a row is bad unless ``skip_bad``; the good rows in one transaction."""
        from salestui.core.numbers_import import import_file

        return import_file(self, path, dry_run=dry_run, skip_bad=skip_bad)

    # -- export ----------------------------------------------------------------------------

    def values(
        self, measurable: MeasurableRef | None = None, periods: Sequence[PeriodRef] | None = None
    ) -> list[NumberValue]:
        """Stored values (of one measurable, in some periods), each with the goal set for
        its period and owner, ordered by measurable, period and owner."""
        from salestui.core.clock import from_utc_iso
        from salestui.core.numbers_amounts import from_stored
        from salestui.core.numbers_scorecard import owner_of

        ids, kind = None, None
        if measurable is not None:
            found = self.measurable(measurable)
            ids, kind = [self._id(found)], found.period
        keys = None if periods is None else [self.period(p, kind).key for p in periods]
        found_values = []
        for r in self.store.value_rows(ids, keys):
            target = from_stored(r["target"])
            goal = Goal(target, from_stored(r["target_high"])) if target is not None else None
            found_values.append(
                NumberValue(
                    measurable_id=r["measurable_id"],
                    measurable=r["measurable"],
                    unit=r["unit"],
                    period=r["period"],
                    owner=owner_of(r),
                    value=from_stored(r["value"]) or Decimal(0),
                    goal=goal,
                    entered_at=from_utc_iso(r["entered_at"]),
                    entered_by=r["entered_by_name"],
                    source=ValueSource(r["source"]),
                )
            )
        return found_values
