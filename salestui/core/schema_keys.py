"""The sort keys of the actions list, in the schema (issue 14, "Scale beyond 100k").

Every sort of the actions list but urgency reads a window along its own index, so that a
window costs the same whatever the table's size. The owner sort needs the first owner's
name on the item itself: ``owner_name``, kept by triggers on action_owners and people.
Released with the schema: never edit these statements, add a migration.
"""

from __future__ import annotations

FAR_FUTURE = "9999-12-31"  # the due key of an item without a due date: after every date
NO_OWNER = "\U0010ffff"  # the owner key of an unassigned item: after every name
OPEN_STATUS_SQL = "'open', 'in_progress', 'waiting', 'blocked'"
_FIRST_OWNER = (
    "(SELECT p.name FROM action_owners o JOIN people p ON p.id = o.person_id "
    "WHERE o.action_id = action_items.id AND o.position = 0)"
)
OWNER_NAME_TRIGGERS = (
    "CREATE TRIGGER action_owners_name_ai AFTER INSERT ON action_owners "
    f"WHEN new.position = 0 BEGIN UPDATE action_items SET owner_name = {_FIRST_OWNER} "
    "WHERE id = new.action_id; END",
    "CREATE TRIGGER action_owners_name_ad AFTER DELETE ON action_owners "
    f"WHEN old.position = 0 BEGIN UPDATE action_items SET owner_name = {_FIRST_OWNER} "
    "WHERE id = old.action_id; END",
    "CREATE TRIGGER action_owners_name_au AFTER UPDATE ON action_owners "
    f"BEGIN UPDATE action_items SET owner_name = {_FIRST_OWNER} "
    "WHERE id IN (old.action_id, new.action_id); END",
    "CREATE TRIGGER people_name_au AFTER UPDATE OF name ON people "
    "BEGIN UPDATE action_items SET owner_name = new.name WHERE id IN "
    "(SELECT action_id FROM action_owners WHERE person_id = new.id AND position = 0); END",
)
SET_OWNER_NAME = f"UPDATE action_items SET owner_name = {_FIRST_OWNER}"
# The names of the items given a first owner in the action_owners rows after rowid ``?``,
# unless inserted with one (a bulk load pauses the insert trigger and fills them at the end).
OWNER_NAME_FILL = (
    f"{SET_OWNER_NAME} WHERE owner_name IS NULL AND id IN "
    "(SELECT action_id FROM action_owners WHERE rowid > ? AND position = 0)"
)

SORT_KEYS_MIGRATION: tuple[str, ...] = (
    "ALTER TABLE action_items ADD COLUMN owner_name TEXT",
    f"{SET_OWNER_NAME} WHERE id IN (SELECT action_id FROM action_owners WHERE position = 0)",
    *OWNER_NAME_TRIGGERS,
    f"CREATE INDEX action_items_due_key ON action_items(coalesce(due, '{FAR_FUTURE}'), priority)",
    # Serves what (priority, due, id) of MIGRATION_1 did - a priority filter - and the sort.
    "DROP INDEX IF EXISTS action_items_priority",
    "CREATE INDEX action_items_priority_key "
    f"ON action_items(priority, coalesce(due, '{FAR_FUTURE}'))",
    "CREATE INDEX action_items_owner_key "
    f"ON action_items(coalesce(owner_name, '{NO_OWNER}'), coalesce(due, '{FAR_FUTURE}'))",
    # The open items with every column of the urgency score: scored without the table.
    "CREATE INDEX action_items_open_keys "
    "ON action_items(status, due, priority, created_at, carried_count) "
    f"WHERE status IN ({OPEN_STATUS_SQL})",
)

# Each item's owners in their order straight from an index (no sort per item): the JSON
# listing reads them for every row (issue 14).
OWNER_ORDER_MIGRATION = (
    "CREATE INDEX IF NOT EXISTS action_owners_order "
    "ON action_owners(action_id, position, person_id)",
)
