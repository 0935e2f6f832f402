"""The demo's calendar: which meetings happen when, and what is special about each.

Pure planning - nothing is written here. ``MeetingPlanner.plan()`` returns one
``MeetingSpec`` per meeting: eight weeks of history ending now, a meeting later today
with its agenda circulated, a draft in the next days and a few more upcoming ones. The
series' meetings are planned here, the others in ``plan_one_off``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from salestui.core.models import AgendaStatus, AttendanceStatus, MeetingKind, MeetingStatus
from salestui.demo import data as data
from salestui.demo import plan_one_off as one_off
from salestui.demo.spec import MeetingSpec, workday_on_or_after, workday_on_or_before

HISTORY_WEEKS = 8
DAILY_DAYS = 14  # the 早会 only for the last two weeks, so counts stay small


class MeetingPlanner:
    """Local times around ``now`` and the list of meetings to write."""

    def __init__(self, now: datetime, series: dict[str, int]) -> None:
        self.now = now
        self.today = now.date()
        self.series = series  # series key (weekly, leadership, daily) -> id
        # Build local times with the system zone (DST-correct) when the clock is local.
        naive_now = now.replace(tzinfo=None)
        self._system_local = naive_now.astimezone().utcoffset() == now.utcoffset()

    def local(self, day: date, hour: int, minute: int = 0) -> datetime:
        naive = datetime.combine(day, time(hour, minute))
        tz = self.now.tzinfo
        if isinstance(tz, ZoneInfo) or not self._system_local:
            return naive.replace(tzinfo=tz)
        return naive.astimezone()

    @staticmethod
    def weekly_people() -> list[tuple[str, bool]]:
        optional = {"黄婷", "Emily Zhang"}
        return [(p[0], p[0] not in optional) for p in data.PEOPLE]

    @staticmethod
    def leadership_people() -> list[tuple[str, bool]]:
        return [(n, True) for n in (data.DIRECTOR, data.DEPUTY, *data.LEADS)]

    # -- which meetings -----------------------------------------------------------------------

    def plan(self) -> list[MeetingSpec]:
        """Every meeting of the calendar: the series' and the others, past and upcoming."""
        today = self.today
        quarter = (today.month - 1) // 3 + 1
        next_quarter = quarter % 4 + 1
        weekly_people = self.weekly_people()
        specs = [
            *self._weekly_history(weekly_people),
            *self._weekly_upcoming(weekly_people),
            *self._leadership(self.leadership_people()),
            *one_off.coordination(self.local, today),
            one_off.consultation(self.local, today),
            one_off.pricing(self.local, today, next_quarter),
            one_off.crm(self.local, today),
            one_off.workshop(self.local, today, next_quarter),
            *self._daily(),
        ]
        # The two most recent past meetings have ended but are not confirmed yet.
        past = sorted((s for s in specs if s.past), key=lambda s: (s.start, s.title))
        for spec in past[-2:]:
            spec.status = MeetingStatus.ENDED
        return specs

    def _weekly(self, people: list[tuple[str, bool]], start: datetime) -> MeetingSpec:
        """A 周例会 at ``start`` as its series plans it."""
        return MeetingSpec(
            title=data.WEEKLY_TITLE,
            kind=MeetingKind.WEEKLY,
            purpose=data.WEEKLY_PURPOSE,
            start=start,
            minutes=60,
            chair=data.DIRECTOR,
            location=data.WEEKLY_LOCATION,
            items=list(data.WEEKLY_ITEMS),
            attendees=people,
            series_id=self.series["weekly"],
        )

    def _weekly_history(self, people: list[tuple[str, bool]]) -> list[MeetingSpec]:
        """The 周例会: the same weekday as today, eight weeks back."""
        specs: list[MeetingSpec] = []
        for weeks in range(HISTORY_WEEKS, 0, -1):
            spec = self._weekly(people, self.local(self.today - timedelta(weeks=weeks), 9))
            spec.actions = data.WEEKLY_ACTIONS
            spec.action_range = (2, 3)
            spec.overrun_items = ("各销售员业绩",)
            spec.key = f"weekly-{weeks}"
            if weeks == 1:  # last week: an extra item ran out of time and was parked
                spec.items.insert(3, data.CARRIED_ITEM)
                spec.item_status[data.CARRIED_ITEM[0]] = AgendaStatus.PARKED
                spec.forced_attendance = {
                    "赵磊": AttendanceStatus.LATE,
                    "周杰": AttendanceStatus.ABSENT,
                    "Emily Zhang": AttendanceStatus.EXCUSED,
                }
                spec.speaking = "dominated"
            if weeks == 2:
                spec.speaking = "balanced"
                spec.forced_attendance = {"钱进": AttendanceStatus.LATE}
            if weeks == 3:
                spec.reject_first_decision = True
                spec.forced_attendance = {"何军": AttendanceStatus.ABSENT}
            specs.append(spec)
        return specs

    def _weekly_upcoming(self, people: list[tuple[str, bool]]) -> list[MeetingSpec]:
        """Today's 周例会 (later today, its agenda sent, last week's parked item carried)
        and next week's draft."""
        today = self.today
        today_spec = self._weekly(people, self.later_today())
        today_spec.items = [
            (title, minutes, presenter, kind)
            for (title, _m, presenter, kind), minutes in zip(
                data.WEEKLY_ITEMS, (10, 20, 15, 5), strict=True
            )
        ]
        today_spec.items.insert(3, data.CARRIED_ITEM)
        today_spec.past = False
        today_spec.status = MeetingStatus.CIRCULATED
        today_spec.circulated_at = self.local(today - timedelta(days=1), 17, 30)
        today_spec.carried_from_key = "weekly-1"
        today_spec.key = "weekly-today"
        next_spec = self._weekly(people, self.local(today + timedelta(weeks=1), 9))
        next_spec.past = False
        next_spec.status = MeetingStatus.DRAFT
        next_spec.key = "weekly-next"
        return [today_spec, next_spec]

    def _leadership(self, people: list[tuple[str, bool]]) -> list[MeetingSpec]:
        """营销干部会议, every other week: four held, the next one a draft."""
        today = self.today

        def spec_on(day: date) -> MeetingSpec:
            return MeetingSpec(
                title=data.LEADERSHIP_TITLE,
                kind=MeetingKind.LEADERSHIP,
                purpose=data.LEADERSHIP_PURPOSE,
                start=self.local(day, 14),
                minutes=90,
                chair=data.DIRECTOR,
                location="总监办公室",
                items=list(data.LEADERSHIP_ITEMS),
                attendees=people,
                series_id=self.series["leadership"],
            )

        specs: list[MeetingSpec] = []
        last_leadership = workday_on_or_before(today - timedelta(days=3))
        for n in range(3, -1, -1):
            spec = spec_on(workday_on_or_before(last_leadership - timedelta(weeks=2 * n)))
            spec.actions = data.LEADERSHIP_ACTIONS
            spec.action_range = (2, 3)
            spec.decision_range = (1, 3)
            spec.key = f"leadership-{n}"
            if n == 1:  # time ran out: the last item was skipped
                spec.item_status["人员与培训"] = AgendaStatus.SKIPPED
                spec.overrun_items = ("回款与应收账款",)
            if n == 0:
                spec.speaking = "balanced"
                spec.forced_attendance = {"Sarah Chen": AttendanceStatus.EXCUSED}
            specs.append(spec)
        upcoming = spec_on(workday_on_or_after(last_leadership + timedelta(weeks=2)))
        upcoming.past = False
        upcoming.status = MeetingStatus.DRAFT
        upcoming.key = "leadership-next"
        specs.append(upcoming)
        return specs

    def _daily(self) -> list[MeetingSpec]:
        """The 早会 of 销售一部: weekdays of the last two weeks (and today once it is
        over), then the next one."""
        today = self.today
        specs: list[MeetingSpec] = []
        for back in range(DAILY_DAYS, -1, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            start = self.local(day, 8, 30)
            if back == 0 and start + timedelta(minutes=25) > self.now:
                continue  # not over yet (or not begun): the next one is scheduled below
            specs.append(self._daily_spec(start, past=True, key=f"daily-{back}"))
        next_daily = today if self.now < self.local(today, 8, 30) else today + timedelta(days=1)
        specs.append(
            self._daily_spec(
                self.local(workday_on_or_after(next_daily), 8, 30), past=False, key="daily-next"
            )
        )
        return specs

    def _daily_spec(self, start: datetime, past: bool, key: str) -> MeetingSpec:
        return MeetingSpec(
            title=data.DAILY_TITLE,
            kind=MeetingKind.DAILY,
            purpose=data.DAILY_PURPOSE,
            start=start,
            minutes=15,
            chair="王芳",
            location="销售一部办公区",
            items=list(data.DAILY_ITEMS),
            attendees=[(n, True) for n in data.SALES_ONE],
            series_id=self.series["daily"],
            past=past,
            status=MeetingStatus.CONFIRMED if past else MeetingStatus.CIRCULATED,
            circulated_at=None if past else self.local(self.today - timedelta(days=1), 18),
            language="daily",
            actions=data.DAILY_ACTIONS,
            action_range=(0, 1),
            decision_range=(0, 0),
            key=key,
        )

    def later_today(self) -> datetime:
        """At least an hour from now, today if at all possible."""
        earliest = self.now + timedelta(hours=1)
        for hour in (9, 10, 11, 14, 15, 16, 17, 19, 20, 21, 22):
            slot = self.local(self.today, hour)
            if slot >= earliest:
                return slot
        slot = self.local(self.today, 23, 30)
        if slot >= earliest:
            return slot
        return self.local(self.today + timedelta(days=1), 9)
