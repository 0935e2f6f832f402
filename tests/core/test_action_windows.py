"""The actions list's windows read along the sort indexes (issue 14, "Scale beyond 100k")
give the same rows in the same order as sorting every matching row: each sort, several
filters, forwards, backwards, from the end and by offset, on a few thousand random rows
with many ties. The first owner's name that the owner sort reads is kept by triggers."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from salestui.core import schema
from salestui.core.db import open_store
from salestui.core.followup import urgency
from salestui.core.models import OPEN_STATUSES, SORTS, ActionListRow, ActionQuery, ActionStatus
from salestui.core.schema_keys import FAR_FUTURE, NO_OWNER
from salestui.core.service import Services
from salestui.core.store import Store
from salestui.core.views import ActionFilter, ActionPager

TODAY = date(2026, 11, 27)
PEOPLE = ["王芳", "Li Ming", "alice", "Bob", "赵磊", "Zed"]  # BINARY order: Bob < Li < Zed < alice
ROWS = 2_500
BROAD = 10**9  # "matching" so large that every window reads along the index
Order = Callable[[ActionListRow], tuple[Any, ...]]


def _due(row: ActionListRow) -> str:
    return row.due.isoformat() if row.due else FAR_FUTURE


ORDERS: dict[str, Order] = {
    "urgency": lambda r: (-urgency(r, TODAY).score, _due(r), r.id),
    "due": lambda r: (_due(r), r.priority, r.id),
    "priority": lambda r: (r.priority, _due(r), r.id),
    "owner": lambda r: (r.owners[0] if r.owners else NO_OWNER, _due(r), r.id),
    "age": lambda r: (r.created_at, r.id),
    "check-in": lambda r: (
        r.next_follow_up.isoformat() if r.next_follow_up else FAR_FUTURE,
        _due(r),
        r.id,
    ),
}


def fill(store: Store, count: int = ROWS, seed: int = 14) -> None:
    """``count`` random items: few distinct due dates, priorities and owners (many ties),
    every status, some unassigned, some with two owners, some tagged."""
    rng = random.Random(seed)
    people = []
    for name in PEOPLE:
        store.db.execute(
            "INSERT INTO people(name, created_at) VALUES (?, '2026-01-01T00:00:00Z')", [name]
        )
        people.append(store.max_id("people"))
    base = store.max_id("action_items") + 1
    actions, owners, tags = [], [], []
    for n in range(count):
        due = None if rng.random() < 0.15 else TODAY + timedelta(days=rng.randint(-40, 20))
        created = datetime(2026, 11, 27, 8, tzinfo=UTC) - timedelta(hours=rng.randint(0, 2400))
        check_in = None if rng.random() < 0.6 else TODAY + timedelta(days=rng.randint(-5, 5))
        actions.append(
            {
                "id": base + n,
                "title": f"item {n} {rng.choice(['回款计划', 'quote', '报价'])}",
                "due": due.isoformat() if due else None,
                "priority": rng.choice((1, 2, 2, 3)),
                "status": rng.choice(list(ActionStatus)).value,
                "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "updated_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "carried_count": rng.choice((0, 0, 1, 3)),
                "next_follow_up": check_in.isoformat() if check_in else None,
            }
        )
        if rng.random() > 0.1:
            chosen = rng.sample(people, 2 if rng.random() < 0.2 else 1)
            owners += [
                {"action_id": base + n, "person_id": p, "position": i} for i, p in enumerate(chosen)
            ]
        if rng.random() < 0.3:
            tags.append({"action_id": base + n, "tag": "urgent"})
    store.bulk_insert("action_items", actions)
    store.bulk_insert("action_owners", owners)  # the triggers write owner_name
    store.bulk_insert("action_tags", tags)


@pytest.fixture
def big(services: Services) -> Services:
    fill(services.store)
    return services


def filters(store: Store) -> dict[str, ActionQuery]:
    wang = store.person_by_name("王芳")
    assert wang is not None and wang.id is not None
    return {
        "everything": ActionQuery(),
        "open": ActionQuery(statuses=list(OPEN_STATUSES)),
        "done": ActionQuery(statuses=[ActionStatus.DONE]),
        "waiting or done": ActionQuery(statuses=[ActionStatus.WAITING, ActionStatus.DONE]),
        "overdue": ActionQuery(statuses=list(OPEN_STATUSES), due_before=TODAY),
        "owner": ActionQuery(owner_ids=[wang.id]),
        "unassigned": ActionQuery(unassigned=True),
        "tag p1": ActionQuery(tag="urgent", priority=1),
        "no due": ActionQuery(has_due=False),
        "text": ActionQuery(text="回款计划"),
        "check-ins due": ActionQuery(check_in_by=TODAY),
    }


def expected_order(store: Store, query: ActionQuery, sort: str) -> list[int]:
    """Every matching row sorted in Python by what the sort means (not by SQL keys)."""
    ids = [i for i, _ in store.action_keys(query, "age", TODAY, limit=ROWS * 2)]
    return [r.id for r in sorted(store.action_rows(ids), key=ORDERS[sort])]


def walk(store: Store, query: ActionQuery, sort: str, matching: int | None) -> None:
    """Forwards and backwards in uneven windows, from the end, and by offset."""
    expected = expected_order(store, query, sort)

    def keys(**where: Any) -> list[tuple[int, Any]]:
        return store.action_keys(query, sort, TODAY, matching=matching, **where)

    forwards: list[int] = []
    found = keys(limit=37)
    while found:
        forwards += [i for i, _ in found]
        found = keys(after=found[-1][1], limit=37)
    assert forwards == expected
    backwards: list[int] = []
    found = keys(from_end=True, limit=23)
    while found:
        backwards = [i for i, _ in found] + backwards
        found = keys(before=found[0][1], limit=23)
    assert backwards == expected
    for start in (0, 1, len(expected) // 2, max(0, len(expected) - 5)):
        assert [i for i, _ in keys(offset=start, limit=50)] == expected[start : start + 50]


@pytest.mark.parametrize("sort", SORTS)
def test_windows_along_the_indexes_equal_a_full_sort(big: Services, sort: str) -> None:
    store = big.store
    for name, query in filters(store).items():
        assert store.count_actions(query) > 0, name
        walk(store, query, sort, matching=BROAD)


@pytest.mark.parametrize("sort", SORTS)
def test_windows_of_a_sorted_query_equal_a_full_sort(big: Services, sort: str) -> None:
    store = big.store
    for query in filters(store).values():
        walk(store, query, sort, matching=None)


def test_a_broad_filter_reads_along_the_index(big: Services) -> None:
    """Whether a window goes along the index follows the share of the table matched."""
    store = big.store
    assert store._broad(ROWS) and store._broad(ROWS // 2)
    assert not store._broad(20) and not store._broad(None) and not store._broad(0)
    plan = " ".join(
        str(row)
        for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM action_items a INDEXED BY "
            "action_items_owner_key WHERE coalesce(a.owner_name, ?) > ? ORDER BY "
            f"coalesce(a.owner_name, '{NO_OWNER}'), coalesce(a.due, '{FAR_FUTURE}'), a.id "
            "LIMIT 5",
            [NO_OWNER, "Bob"],
        )
    )
    assert "TEMP B-TREE" not in plan  # the index gives the order: nothing sorted


def test_the_pager_gives_the_same_rows_either_way(big: Services) -> None:
    for sort in SORTS:
        action_filter = ActionFilter(statuses=tuple(OPEN_STATUSES), sort=sort)
        pager = ActionPager(big, action_filter, window=40)
        expected = expected_order(big.store, pager.query, sort)
        assert pager.total == len(expected)
        assert big.store._broad(pager.total)
        assert pager.ids(pager.total - 30, pager.total) == expected[-30:]  # the end first
        assert pager.ids(0, pager.total) == expected


def owner_names(store: Store) -> dict[int, str | None]:
    return dict(store.db.execute("SELECT id, owner_name FROM action_items").fetchall())


def first_owners(store: Store) -> dict[int, str | None]:
    ids = [i for i, _ in store.action_keys(ActionQuery(), "age", TODAY, limit=ROWS * 2)]
    return {r.id: (r.owners[0] if r.owners else None) for r in store.action_rows(ids)}


def test_triggers_keep_the_first_owners_name(big: Services) -> None:
    store = big.store
    assert owner_names(store) == first_owners(store)
    big.edit_person(big.find_person("Bob").id, name="Bobby")  # type: ignore[arg-type]
    action = store.get_action(5)
    assert action is not None
    action.owner_ids = [big.find_person("Zed").id, *action.owner_ids]  # type: ignore[list-item]
    store.update_action(action, big.clock.now())
    store.db.execute("DELETE FROM people WHERE name = ?", ["Li Ming"])  # cascades to owners
    store.db.execute(
        "DELETE FROM action_owners WHERE position = 0 AND action_id IN "
        "(SELECT action_id FROM action_owners WHERE position = 1)"
    )
    store.db.execute("UPDATE action_owners SET position = 0 WHERE position = 1")
    assert owner_names(store) == first_owners(store)
    walk(store, ActionQuery(), "owner", matching=BROAD)


def test_an_upgraded_file_gains_the_owner_names(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "v3.db"
    released = schema.MIGRATIONS[: schema.SORT_KEYS_VERSION - 1]
    with monkeypatch.context() as patched:
        patched.setattr(schema, "MIGRATIONS", released)
        patched.setattr(schema, "LATEST_VERSION", len(released))
        store = open_store(path)
        fill(store, count=300)
        assert not store._sort_keys_ready()
        old = {s: expected_order(store, ActionQuery(), s) for s in SORTS}
        walk(store, ActionQuery(), "owner", matching=BROAD)  # the old file: sorted queries
        store.close()
    store = open_store(path)
    try:
        assert store.user_version == schema.LATEST_VERSION >= schema.SORT_KEYS_VERSION
        assert owner_names(store) == first_owners(store)
        for sort in SORTS:
            ids = [i for i, _ in store.action_keys(ActionQuery(), sort, TODAY, limit=1000)]
            assert ids == old[sort]
            walk(store, ActionQuery(), sort, matching=BROAD)
    finally:
        store.close()
