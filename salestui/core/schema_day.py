"""The tables of activity plans and daily reports (issue 18, rule 十五 行动报告制).

A self-contained list of statements: ``schema.py`` appends it as one migration (its number
may change when branches merge; the statements do not).

One row of ``visits`` is one visit: planned (``planned`` = 1, made from a plan entry) or
reported without a plan (``planned`` = 0). Its report is on the same row: ``outcome`` is
NULL until it is reported. ``day`` is the local date of the visit (``YYYY-MM-DD``).
Amounts are INTEGER ten-thousandths of 万元, as in the numbers review
(``core.numbers_amounts``). ``action_id``: the action item its next step became.
"""

from __future__ import annotations

DAY_MIGRATION: list[str] = [
    """CREATE TABLE IF NOT EXISTS visits (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        customer TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '',
        planned INTEGER NOT NULL DEFAULT 1,
        planned_amount INTEGER,
        outcome TEXT CHECK (outcome IN ('visited', 'not_reached', 'postponed')),
        result TEXT NOT NULL DEFAULT '',
        order_amount INTEGER,
        collection_amount INTEGER,
        next_step TEXT NOT NULL DEFAULT '',
        next_due TEXT,
        action_id INTEGER REFERENCES action_items(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        reported_at TEXT,
        reported_by INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX IF NOT EXISTS visits_person_day ON visits(person_id, day, id)",
    "CREATE INDEX IF NOT EXISTS visits_day ON visits(day, person_id)",
    "CREATE INDEX IF NOT EXISTS visits_customer ON visits(customer COLLATE NOCASE)",
]
