"""Pilot tests: drive the real app against a temp database and check what the user sees."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text
from textual.widgets import Static

from salestui import i18n
from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.help import HelpScreen
from salestui.tui.screens.home import HomeScreen
from salestui.tui.widgets.fit_table import FitTable
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.table_section import TableSection

SIZE = (120, 40)


def cells(table: FitTable) -> list[str]:
    """Every cell's text, row by row."""
    out = []
    for row in range(table.row_count):
        out.extend(str(cell) for cell in table.get_row_at(row))
    return out


def static_text(widget: Static) -> str:
    """What a Static shows, as plain text (rich renderables are rendered, as on screen)."""
    content = widget.content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(content)
    return console.file.getvalue()


def section(app: SalestuiApp, name: str) -> TableSection:
    return app.screen.query_one(f"#{name}", TableSection)


async def test_home_shows_meetings_grouped_by_day(app: SalestuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        meetings = section(app, "meetings").table
        text = cells(meetings)
        # Today's meetings come first, under a "Today" heading, then tomorrow's, then later.
        order = [
            text.index("Today · Fri 27 Nov"),
            text.index("早会"),
            text.index("Weekly sales review"),
            text.index("Tomorrow · Sat 28 Nov"),
            text.index("与生产部协调交期"),
            text.index("Tue 1 Dec"),
            text.index("Q1 pricing consultation"),
        ]
        assert order == sorted(order)
        assert "14:00" in text  # 06:00 UTC shown in Shanghai time
        assert {"running", "agenda circulated", "draft"} <= set(text)
        assert "营销干部会议 11月" not in text  # last week's meeting is not upcoming
        review = meetings.get_row("meeting-3")
        assert [str(c) for c in review] == [
            "14:00", "Weekly sales review", "Weekly", "agenda circulated", "3", "60"
        ]  # fmt: skip


async def test_home_shows_my_overdue_and_due_soon_actions(app: SalestuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overdue = section(app, "overdue")
        rows = cells(overdue.table)
        assert "提交回款计划" in rows and "3d overdue" in rows and "P1" in rows
        assert "Send revised quote to Hengda" in rows and "waiting" in rows
        assert "营销干部会议 11月" in rows  # the source meeting
        assert "Call back the Sinopec buyer" not in rows  # Li Ming's, not mine
        assert "Old task" not in rows  # done
        assert static_text(overdue.query_one(".section-title", Static)) == (
            "My overdue actions (2)"
        )
        soon = cells(section(app, "due-soon").table)
        assert soon[:2] == ["today", "Review Q4 forecast"]
        assert "准备客户拜访材料" in soon and "Mon" in soon
        header = app.screen.query_one(HeaderBar)
        assert "Fri, 27 Nov 2026 · Zhang Wei (Director)" in static_text(
            header.query_one(".header-right", Static)
        )
        counts = static_text(app.screen.query_one("#counts", Static))
        assert counts.startswith("Department: 6 open, 3 overdue")
        assert "Mine: 4 open" in counts and "✉" not in counts  # the outbox is empty


async def test_help_lists_the_screen_keys_and_escape_closes_it(app: SalestuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = static_text(app.screen.query_one("#help-keys", Static))
        lines = [" ".join(line.split()) for line in keys.splitlines()]
        for expected in ("q, ^q Quit", "? Help", "r Refresh", "↓ Cursor down"):
            assert expected in lines, (expected, keys)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_q_quits(app: SalestuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_refresh_shows_changes_made_elsewhere(app: SalestuiApp, org: Services) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overdue_id = next(r.id for r in org.list_actions(org.action_query(overdue=True, owner="1")))
        org.mark_done(overdue_id)  # as if a lead ran `salestui actions done` meanwhile
        await pilot.press("r")
        await pilot.pause()
        title = section(app, "overdue").query_one(".section-title", Static)
        assert static_text(title) == "My overdue actions (1)"


async def test_empty_database_shows_how_to_start(empty_app: SalestuiApp) -> None:
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = empty_app.screen.query_one("#empty-state", Static)
        assert empty.display
        assert "No meetings yet" in static_text(empty)
        assert "salestui demo" in static_text(empty)
        assert not section(empty_app, "meetings").display


async def test_chinese_headings(org: Services) -> None:
    i18n.set_language("zh-CN")  # the shared fixture restores English afterwards
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [
            static_text(s.query_one(".section-title", Static))
            for s in app.screen.query(TableSection)
            if s.display
        ]
        assert titles == ["今天和近期的会议", "我的逾期行动项（2）", "我近期到期的行动项（2）"]
        overdue = cells(section(app, "overdue").table)
        assert "逾期3天" in overdue and "待办" in overdue
        assert "今天 · 11月27日周五" in cells(section(app, "meetings").table)


async def test_unknown_theme_falls_back_with_a_warning(org: Services) -> None:
    app = SalestuiApp(org, Config(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_theme_from_config(org: Services) -> None:
    app = SalestuiApp(org, Config(theme="nord"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_without_me_the_actions_sections_say_how_to_set_it(org: Services) -> None:
    nobody = Services(org.store, org.clock, me="Nobody Known")
    app = SalestuiApp(nobody, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overdue = section(app, "overdue")
        assert not overdue.table.display
        assert "SALESTUI_ME" in static_text(overdue.query_one(".section-empty", Static))
        assert "Weekly sales review" in cells(section(app, "meetings").table)


async def test_footer_keys_are_translated(org: Services) -> None:
    i18n.set_language("zh-CN")
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {
            key: active.binding.description
            for key, active in app.screen.active_bindings.items()
            if active.binding.show
        }
        assert shown == {
            "q": "退出", "question_mark": "帮助", "m": "会议", "a": "行动项", "n": "新建会议"
        }  # fmt: skip


async def test_enter_on_a_meeting_opens_it(org: Services) -> None:
    app = SalestuiApp(org, Config())
    opened: list[int] = []
    app.open_meeting = opened.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    first = org.upcoming_meetings()[0]
    assert opened == [first.id]


async def test_cursor_steps_over_day_headings(org: Services) -> None:
    app = SalestuiApp(org, Config())
    opened: list[int] = []
    app.open_meeting = opened.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # past today's two, over "Tomorrow"
        await pilot.pause()
    third = org.upcoming_meetings()[2]
    assert opened == [third.id]


async def test_inboxes_escalated_to_me_and_check_ins_due(org: Services) -> None:
    """Zhang Wei (the director, "me" by default) sees the item Li Ming escalated to him
    and the check-in that has come due; answering the escalation takes it off Home."""
    from datetime import date

    from salestui.core.actions_service import ActionsService
    from salestui.core.models import ActionQuery
    from salestui.tui.screens.actions import ActionsScreen

    rows = {r.title: r.id for r in org.list_actions(ActionQuery())}
    org.set_me("Li Ming")
    ActionsService(org).escalate(rows["Call back the Sinopec buyer"], "需要总监出面")
    org.set_me(None)
    org.add_follow_up(rows["准备客户拜访材料"], "客户要求改期", next_check_in=date(2026, 11, 27))
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        escalated = section(app, "escalated")
        assert escalated.display
        assert static_text(escalated.query_one(".section-title", Static)) == "Escalated to me (1)"
        assert "Call back the Sinopec buyer" in cells(escalated.table)
        # Escalation made me an owner of the overdue item: it shows once, as escalated.
        assert "Call back the Sinopec buyer" not in cells(section(app, "overdue").table)
        check_ins = section(app, "check-ins")
        assert static_text(check_ins.query_one(".section-title", Static)) == "Check-ins due (1)"
        assert "准备客户拜访材料" in cells(check_ins.table)
        # Enter on the escalated row opens the "Escalated to me" view.
        escalated.table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen) and app.screen.pager is not None
        assert app.screen.pager.total == 1
        assert app.screen.view is not None and app.screen.view.key == "escalated"
        # Answering it (a follow-up of mine) takes it out of the inbox.
        org.add_follow_up(rows["Call back the Sinopec buyer"], "已约客户周一面谈")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not section(app, "escalated").display
        assert "Call back the Sinopec buyer" in cells(section(app, "overdue").table)


async def test_the_outbox_waiting_shows_on_home(org: Services, ui) -> None:
    """Messages not sent yet (waiting for a retry or given up): a line on Home - read in
    its worker - that says how many and that o opens the outbox; o does."""
    from salestui.core.mail_compose import Composed, Outgoing
    from salestui.core.outbox import Outbox
    from salestui.tui.screens.outbox import OutboxScreen

    person = next(p for p in org.people() if p.name == "王芳")
    assert person.id is not None
    org.edit_person(person.id, email="wang.fang@example.com")
    person = org.person(person.id)
    ids = Outbox(org).queue(
        Composed([Outgoing("reminder", person, f"salestui: {n}", b"x") for n in range(3)])
    )
    org.store.mail_failed(ids[0], "the mail server refused the connection", None)  # given up
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        counts = app.screen.query_one("#counts", Static)
        await ui.wait_until(pilot, lambda: "✉" in static_text(counts))
        # first on the line: a narrow screen cuts the counts after it, not the outbox
        assert static_text(counts).startswith("✉ 3 waiting (1 given up) · o to open   ")
        data = app.screen.data
        await pilot.press("o")
        await ui.open_screen(pilot, OutboxScreen)
    assert data is not None
    i18n.set_language("zh-CN")
    assert HomeScreen._outbox_text(data) == "✉ 3 封待发（1 封已放弃）· o 打开"
    data.outbox_given_up = 0
    assert HomeScreen._outbox_text(data) == "✉ 3 封待发 · o 打开"
