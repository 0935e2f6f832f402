"""The numbers review's tables (issue 15, rule 十二 计数管理): measurables, their goals and
values per period and owner, the countermeasure actions linked to a missed number, and the
log of every value and goal ever set.

A self-contained list of statements: ``schema.py`` appends it as one migration (its number
may change when branches merge; the statements do not).

Numbers are stored exactly as INTEGER ten-thousandths (``core.numbers_amounts.SCALE``):
102.5 万元 is 1025000, 97.25 % is 972500. SQLite sums integers exactly, so totals and
variances computed in SQL never pick up binary-float noise; four decimal places are
enough for money in 万元 down to the yuan and for any percentage people type.

A period is a key: ``2026-W48`` (ISO week) or ``2026-11`` (month); in ``measurable_goals``
the key ``*`` is an owner's standing goal. An owner is a person (``person_id``) or a team
(``team``, the name as ``people.team`` writes it): exactly one of the two.
"""

from __future__ import annotations

_OWNER_CHECK = "CHECK ((person_id IS NULL) != (team IS NULL))"
# The owner as one comparable value, for the unique indexes and the joins that use them.
_OWNER_KEY = "coalesce(person_id, 0), coalesce(team, '')"

NUMBERS_MIGRATION: list[str] = [
    """CREATE TABLE IF NOT EXISTS measurables (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT,
        unit TEXT NOT NULL DEFAULT '',
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        team TEXT,
        direction TEXT NOT NULL DEFAULT 'higher'
            CHECK (direction IN ('higher', 'lower', 'band')),
        period TEXT NOT NULL DEFAULT 'week' CHECK (period IN ('week', 'month')),
        goal INTEGER,
        goal_high INTEGER,
        rollup TEXT NOT NULL DEFAULT 'sum' CHECK (rollup IN ('sum', 'average', 'none')),
        position INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        description TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS measurables_name ON measurables(name COLLATE NOCASE)",
    "CREATE UNIQUE INDEX IF NOT EXISTS measurables_key ON measurables(key COLLATE NOCASE) "
    "WHERE key IS NOT NULL",
    f"""CREATE TABLE IF NOT EXISTS measurable_goals (
        id INTEGER PRIMARY KEY,
        measurable_id INTEGER NOT NULL REFERENCES measurables(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        team TEXT,
        target INTEGER NOT NULL,
        target_high INTEGER,
        set_at TEXT NOT NULL,
        set_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        set_in_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        {_OWNER_CHECK}
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS measurable_goals_one "
    f"ON measurable_goals(measurable_id, period, {_OWNER_KEY})",
    f"""CREATE TABLE IF NOT EXISTS measurable_values (
        id INTEGER PRIMARY KEY,
        measurable_id INTEGER NOT NULL REFERENCES measurables(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        team TEXT,
        value INTEGER NOT NULL,
        entered_at TEXT NOT NULL,
        entered_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        source TEXT NOT NULL DEFAULT 'cli'
            CHECK (source IN ('tui', 'cli', 'import', 'meeting')),
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        {_OWNER_CHECK}
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS measurable_values_one "
    f"ON measurable_values(measurable_id, period, {_OWNER_KEY})",
    "CREATE INDEX IF NOT EXISTS measurable_values_person "
    "ON measurable_values(person_id, period) WHERE person_id IS NOT NULL",
    f"""CREATE TABLE IF NOT EXISTS measurable_actions (
        id INTEGER PRIMARY KEY,
        measurable_id INTEGER NOT NULL REFERENCES measurables(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        team TEXT,
        action_id INTEGER NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
        cause TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        {_OWNER_CHECK},
        UNIQUE (measurable_id, period, action_id)
    )""",
    "CREATE INDEX IF NOT EXISTS measurable_actions_period "
    "ON measurable_actions(measurable_id, period)",
    "CREATE INDEX IF NOT EXISTS measurable_actions_action ON measurable_actions(action_id)",
    # Never massage a number (切莫捏造数字): every value and goal set, with what it replaced.
    f"""CREATE TABLE IF NOT EXISTS measurable_log (
        id INTEGER PRIMARY KEY,
        measurable_id INTEGER NOT NULL REFERENCES measurables(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        team TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('value', 'goal')),
        old INTEGER,
        new INTEGER,
        old_high INTEGER,
        new_high INTEGER,
        at TEXT NOT NULL,
        changed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        source TEXT NOT NULL,
        {_OWNER_CHECK}
    )""",
    "CREATE INDEX IF NOT EXISTS measurable_log_period ON measurable_log(measurable_id, period, id)",
]

# The numbers review in the meeting (issue 15, "In the meeting"): the weekly meeting's
# standing results items become numbers-review items (the console shows the scorecard on
# them) - in its template, in its series' standing items, and in meetings not yet held.
# Only the titles the default template and the demo wrote, in either language.
_REVIEW_TITLES = (
    "('Last week''s results', 'Each salesperson''s numbers', '上周业绩回顾', '各销售员业绩')"
)
NUMBERS_ITEMS_MIGRATION: list[str] = [
    f"UPDATE template_items SET kind = 'numbers' WHERE title IN {_REVIEW_TITLES} "
    "AND template_id IN (SELECT id FROM templates WHERE kind = 'weekly')",
    f"UPDATE series_items SET kind = 'numbers' WHERE title IN {_REVIEW_TITLES} "
    "AND series_id IN (SELECT id FROM series WHERE kind = 'weekly')",
    f"UPDATE agenda_items SET kind = 'numbers' WHERE title IN {_REVIEW_TITLES} "
    "AND status = 'pending' AND meeting_id IN (SELECT id FROM meetings "
    "WHERE kind = 'weekly' AND status IN ('draft', 'circulated'))",
]

# What a meeting did to the numbers, found by its id instead of a read of every row: the
# minutes and the archive ask it of each meeting, and deleting a meeting sets these to NULL.
MEETING_NUMBERS_MIGRATION = (
    "CREATE INDEX IF NOT EXISTS measurable_values_meeting "
    "ON measurable_values(meeting_id) WHERE meeting_id IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS measurable_goals_meeting "
    "ON measurable_goals(set_in_meeting_id) WHERE set_in_meeting_id IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS measurable_actions_meeting "
    "ON measurable_actions(meeting_id) WHERE meeting_id IS NOT NULL",
)
