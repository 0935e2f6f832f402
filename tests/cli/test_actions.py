"""salestui actions list | add | done | edit, and followup."""

from __future__ import annotations

ACTION_KEYS = {
    "id", "title", "owners", "owner_ids", "due", "priority", "status", "meeting_id",
    "meeting_title", "created_at", "completed_at", "carried_count", "last_follow_up",
    "next_follow_up", "confidential",
}  # fmt: skip


def _ids(run, *args: str) -> list[int]:
    return [a["id"] for a in run("actions", "list", *args, "--json").ok().json()]


def _add_four(run) -> None:
    """Today is Fri 2026-11-27."""
    run("actions", "add", "提交回款计划", "--owner", "王芳", "--due", "下周五", "--meeting", "1",
        "--tag", "回款", "--priority", "1").ok()  # id 1, due 12-04  # fmt: skip
    run("actions", "add", "Send deck", "--owner", "Li", "--owner", "张伟", "--due", "fri").ok()
    run("actions", "add", "Old promise", "--owner", "li ming", "--due", "2026-11-20").ok()
    run("actions", "add", "Nobody's job", "--priority", "3").ok()  # id 4, unassigned


def test_add_and_list(org) -> None:
    run = org
    first = run(
        "actions", "add", "提交回款计划", "--owner", "wf", "--due", "下周五", "--meeting", "1",
        "--tag", "#回款", "--priority", "1", "--json",
    ).ok().json()  # fmt: skip
    assert set(first) == ACTION_KEYS
    assert first["id"] == 1 and first["owners"] == ["王芳"] and first["owner_ids"] == [2]
    assert first["due"] == "2026-12-04" and first["priority"] == 1
    assert first["meeting_id"] == 1 and first["meeting_title"] == "周例会"
    assert first["status"] == "open" and first["created_at"] == "2026-11-27T08:30:00+08:00"
    out = run("actions", "add", "Send deck", "--owner", "Li", "--owner", "张伟", "--due", "fri")
    assert out.ok().out.strip() == "Added action 2: Send deck"
    run("actions", "add", "Old promise", "--owner", "li ming", "--due", "2026-11-20").ok()
    run("actions", "add", "Nobody's job", "--priority", "3").ok()

    rows = run("actions", "list", "--json").ok().json()
    assert [r["id"] for r in rows] == [3, 2, 1, 4]  # soonest due first, no due last
    assert rows[1]["owners"] == ["Li Ming", "张伟"]

    filters = {
        ("--owner", "王"): [1],
        ("--owner", "张伟"): [2],
        ("--team", "华东"): [3, 2, 1],  # 王芳 and Li Ming are in 华东
        ("--team", "王芳"): [3, 2, 1],  # a person's reporting tree
        ("--overdue",): [3],
        ("--due-before", "下周五"): [3, 2],  # strictly before
        ("--meeting", "1"): [1],
        ("--tag", "回款"): [1],
        ("--priority", "3"): [4],
        ("--search", "deck"): [2],
        ("--unassigned",): [4],
        ("--status", "done"): [],
    }
    results = run.many(*(("actions", "list", *f, "--json") for f in filters))
    for (options, expected), result in zip(filters.items(), results, strict=True):
        assert [a["id"] for a in result.ok().json()] == expected, options
    # --json never cuts the list silently: a limit that leaves rows out says so on stderr.
    cut = run("actions", "list", "--limit", "2", "--json")
    assert cut.code == 0 and [a["id"] for a in cut.json()] == [3, 2]
    assert cut.err.strip() == "Showing 2 of 4; use --limit 0 to see all."

    table = run("actions", "list").ok().out
    for expected in ("提交回款计划", "Li Ming, 张伟", "7d overdue", "today", "4 Dec", "p1",
                     "(unassigned)", "周例会"):  # fmt: skip
        assert expected in table, expected
    limited = run("actions", "list", "--limit", "2").ok().out
    assert "Showing 2 of 4; use --limit 0 to see all." in limited


