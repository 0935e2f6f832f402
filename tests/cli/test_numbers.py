"""salestui numbers list|add|set|goal|scorecard|import|export, run as subprocesses on the
small organisation of ``org`` (张伟 directs 营销部; 王芳 leads 华东 with Li Ming).
Today is Fri 2026-11-27: ISO week 48, last week 2026-W47."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl


def _measurables(run) -> None:
    run("numbers", "add", "销售额", "--unit", "万元", "--owner", "华东", "--key", "sales",
        "--goal", "120").ok()  # fmt: skip
    run("numbers", "add", "库存周转", "--direction", "band", "--goal", "90..110",
        "--period", "month", "--owner", "张伟").ok()  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["指标", "期间", "负责人", "实绩", "目标"])
        writer.writerows(rows)
    return path


def test_add_list_set_goal_and_the_scorecard(org) -> None:
    run = org
    _measurables(run)
    listed = run("numbers", "list", "--json").ok().json()
    assert [(m["name"], m["owner"]["name"], m["goal"], m["goal_high"]) for m in listed] == [
        ("销售额", "华东", "120", None),
        ("库存周转", "张伟", "90", "110"),
    ]
    text = run("numbers", "list").ok().out
    assert "销售额" in text and "higher is better" in text and "90..110" in text
    out = run("numbers", "set", "sales", "102.5", "-p", "上周", "--owner", "wf").ok().out
    assert out.strip() == "销售额 2026-W47 for 王芳: 102.5 万元"
    run("numbers", "set", "sales", "80", "-p", "2026-W47", "--owner", "Li Ming").ok()
    run("numbers", "goal", "sales", "60", "-p", "2026-W47", "--owner", "li").ok()
    value = run("numbers", "set", "库存周转", "95", "-p", "2026-10", "--json").ok().json()
    assert value["value"] == "95" and value["owner"]["name"] == "张伟"

    rows = run("numbers", "scorecard", "--json").ok().json()  # last week by default
    by_owner = {r["owner"]["name"]: r for r in rows}
    assert set(by_owner) == {"华东", "王芳", "Li Ming"}
    team = by_owner["华东"]
    assert (team["goal"]["target"], team["actual"], team["rolled_up"]) == ("120", "182.5", True)
    assert (team["variance"], team["variance_pct"], team["status"]) == ("62.5", "52.1", "on_track")
    li = by_owner["Li Ming"]
    assert (li["goal"]["source"], li["variance"], li["status"]) == ("period", "20", "on_track")
    assert len(li["history"]) == 13 and li["history"][-1]["period"] == "2026-W47"
    text = run("numbers", "scorecard", "2026-W47", "--team", "华东").ok().out
    assert text.splitlines()[0] == "Scorecard 2026-W47 · 16 Nov–22 Nov"
    assert "182.5*" in text and "no goal" in text
    month = run("numbers", "scorecard", "--month", "--json").ok().json()
    assert [(r["measurable"], r["status"]) for r in month] == [("库存周转", "on_track")]
    zh = run("--lang", "zh-CN", "numbers", "scorecard", "2026-W47").ok().out
    assert "达标" in zh and "销售额" in zh


def test_bad_input_is_one_line_exit_2_and_changes_nothing(org, db: Path) -> None:
    run = org
    _measurables(run)
    run("numbers", "set", "sales", "10", "-p", "2026-W46", "--owner", "王芳").ok()
    before = run("numbers", "export").ok().out
    for args, message in (
        (("set", "sales", "abc", "-p", "上周", "--owner", "王芳"), "abc is not a number"),
        (("set", "sales", "1.00001", "-p", "上周", "--owner", "王芳"), "decimal places"),
        (("set", "sales", "1", "-p", "2026-W54", "--owner", "王芳"), "No such period"),
        (("set", "sales", "1", "-p", "someday", "--owner", "王芳"), "not a period"),
        (("set", "sales", "1", "-p", "2026-11", "--owner", "王芳"), "is a month"),
        (("set", "sales", "1", "-p", "上周", "--owner", "赵磊"), "No one and no team"),
        (("set", "毛利", "1", "-p", "上周"), "No measurable called 毛利"),
        (("set", "sales", "-p", "上周"), "Give a VALUE"),
        (("set", "sales", "1", "-p", "上周", "--owner", "王芳", "--clear"), "Give a VALUE"),
        (("goal", "sales", "1", "--owner", "王芳"), "--period P or --standing"),
        (("goal", "库存周转", "100", "--standing"), "low and a high"),
        (("goal", "sales", "5", "-p", "上周", "--high", "9"), "Only a band"),
        (("add", "销售额"), "already exists"),
        (("add", "毛利", "--owner", "nobody"), "No one and no team"),
        (("add", "毛利", "--goal", "lots"), "lots is not a number"),
        (("scorecard", "next year"), "not a period"),
        (("scorecard", "--owner", "赵磊"), "No one and no team"),
    ):
        line = run("numbers", *args).assert_one_line_error(2)
        assert message in line, (args, line)
    assert run("numbers", "export").ok().out == before
    assert len(run("numbers", "list", "--json").ok().json()) == 2
    # A goal and a value cleared; an ambiguous name is refused (a second "王").
    run("people", "add", "王刚", "--team", "华东").ok()
    ambiguous = run("numbers", "set", "sales", "1", "-p", "上周", "--owner", "王")
    assert "ambiguous" in ambiguous.assert_one_line_error(2)
    run("numbers", "set", "sales", "--clear", "-p", "2026-W46", "--owner", "王芳").ok()
    assert run("numbers", "export", "--json").ok().json() == []


def test_import_dry_run_bad_rows_and_skip_bad(org, tmp_path: Path) -> None:
    run = org
    _measurables(run)
    good = [["销售额", "2026-W47", "王芳", "102.5", "120"],
            ["库存周转", "2026-10", "", "95", "90..110"]]  # fmt: skip
    bad = [["销售额", "2026-W47", "赵磊", "1", ""], ["销售额", "2026-W47", "Li Ming", "x", ""]]
    path = _csv(tmp_path / "figures.csv", bad + good)

    dry = run("numbers", "import", str(path), "--dry-run")
    line = dry.assert_one_line_error(2)
    assert "2 rows are bad; nothing was imported" in line
    assert dry.out.splitlines() == [
        "Row 2: No one and no team is called 赵磊",
        "Row 3: x is not a number",
        "Checked 4 rows: 2 good, 2 bad; nothing imported (dry run)",
    ]
    refused = run("numbers", "import", str(path))
    refused.assert_one_line_error(2)
    assert "Row 2:" in refused.out
    assert run("numbers", "export", "--json").ok().json() == []

    report = run("numbers", "import", str(path), "--skip-bad", "--json").ok().json()
    assert (report["imported"], report["bad_rows"], report["good"]) == (2, [2, 3], 2)
    assert [p["column"] for p in report["problems"]] == ["owner", "value"]
    values = run("numbers", "export", "--json").ok().json()
    assert [(v["measurable"], v["value"], v["goal"]["target"]) for v in values] == [
        ("销售额", "102.5", "120"),
        ("库存周转", "95", "90"),
    ]
    ok = run("numbers", "import", str(_csv(tmp_path / "good.csv", good)))
    assert ok.ok().out.strip() == "Imported 2 rows"
    run("numbers", "import", str(tmp_path / "missing.csv")).assert_one_line_error(2)
    (tmp_path / "old.xls").write_bytes(b"x")
    assert "xlsx" in run("numbers", "import", str(tmp_path / "old.xls")).assert_one_line_error(2)


def test_export_csv_and_xlsx_that_import_back(org, tmp_path: Path) -> None:
    run = org
    _measurables(run)
    run("numbers", "set", "sales", "102.5", "-p", "2026-W47", "--owner", "王芳").ok()
    run("numbers", "set", "sales", "0.3", "-p", "2026-W46", "--owner", "Li Ming").ok()
    run("numbers", "goal", "sales", "120", "-p", "2026-W47", "--owner", "王芳").ok()
    text = run("numbers", "export").ok().out
    assert text.splitlines()[1].startswith("销售额,2026-W46,Li Ming,0.3,,万元,")
    zh = run("--lang", "zh-CN", "numbers", "export").ok().out
    assert zh.splitlines()[0].startswith("指标,期间,负责人,实绩,目标,")

    out = tmp_path / "numbers.xlsx"
    assert run("numbers", "export", "-o", str(out)).ok().out.strip() == (f"Wrote 2 values to {out}")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert cells[2][:5] == ["销售额", "2026-W47", "王芳", 102.5, 120]
    run("numbers", "export", "-o", str(out)).assert_one_line_error(1)  # exists: --force
    run("numbers", "export", "-o", str(out), "--force", "--period", "2026-W47").ok()
    assert len(list(openpyxl.load_workbook(out).worksheets[0].iter_rows())) == 2
    csv_out = tmp_path / "numbers.csv"
    run("numbers", "export", "-o", str(csv_out), "--measurable", "sales").ok()
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    run("numbers", "set", "sales", "--clear", "-p", "2026-W47", "--owner", "王芳").ok()
    assert run("numbers", "import", str(out)).ok().out.strip() == "Imported 1 row"  # W47 only
    assert len(run("numbers", "export", "--json").ok().json()) == 2


def test_the_demo_has_numbers(run) -> None:
    run("demo").ok()
    measurables = run("numbers", "list", "--json").ok().json()
    assert {m["key"] for m in measurables} == {"sales", "collections", "visits", "leads"}
    rows = run("numbers", "scorecard", "--json").ok().json()
    assert {r["status"] for r in rows} >= {"on_track", "off_track"}
    assert any(r["countermeasures"] for r in run("numbers", "scorecard", "2026-W46", "--json")
               .ok().json())  # fmt: skip
