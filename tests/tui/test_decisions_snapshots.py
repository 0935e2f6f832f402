"""SVG snapshots of the Decisions screen (issue 16): the register with execution counts,
a superseded decision and a confidential one, at 80x24 and 120x40, English and Chinese.

Update after an intended change with ``pytest tests/tui/test_decisions_snapshots.py
--snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from salestui import i18n
from salestui.config import Config
from salestui.core.decisions import DecisionRegister
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.decisions import DecisionsScreen

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
LANGUAGES = pytest.mark.parametrize("language", ["en", "zh-CN"])


@SIZES
@LANGUAGES
def test_decisions_screen(snap_compare, services, build_register, ui, size, language) -> None:
    ids = build_register(services)
    DecisionRegister(services).supersede(ids["d_rebate"], ids["d_rebate4"])
    i18n.set_language(language)  # the shared fixture restores English afterwards

    async def before(pilot) -> None:
        await pilot.press("D")
        await ui.open_screen(pilot, DecisionsScreen)
        await pilot.pause()
        pilot.app.clear_notifications()
        ui.no_blink(pilot.app)
        await pilot.pause()

    assert snap_compare(SalestuiApp(services, Config()), terminal_size=size, run_before=before)