def test_done_edit_and_followup(org) -> None:
    run = org
    _add_four(run)
    done = run("actions", "done", "2", "--note", "sent", "--json").ok().json()
    assert done["status"] == "done" and done["completed_at"] == "2026-11-27T08:30:00+08:00"
    assert done["last_follow_up"] == "2026-11-27T08:30:00+08:00"
    assert _ids(run, "--status", "done") == [2]
    assert _ids(run, "--status", "open", "--status", "done", "--owner", "张伟") == [2]

    edited = run(
        "actions", "edit", "3", "--title", "Old promise (renegotiated)", "--owner", "王芳",
        "--owner", "张伟", "--due", "12月5日", "--priority", "1", "--status", "blocked", "--json",
    ).ok().json()  # fmt: skip
    assert edited["title"] == "Old promise (renegotiated)"
    assert edited["owners"] == ["王芳", "张伟"]  # replaced, not added to
    assert edited["due"] == "2026-12-05" and edited["priority"] == 1
    assert edited["status"] == "blocked"
    cleared = run("actions", "edit", "3", "--no-due", "--no-owner", "--json").ok().json()
    assert cleared["due"] is None and cleared["owners"] == []
    assert run("actions", "edit", "3", "--status", "open").ok().out.strip() == (
        "Changed action 3: Old promise (renegotiated)"
    )

    logged = run("followup", "1", "客户已确认", "--status", "waiting", "--due", "12/10",
                 "--next", "周一", "--json").ok().json()  # fmt: skip
    assert logged["status"] == "waiting" and logged["due"] == "2026-12-10"
    assert logged["next_follow_up"] == "2026-11-30"
    assert logged["last_follow_up"] == "2026-11-27T08:30:00+08:00"
    plain = run("followup", "4", "asked around").ok().out
    assert plain.strip() == "Follow-up logged on action 4: Nobody's job"


def test_bad_action_input_saves_nothing(org) -> None:
    run = org
    _add_four(run)
    before = run("actions", "list", "--json").ok().json()
    cases = (
        (("actions", "add", ""), 2),
        (("actions", "add", "x", "--due", "someday-never"), 2),
        (("actions", "add", "x", "--owner", "王芳", "--owner", "nobody"), 2),
        (("actions", "add", "x", "--priority", "4"), 2),
        (("actions", "add", "x", "--meeting", "99"), 1),
        (("actions", "list", "--owner", "nobody"), 2),
        (("actions", "list", "--team", "no such team"), 2),
        (("actions", "list", "--due-before", "whenever"), 2),
        (("actions", "list", "--meeting", "99"), 1),
        (("actions", "list", "--limit", "-1"), 2),
        (("actions", "done", "99"), 1),
        (("actions", "done", "x"), 2),
        (("actions", "edit", "99", "--title", "x"), 1),
        (("actions", "edit", "1"), 2),  # nothing to change
        (("actions", "edit", "1", "--title", ""), 2),
        (("actions", "edit", "1", "--due", "fri", "--no-due"), 2),
        (("actions", "edit", "1", "--owner", "nobody"), 2),
        (("actions", "edit", "1", "--due", "someday-never"), 2),
        (("actions", "edit", "1", "--status", "finished"), 2),
        (("followup", "1", ""), 2),
        (("followup", "1", "note", "--next", "someday-never"), 2),
        (("followup", "1", "note", "--status", "later"), 2),
        (("followup", "99", "note"), 1),
    )
    results = run.many(*(args for args, _code in cases))
    for (args, code), result in zip(cases, results, strict=True):
        line = result.assert_one_line_error(code)
        if "someday-never" in args:
            assert "someday-never" in line  # the message names what could not be read
    assert run("actions", "list", "--json").ok().json() == before


def test_due_buckets_series_and_urgency_sort(org) -> None:
    run = org
    _add_four(run)  # ids 1-4; today is Fri 2026-11-27
    run("actions", "add", "Today's call", "--owner", "王芳", "--due", "today").ok()  # id 5
    assert _ids(run, "--due", "overdue") == [3]
    assert _ids(run, "--due", "today") == [2, 5]  # "fri" is today
    assert _ids(run, "--due", "later") == [1]
    assert _ids(run, "--due", "none") == [4]
    assert _ids(run, "--due", "today", "--owner", "wf") == [5]
    # Urgency: the 7-day-late item first, the unassigned p3 without a date last.
    urgent = _ids(run, "--sort", "urgency")
    assert urgent[0] == 3 and urgent[-1] == 4
    run("actions", "list", "--series", "1").assert_one_line_error(1)  # no series yet
    bad = run("actions", "list", "--due", "soon")
    bad.assert_one_line_error(2)
    mixed = run("actions", "list", "--due", "today", "--due-before", "fri")
    mixed.assert_one_line_error(2)


