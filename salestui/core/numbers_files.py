"""Spreadsheet files of the numbers review: reading a CSV or an Excel workbook (.xlsx, with
openpyxl) into rows keyed by column, and writing values back out as either.

A CSV may be UTF-8 (with or without the BOM Excel writes) or GB18030 (what Excel on a
Chinese Windows saves), separated by commas, semicolons or tabs. A workbook is read from
its first sheet, formulas as their last computed values. Header names are matched in
English or Chinese, case and width aside (``COLUMNS``).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from salestui.core.errors import InvalidInput
from salestui.i18n import _

# column -> the header names it is recognised by (folded: NFKC, case-folded, no spaces)
COLUMNS: dict[str, tuple[str, ...]] = {
    "measurable": ("measurable", "measure", "metric", "指标", "指标名称", "项目"),
    "period": ("period", "week", "month", "期间", "周期", "期别"),
    "owner": ("owner", "person", "team", "负责人", "人员", "姓名", "部门", "团队"),
    "value": ("value", "actual", "实绩", "实际", "实际值", "数值"),
    "goal": ("goal", "target", "plan", "目标", "预估", "计划", "目标值"),
}
REQUIRED = ("measurable", "period", "value")
SUFFIXES = (".csv", ".xlsx")

Row = tuple[int, dict[str, Any]]  # (row number as the spreadsheet shows it, cells by column)


def _fold(text: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text or "")).casefold().split())


def _header(cells: Sequence[Any]) -> dict[str, int]:
    """Column name -> position, from a header row; a required column missing is an error."""
    wanted = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for position, cell in enumerate(cells):
        column = wanted.get(_fold(cell))
        if column is not None and column not in found:
            found[column] = position
    missing = [c for c in REQUIRED if c not in found]
    if "value" in missing and "goal" in found:
        missing.remove("value")  # a file of goals only
    if missing:
        raise InvalidInput(
            _(
                "The file has no {column} column (its first row names the columns: "
                "measurable, period, owner, value, goal or 指标, 期间, 负责人, 实绩, 目标)"
            ).format(column=missing[0])
        )
    return found


def _rows(lines: Iterator[tuple[int, Sequence[Any]]]) -> list[Row]:
    header: dict[str, int] | None = None
    rows: list[Row] = []
    for number, cells in lines:
        if all(_blank(c) for c in cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        rows.append((number, {c: cells[i] if i < len(cells) else None for c, i in header.items()}))
    if header is None:
        raise InvalidInput(_("The file is empty"))
    return rows


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def read_rows(path: Path | str) -> list[Row]:
    """The data rows of a .csv or .xlsx file, each with its row number (the header is row
    1 when it is the first line)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput(
            _("{path}: use a .csv or .xlsx file (an old .xls: save it as .xlsx)").format(
                path=target
            )
        )
    if suffix == ".csv":
        return _rows(_csv_lines(target.read_bytes()))
    return _rows(_xlsx_lines(target))


def _csv_lines(data: bytes) -> Iterator[tuple[int, Sequence[Any]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise InvalidInput(_("The file is not UTF-8 or GB18030 text"))
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise InvalidInput(
            _("Line {line} of the file cannot be read: {reason}").format(
                line=reader.line_num, reason=error
            )
        ) from error


def _xlsx_lines(path: Path) -> Iterator[tuple[int, Sequence[Any]]]:
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        raise InvalidInput(
            _("{path} is not an Excel workbook (.xlsx): {reason}").format(path=path, reason=error)
        ) from error
    try:
        sheet = book.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        book.close()


# -- writing ---------------------------------------------------------------------------------


def write_table(
    path: Path | str, header: Sequence[str], rows: Sequence[Sequence[Any]], force: bool = False
) -> Path:
    """Write a table as .csv (UTF-8 with a BOM, which Excel needs to read Chinese) or
    .xlsx, atomically; an existing file only with ``force``, a database never."""
    target = Path(path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput(_("{path}: use a .csv or .xlsx file").format(path=target))
    data = csv_bytes(header, rows) if suffix == ".csv" else _xlsx_bytes(header, rows)
    from salestui.core.export.files import write_atomic

    return write_atomic(target, data, force)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if c is None else c for c in row] for row in rows)
    return out.getvalue()


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    return csv_text(header, rows).encode("utf-8-sig")


def _xlsx_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
