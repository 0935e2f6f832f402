"""An open item whose next check-in date has come starts with ↻ in the actions list."""

from __future__ import annotations

from datetime import timedelta

from salestui.core.service import Services
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.actions_table import CHECK_IN_MARK


async def test_items_due_a_check_in_are_marked(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    today = services.clock.today()
    due_now = team["催收远东物流的逾期货款"]
    later = team["整理渠道名单"]
    closed = team["Send revised quote to Hengda"]
    services.add_follow_up(due_now, "客户答应今天回复", next_check_in=today)
    services.add_follow_up(later, "下周再问", next_check_in=today + timedelta(days=3))
    services.add_follow_up(closed, "check again", next_check_in=today - timedelta(days=1))
    services.mark_done(closed)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        lines = ui.table_lines(app)
        marked = [line for line in lines if CHECK_IN_MARK in line]
        assert len(marked) == 1 and "催收远东物流的逾期货款" in marked[0]
        assert any("整理渠道名单" in line for line in lines)
        assert any("Send revised quote" in line for line in lines)
