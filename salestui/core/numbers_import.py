"""Importing figures from a spreadsheet: every row checked first (measurable, period,
owner, number), every bad row reported with its row number and reason, and then either
nothing written (any bad row, unless told to skip them) or every good row written in one
transaction.

Columns (``core.numbers_files``): measurable, period, owner, value and an optional goal
(指标, 期间, 负责人, 实绩, 目标). A blank owner is the measurable's owner; a row may carry a
goal without a value (next period's targets). The same number twice in a file is a bad
row: which one should win is not for the import to guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models.numbers import Measurable, Owner, ValueSource
from salestui.core.numbers_amounts import parse_amount, to_stored
from salestui.core.numbers_files import Row, read_rows
from salestui.core.numbers_measurables import band_of, fold
from salestui.core.numbers_steps import NUMBERS, import_scopes
from salestui.core.periods import Period
from salestui.i18n import _, ngettext

if TYPE_CHECKING:
    from salestui.core.numbers import NumbersService

T = TypeVar("T")


@dataclass(frozen=True)
class ImportRow:
    row: int
    measurable: Measurable
    period: Period
    owner: Owner
    value: Decimal | None
    goal: tuple[Decimal, Decimal | None] | None


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str  # measurable, period, owner, value, goal, or "row" for the row as a whole
    reason: str


@dataclass
class ImportReport:
    path: Path
    rows: int  # data rows read (blank lines aside)
    good: list[ImportRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    skip_bad: bool = False
    imported: int = 0  # rows written

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def refused(self) -> bool:
        """Nothing was (or would be) written because of bad rows."""
        return bool(self.problems) and not self.skip_bad


class _Checker:
    """Reads each cell once per distinct text: a file of 50,000 rows names a few dozen
    people and measurables."""

    def __init__(self, numbers: NumbersService) -> None:
        self.numbers = numbers
        self.cache: dict[tuple[str, Any], Any] = {}
        self.seen: dict[tuple[int, str, tuple[int, str]], int] = {}

    def cached(self, column: str, key: Any, read: Callable[[], T]) -> T:
        slot = (column, key)
        if slot not in self.cache:
            try:
                self.cache[slot] = read()
            except (InvalidInput, NotFound) as error:
                self.cache[slot] = error
        found = self.cache[slot]
        if isinstance(found, Exception):
            raise found
        return found  # type: ignore[no-any-return]

    def check(self, number: int, cells: dict[str, Any]) -> ImportRow | list[RowProblem]:
        problems: list[RowProblem] = []

        def attempt(column: str, read: Callable[[], T]) -> T | None:
            try:
                return read()
            except (InvalidInput, NotFound) as error:
                problems.append(RowProblem(number, column, str(error)))
                return None

        text = _text(cells.get("measurable"))
        if not text:
            problems.append(RowProblem(number, "measurable", _("No measurable given")))
        measurable = (
            None
            if not text
            else attempt(
                "measurable",
                lambda: self.cached(
                    "measurable", fold(text), lambda: self.numbers.measurable(text)
                ),
            )
        )
        kind = measurable.period if measurable else None
        cell = cells.get("period")
        period = None
        if _empty(cell):
            problems.append(RowProblem(number, "period", _("No period given")))
        else:
            period = attempt(
                "period",
                lambda: self.cached(
                    "period", (_text(cell), kind), lambda: self.numbers.period(_cell(cell), kind)
                ),
            )
        owner = None
        if measurable is not None:
            name = _text(cells.get("owner"))
            owner = attempt(
                "owner",
                lambda: self.cached(
                    "owner",
                    # a name reads the same for every measurable (but for its own team)
                    (fold(name), measurable.team if name else measurable.id),
                    lambda: self.numbers.owner(name, measurable),
                ),
            )
        value = goal = None
        if not _empty(cells.get("value")):
            value = attempt("value", lambda: parse_amount(cells["value"]))
        if not _empty(cells.get("goal")) and measurable is not None:
            goal = attempt("goal", lambda: band_of(measurable.direction, cells["goal"]))
        if _empty(cells.get("value")) and _empty(cells.get("goal")):
            problems.append(RowProblem(number, "value", _("No value and no goal")))
        if problems or measurable is None or period is None or owner is None:
            return problems
        return self._unique(ImportRow(number, measurable, period, owner, value, goal))

    def _unique(self, row: ImportRow) -> ImportRow | list[RowProblem]:
        assert row.measurable.id is not None
        key = (row.measurable.id, row.period.key, row.owner.key)
        first = self.seen.setdefault(key, row.row)
        if first != row.row:
            reason = _("The same number as row {row}").format(row=first)
            return [RowProblem(row.row, "row", reason)]
        return row


def _empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell(cell: Any) -> Any:
    """A period cell as ``parse_period`` reads it: a date stays a date; a number typed
    where text was meant (``202611``) becomes its text."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, float):  # 2026.1 may have been typed as 2026.10: never guess
        raise InvalidInput(
            _("{value} is a number, not a period: write it as text, e.g. 2026-10").format(
                value=cell
            )
        )
    if isinstance(cell, int):
        return str(cell)
    return cell


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a number typed into a text column (an id)
    return str(cell).strip()


def check_file(numbers: NumbersService, path: Path | str) -> ImportReport:
    """Read and check every row of the file; write nothing."""
    rows: list[Row] = read_rows(path)
    if not rows:
        raise InvalidInput(_("The file has a header but no rows"))
    report = ImportReport(Path(path), len(rows))
    checker = _Checker(numbers)
    for number, cells in rows:
        checked = checker.check(number, cells)
        if isinstance(checked, ImportRow):
            report.good.append(checked)
        else:
            report.problems.extend(checked)
    return report


def import_file(
    numbers: NumbersService, path: Path | str, dry_run: bool = False, skip_bad: bool = False
) -> ImportReport:
    """Check the file, then (unless ``dry_run``, and unless a row is bad and ``skip_bad``
    is not given) write its good rows in one transaction."""
    report = check_file(numbers, path)
    report.dry_run, report.skip_bad = dry_run, skip_bad
    if dry_run or report.refused:
        return report
    store = numbers.store
    now = numbers.services.clock.now()
    me = numbers.services.me()
    by = me.id if me else None
    ids = [row.measurable.id for row in report.good if row.measurable.id is not None]
    scopes = import_scopes(ids, [row.period.key for row in report.good])
    summary = ngettext(
        "Imported {n} row of numbers from {file}", "Imported {n} rows of numbers from {file}",
        len(report.good),
    ).format(n=len(report.good), file=Path(path).name)  # fmt: skip
    with numbers.services.journal.step(NUMBERS, *scopes, summary=summary):
        for row in report.good:
            assert row.measurable.id is not None
            owner = (row.owner.person_id, row.owner.team)
            if row.value is not None:
                store.set_value(
                    row.measurable.id,
                    row.period.key,
                    owner,
                    to_stored(row.value),
                    now,
                    by,
                    ValueSource.IMPORT.value,
                )
            if row.goal is not None:
                low, high = row.goal
                target = (to_stored(low), to_stored(high) if high is not None else None)
                store.set_goal(
                    row.measurable.id,
                    row.period.key,
                    owner,
                    target,
                    now,
                    by,
                    source=ValueSource.IMPORT.value,
                )
    report.imported = len(report.good)
    return report
