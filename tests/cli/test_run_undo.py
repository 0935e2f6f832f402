"""salestui run undo: the newest live edit taken back, one line; exit 1 when none is left.

The undo is kept in the database: each command below is its own process.
"""

from __future__ import annotations

from pathlib import Path

from salestui.core.db import open_store


def at(hhmm: str) -> dict[str, str]:
    return {"SALESTUI_NOW": f"2026-11-30T{hhmm}:00+08:00"}


def test_undo_takes_back_live_edits_one_by_one(org, db: Path) -> None:
    run = org
    run("agenda", "add", "1", "回款计划", "--minutes", "10").ok()
    run("agenda", "add", "1", "预算", "--minutes", "10").ok()
    assert run("run", "start", "1", **at("09:00")).code == 0
    run("run", "capture", "1", "/d", "华东区回款计划通过", **at("09:01")).ok()
    run("run", "capture", "1", "/a", "@王芳", "下周五", "提交回款计划", **at("09:02")).ok()
    run("run", "next", "1", **at("09:05")).ok()

    undone = run("run", "undo", "1", **at("09:06"))
    assert undone.code == 0, undone.err
    assert undone.out.splitlines() == ["Undone: moving on from “回款计划”"]
    undone = run("run", "undo", "1", **at("09:06")).ok()
    assert undone.out.splitlines() == ["Undone: the line “提交回款计划”"]

    with open_store(db) as store:
        assert store.count("action_items") == 0
        assert [d.text for d in store.list_decisions(1)] == ["华东区回款计划通过"]
        agenda = store.list_agenda(1)
        assert [i.status.value for i in agenda] == ["active", "pending"]

    run("run", "undo", "1", **at("09:07")).ok()
    empty = run("run", "undo", "1", **at("09:07"))
    assert empty.code == 1
    assert empty.out == ""
    assert empty.err_lines == ["Error: Nothing left to undo in this meeting"]


def test_undo_in_chinese_and_of_an_unknown_meeting(org) -> None:
    run = org
    assert run("run", "start", "1", **at("09:00")).code == 0
    run("run", "capture", "1", "下周销售目标", **at("09:01")).ok()
    undone = run("run", "undo", "1", SALESTUI_LANG="zh-CN", **at("09:02"))
    assert undone.code == 0, undone.err
    assert undone.out.splitlines() == ["已撤销：记录“下周销售目标”"]
    missing = run("run", "undo", "99")
    assert missing.code == 1 and len(missing.err_lines) == 1
    assert missing.err_lines[0].startswith("Error: ")
