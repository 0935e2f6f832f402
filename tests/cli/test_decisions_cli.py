"""``salestui decisions`` (issue 16): list with filters and --json, supersede (undone by
``salestui undo``), confidential; bad input is one line on stderr and exit 2."""

from __future__ import annotations

import pytest

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.service import Services


@pytest.fixture
def ids(db, build_register, fixed_now) -> dict[str, int]:
    store = open_store(db)
    try:
        return build_register(Services(store, FixedClock(fixed_now)))
    finally:
        store.close()


def test_list_json_with_execution(run, ids) -> None:
    data = run("decisions", "list", "--json").ok().json()
    assert data["total"] == 5
    found = {d["id"]: d for d in data["decisions"]}
    assert found[ids["d_rebate"]]["execution"] == "2/3"
    assert found[ids["d_delivery"]]["execution"] == "0/1"
    assert found[ids["d_freeze"]]["execution"] == "-"
    assert found[ids["d_secret"]]["confidential"] is True


def test_list_filters_and_table(run, ids) -> None:
    rejected = run("decisions", "list", "--status", "rejected", "--json").ok().json()
    assert [d["id"] for d in rejected["decisions"]] == [ids["d_freeze"]]
    series = run("decisions", "list", "--series", "周例会", "--json").ok().json()
    assert series["total"] == 4
    owned = run("decisions", "list", "--owner", "Li Ming", "--json").ok().json()
    assert owned["total"] == 3
    text = run("decisions", "list", "--text", "返利").ok().out
    assert "华东区返利提高到3%" in text and "2/3" in text and "Freeze" not in text


def test_bad_filters_exit_2(run, ids) -> None:
    run("decisions", "list", "--owner", "Nobody").assert_one_line_error(2)
    run("decisions", "list", "--series", "nope").assert_one_line_error(2)
    run("decisions", "list", "--status", "maybe").assert_one_line_error(2)


def test_supersede_and_undo(run, ids) -> None:
    old, new = ids["d_rebate"], ids["d_rebate4"]
    out = run("decisions", "supersede", str(old), str(new)).ok().out
    assert "superseded" in out
    found = {d["id"]: d for d in run("decisions", "list", "--json").ok().json()["decisions"]}
    assert found[old]["status"] == "superseded" and found[old]["superseded_by_id"] == new
    assert found[new]["supersedes_id"] == old
    assert "superseded by" in run("decisions", "list", "--text", "3%").ok().out
    run("decisions", "supersede", str(new), str(old)).assert_one_line_error(2)
    run("undo").ok()
    found = {d["id"]: d for d in run("decisions", "list", "--json").ok().json()["decisions"]}
    assert found[old]["status"] == "confirmed" and found[new]["supersedes_id"] is None


def test_confidential(run, ids) -> None:
    run("decisions", "confidential", "decision", str(ids["d_freeze"])).ok()
    found = {d["id"]: d for d in run("decisions", "list", "--json").ok().json()["decisions"]}
    assert found[ids["d_freeze"]]["confidential"] is True
    run("decisions", "confidential", "decision", str(ids["d_freeze"]), "--off").ok()
    run("decisions", "confidential", "decision", "9999").assert_one_line_error(1)
