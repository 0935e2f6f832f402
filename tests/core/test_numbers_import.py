"""Importing figures from CSV and Excel files made here with csv and openpyxl: every bad
row reported with its number and reason, nothing written unless every row is good (or
the bad ones are skipped), and an export that imports back to the same numbers."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from salestui import i18n
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.numbers import NumbersService
from salestui.core.numbers_export import export_values
from salestui.core.service import Services

EN = ["measurable", "period", "owner", "value", "goal"]
ZH = ["指标", "期间", "负责人", "实绩", "目标"]

GOOD = [
    ["销售额", "2026-W47", "王芳", "102.5", "120"],
    ["sales", "2026-W47", "Li Ming", "1,234.5", ""],
    ["销售额", "上周", "华东", "88", ""],  # a team, and a relative period
    ["回款", "2026-11", "", "45.25", "50"],  # blank owner: the measurable's
    ["销售额", "2026-W48", "魏峰", "", "30"],  # a goal only: next week's target
]
BAD = [
    ["销售额", "2026-W47", "赵磊", "1", ""],  # row 2: unknown person
    ["销售额", "2026-W47", "wf", "1", ""],  # row 3: 王芳 or 魏峰
    ["销售额", "2026-W47", "王芳", "12,5", ""],  # row 4: bad number
    ["销售额", "2026-W54", "王芳", "1", ""],  # row 5: no such week
    ["毛利", "2026-W47", "王芳", "1", ""],  # row 6: unknown measurable
    ["销售额", "2026-11", "王芳", "1", ""],  # row 7: a month for a weekly number
    ["销售额", "2026-W46", "王芳", "", ""],  # row 8: nothing in it
    ["销售额", "2026-W46", "Li Ming", "7", "x"],  # row 9: bad goal
]


@pytest.fixture
def numbers(services: Services) -> NumbersService:
    services.add_person("张伟", role="director", team="营销部")
    services.add_person("王芳", role="lead", team="华东", reports_to="张伟")
    services.add_person("Li Ming", team="华东", reports_to="王芳")
    services.add_person("魏峰", team="华东", reports_to="王芳")
    found = NumbersService(services)
    found.add_measurable("销售额", key="sales", unit="万元", owner="华东")
    found.add_measurable("回款", unit="万元", owner="王芳", period="month")
    return found


def write_csv(path: Path, rows: list[list[str]], header=EN, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], header=EN) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def stored(numbers: NumbersService) -> list[tuple[str, str, str, str]]:
    return [(v.measurable, v.period, v.owner.name, str(v.value)) for v in numbers.values()]


def test_a_good_csv_imports_every_row(numbers: NumbersService, tmp_path: Path) -> None:
    report = numbers.import_file(write_csv(tmp_path / "good.csv", GOOD))
    assert (report.rows, report.imported, report.problems) == (5, 5, [])
    assert stored(numbers) == [
        ("销售额", "2026-W47", "华东", "88"),
        ("销售额", "2026-W47", "王芳", "102.5"),
        ("销售额", "2026-W47", "Li Ming", "1234.5"),
        ("回款", "2026-11", "王芳", "45.25"),
    ]
    assert {v.source.value for v in numbers.values()} == {"import"}
    assert numbers.value("销售额", "2026-W47", "王芳").goal.target == Decimal(120)
    rows = numbers.scorecard("2026-W48")
    (wei,) = [r for r in rows if r.owner.name == "魏峰"]
    assert wei.goal.target == Decimal(30) and wei.actual is None


def test_a_bad_file_reports_every_bad_row_and_imports_nothing(
    numbers: NumbersService, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD + GOOD)
    for dry_run in (True, False):
        report = numbers.import_file(path, dry_run=dry_run)
        assert report.refused and report.imported == 0
        assert report.bad_rows == [2, 3, 4, 5, 6, 7, 8, 9]
        reasons = {p.row: (p.column, p.reason) for p in report.problems}
        assert reasons[2] == ("owner", "No one and no team is called 赵磊")
        assert reasons[3][0] == "owner" and "ambiguous" in reasons[3][1]
        assert reasons[4] == ("value", "12,5 is not a number")
        assert reasons[5] == ("period", "No such period: 2026-W54")
        assert reasons[6][0] == "measurable" and "No measurable called 毛利" in reasons[6][1]
        assert reasons[7] == ("period", "2026-11 is a month; this number is counted by week")
        assert reasons[8] == ("value", "No value and no goal")
        assert reasons[9] == ("goal", "x is not a number")
        assert len(report.good) == len(GOOD)
    assert numbers.values() == []


def test_skip_bad_imports_the_good_rows_in_one_go(numbers: NumbersService, tmp_path: Path):
    report = numbers.import_file(write_csv(tmp_path / "mixed.csv", BAD + GOOD), skip_bad=True)
    assert not report.refused and report.imported == len(GOOD) and len(report.bad_rows) == 8
    assert len(stored(numbers)) == 4


def test_a_failed_write_rolls_the_whole_import_back(
    numbers: NumbersService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "good.csv", GOOD)
    calls = []
    real = numbers.store.set_value

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(numbers.store, "set_value", failing)
    with pytest.raises(OSError):
        numbers.import_file(path)
    assert numbers.values() == [] and len(calls) == 3


def test_a_repeated_number_is_a_bad_row(numbers: NumbersService, tmp_path: Path) -> None:
    rows = [GOOD[0], ["销售额", "2026-w47", "wangf", "99", ""]]
    report = numbers.import_file(write_csv(tmp_path / "twice.csv", rows), dry_run=True)
    assert [(p.row, p.column, p.reason) for p in report.problems] == [
        (3, "row", "The same number as row 2")
    ]


def test_chinese_headers_and_a_gb18030_file_from_excel(
    numbers: NumbersService, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "zh.csv", GOOD[:1], header=ZH, encoding="gb18030")
    assert numbers.import_file(path).imported == 1
    path = tmp_path / "semicolon.csv"
    path.write_text("\ufeffMeasurable;Period;Owner;Actual\n销售额;2026-W46;王芳;7\n", "utf-8")
    assert numbers.import_file(path).imported == 1
    assert ("销售额", "2026-W46", "王芳", "7") in stored(numbers)


def test_a_good_xlsx_with_numbers_and_dates_in_cells(
    numbers: NumbersService, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        ["销售额", "2026-W47", "王芳", 102.5, 120],
        ["销售额", datetime(2026, 11, 18), "Li Ming", 0.1, None],  # a date cell: its week
        ["回款", "2026年11月", "王芳", "45.25", None],
        [None, None, None, None, None],  # a blank row is skipped
    ]
    report = numbers.import_file(write_xlsx(tmp_path / "good.xlsx", rows, header=ZH))
    assert report.imported == 3 and report.problems == []
    assert stored(numbers) == [
        ("销售额", "2026-W47", "王芳", "102.5"),
        ("销售额", "2026-W47", "Li Ming", "0.1"),
        ("回款", "2026-11", "王芳", "45.25"),
    ]


def test_a_bad_xlsx_names_rows_as_excel_numbers_them(
    numbers: NumbersService, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        ["销售额", "2026-W47", "王芳", 1],
        [None, None, None, None],  # row 3: blank
        ["销售额", "2026-W47", "赵磊", 1],  # row 4
        ["销售额", 2026.1, "王芳", 1],  # row 5: 2026.10 typed into a number cell
        ["销售额", "2026-W46", "王芳", "一百"],  # row 6
    ]
    report = numbers.import_file(write_xlsx(tmp_path / "bad.xlsx", rows), dry_run=True)
    assert report.bad_rows == [4, 5, 6]
    assert "is a number, not a period" in report.problems[1].reason


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("numbers.txt", b"x", "use a .csv or .xlsx"),
        ("numbers.xls", b"x", "save it as .xlsx"),
        ("broken.xlsx", b"not a zip", "not an Excel workbook"),
        ("empty.csv", b"", "empty"),
        ("header.csv", b"measurable,period,owner,value\n", "no rows"),
        ("columns.csv", b"name,when,who,amount\n1,2,3,4\n", "no measurable column"),
    ],
)
def test_files_that_cannot_be_read_are_refused(
    numbers: NumbersService, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        numbers.import_file(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_an_export_imports_back_to_the_same_numbers(
    numbers: NumbersService, services: Services, tmp_path: Path, suffix: str, language: str
) -> None:
    i18n.set_language(language)
    numbers.import_file(write_csv(tmp_path / "good.csv", GOOD))
    numbers.set_value("sales", "2026-W46", "0.0001", owner="王芳")
    numbers.set_value("sales", "2026-W45", "12345678901.2345", owner="王芳")
    before = [(v.measurable, v.period, v.owner.name, v.value, v.goal) for v in numbers.values()]
    path = export_values(numbers.values(), tmp_path / f"out{suffix}")
    with pytest.raises(Conflict):
        export_values(numbers.values(), tmp_path / f"out{suffix}")
    other = tmp_path / "other.db"
    from salestui.core.db import open_store

    with open_store(other) as store:
        copy = Services(store, services.clock)
        for person in services.people():
            copy.add_person(person.name, role=person.role, team=person.team)
        target = NumbersService(copy)
        target.add_measurable("销售额", key="sales", unit="万元", owner="华东")
        target.add_measurable("回款", unit="万元", owner="王芳", period="month")
        report = target.import_file(path)
        assert report.problems == []
        after = [(v.measurable, v.period, v.owner.name, v.value, v.goal) for v in target.values()]
    assert [a[:4] for a in after] == [b[:4] for b in before]
    assert [a[4] and a[4].target for a in after] == [b[4] and b[4].target for b in before]


def test_export_as_text_is_csv_with_the_columns_import_reads(
    numbers: NumbersService, tmp_path: Path
) -> None:
    numbers.import_file(write_csv(tmp_path / "good.csv", GOOD))
    text = export_values(numbers.values(), None)
    assert isinstance(text, str)
    lines = text.splitlines()
    assert lines[0].startswith("measurable,period,owner,value,goal,unit,")
    assert lines[2].startswith("销售额,2026-W47,王芳,102.5,120,万元,")
