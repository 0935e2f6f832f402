"""``salestui run capture MEETING /k ...``: the numbers line of the live console from the
command line - set, refused with one line on stderr (exit 2, nothing saved), undone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.numbers import NumbersService
from salestui.core.service import Services

NOW = {"SALESTUI_NOW": "2026-11-27T09:04:00+08:00"}


def sales_of(db: Path, clock: FixedClock, period: str, owner: str) -> Decimal | None:
    store = open_store(db)
    try:
        found = NumbersService(Services(store, clock)).value("sales", period, owner)
        return found.value if found else None
    finally:
        store.close()


def test_run_capture_takes_the_numbers_line(
    tmp_path: Path, db_path: Path, services: Services, clock: FixedClock, numbers_meeting,
    cli_runner,
) -> None:  # fmt: skip
    meeting = str(numbers_meeting.build(services))
    services.store.close()
    run = cli_runner(tmp_path, db_path)
    assert run("--me", "陈建国", "run", "start", meeting, **NOW).code == 0

    saved = run("--me", "陈建国", "run", "capture", meeting, "/k @zj sales 12 目标 22", **NOW)
    assert saved.ok().out.strip() == (
        "Saved: 销售额 · 周杰 · 2026-W47 actual 12 (was 10.4), goal 20: off track"
        " · 2026-W48 target 22"
    )
    shown = run("run", "capture", meeting, "--json", "--", "/k", "sales", "@wf", "35", **NOW)
    data = shown.ok().json()
    assert (data["kind"], data["owner"], data["value"], data["target"]) == (
        "number", "王芳", "35", None)  # fmt: skip
    assert sales_of(db_path, clock, "2026-W47", "周杰") == Decimal(12)

    bad = run("run", "capture", meeting, "/k @zj sales 1.23456", **NOW)
    assert bad.assert_one_line_error(2) == "Error: 1.23456 has more than 4 decimal places"
    unknown = run("run", "capture", meeting, "/k @nobody sales 1", **NOW)
    assert unknown.assert_one_line_error(2) == "Error: No one and no team is called nobody"
    assert sales_of(db_path, clock, "2026-W47", "周杰") == Decimal(12)

    run("run", "undo", meeting, **NOW).ok()  # 王芳's figure
    undone = run("run", "undo", meeting, **NOW).ok()
    assert "the number “销售额 · 周杰 12 target 22”" in undone.out
    assert sales_of(db_path, clock, "2026-W47", "周杰") == Decimal("10.4")


def test_run_scorecard_and_countermeasure(
    tmp_path: Path, db_path: Path, services: Services, numbers_meeting, cli_runner
) -> None:
    meeting = str(numbers_meeting.build(services))
    services.store.close()
    run = cli_runner(tmp_path, db_path)
    assert run("--me", "陈建国", "run", "start", meeting, **NOW).code == 0
    card = run("run", "scorecard", meeting, "--json", **NOW).ok().json()
    rows = {(r["measurable"], r["owner"]["name"]): r["status"] for r in card}
    assert rows[("销售额", "周杰")] == rows[("新客户拜访", "Li Ming")] == "off_track"

    refused = run("run", "countermeasure", meeting, "sales", "--owner", "周杰", "--cause", " ",
                  "拜访瑞丰科技", **NOW)  # fmt: skip
    assert refused.assert_one_line_error(2) == "Error: Say the cause of the gap"
    line = ("下周五", "拜访瑞丰科技", "p1")
    saved = run("run", "countermeasure", meeting, "sales", "--owner", "zj", "--cause",
                "订单推迟", *line, "--json", **NOW).ok().json()  # fmt: skip
    assert (saved["owner"], saved["period"], saved["cause"], saved["action"]) == (
        "周杰", "2026-W47", "订单推迟", "拜访瑞丰科技")  # fmt: skip

    moved = run("run", "next", meeting, **NOW)
    assert moved.code == 0 and moved.err_lines == [
        "Warning: 1 number off track without a countermeasure: 新客户拜访 · Li Ming "
        f"(salestui run countermeasure {meeting} ...)"
    ]


def test_numbers_and_ratings_are_undone_by_salestui_undo(
    tmp_path: Path, db_path: Path, services: Services, clock: FixedClock, numbers_meeting,
    cli_runner,
) -> None:  # fmt: skip
    meeting = str(numbers_meeting.build(services))
    services.store.close()
    run = cli_runner(tmp_path, db_path)
    me = ("--me", "王芳")
    run(*me, "numbers", "set", "sales", "12.5", "-p", "2026-W47", "--owner", "周杰").ok()
    assert run(*me, "run", "start", meeting, **NOW).code == 0  # (warnings on stderr)
    run(*me, "run", "end", meeting, SALESTUI_NOW="2026-11-27T09:40:00+08:00").ok()
    run(*me, "run", "rate", meeting, "王芳=7", "周杰=9").ok()
    run(*me, "run", "rate", meeting, "王芳=8").ok()  # replaces her 7
    steps = run("undo", "--list", "--json").ok().json()
    assert [(s["person"], s["kind"], s["summary"]) for s in steps[:2]] == [
        ("王芳", "rating", "Rated “周例会”: 王芳 8"),
        ("王芳", "rating", "Rated “周例会”: 王芳 7, 周杰 9"),
    ]
    assert run(*me, "undo").ok().out.startswith("Undid #")
    rated = run("run", "rate", meeting, "--json").ok().json()
    assert {r["name"]: r["rating"] for r in rated} == {"王芳": 7, "周杰": 9, "Li Ming": None}
    numbers_step = next(s for s in steps if s["kind"] == "numbers")
    assert numbers_step["summary"] == "Number 销售额 · 周杰 · 2026-W47: 12.5"
    run(*me, "undo", str(numbers_step["id"])).ok()
    assert sales_of(db_path, clock, "2026-W47", "周杰") == Decimal("10.4")
