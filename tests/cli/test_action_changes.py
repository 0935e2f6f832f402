"""``actions status``, ``actions reopen`` and ``actions escalate`` as subprocesses on a real
file: the change and its history, "already so" writing nothing, and bad input refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def _history(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute(
            "SELECT f.kind, f.status, f.note, p.name FROM follow_ups f "
            "LEFT JOIN people p ON p.id = f.person_id ORDER BY f.id"
        ).fetchall()


def _item(db: Path) -> tuple:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute(
            "SELECT status, waiting_on, blocked_by, completed_at, updated_at FROM action_items"
        ).fetchone()


def test_status_reopen_and_escalate(org, db: Path) -> None:
    run = org
    run("actions", "add", "报价单给恒达", "--owner", "Li Ming").ok()
    out = run("actions", "status", "1", "waiting", "--reason", "恒达采购部", "--note", "等回复")
    assert out.ok().out.strip() == "Status changed: action 1: 报价单给恒达"
    assert _item(db)[:3] == ("waiting", "恒达采购部", None)
    again = run("actions", "status", "1", "waiting").ok().out
    assert again.startswith("Already so: action 1")
    assert _history(db) == [("status", "waiting", "等回复", None)]  # the repeat logged nothing

    run("actions", "status", "1", "blocked", "--reason", "合同未签").ok()
    assert _item(db)[:3] == ("blocked", None, "合同未签")
    run("actions", "done", "1").ok()
    done_at = _item(db)[3]
    assert done_at is not None
    reopened = run("actions", "reopen", "1", "--note", "客户改了需求", "--json").ok().json()
    assert reopened["status"] == "open" and reopened["completed_at"] is None
    before = _item(db)
    assert run("actions", "reopen", "1").ok().out.startswith("Already open: action 1")
    assert _item(db) == before  # not even the time of the last change moved

    up = run("actions", "escalate", "1", "--note", "需要支援").ok().out
    assert up.strip() == "Escalated to 王芳: action 1: 报价单给恒达"
    assert run("actions", "list", "--json").ok().json()[0]["owners"] == ["Li Ming", "王芳"]
    assert _history(db)[-1] == ("escalate", None, "需要支援", "王芳")


def test_bad_input_changes_nothing(org, db: Path) -> None:
    run = org
    run("actions", "add", "Send deck", "--owner", "张伟").ok()
    before = (_item(db), _history(db))
    message = run("actions", "status", "1", "done", "--reason", "x").assert_one_line_error(2)
    assert "Only a waiting or blocked item takes a reason" in message
    assert run("actions", "status", "1", "asleep").code == 2  # click names the choices
    assert "No action item with id 9" in run("actions", "reopen", "9").assert_one_line_error(1)
    # 张伟 is the director: there is no one above him to escalate to.
    top = run("actions", "escalate", "1").assert_one_line_error(2)
    assert top == "Error: 张伟 has no manager to escalate to"
    assert (_item(db), _history(db)) == before


def test_edit_that_changes_nothing_writes_nothing(org, db: Path) -> None:
    run = org
    run("actions", "add", "Send deck", "--owner", "王芳").ok()
    before = _item(db)
    run("actions", "edit", "1", "--owner", "王芳", "--status", "open", "--note", "同上").ok()
    assert _item(db) == before and _history(db) == []
    run("actions", "edit", "1", "--owner", "Li Ming", "--note", "王芳出差").ok()
    assert _history(db) == [("reassign", None, "王芳出差", "Li Ming")]
