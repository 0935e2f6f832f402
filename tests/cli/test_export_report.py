"""salestui export report (issue 15): the analytics as markdown tables, and salestui rates.

Runs on the demo organisation at the fixed clock (Fri 2026-11-27 08:30).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

Runner = Any  # tests/conftest.py's Runner (conftest modules are not importable)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, cli_runner: type[Runner]) -> Path:
    folder = tmp_path_factory.mktemp("report-demo")
    cli_runner(folder, folder / "demo.db")("demo").ok()
    return folder / "demo.db"


@pytest.fixture
def demo(tmp_path: Path, demo_db: Path, cli_runner: type[Runner]) -> Runner:
    """``run`` on a private copy of the demo database."""
    db = tmp_path / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{demo_db}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{db}{suffix}")
    return cli_runner(tmp_path, db)


def test_report_is_clean_markdown_and_the_same_every_time(demo: Runner, markdownlint: Any) -> None:
    first = demo("export", "report", "--period", "2026-11").ok().out
    assert first == demo("export", "report", "--period", "2026-11").ok().out
    for heading in (
        "## Numbers",
        "## Meetings",
        "## Follow-through",
        "### Meeting load",
        "### Planned vs actual per series",
        "### Overruns by kind of meeting",
        "### Done on time per person",
        "### Off track two periods running",
    ):
        assert heading in first  # fmt: skip
    assert "| 2026-11 |" in first  # the month's row of the load table
    chinese = demo("export", "report", "-p", "2026-W47", "--team", "销售一部",
                   SALESTUI_LANG="zh-CN").ok().out  # fmt: skip
    assert "## 会议" in chinese and "销售一部" in chinese
    assert markdownlint.many({"en.md": first, "zh.md": chinese}) == ""


def test_report_to_a_file(demo: Runner, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    printed = demo("export", "report", "-p", "2026-11").ok().out
    demo("export", "report", "-p", "2026-11", "-o", str(target)).ok()
    assert target.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("report")) == [
        "report.md"
    ]  # written atomically: no temporary file left beside it
    again = demo("export", "report", "-p", "2026-11", "-o", str(target))
    assert again.code == 1 and target.read_text(encoding="utf-8") == printed
    demo("export", "report", "-p", "2026-10", "-o", str(target), "--force").ok()
    assert target.read_text(encoding="utf-8") != printed


@pytest.mark.parametrize(
    "args",
    [
        ("--period", "2026-13"),
        ("--period", "yesterday-ish"),
        ("--period", "2026-11", "--team", "没有这个部门"),
    ],
)
def test_bad_period_or_team_is_one_line_and_exit_2(
    demo: Runner, tmp_path: Path, args: tuple[str, ...]
) -> None:
    target = tmp_path / "out.md"
    demo("export", "report", *args, "-o", str(target)).assert_one_line_error(2)
    assert not target.exists()


def test_rates_give_the_meetings_a_cost(demo: Runner) -> None:
    assert "No hourly rates set" in demo("rates").ok().out
    before = demo("export", "report", "-p", "2026-11").ok().out
    assert "salestui rates" in before
    demo("rates", "lead", "300").ok()
    demo("rates", "member", "150").ok()
    assert demo("rates", "--json").ok().json() == {"lead": "300", "member": "150"}
    after = demo("export", "report", "-p", "2026-11").ok().out
    assert "salestui rates" not in after
    demo("rates", "member", "--clear").ok()
    assert demo("rates", "--json").ok().json() == {"lead": "300"}
    demo("rates", "lead", "-5").assert_one_line_error(2)
    demo("rates", "lead", "lots").assert_one_line_error(2)
    demo("rates", "lead").assert_one_line_error(2)


def test_run_rate_stores_ratings_and_the_report_shows_them(demo: Runner) -> None:
    # meeting 22: the confirmed 营销部周例会 of 2026-11-20
    demo("run", "rate", "22", "王芳=8", "李明=6").ok()
    rated = {r["name"]: r["rating"] for r in demo("run", "rate", "22", "--json").ok().json()}
    assert rated["王芳"] == 8 and rated["李明"] == 6
    demo("run", "rate", "22", "李明=").ok()  # takes 李明's back
    assert {r["name"]: r["rating"] for r in demo("run", "rate", "22", "--json").ok().json()}[
        "李明"
    ] is None
    demo("run", "rate", "22", "李明=6").ok()
    demo("run", "rate", "22", "王芳=11", "李明=").assert_one_line_error(2)
    demo("run", "rate", "22", "王芳").assert_one_line_error(2)
    demo("run", "rate", "22", "nobody=5").assert_one_line_error(2)
    demo("run", "rate", "31", "王芳=5").assert_one_line_error(2)  # a draft: not held yet
    rated = {r["name"]: r["rating"] for r in demo("run", "rate", "22", "--json").ok().json()}
    assert rated["李明"] == 6  # nothing changed by the refused ones
    report = demo("export", "report", "-p", "2026-W47").ok().out
    assert "### Ratings per series" in report
    assert "| 营销部周例会 | 2026-W47 |" in report
