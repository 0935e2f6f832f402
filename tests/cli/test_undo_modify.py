"""``salestui undo`` and ``salestui actions modify`` as subprocesses on a real file: each
command is its own process, so every undo here is an undo after a restart."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def _rows(db: Path) -> list[tuple]:
    """Every item with its owners and tags, and the whole history (the journal aside)."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return [
            *conn.execute("SELECT * FROM action_items ORDER BY id"),
            *conn.execute("SELECT * FROM action_owners ORDER BY action_id, position"),
            *conn.execute("SELECT * FROM action_tags ORDER BY action_id, tag"),
            *conn.execute("SELECT * FROM follow_ups ORDER BY id"),
        ]


def _items(run, count: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(count):
        owner = "Li Ming" if n % 2 else "王芳"
        run("actions", "add", f"item {n}", "--owner", owner, "--due", "2026-12-04").ok()


def test_undo_lists_and_takes_back_my_changes(org, db: Path) -> None:
    run = org
    _items(run, 2)
    before = _rows(db)
    run("--me", "王芳", "actions", "done", "1").ok()
    run("--me", "Li Ming", "actions", "edit", "2", "--priority", "1", "--title", "item two").ok()
    listed = run("undo", "--list", "--json").ok().json()
    # (#1-#4: the organisation's people and meeting, made by the director as nobody said
    # who, once there was a director.)
    assert [(s["id"], s["person"], s["summary"], s["undone_at"]) for s in listed] == [
        (8, "Li Ming", "#2 “item two”: title → “item two”, priority → p1", None),
        (7, "王芳", "#1 “item 0”: status → done", None),
        (6, "张伟", "Added #2 “item 1”", None),
        (5, "张伟", "Added #1 “item 0”", None),
        (4, "张伟", "New meeting “周例会”", None),
        (3, "张伟", "Added Li Ming to the people", None),
        (2, "张伟", "Added 王芳 to the people", None),
        (1, "张伟", "Added 张伟 to the people", None),
    ]
    # My newest change, not Li Ming's newer one.
    undone = run("--me", "王芳", "undo").ok().out
    assert undone == "Undid #7: #1 “item 0”: status → done\n"
    undone = run("--me", "Li Ming", "undo", "8", "--json").ok().json()
    assert (undone["id"], undone["undone_by"]) == (8, "Li Ming")
    assert _rows(db) == before
    text = run("undo", "--list").ok().out.splitlines()
    assert text[0].split() == ["#", "When", "Who", "Change", "Undone"]
    assert "undone 2026-11-27 08:30 Fri by 王芳" in text[3]
    # Undone once only; nothing of mine left; an unknown step: one line, exit 2.
    assert run("undo", "7").assert_one_line_error(2).startswith("Error: #7 was undone already")
    assert run("--me", "王芳", "undo").assert_one_line_error(2) == "Error: Nothing of yours to undo"
    assert run("undo", "99").assert_one_line_error(2) == "Error: No change #99 in the journal"
    assert run("undo", "3", "--list").code == 2
    assert _rows(db) == before


def test_undo_refuses_over_a_later_change(org, db: Path) -> None:
    run = org
    _items(run, 1)
    run("--me", "王芳", "actions", "edit", "1", "--due", "2026-12-11").ok()
    run("--me", "Li Ming", "actions", "status", "1", "in_progress").ok()
    state = _rows(db)
    refused = run("--me", "王芳", "undo").assert_one_line_error(2)
    assert refused == (
        "Error: Not undone: what #6 changed was changed again by #7 (Li Ming: #1 “item 0”: "
        "status → in progress); undo #7 first"
    )
    assert _rows(db) == state
    run("--me", "Li Ming", "undo").ok()
    run("--me", "王芳", "undo").ok()
    history = run("actions", "history", "1", "--json").ok().json()["history"]
    # (Every process runs at the same fixed moment: the order of equal times is not said.)
    assert sorted((h["person"], h["what"]) for h in history) == [
        ("Li Ming", "Undid: #1 “item 0”: status → in progress"),
        ("张伟", "Created this item"),
        ("王芳", "Undid: #1 “item 0”: due → 2026-12-11"),
    ]


def test_modify_by_filter_is_one_step(org, db: Path) -> None:
    run = org
    _items(run, 6)
    before = _rows(db)
    args = ("actions", "modify", "--owner", "Li Ming", "--set-due", "2026-12-18",
            "--set-priority", "1", "--add-tag", "q4")  # fmt: skip
    dry = run(*args, "--dry-run").ok().out.splitlines()
    assert dry[0].split() == ["ID", "Title", "Changes"]
    assert dry[2].split(maxsplit=3)[:3] == ["2", "item", "1"]
    assert "due: 2026-12-04 → 2026-12-18; priority: p2 → p1; tags: - → #q4" in dry[2]
    assert dry[-1] == "Would change 3 items (of 3 matching); nothing was changed"
    assert _rows(db) == before
    assert run(*args).ok().out == "Changed 3 items (change #11; `salestui undo` takes it back)\n"
    changed = run("actions", "list", "--tag", "q4", "--json").ok().json()
    assert [(a["id"], a["due"], a["priority"]) for a in changed] == [
        (2, "2026-12-18", 1), (4, "2026-12-18", 1), (6, "2026-12-18", 1)
    ]  # fmt: skip
    assert run(*args, "--json").ok().json() == {"changed": 0, "matched": 3, "step": None}
    assert run(*args, "--yes", "--json").ok().json() == {"changed": 0, "matched": 3, "step": None}
    run("undo").ok()
    assert _rows(db) == before


def test_modify_bad_input_is_exit_2_and_changes_nothing(org, db: Path) -> None:
    run = org
    _items(run, 2)
    before = _rows(db)
    bad = [
        (("--set-due", "someday"), "Error: Unknown date: 'someday'"),
        (("--set-owner", "nobody"), "Error: No one is called nobody"),
        (("--owner", "nobody", "--set-priority", "1"), "Error: No one is called nobody"),
        ((), "Error: Nothing to change: give --set-due, --set-status, --set-owner, ..."),
        (("--set-status", "done", "--reason", "x"), "Error: Only a waiting or blocked item"),
        (("--set-priority", "5"), "Error: Invalid value for '--set-priority'"),
        (("--set-due", "fri", "--clear-due"), "Error: Give a due date or clear it, not both"),
    ]
    for args, message in bad:
        assert run("actions", "modify", *args).assert_one_line_error(2).startswith(message)
    assert _rows(db) == before


def test_modify_asks_before_changing_more_than_100_items(org, db: Path) -> None:
    run = org
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.executemany(
            "INSERT INTO action_items(title, created_at, updated_at) VALUES (?, ?, ?)",
            [(f"item {n}", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z") for n in range(101)],
        )
    before = _rows(db)
    refused = run("actions", "modify", "--set-priority", "1").assert_one_line_error(2)
    assert refused.startswith("Error: 101 items would change: add --yes to change them")
    assert _rows(db) == before
    assert (
        run("actions", "modify", "--set-priority", "1", "--yes")
        .ok()
        .out.startswith("Changed 101 items")
    )
    run("undo").ok()
    assert _rows(db) == before
