"""The demo's ratings of its meetings (issue 15): everyone who was at a meeting of a series
gives it 1-10. The weekly meeting starts poorly rated - long, running over - and gets
better as it keeps to time; the daily huddle stays well liked; the leadership meeting
sits in between. Its own random stream: every other row of the demo stays as it was."""

from __future__ import annotations

import random

from salestui.core.models import AttendanceStatus
from salestui.demo.state import BuildState

# series key -> (first rating, last rating): the mean moves from one to the other.
TRENDS = {"weekly": (5.5, 7.8), "daily": (7.5, 8.0), "leadership": (6.5, 7.0)}
THERE = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def add_demo_ratings(state: BuildState, rng: random.Random) -> None:
    store = state.store
    for key, series_id in sorted(state.series.items()):
        first, last = TRENDS.get(key, (7.0, 7.0))
        held = sorted(state.held.get(series_id, []), key=lambda h: h.start)
        for index, meeting in enumerate(held):
            mean = first + (last - first) * index / max(1, len(held) - 1)
            ratings: dict[int, int | None] = {
                a.person_id: max(1, min(10, round(rng.gauss(mean, 1.2))))
                for a in store.list_attendance(meeting.meeting_id)
                if a.status in THERE
            }
            if ratings:
                store.set_meeting_ratings(meeting.meeting_id, ratings, meeting.start)
