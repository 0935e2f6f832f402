"""salestui day plan | report | capture | show | action | remove (issue 18)."""

from __future__ import annotations


def test_plan_report_show_and_undo(org) -> None:
    run = org
    plan = run("day", "plan", "华联超市", "回款对账", "--amount", "12", "--person", "Li",
               "--date", "tomorrow", "--json").ok().json()  # fmt: skip
    assert plan["customer"] == "华联超市" and plan["planned_amount"] == "12"
    assert plan["date"] == "2026-11-28"
    run("day", "plan", "永辉", "--person", "Li").ok()
    line = "/r 永辉 已拜访 新品上架 订单 3 万 下一步: 12/1 送样品"
    report = run("day", "capture", line, "--person", "Li", "--json").ok().json()
    assert report["planned"] and report["order_amount"] == "3"
    assert report["next_step"] == "送样品" and report["next_due"] == "2026-12-01"
    unplanned = run("day", "report", "Acme", "cold", "call", "--collection", "2.5",
                    "--person", "Li", "--json").ok().json()  # fmt: skip
    assert unplanned["planned"] is False and unplanned["collection_amount"] == "2.5"

    shown = run("day", "show", "--person", "Li", "--json").ok().json()
    assert [v["customer"] for v in shown["visits"]] == ["永辉", "Acme"]
    assert (shown["planned"], shown["made"], shown["reported"]) == (1, 2, 2)
    table = run("day", "show", "--person", "Li").ok().out
    assert "永辉" in table and "送样品" in table and "2 made of 1 planned" in table

    action = run("day", "action", str(report["id"]), "--json").ok().json()
    assert action["title"] == "永辉: 送样品"
    owned = run("actions", "list", "--owner", "Li", "--json").ok().json()
    assert [a["title"] for a in owned] == ["永辉: 送样品"]
    run("undo").ok()
    assert run("actions", "list", "--owner", "Li", "--json").ok().json() == []

    team = run("day", "show", "--team", "华东", "--json").ok().json()
    assert [d["person"] for d in team] == ["王芳", "Li Ming"]


def test_bad_input_is_one_line_and_exit_2(org) -> None:
    run = org
    for args in (
        ("day", "plan", "华联", "--amount", "abc"),
        ("day", "plan", "华联", "--date", "下周八"),
        ("day", "plan", "华联", "--date", "2026-12-25"),  # more than a week ahead
        ("day", "plan", "华联", "--person", "nobody"),
        ("day", "report", "华联", "--order", "-1"),
        ("day", "capture", "hello"),
        ("day", "show", "--team", "nope"),
    ):
        run(*args).assert_one_line_error(2)
    assert run("day", "show", "--json").ok().json()["visits"] == []
    run("day", "action", "99").assert_one_line_error(1)
