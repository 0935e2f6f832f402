"""Analytics (issue 15): each attendee's 1-10 rating of a meeting, given at confirmation,
and the indexes the analytics queries read by.

A self-contained list of statements: ``schema.py`` appends it as one migration (its number
may change when branches merge; the statements do not).
"""

from __future__ import annotations

ANALYTICS_MIGRATION: list[str] = [
    """CREATE TABLE IF NOT EXISTS meeting_ratings (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
        rated_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, person_id)
    )""",
    # Meetings held, by when they started (the load per week, overruns, late starts).
    "CREATE INDEX IF NOT EXISTS meetings_held ON meetings(actual_start) "
    "WHERE actual_start IS NOT NULL AND actual_end IS NOT NULL",
    # Actions closed, by when (days to close).
    "CREATE INDEX IF NOT EXISTS action_items_completed ON action_items(completed_at) "
    "WHERE completed_at IS NOT NULL",
    # Items carried over three times or more (the follow-through's list).
    "CREATE INDEX IF NOT EXISTS action_items_carried ON action_items(carried_count) "
    "WHERE carried_count >= 3",
]
