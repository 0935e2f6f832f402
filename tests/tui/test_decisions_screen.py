"""The Decisions screen (issue 16): the register on screen with its execution counts,
filters by status / series / owner / text, enter opens the meeting at the decision, the
supersede picker, the confidential marker and toggle, the export preview."""

from __future__ import annotations

import pytest

from salestui.config import Config
from salestui.core.models import DecisionStatus
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.decision_register import DecisionRegisterScreen
from salestui.tui.screens.decision_supersede import SupersedePicker
from salestui.tui.screens.decisions import DecisionsScreen
from salestui.tui.screens.export_preview import ExportPreviewScreen
from salestui.tui.widgets.fit_table import FitTable
from salestui.tui.widgets.markdown_view import MarkdownView

SIZE = (120, 40)


@pytest.fixture
def ids(services, build_register) -> dict[str, int]:
    return build_register(services)


def _rows(app) -> list[list[str]]:
    table = app.screen.query_one(FitTable)
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


def _texts(app) -> list[str]:
    return [" ".join(row) for row in _rows(app)]


async def _open(pilot, ui) -> None:
    await pilot.press("D")
    await ui.open_screen(pilot, DecisionsScreen)
    await pilot.pause()


async def test_d_opens_the_register_with_execution(services, ids, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, ui)
        lines = _texts(app)
        assert len(lines) == 5  # the entry-edit ghost is not a decision
        rebate = next(line for line in lines if "华东区返利提高到3%" in line)
        assert "2/3" in rebate and "confirmed" in rebate
        assert any("0/1" in line and "与生产部每周对一次交期" in line for line in lines)
        secret = next(line for line in lines if "收购远东物流" in line)
        assert "[confidential]" in secret
        assert "5 of 5 decisions" in ui.static_text(app, ".header-right")


async def test_filters(services, ids, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, ui)
        screen = app.screen
        await pilot.press("s", "s", "s")  # all -> proposed -> confirmed -> rejected
        await pilot.pause()
        assert screen.filters.status == DecisionStatus.REJECTED
        assert [r for r in _texts(app)] and all("Freeze" in r for r in _texts(app))
        assert "rejected" in ui.static_text(app, "#decisions-filters")
        await pilot.press("x", "e")
        await pilot.pause()
        assert len(_texts(app)) == 4  # the 周例会 series
        await pilot.press("x", "o")  # first person by name: Li Ming
        await pilot.pause()
        assert "Li Ming" in ui.static_text(app, "#decisions-filters")
        assert len(_texts(app)) == 3
        await pilot.press("x", "slash")
        await ui.type_text(pilot, "返利")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 2)
        await pilot.press("escape")
        await pilot.press("x")
        await pilot.press("slash")
        await ui.type_text(pilot, "no such words")
        await ui.wait_until(pilot, lambda: screen.has_class("-empty"))
        assert "No decisions match" in ui.static_text(app, "#decisions-empty")


async def test_enter_opens_the_minutes_at_the_decision(services, ids, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, ui)
        await pilot.press("slash")
        await ui.type_text(pilot, "Freeze")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 1)
        await pilot.press("escape", "enter")
        await ui.open_screen(pilot, ExportPreviewScreen)
        screen = app.screen
        assert screen.meeting_id == ids["first"]
        view = screen.query_one(MarkdownView)
        await ui.wait_until(pilot, lambda: view.scroll_offset.y > 0)
        top = [view.render_line(y).text for y in range(view.size.height)]
        assert any("Freeze the Q4 price list" in line for line in top)


async def test_enter_on_an_open_meeting_opens_it_where_it_stands(services, ids, ui) -> None:
    from salestui.tui.screens.plan import PlanScreen

    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, ui)
        await pilot.press("slash")
        await ui.type_text(pilot, "4%")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 1)
        await pilot.press("escape", "enter")
        await ui.open_screen(pilot, PlanScreen)  # the next 周例会, still a draft


async def test_supersede_from_the_screen(services, ids, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, ui)
        await pilot.press("slash")
        await ui.type_text(pilot, "4%")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 1)
        await pilot.press("escape", "u")
        await ui.open_screen(pilot, SupersedePicker)
        await ui.type_text(pilot, "3%")
        await ui.wait_until(pilot, lambda: len(app.screen.rows) == 1)
        await pilot.press("enter")
        await ui.open_screen(pilot, DecisionsScreen)
        await pilot.press("x")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 5)
        old = next(line for line in _texts(app) if "华东区返利提高到3%" in line)
        assert f"superseded → #{ids['d_rebate4']}" in old
        new = next(line for line in _texts(app) if "返利提高到4%" in line and "3%" not in line)
        assert f"replaces #{ids['d_rebate']}" in new
    old_row = services.store.get_decision(ids["d_rebate"])
    assert old_row.status == DecisionStatus.SUPERSEDED


async def test_confidential_toggle_and_export_preview(services, ids, ui) -> None:
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, ui)
        await pilot.press("slash")
        await ui.type_text(pilot, "Freeze")
        await ui.wait_until(pilot, lambda: len(_texts(app)) == 1)
        await pilot.press("escape", "c")
        await ui.wait_until(pilot, lambda: "[confidential]" in _texts(app)[0])
        assert services.store.get_decision(ids["d_freeze"]).confidential
        await pilot.press("v")
        await ui.open_screen(pilot, DecisionRegisterScreen)


async def test_the_actions_list_marks_a_confidential_item(services, ids, ui) -> None:
    from salestui.core.decisions import DecisionRegister
    from salestui.tui.screens.actions import ActionsScreen

    action = services.add_action("Secret due diligence", ["王芳"])
    DecisionRegister(services).set_confidential("action", action.id, True)
    app = SalestuiApp(services, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await ui.open_screen(pilot, ActionsScreen)
        await ui.wait_until(pilot, lambda: any("Secret" in line for line in ui.table_lines(app)))
        line = next(line for line in ui.table_lines(app) if "Secret" in line)
        assert "[confidential] Secret due diligence" in line
