"""What "My day" and the daily meeting read: one person's day, a team's day.

A day holds its visits, the planned visits of the two weeks before it never reported
(flagged: "unreported planned visits are flagged the next morning"), and the instructions
the day's daily meetings gave each person - the notes that name them (``@王芳 ...``) and
the actions they own. Each read is a few indexed queries, whatever the team's history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from salestui.core.models import Person
from salestui.core.models.day import PersonDay, TeamDay
from salestui.core.people_order import sort_people

if TYPE_CHECKING:
    from salestui.core.service import Services
    from salestui.core.store import Store

FLAG_DAYS = 14  # how far back unreported planned visits are flagged
EVENING_FROM = 12  # a daily meeting starting at or after this hour reviews reports (夕会)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The local day as two aware moments (from midnight to the next midnight)."""
    start = datetime.combine(day, time(0)).astimezone()
    return start, datetime.combine(day + timedelta(days=1), time(0)).astimezone()


class DayReads:
    services: Services
    store: Store

    def my_day(self, person: Person, day: date | None = None) -> PersonDay:
        """One person's day (by default today)."""
        assert person.id is not None
        team = self.team_day([person.id], day or self.services.clock.today())
        return team.people[0]

    def team_day(
        self, person_ids: Sequence[int], day: date, meeting_ids: Sequence[int] | None = None
    ) -> TeamDay:
        """The day of each of these people, in this order. ``meeting_ids``: the daily
        meetings whose instructions count (by default the day's daily meetings)."""
        people = self.services.people_by_id()
        ids = [i for i in dict.fromkeys(person_ids) if i in people]
        days = {i: PersonDay(people[i], day) for i in ids}
        for visit in self.store.visits_on(ids, day):
            days[visit.person_id].visits.append(visit)
        first = day - timedelta(days=FLAG_DAYS)
        for visit in self.store.unreported_between(ids, first, day):
            days[visit.person_id].unreported_earlier.append(visit)
        if meeting_ids is None:
            meeting_ids = self.store.daily_meeting_ids(*day_bounds(day))
        for note in self.store.instruction_notes(meeting_ids, ids):
            days[note.person_id or 0].notes.append(note)
        owned = self.store.instruction_action_ids(meeting_ids, ids)
        actions = {a.id: a for a in self.store.actions_of(sorted({a for _p, a in owned}))}
        for person_id, action_id in owned:
            if action_id in actions:
                days[person_id].actions.append(actions[action_id])
        return TeamDay(day, [days[i] for i in ids])

    def meeting_day(self, meeting_id: int) -> TeamDay:
        """The team's day a daily meeting reviews: its attendees (and its chair, when
        they have visits), on the meeting's day; a meeting from noon on is a 夕会."""
        meeting = self.services.meeting(meeting_id)
        start = meeting.actual_start or meeting.scheduled_start or self.services.clock.now()
        start = start.astimezone()
        people = self.services.people_by_id()
        attending = [a.person_id for a in self.services.attendance(meeting_id)]
        if not attending and meeting.chair_id is not None:
            attending = self.services.reports_of(meeting.chair_id)
        ordered = sort_people([i for i in attending if i in people], people, lambda i: people[i])
        team = self.team_day(ordered, start.date(), [meeting_id])
        team.evening = start.hour >= EVENING_FROM
        team.meeting_id = meeting_id
        return team

    def planned_days(self, person: Person, first: date, last: date) -> dict[date, int]:
        """How many visits the person has on each day between two dates (for the day
        navigation: which days have plans)."""
        assert person.id is not None
        counts = self.store.visit_days(person.id, first, last)
        return {date.fromisoformat(day): count for day, count in counts.items()}
