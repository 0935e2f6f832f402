"""The decision register (issue 16): the query with its execution counts against figures
worked out by hand, the filters, superseding (linked, journaled, undone) and the
confidential flag."""

from __future__ import annotations

import pytest

from salestui.core.decisions import DecisionRegister
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import DecisionStatus


@pytest.fixture
def ids(services, build_register) -> dict[str, int]:
    return build_register(services)


def _by_id(register: DecisionRegister, **filters) -> dict[int, object]:
    page = register.page(register.query(**filters))
    return {row.id: row for row in page.rows}


def test_register_lists_every_decision_with_execution(services, ids) -> None:
    register = DecisionRegister(services)
    page = register.page(register.query())
    rows = {row.id: row for row in page.rows}
    assert page.total == 5 and len(page.rows) == 5  # the entry-edit ghost is left out
    assert ids["d_ghost"] not in rows
    assert rows[ids["d_rebate"]].execution == "2/3"
    assert rows[ids["d_freeze"]].execution == "-"
    assert rows[ids["d_delivery"]].execution == "0/1"  # the cancelled action not counted
    assert rows[ids["d_rebate4"]].execution == "1/1"
    assert rows[ids["d_rebate"]].owners == ["Li Ming", "王芳"]
    assert rows[ids["d_secret"]].confidential
    # Newest meeting first.
    assert [r.meeting_id for r in page.rows][:2] == [ids["second"], ids["second"]]
    assert page.rows[-1].meeting_id == ids["first"]


def test_filters(services, ids) -> None:
    register = DecisionRegister(services)
    assert set(_by_id(register, status="rejected")) == {ids["d_freeze"]}
    assert set(_by_id(register, series="周例会")) == {
        ids["d_rebate"], ids["d_freeze"], ids["d_rebate4"], ids["d_secret"]
    }  # fmt: skip
    assert set(_by_id(register, owner="Li Ming")) == {
        ids["d_rebate"], ids["d_rebate4"], ids["d_delivery"]
    }  # fmt: skip
    assert set(_by_id(register, text="返利")) == {ids["d_rebate"], ids["d_rebate4"]}
    assert set(_by_id(register, text="q4 PRICE")) == {ids["d_freeze"]}
    assert set(_by_id(register, text="协调")) == {ids["d_delivery"]}  # the meeting's title
    assert ids["d_secret"] not in _by_id(register, include_confidential=False)


def test_paging(services, ids) -> None:
    register = DecisionRegister(services)
    query = register.query()
    first = register.page(query, limit=2)
    rest = register.page(query, limit=10, offset=2)
    assert first.total == 5 and first.more
    assert len({r.id for r in first.rows} | {r.id for r in rest.rows}) == 5


def test_bad_filters_say_why(services, ids) -> None:
    register = DecisionRegister(services)
    with pytest.raises(InvalidInput, match="Unknown decision status"):
        register.query(status="maybe")
    with pytest.raises(NotFound):
        register.query(series="no such series")
    with pytest.raises(NotFound):
        register.query(owner="Nobody")


def test_supersede_links_and_undoes(services, ids) -> None:
    register = DecisionRegister(services)
    register.supersede(ids["d_rebate"], ids["d_rebate4"])
    rows = _by_id(register)
    old, new = rows[ids["d_rebate"]], rows[ids["d_rebate4"]]
    assert old.status == DecisionStatus.SUPERSEDED
    assert old.superseded_by_id == ids["d_rebate4"] and old.superseded_by_meeting == "周例会"
    assert new.supersedes_id == ids["d_rebate"] and new.supersedes_text == "华东区返利提高到3%"
    assert set(_by_id(register, status="superseded")) == {ids["d_rebate"]}
    services.journal.undo()
    rows = _by_id(register)
    assert rows[ids["d_rebate"]].status == DecisionStatus.CONFIRMED
    assert rows[ids["d_rebate4"]].supersedes_id is None


def test_supersede_refuses_nonsense(services, ids) -> None:
    register = DecisionRegister(services)
    with pytest.raises(InvalidInput):
        register.supersede(ids["d_rebate"], ids["d_rebate"])
    with pytest.raises(InvalidInput, match="earlier meeting"):
        register.supersede(ids["d_rebate4"], ids["d_rebate"])  # the new one is older
    register.supersede(ids["d_rebate"], ids["d_rebate4"])
    with pytest.raises(InvalidInput, match="already superseded"):
        register.supersede(ids["d_rebate"], ids["d_secret"])
    with pytest.raises(NotFound):
        register.supersede(99999, ids["d_secret"])


def test_candidates_are_earlier_and_in_force(services, ids) -> None:
    register = DecisionRegister(services)
    found = {row.id for row in register.candidates(ids["d_delivery"])}
    # d_delivery's meeting is 25 Nov: the 20 Nov decisions only.
    assert found == {ids["d_rebate"], ids["d_freeze"]}


def test_confidential_toggle_is_journaled(services, ids) -> None:
    register = DecisionRegister(services)
    register.set_confidential("decision", ids["d_rebate"], True)
    assert _by_id(register)[ids["d_rebate"]].confidential
    services.journal.undo()
    assert not _by_id(register)[ids["d_rebate"]].confidential
    with pytest.raises(InvalidInput):
        register.set_confidential("topic", 1, True)


def test_minutes_of_both_meetings_and_the_register_say_superseded(services, ids) -> None:
    from salestui.core.export.minutes import render_minutes
    from salestui.core.export.reports import render_decisions

    DecisionRegister(services).supersede(ids["d_rebate"], ids["d_rebate4"])
    old = render_minutes(services, ids["first"])
    assert "华东区返利提高到3%" in old
    assert "superseded by “返利提高到4%” (周例会 2026-11-27)" in old
    new = render_minutes(services, ids["second"])
    assert "supersedes “华东区返利提高到3%” (周例会 2026-11-20)" in new
    register = render_decisions(services)
    assert "superseded by “返利提高到4%”, 周例会" in register
    assert "旧的措辞" not in old + new + register  # the entry-edit ghost stays history


def test_a_confidential_successor_is_not_named_in_exports(services, ids) -> None:
    from salestui.core.export.minutes import render_minutes
    from salestui.core.export.reports import render_decisions

    DecisionRegister(services).supersede(ids["d_rebate4"], ids["d_secret"])
    for document in (render_minutes(services, ids["second"]), render_decisions(services)):
        assert "收购远东物流" not in document
        assert "a confidential decision" in document


def test_text_filter_takes_wildcards_literally(services, ids) -> None:
    register = DecisionRegister(services)
    assert set(_by_id(register, text="3%")) == {ids["d_rebate"]}
    assert _by_id(register, text="%") and not _by_id(register, text="_x%y")
    assert not _by_id(register, text="\\")
