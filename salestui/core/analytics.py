"""Analytics (issue 15): the numbers' plan vs actual, the meetings' load and habits, the
follow-through of actions and decisions, and the attendees' ratings of meetings - for a
window of 13 periods (weeks or months) ending with the one asked for, for the whole
department or one team. The store aggregates in SQL; this module turns the sums into
figures (``core.models.analytics``) that the analytics screen and the report show alike.

A team's figures: the meetings one of its members attended (their time only), the actions
they own, the decisions with an action of theirs, their numbers. The cost of meetings
needs hourly rates per role, set for the whole department (``set_hourly_rates``: the
``settings`` table, not anyone's personal config).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from salestui.core.analytics_numbers import numbers_figures
from salestui.core.boundary import storage_boundary
from salestui.core.clock import to_utc_iso
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.models import AttendanceStatus, Role
from salestui.core.models.analytics import (
    CarriedItem,
    Completion,
    CompletionPoint,
    FollowThrough,
    KindOverrun,
    LoadPoint,
    MeetingFigures,
    MeetingHabits,
    NumbersFigures,
    RatingPoint,
    SeriesRatings,
    SeriesTiming,
    Window,
)
from salestui.core.numbers_amounts import from_stored, parse_amount, to_stored
from salestui.core.periods import WINDOW, Period, PeriodKind, parse_period, period_of
from salestui.core.service import Services
from salestui.i18n import _

CARRIED_SHOWN = 10
ONE_DECIMAL = Decimal("0.1")


def _utc(day: date) -> str:
    """The moment local ``day`` begins, as stored (UTC text)."""
    return to_utc_iso(datetime.combine(day, time()).astimezone())


def _average(total: int, count: int) -> Decimal | None:
    return (Decimal(total) / count).quantize(ONE_DECIMAL) if count else None


def _days(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(ONE_DECIMAL)


@storage_boundary
class AnalyticsService:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- the window --------------------------------------------------------------------

    def window(
        self,
        period: Period | str | None = None,
        team: str | None = None,
        kind: PeriodKind | str = PeriodKind.WEEK,
        size: int = WINDOW,
    ) -> Window:
        """The ``size`` periods ending with ``period`` (default: the current one of
        ``kind``), for ``team`` (a team's name, or a lead's: their reporting tree) or
        everyone. An unknown period or team is ``InvalidInput``."""
        today = self.services.clock.today()
        if period is None:
            last = period_of(today, kind)
        elif isinstance(period, Period):
            last = period
        else:
            last = parse_period(period, today)
        members = None
        if team is not None:
            team = team.strip()
            try:
                members = self.services.team_member_ids(team)
            except NotFound as error:  # no such team, nor a person of that name
                raise InvalidInput(str(error)) from error
        return Window(last.window(size), team, members)

    def _bounds(self, window: Window) -> list[tuple[int, str, str]]:
        return [(i, _utc(p.start), _utc(p.end + timedelta(days=1))) for i, p in
                enumerate(window.periods)]  # fmt: skip

    def _span(self, window: Window) -> tuple[str, str]:
        return _utc(window.first_day), _utc(window.last_day + timedelta(days=1))

    # -- numbers -----------------------------------------------------------------------

    def numbers(
        self, window: Window, measurable_id: int | None = None, everything: bool = True
    ) -> NumbersFigures:
        """Plan vs actual (``core.analytics_numbers``); ``everything`` False: only the
        measurable in view (the screen's first chart)."""
        return numbers_figures(self.services, window, measurable_id, everything)

    # -- meetings ----------------------------------------------------------------------

    def meetings(self, window: Window) -> MeetingFigures:
        """Load per period, timing per series, overruns per kind, habits, ratings."""
        bounds, members = self._bounds(window), window.member_ids
        rates = self.hourly_rates()
        stored = {role: to_stored(rate) for role, rate in rates.items()}
        by_idx = {r["idx"]: r for r in self.store.meeting_load(bounds, members, stored)}
        load = []
        for idx, period in enumerate(window.periods):
            row = by_idx.get(idx, {})
            cost = from_stored(round(row.get("cost", 0) / 60)) if rates else None
            load.append(
                LoadPoint(period, row.get("meetings", 0), row.get("minutes", 0),
                          row.get("person_minutes", 0), cost)
            )  # fmt: skip
        series = [
            SeriesTiming(
                r["series_id"], r["title"], r["meetings"], r["planned"], r["actual"],
                r["overruns"], _average(r["rating_sum"], r["ratings"]), r["ratings"],
            )
            for r in self.store.meeting_series_timing(bounds, members)
        ]  # fmt: skip
        kinds = [
            KindOverrun(r["kind"], r["meetings"], r["overruns"])
            for r in self.store.meeting_kind_overruns(bounds, members)
        ]
        habits = MeetingHabits(**self.store.meeting_habits(bounds, members))
        ratings = self._rating_trend(window, bounds, series)
        return MeetingFigures(load, series, kinds, habits, ratings, bool(rates))

    def _rating_trend(
        self, window: Window, bounds: list[tuple[int, str, str]], series: list[SeriesTiming]
    ) -> list[SeriesRatings]:
        rows = self.store.rating_trend(bounds, window.member_ids)
        titles = {s.series_id: s.title for s in series}
        found: dict[int, dict[int, tuple[int, int]]] = {}
        for row in rows:
            found.setdefault(row["series_id"], {})[row["idx"]] = (row["rating_sum"], row["ratings"])
        trends = []
        for series_id in sorted(found, key=lambda s: (titles.get(s, ""), s)):
            points = found[series_id]
            trends.append(
                SeriesRatings(
                    series_id, titles.get(series_id, ""),
                    [RatingPoint(p, _average(*points.get(i, (0, 0))), points.get(i, (0, 0))[1])
                     for i, p in enumerate(window.periods)],
                )
            )  # fmt: skip
        return trends

    # -- follow-through ----------------------------------------------------------------

    def follow_through(self, window: Window) -> FollowThrough:
        """On-time completion per period, team and person; decisions executed; median
        days to close and to the first follow-up; items carried three times or more."""
        days = [(i, p.start.isoformat(), p.end.isoformat()) for i, p in enumerate(window.periods)]
        today = self.services.clock.today().isoformat()
        offset = self._offset()
        members = window.member_ids
        store = self.store
        by_idx = {r["idx"]: r for r in store.on_time_trend(days, today, offset, members)}
        trend = [
            CompletionPoint(p, by_idx.get(i, {}).get("due", 0), by_idx.get(i, {}).get("on_time", 0))
            for i, p in enumerate(window.periods)
        ]
        teams = [
            Completion(r["team"], r["due"], r["on_time"], is_team=True)
            for r in store.on_time_by_team(days, today, offset, members)
        ]
        people = [
            Completion(r["name"], r["due"], r["on_time"])
            for r in store.on_time_by_owner(days, today, offset, members)
        ]
        lo, hi = self._span(window)
        decided = store.decision_execution(lo, hi, members)
        closing = store.days_to_close(lo, hi, members)
        latency = store.follow_up_latency(lo, hi, members)
        total, carried = store.carried_items(members, CARRIED_SHOWN)
        return FollowThrough(
            trend, teams, people, decided["decisions"], decided["executed"],
            closing["n"], _days(closing["median"]), latency["n"], _days(latency["median"]),
            [CarriedItem(r["id"], _(CONFIDENTIAL_MARK) if r["confidential"] else r["title"],
                         r["owner_name"], r["carried_count"],
                         date.fromisoformat(r["due"]) if r["due"] else None) for r in carried],
            total,
        )  # fmt: skip

    def _offset(self) -> str:
        """The local time zone's offset now, as an SQLite date modifier."""
        offset = self.services.clock.now().utcoffset() or timedelta()
        return f"{int(offset.total_seconds() // 60):+d} minutes"

    # -- ratings -----------------------------------------------------------------------

    def ratings(self, meeting_id: int) -> dict[int, int]:
        """person id -> their 1-10 rating of the meeting."""
        return self.store.meeting_ratings(meeting_id)

    def raters(self, meeting_id: int) -> list[tuple[int, str, int | None]]:
        """Who rates the meeting - the attendees who were there (every attendee when
        nobody was marked present) - as (person id, name, their rating or None)."""
        attendance = self.store.list_attendance(meeting_id)
        there = [a for a in attendance if a.status in (AttendanceStatus.PRESENT,
                                                       AttendanceStatus.LATE)]  # fmt: skip
        people = self.services.people_by_id()
        given = self.store.meeting_ratings(meeting_id)
        return [
            (a.person_id, people[a.person_id].name, given.get(a.person_id))
            for a in (there or attendance)
            if a.person_id in people
        ]

    def rate_meeting(self, meeting_id: int, ratings: dict[int, int | None]) -> None:
        """Store attendees' ratings (1-10; None takes one back) of a meeting that has
        ended. Every rating is checked before any is written."""
        meeting = self.services.meeting(meeting_id)
        if meeting.actual_end is None:
            raise InvalidInput(_("A meeting can be rated once it has ended"))
        invited = {a.person_id for a in self.store.list_attendance(meeting_id)}
        for person_id, rating in ratings.items():
            if person_id not in invited:
                raise InvalidInput(_("Only the meeting's attendees rate it"))
            if rating is not None and not 1 <= rating <= 10:
                raise InvalidInput(_("A rating is a whole number from 1 to 10"))
        from salestui.core.journal_text import short_title
        from salestui.core.meeting_undo import RATING

        names = self.services.people_by_id()
        given = ", ".join(
            f"{names[p].name if p in names else p} {r if r is not None else '-'}"
            for p, r in ratings.items()
        )
        summary = _("Rated “{title}”: {ratings}").format(
            title=short_title(meeting.title), ratings=given
        )
        scope = ("meeting_ratings", {"meeting_id": meeting_id})
        with self.services.journal.step(RATING, scope, summary=summary):
            self.store.set_meeting_ratings(meeting_id, ratings, self.services.clock.now())

    # -- hourly rates per role (department-wide) ---------------------------------------

    def hourly_rates(self) -> dict[str, Decimal]:
        """role -> cost of an hour of that role's time (the unit is the department's)."""
        rates: dict[str, Decimal] = {}
        for role, text in self.store.hourly_rates().items():
            try:
                rates[role] = parse_amount(text)
            except InvalidInput:
                continue  # a hand-edited value that is no number: no rate
        return rates

    def set_hourly_rate(self, role: Role | str, rate: str | None) -> dict[str, Decimal]:
        """Set (or, with None, clear) the hourly rate of ``role``; the rates in force."""
        try:
            role = Role(role)
        except ValueError:
            raise InvalidInput(_("No such role: {role}").format(role=role)) from None
        rates = {k: str(v) for k, v in self.hourly_rates().items()}
        if rate is None:
            rates.pop(role.value, None)
        else:
            amount = parse_amount(rate)
            if amount < 0:
                raise InvalidInput(_("A rate cannot be negative"))
            rates[role.value] = str(amount)
        self.store.set_hourly_rates(rates)
        return self.hourly_rates()