def test_done_is_one_rule_for_cli_and_tui(org) -> None:  # type: ignore[no-untyped-def]
    """Done from the CLI clears what the item waited on (as the Actions screen does), and
    a second done changes nothing and logs nothing."""
    import sqlite3

    run = org
    run("actions", "add", "等财务确认返利", "--owner", "王芳").ok()
    run("followup", "1", "等财务", "--status", "waiting").ok()
    with sqlite3.connect(run.db) as conn:
        conn.execute("UPDATE action_items SET waiting_on = '财务部' WHERE id = 1")
    run("actions", "done", "1").ok()
    again = run("actions", "done", "1").ok().out
    assert again.startswith("Already done: action 1")
    with sqlite3.connect(run.db) as conn:
        waiting = conn.execute("SELECT waiting_on FROM action_items WHERE id = 1").fetchone()[0]
        logged = conn.execute(
            "SELECT count(*) FROM follow_ups WHERE action_id = 1 AND status = 'done'"
        ).fetchone()[0]
    assert waiting is None and logged == 1


def test_a_name_that_matches_several_people_is_refused_with_the_candidates(org) -> None:
    run = org
    run("people", "add", "李明", "--team", "华东", "--reports-to", "王芳").ok()
    run("people", "add", "刘洋", "--team", "华东", "--reports-to", "王芳").ok()
    before = run("actions", "list", "--json").ok().json()
    for name in ("l", "li"):  # Li Ming's word, 李明's syllable, 刘洋's initial
        for command in (
            ("actions", "list", "--owner", name),
            ("actions", "add", "Call the buyer", "--owner", name),
            ("people", "add", "赵磊", "--reports-to", name),
        ):
            message = run(*command).assert_one_line_error(2)
            assert f"{name} is ambiguous:" in message and "李明" in message, command
            assert "Li Ming" in message
    assert run("actions", "list", "--json").ok().json() == before  # nothing was added
    assert "赵磊" not in run("people", "list").ok().out
    # the whole name, the initials of one alone, or a whole word still name one person
    spelled = run("actions", "add", "Call the buyer", "--owner", "Li Ming", "--json").ok()
    assert spelled.json()["owners"] == ["Li Ming"]
    initials = run("actions", "add", "报价", "--owner", "ly", "--json").ok()
    assert initials.json()["owners"] == ["刘洋"]


def test_a_sorted_listing_gives_every_row_past_the_first_read(run, db, clock) -> None:
    from salestui.core.db import open_store
    from salestui.core.service import Services

    store = open_store(db)
    svc = Services(store, clock)
    svc.add_person("王芳")
    for n in range(1_203):  # more than two of the listing's 500-row reads
        svc.store.db.execute(
            "INSERT INTO action_items (title, priority, status, created_at, updated_at) "
            "VALUES (?, 2, 'open', '2026-11-01T00:00:00+00:00', '2026-11-01T00:00:00+00:00')",
            [f"item {n}"],
        )
    svc.store.db.conn.commit()
    store.close()
    for sort in ("owner", "urgency", "age"):
        rows = run("actions", "list", "--sort", sort, "--json").ok().json()
        assert len(rows) == 1_203 and len({r["id"] for r in rows}) == 1_203, sort
    cut = run("actions", "list", "--sort", "owner", "--limit", "700", "--jsonl").ok().out
    assert cut.splitlines()[-1] == '{"total":1203,"shown":700}'
    assert len(cut.splitlines()) == 701


def test_list_by_next_check_in(org) -> None:
    """--sort check-in: the soonest next check-in first, items without one last (by due)."""
    run = org
    for title, due in (("A", "2026-12-01"), ("B", "2026-12-02"), ("C", "2026-12-03")):
        run("actions", "add", title, "--owner", "王芳", "--due", due).ok()
    run("followup", "3", "客户下周回复", "--next", "2026-11-30").ok()
    run("followup", "2", "再问一次", "--next", "2026-12-05").ok()
    listed = run("actions", "list", "--sort", "check-in", "--json").ok().json()
    assert [(a["title"], a["next_follow_up"]) for a in listed] == [
        ("C", "2026-11-30"), ("B", "2026-12-05"), ("A", None)
    ]  # fmt: skip
    shown = run("views", "show", "check_ins", "--json").ok().json()
    assert [a["title"] for a in shown] == []  # none has come yet (today is 2026-11-27)
