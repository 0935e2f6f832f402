"""The numbers review in a live meeting (rule 十二 计数管理, issue 15 "In the meeting"): the
scorecard of the period the meeting reviews, the ``/k`` line that sets a figure or the next
period's target, and the countermeasure (对策) decided for a number off track.

The period under review is the one before the meeting's own (a 周例会 held in week 48
reviews week 47 and sets the targets of week 48, which the next meeting reviews): weeks
for every meeting but the leadership meeting (营销干部会议), which reviews last month.
The scorecard shows the numbers of the people in the meeting (attendees and chair) and of
their teams; a meeting with nobody on its list shows every number.

Every change is a live edit: undone by ``ctrl+z`` / ``salestui run undo`` and kept in the
journal with who made it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from salestui.core.capture import Capture
from salestui.core.capture_numbers import parse_number_line
from salestui.core.errors import InvalidInput
from salestui.core.meeting_capture import CaptureResult, Captures
from salestui.core.models import (
    AgendaItem,
    AgendaKind,
    AgendaStatus,
    Entry,
    EntryKind,
    Meeting,
    MeetingKind,
)
from salestui.core.models.numbers import (
    Countermeasure,
    Goal,
    Measurable,
    Owner,
    ScorecardRow,
    TrackStatus,
    ValueSource,
)
from salestui.core.numbers import CAUSE_MAX, NumbersService
from salestui.core.numbers_amounts import format_amount, parse_amount
from salestui.core.numbers_export import goal_text
from salestui.core.numbers_measurables import band_of
from salestui.core.numbers_track import status, status_label
from salestui.core.periods import Period, PeriodKind, period_of
from salestui.core.text import clean_line
from salestui.i18n import _

MONTHLY_KINDS = (MeetingKind.LEADERSHIP,)


def review_kind(meeting: Meeting) -> PeriodKind:
    return PeriodKind.MONTH if meeting.kind in MONTHLY_KINDS else PeriodKind.WEEK


def reviewed_period(meeting: Meeting, kind: PeriodKind | None = None) -> Period:
    """The period ``meeting`` reviews: the one before the period it is held in."""
    when = meeting.actual_start or meeting.scheduled_start or meeting.created_at
    assert when is not None
    return period_of(when.astimezone().date(), kind or review_kind(meeting)).previous()


@dataclass
class MeetingScorecard:
    period: Period  # under review; its next one gets the targets set in the meeting
    rows: list[ScorecardRow]

    @property
    def next(self) -> Period:
        return self.period.next()

    @property
    def off_track(self) -> list[ScorecardRow]:
        return [r for r in self.rows if r.status == TrackStatus.OFF_TRACK]

    @property
    def missing(self) -> list[ScorecardRow]:
        """Off track and no countermeasure yet: what the chair is asked about (a team's
        figure added up from its members' is not: their own gaps are)."""
        return [r for r in self.off_track if not r.countermeasures and not r.current.rolled_up]


@dataclass(frozen=True)
class NumberCapture:
    """A ``/k`` line resolved: whose number, the actual for ``period`` and/or the goal of
    the period after it; ``before`` and ``goal`` are what is stored now (the preview)."""

    measurable: Measurable
    owner: Owner
    period: Period
    value: Decimal | None
    target: Goal | None
    before: Decimal | None = None
    goal: Goal | None = None

    @property
    def next(self) -> Period:
        return self.period.next()

    @property
    def subject(self) -> str:
        return f"{self.measurable.name} · {self.owner.name}"


@dataclass(frozen=True)
class SetTarget:
    """A target set in the meeting: the goal of a measurable, period and owner."""

    measurable: str
    unit: str
    period: str
    owner: Owner
    goal: Goal


class MeetingNumbers:
    """The numbers review of the live meeting (``LiveMeeting.numbers``)."""

    def __init__(self, captures: Captures) -> None:
        self.captures = captures
        self.flow = captures.flow
        self.services = captures.services
        self.store = captures.store
        self.undo_log = captures.undo_log
        self.numbers = NumbersService(self.services)

    # -- reading ---------------------------------------------------------------------------

    def scorecard(self, meeting_id: int) -> MeetingScorecard:
        """The scorecard the meeting reviews: the period before its own, its people's and
        their teams' numbers."""
        meeting = self.services.meeting(meeting_id)
        period = reviewed_period(meeting)
        people = {a.person_id for a in self.store.list_attendance(meeting_id)}
        if meeting.chair_id:
            people.add(meeting.chair_id)
        if not people:
            return MeetingScorecard(period, self.numbers.scorecard(period))
        everyone = self.services.people_by_id()
        teams = sorted({t for p in people if p in everyone and (t := everyone[p].team)})
        rows = self.numbers.scorecard(period, owners=(sorted(people), teams))
        # The query also gives the teams' members (their roll-up): only the meeting's own.
        rows = [r for r in rows if r.owner.person_id in people or r.owner.team in teams]
        return MeetingScorecard(period, rows)

    def reviews_numbers(self, meeting_id: int, agenda: list[AgendaItem] | None = None) -> bool:
        """Whether the meeting reviewed numbers: a numbers-review item it reached, or a
        value, target or countermeasure set in it (``agenda``: its items, if read)."""
        items = self.store.list_agenda(meeting_id) if agenda is None else agenda
        reached = any(
            i.kind == AgendaKind.NUMBERS and i.status in (AgendaStatus.ACTIVE, AgendaStatus.DONE)
            for i in items
        )
        return reached or self.store.meeting_touched_numbers(meeting_id)

    def targets(self, meeting_id: int) -> list[SetTarget]:
        """The targets set in the meeting, in scorecard order."""
        from salestui.core.numbers_amounts import from_stored
        from salestui.core.numbers_scorecard import owner_of

        found = []
        for row in self.store.meeting_goal_rows(meeting_id):
            target = from_stored(row["target"])
            assert target is not None
            goal = Goal(target, from_stored(row["target_high"]))
            found.append(
                SetTarget(row["measurable"], row["unit"], row["period"], owner_of(row), goal)
            )
        return found

    # -- the /k line -------------------------------------------------------------------------

    def parse(self, meeting_id: int, line: str) -> NumberCapture:
        """Read a ``/k`` line in the meeting's period (``InvalidInput`` when it does not
        resolve: unknown measurable or person, a bad number, a unit that is not its own)."""
        words = parse_number_line(line)
        meeting = self.services.meeting(meeting_id)
        measurable = self.numbers.measurable(words.measurable)
        owner = self.numbers.owner(words.owner, measurable)
        if words.unit and not _same_unit(words.unit, measurable.unit):
            raise InvalidInput(
                _("{name} is counted in {unit}, not {given}").format(
                    name=measurable.name, unit=measurable.unit or "-", given=words.unit
                )
            )
        value = parse_amount(words.value) if words.value is not None else None
        target = None
        if words.target is not None:
            low, high = band_of(measurable.direction, words.target)
            target = Goal(low, high)
        period = reviewed_period(meeting, measurable.period)
        found = self._row(measurable, owner, period)
        return NumberCapture(
            measurable,
            owner,
            period,
            value,
            target,
            found.actual if found else None,
            found.goal if found else None,
        )

    def _row(self, measurable: Measurable, owner: Owner, period: Period) -> ScorecardRow | None:
        rows = self.numbers.scorecard(period, measurables=[measurable], window=1)
        return next((r for r in rows if r.owner.key == owner.key), None)

    def preview(self, meeting_id: int, line: str) -> str:
        """``销售额 · 周杰 · 2026-W47 10.4 (was 9; goal 18: off track) · 2026-W48 goal 20``."""
        return describe_number(self.parse(meeting_id, line))

    def capture(self, meeting_id: int, line: str) -> NumberCapture:
        """Save a ``/k`` line: the actual and/or the next target, in one undoable step."""
        self.flow.running(meeting_id)
        found = self.parse(meeting_id, line)
        # Its rows are watched by the value's and the goal's own steps, which join this one.
        with self.undo_log.record(meeting_id, "number", _line_subject(found)):
            self.flow.running(meeting_id)
            if found.value is not None:
                self.numbers.set_value(
                    found.measurable, found.period, found.value, found.owner,
                    ValueSource.MEETING, meeting_id,
                )  # fmt: skip
            if found.target is not None:
                self.numbers.set_goal(
                    found.measurable, found.next, found.target.target, found.owner,
                    found.target.high, meeting_id, ValueSource.MEETING,
                )  # fmt: skip
        return found

    # -- countermeasures ---------------------------------------------------------------------

    def countermeasure(
        self, meeting_id: int, measurable_id: int, owner: Owner, cause: str, line: str
    ) -> Countermeasure:
        """The cause of a missed number and its countermeasure, an action line (``@owner``,
        a date, ``p1``; its owner by default the number's): a new action on the current
        item, linked to the measurable and the period under review. One undoable step."""
        meeting = self.flow.running(meeting_id)
        measurable = self.numbers.measurable(measurable_id)
        owner = self.numbers.owner(owner, measurable)
        period = reviewed_period(meeting, measurable.period)
        cause = clean_line(cause)
        if not cause:
            raise InvalidInput(_("Say the cause of the gap"))
        if len(cause) > CAUSE_MAX:
            raise InvalidInput(
                _("The cause is too long (at most {limit} characters)").format(limit=CAUSE_MAX)
            )
        parsed = self._action(line, owner)
        with self.undo_log.record(meeting_id, "countermeasure", parsed.text) as recording:
            meeting = self.flow.running(meeting_id)
            current = self.flow.current(meeting_id)
            entry = self.store.add_entry(
                Entry(meeting_id=meeting_id, agenda_item_id=current.id if current else None,
                      kind=EntryKind.ACTION, text=parsed.text, at=self.flow.now)
            )  # fmt: skip
            recording.created(
                ("entries", {"id": entry.id}), ("action_items", {"entry_id": entry.id})
            )
            result = CaptureResult(entry=entry, capture=parsed)
            self.captures.materialise(meeting, current, entry, parsed, result)
            assert result.action is not None and result.action.id is not None
            me = self.services.me()
            new_id = self.store.add_countermeasure(
                measurable_id, period.key, (owner.person_id, owner.team), result.action.id,
                cause, self.flow.now, me.id if me else None, meeting_id,
            )  # fmt: skip
            recording.created(("measurable_actions", {"id": [new_id]}))
        return next(c for c in self.numbers.countermeasures(measurable, period) if c.id == new_id)

    def preview_countermeasure(self, owner: Owner, line: str) -> str:
        """What a countermeasure line will become (``Action -> 周杰, due Fri 4 Dec``)."""
        from salestui.core.capture import describe

        found = self.numbers.owner(owner)
        return describe(self._action(line, found), self.services.clock.today())

    def _action(self, line: str, owner: Owner) -> Capture:
        text = clean_line(line)
        if not text:
            raise InvalidInput(_("Say the countermeasure: what will be done, by whom, by when"))
        if not text.startswith(("/a", "／a")):
            text = "/a " + text
        parsed = self.captures.parse(text)
        if parsed.kind != EntryKind.ACTION:
            raise InvalidInput(_("A countermeasure is an action"))
        if not parsed.owners and owner.person_id is not None:
            person = self.services.person(owner.person_id)
            parsed = dataclasses.replace(parsed, owners=(person,))
        return parsed


def _same_unit(given: str, unit: str) -> bool:
    given, unit = given.strip().casefold(), unit.strip().casefold()
    return bool(unit) and unit.startswith(given)


def _line_subject(found: NumberCapture) -> str:
    parts = [found.subject]
    if found.value is not None:
        parts.append(format_amount(found.value))
    if found.target is not None:
        parts.append(_("target {target}").format(target=goal_text(found.target)))
    return " ".join(parts)


def describe_number(found: NumberCapture) -> str:
    """The preview of a ``/k`` line: what it sets, what it replaces, on or off track."""
    parts = [found.subject]
    if found.value is not None:
        actual = format_amount(found.value)
        if found.before is not None and found.before != found.value:
            actual = _("{value} (was {before})").format(
                value=actual, before=format_amount(found.before)
            )
        if found.goal is not None:
            state = status_label(status(found.measurable.direction, found.goal, found.value))
            actual = _("{actual}, goal {goal}: {status}").format(
                actual=actual, goal=goal_text(found.goal), status=state
            )
        parts.append(_("{period} actual {actual}").format(period=found.period.key, actual=actual))
    if found.target is not None:
        parts.append(
            _("{period} target {target}").format(
                period=found.next.key, target=goal_text(found.target)
            )
        )
    return " · ".join(parts)
