"""salestui views list | show: the Actions list's views from the command line."""

from __future__ import annotations

import json


def _org_with_items(run) -> None:
    """王芳 leads Li Ming; 张伟 (director) is outside her team. Today is Fri 2026-11-27."""
    run("actions", "add", "Li's late quote", "--owner", "Li Ming", "--due", "2026-11-20").ok()
    run("actions", "add", "张伟的逾期事项", "--owner", "张伟", "--due", "2026-11-19").ok()
    run("actions", "add", "This week", "--owner", "Li Ming", "--due", "2026-12-03").ok()
    run("actions", "add", "Next month", "--owner", "Li Ming", "--due", "2026-12-28").ok()


def test_views_list_names_each_view_and_its_key(org) -> None:
    run = org
    plain = run("--me", "Li Ming", "views", "list").ok().out
    assert "overdue" in plain and "Overdue\n" in plain and "my team" not in plain
    lead = run("--me", "王芳", "views", "list", "--json").ok().json()
    by_key = {v["key"]: v for v in lead}
    assert by_key["overdue"]["name"] == "Overdue · my team"
    assert by_key["blocked"]["filter"]["statuses"] == ["blocked"]
    assert not by_key["open"]["saved"]
    zh = run("--me", "王芳", "--lang", "zh-CN", "views", "list").ok().out
    assert "已逾期 · 我的团队" in zh


def test_views_show_lists_a_view_for_me_and_for_the_department(org) -> None:
    run = org
    _org_with_items(run)

    def titles(*args: str) -> list[str]:
        return [r["title"] for r in run("--me", "王芳", "views", "show", *args, "--json")
                .ok().json()]  # fmt: skip

    assert titles("overdue") == ["Li's late quote"]  # her team only
    assert titles("overdue:all") == ["张伟的逾期事项", "Li's late quote"]
    assert titles("week") == ["This week"]  # the next 7 days
    text = run("--me", "王芳", "views", "show", "Overdue · my team").ok().out
    assert text.splitlines()[0] == "Overdue · my team" and "Li's late quote" in text
    lines = run("--me", "王芳", "views", "show", "open", "--limit", "1", "--jsonl").ok().out
    assert json.loads(lines.splitlines()[-1]) == {"total": 4, "shown": 1}


def test_a_saved_view_is_shown_by_name(org, db, clock) -> None:
    from salestui.core.db import open_store
    from salestui.core.service import Services
    from salestui.core.views import ActionFilter, Views

    run = org
    _org_with_items(run)
    store = open_store(db)
    Views(Services(store, clock)).save("华东 later", ActionFilter(text="month"))
    store.close()
    shown = run("views", "show", "华东 later", "--json").ok().json()
    assert [r["title"] for r in shown] == ["Next month"]
    assert run("views", "show", "saved:华东 later", "--json").ok().json() == shown


def test_an_unknown_view_is_bad_input(org) -> None:
    run = org
    message = run("views", "show", "nope").assert_one_line_error(2)
    assert "No view called nope" in message
    assert run("views", "show", "open", "--json", "--jsonl").code == 2
    who = run("--me", "nobody", "views", "show", "mine").assert_one_line_error(2)
    assert "Who are you?" in who
