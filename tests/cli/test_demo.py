"""salestui demo (needs salestui/demo/__init__.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("salestui.demo", reason="salestui/demo/__init__.py has not landed yet")

COUNTS = {
    "people", "teams", "series", "meetings", "agenda_items", "entries", "decisions",
    "actions", "follow_ups",
}  # fmt: skip


def test_demo_fills_an_empty_database_once(run) -> None:
    out = run("demo").ok().out
    assert "people: " in out and "actions: " in out
    people = run("people", "list", "--json").ok().json()
    actions = run("actions", "list", "--limit", "0", "--json").ok().json()
    counts = {line.split(":")[0].strip(): int(line.split(":")[1]) for line in out.splitlines()[1:]}
    assert counts["people"] == len(people) > 5
    assert counts["actions"] == len(actions) > 5
    assert run("meeting", "list", "--json").ok().json()

    # A second run refuses (exit 1, one line) and adds nothing ...
    line = run("demo").assert_one_line_error(1)
    assert "--force" in line
    assert len(run("people", "list", "--json").ok().json()) == len(people)
    # ... unless forced (the counts are of the whole database, here in Chinese).
    forced = run("demo", "--force", SALESTUI_LANG="zh-CN").ok().out
    assert "数据库现有" in forced and "人员: " in forced
    assert f"行动项: {2 * len(actions)}" in forced


def test_demo_scale_seed_and_bad_values(run) -> None:
    summary = run("demo", "--scale", "40", "--seed", "7", "--json").ok().json()
    assert set(summary) == COUNTS
    assert summary["actions"] >= 40
    for args in (("demo", "--scale", "-1"), ("demo", "--scale", "lots"), ("demo", "--seed", "x")):
        run(*args).assert_one_line_error(2)
