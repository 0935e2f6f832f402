"""Listings stream: memory stays flat in the number of rows, and --json never cuts a list
without saying so."""

from __future__ import annotations

import io
import json
import tracemalloc
from contextlib import redirect_stdout
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from salestui.cli.listing import write_plain
from salestui.cli.stream import TextTable, plain, write_json_array, write_json_lines
from salestui.core.clock import FixedClock
from salestui.core.dates import format_due
from salestui.core.db import open_store
from salestui.core.models import ActionQuery
from salestui.demo import generate_demo

NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo organisation with 20,000 more action items."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    store = open_store(path)
    generate_demo(store, FixedClock(NOW), seed=3, scale=20_000)
    store.close()
    return path


def _peak(path: Path, limit: int, output: str) -> tuple[int, int]:
    """Peak traced memory (bytes) of listing ``limit`` rows as ``actions list`` does, and
    the rows written."""
    store = open_store(path)
    try:
        today = date(2026, 11, 27)
        sink = Discard()
        # The language's date forms (CLDR data) load once per process, whatever the rows.
        format_due(today + timedelta(days=400), today)
        where, params = store.action_where(ActionQuery())
        tracemalloc.start()
        with redirect_stdout(sink):
            write_plain(store.db.conn, where, params, output, today, limit)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # Less the array's brackets; the table's heading, rule and "Showing N of M" line.
        return peak, sink.lines - (2 if output == "json" else 3)
    finally:
        store.close()


class Discard(io.TextIOBase):
    """Standard output that keeps nothing (a pipe read as it is written)."""

    lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("output", ["json", "table"])
def test_a_20000_row_listing_takes_the_memory_of_a_2000_row_one(big: Path, output: str) -> None:
    small, small_count = _peak(big, 2_000, output)
    large, large_count = _peak(big, 20_000, output)
    assert (small_count, large_count) == (2_000, 20_000)
    # Holding the rows would take ~10x the memory; streaming keeps it within a constant.
    assert large < small * 1.5 + 512 * 1024, (small, large)


def test_json_without_a_limit_gives_every_row(big: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("actions", "list", "--json", db_path=big)
    assert result.code == 0 and result.err == ""
    rows = json.loads(result.out)
    store = open_store(big)
    try:
        assert len(rows) == store.count_actions(ActionQuery()) > 20_000
    finally:
        store.close()


def test_a_cut_list_says_how_many_matched(big: Path, run) -> None:  # type: ignore[no-untyped-def]
    store = open_store(big)
    total = store.count_actions(ActionQuery())
    store.close()
    cut = run("actions", "list", "--json", "--limit", "5", db_path=big)
    assert cut.code == 0 and len(json.loads(cut.out)) == 5
    assert cut.err.strip() == f"Showing 5 of {total:,}; use --limit 0 to see all."
    lines = run("actions", "list", "--jsonl", "--limit", "5", db_path=big).ok().out.splitlines()
    assert len(lines) == 6 and json.loads(lines[-1]) == {"total": total, "shown": 5}
    assert all("id" in json.loads(line) for line in lines[:5])
    whole = run("actions", "list", "--jsonl", "--limit", str(total), db_path=big).ok()
    assert len(whole.out.splitlines()) == total  # nothing left out: no trailer
    both = run("actions", "list", "--json", "--jsonl", db_path=big)
    assert both.code == 2 and len(both.err.splitlines()) == 1


def test_table_rows_and_widths() -> None:
    out = io.StringIO()
    table = TextTable(["ID", "Title"], out=out)
    assert table.write([]) == 0 and out.getvalue() == ""
    table.write([[("1", False), ("提交回款计划", False)], [("22", True), ("ab", False)]])
    lines = out.getvalue().splitlines()
    assert lines[0] == "ID   Title"
    assert lines[1] == "─" * (2 + 3 + 12)  # the title column is 12 cells wide
    assert lines[2:] == ["1    提交回款计划", "22   ab"]  # no colour into a file
    assert plain("a\nb\tc\x1b[31m") == "a b c"


def test_json_writers_on_nothing() -> None:
    out = io.StringIO()
    assert write_json_array([], out=out) == 0 and json.loads(out.getvalue()) == []
    out = io.StringIO()
    assert write_json_lines([], out=out, total=lambda count: None) == 0
    assert out.getvalue() == ""


def test_search_command(org, run) -> None:  # type: ignore[no-untyped-def]
    run("actions", "add", "整理华联超市的回款计划", "--owner", "王芳").ok()
    run("followup", "1", "客户说下周一回款对账").ok()
    table = run("search", "回款", "对账").ok().out
    assert "Follow-up note" in table and "action 1" in table
    hits = run("search", "华联", "计划", "--json").ok().json()
    assert [(h["kind"], h["action_id"]) for h in hits] == [("action", 1)]
    assert run("search", "没有这个词").ok().out.strip() == "Nothing found."
    zh = run("search", "回款", SALESTUI_LANG="zh-CN").ok().out
    assert "跟进记录" in zh and "行动项 1" in zh
    empty = run("search", "  ")
    assert empty.code == 2 and empty.err.startswith("Error: ") and len(empty.err.splitlines()) == 1


def test_on_a_terminal_the_table_fits_its_width_the_title_giving_way_last() -> None:
    from salestui.cli.stream import cell_width, cut, fit

    widths = [2, 55, 8, 11, 2, 7, 22]  # id, title, owners, due, p, status, meeting
    fitted = fit(widths, 80 - 3 * 6, main=1)
    assert sum(fitted) <= 62 and fitted[1] >= 20
    assert [fitted[i] for i in (0, 3, 4, 5)] == [2, 11, 2, 7]  # short columns stay whole
    assert fit(widths, 200, main=1) == widths
    assert cut("提交华东区回款计划", 9) == "提交华东…" and cell_width(cut("abcdefghij", 6)) == 6
    out = io.StringIO()
    table = TextTable(["ID", "Title", "Meeting"], out=out, columns=30, main=1)
    row = [("1", False), ("提交华东区回款计划，本周内完成", False), ("营销部周例会", False)]
    table.write([row])
    assert all(cell_width(line) <= 30 for line in out.getvalue().splitlines())
    assert "…" in out.getvalue()
    whole = io.StringIO()  # not a terminal, no width given: nothing is cut
    TextTable(["ID", "Title"], out=whole).write([[("1", False), ("x" * 90, False)]])
    assert "x" * 90 in whole.getvalue()
