"""SVG snapshots of the Plan screen: a new (empty) form, a filled one, the agenda over the
meeting's length, the attendees, the agenda preview - at 80x24 and 120x40, and in Chinese.

Update after an intended change with ``pytest tests/tui/test_plan_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_preview import AgendaPreviewScreen

SIZES = [(80, 24), (120, 40)]


def opener(ui, meeting_id: int | None, tab: str = "details", keys: tuple[str, ...] = ()):
    """A ``run_before`` that opens the Plan screen on ``tab`` and presses ``keys``."""

    async def run_before(pilot) -> None:
        app = pilot.app
        app.push_screen(PlanScreen(app.services, meeting_id, tab=tab))
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        if "ctrl+o" in keys:
            await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaPreviewScreen))
            await pilot.pause()
        ui.no_blink(app)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_new_meeting(snap_compare, people: Services, size, ui) -> None:
    assert snap_compare(
        SalestuiApp(people, Config()), terminal_size=size, run_before=opener(ui, None)
    )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_filled_form(snap_compare, people: Services, size, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    assert snap_compare(app, terminal_size=size, run_before=opener(ui, meeting_id))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_agenda_over_length(snap_compare, people: Services, size, planned_weekly, ui) -> None:
    meeting_id = planned_weekly(carried=True)
    app = SalestuiApp(people, Config())
    assert snap_compare(app, terminal_size=size, run_before=opener(ui, meeting_id, "agenda"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_attendees(snap_compare, people: Services, size, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    run_before = opener(ui, meeting_id, "attendees", keys=tuple("l"))  # the matches show
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_agenda_preview(snap_compare, people: Services, size, planned_weekly, ui) -> None:
    meeting_id = planned_weekly()
    app = SalestuiApp(people, Config())
    run_before = opener(ui, meeting_id, "agenda", keys=("ctrl+o",))
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_zh_cn(snap_compare, people: Services, size, planned_weekly, ui) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    meeting_id = planned_weekly(carried=True)
    tab = "agenda" if size == (80, 24) else "details"
    app = SalestuiApp(people, Config())
    assert snap_compare(app, terminal_size=size, run_before=opener(ui, meeting_id, tab))
