"""The actions screen by keyboard, asserting on what the user sees and on the database.

The path from the issue: open My team, filter overdue, add a follow-up with a next
check-in date, bulk-mark two items done, escalate one - in English and in Chinese.
"""

from __future__ import annotations

from datetime import date

import pytest

from salestui import i18n
from salestui.config import Config
from salestui.core.models import ActionStatus, FollowUpKind
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.actions import ActionsScreen
from salestui.tui.screens.actions_forms import FormScreen, PickScreen
from salestui.tui.widgets.paged_table import PagedTable


@pytest.mark.parametrize("language", ["en", "zh-CN"])
async def test_team_lead_path_by_keyboard(
    services: Services, team: dict[str, int], language: str, make_app, ui
) -> None:
    i18n.set_language(language)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await ui.open_screen(pilot, ActionsScreen)
        # Open "My team" from the views.
        await pilot.press("v")
        await ui.open_screen(pilot, PickScreen)
        keys = [key for key, _label in app.screen.options]
        await pilot.press("home", *["down"] * keys.index("team"), "enter")
        await ui.open_screen(pilot, ActionsScreen)
        bar = ui.static_text(app, "#filter-bar")
        assert i18n._("My team") in bar
        lines = "\n".join(ui.table_lines(app))
        assert "Prepare Q1 pricing deck" not in lines  # Li Ming is not in 王芳's team
        assert "整理渠道名单" in lines
        # Overdue only.
        await pilot.press("b")
        await pilot.pause()
        assert i18n._("overdue") in ui.static_text(app, "#filter-bar")
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        assert screen.pager.total == 3
        lines = ui.table_lines(app)
        assert "整理渠道名单" not in "\n".join(lines)
        top = lines[1]
        assert "催收远东物流的逾期货款" in top and "3 !" in top  # p1, 6 days late, carried 3x
        # A follow-up with a next check-in date on the top item.
        await pilot.press("l")
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "客户答应下周付款")
        await pilot.press("tab", "tab", "tab", "tab")
        await ui.type_text(pilot, "2026-12-01")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        first = services.action(team["催收远东物流的逾期货款"])
        assert first.next_follow_up == date(2026, 12, 1)
        log = services.follow_ups(first.id)
        assert [(f.kind, f.note, f.next_check_in) for f in log] == [
            (FollowUpKind.NOTE, "客户答应下周付款", date(2026, 12, 1))
        ]
        # Bulk: select the next two and mark them done.
        await pilot.press("down", "space", "space")
        await pilot.pause()
        assert i18n._("{n} selected").format(n=2) in ui.text_of(
            app.screen.query_one("#header .header-right")
        )
        await pilot.press("d")
        await pilot.pause()
        done = [team["提交华东区回款计划"], team["Send revised quote to Hengda"]]
        assert [services.action(i).status for i in done] == [ActionStatus.DONE] * 2
        assert screen.pager.total == 1
        # Escalate the one left: 赵磊's item goes to 王芳, one level up.
        await pilot.press("home", "e")
        await ui.open_screen(pilot, FormScreen)
        assert "王芳" in ui.static_text(app, "#form-title")
        await ui.type_text(pilot, "need help")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        escalations = [f for f in services.follow_ups(first.id) if f.kind == FollowUpKind.ESCALATE]
        assert [(e.person_id, e.note) for e in escalations] == [
            (services.find_person("王芳").id, "need help")
        ]


async def test_a_change_that_changes_nothing_says_so(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    """``d`` on an item already done: nothing is written and there is nothing to undo."""
    item = team["提交华东区回款计划"]
    services.mark_done(item)
    before = (services.action(item), services.follow_ups(item), services.journal.recent())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        row = screen.pager.ids(0, screen.pager.total).index(item)
        await pilot.press("home", *["down"] * row)
        await pilot.pause()
        assert screen.current_row() is not None and screen.current_row().id == item
        await pilot.press("d")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Nothing changed: already done"
        # Nothing written, the journal included: ctrl+z would take back the earlier change.
        assert (
            services.action(item),
            services.follow_ups(item),
            services.journal.recent(),
        ) == before


async def test_undo_puts_bulk_changes_back(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "overdue"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        before = screen.pager.total
        await pilot.press("ctrl+a", "d")
        await pilot.pause()
        assert screen.pager.total == 0
        assert "No action items match" in ui.static_text(app, "#actions-empty")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.pager.total == before
        assert all(services.action(i).status != ActionStatus.DONE for i in screen.pager.ids(0, 9))
        assert not [f for i in team.values() for f in services.follow_ups(i)
                    if f.kind == FollowUpKind.STATUS and f.status == ActionStatus.DONE
                    and i != team["Old task"]]  # fmt: skip


async def test_bad_input_shows_a_message_and_changes_nothing(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "mine"))
        await ui.open_screen(pilot, ActionsScreen)
        item = team["提交华东区回款计划"]
        snapshot = services.action(item)
        # A follow-up without a note.
        await pilot.press("l")
        await ui.open_screen(pilot, FormScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "note" in ui.static_text(app, "#form-error")
        # ... and a date that does not parse.
        await ui.type_text(pilot, "called")
        await pilot.press("tab", "tab", "tab")
        await ui.type_text(pilot, "someday-never")
        await pilot.press("enter")
        await pilot.pause()
        assert "Unknown date" in ui.static_text(app, "#form-error")
        await pilot.press("escape")
        await ui.open_screen(pilot, ActionsScreen)
        # Reassign to nobody known.
        await pilot.press("w")
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "Nobody")
        await pilot.press("enter")
        await pilot.pause()
        assert "Nobody" in ui.static_text(app, "#form-error")
        await pilot.press("escape")
        await ui.open_screen(pilot, ActionsScreen)
        assert services.action(item) == snapshot
        assert services.follow_ups(item) == []


async def test_escalating_someone_without_a_manager(services: Services, team, make_app, ui) -> None:
    app = make_app(me="Zhang Wei")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "mine"))
        await ui.open_screen(pilot, ActionsScreen)
        messages = ui.record_notifications(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)  # no form: nothing to confirm
        assert messages == ["Zhang Wei has no manager to escalate to"]
        assert services.follow_ups(team["审批返利政策"]) == []


async def test_detail_panel_explains_and_links(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "team"))
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("enter")
        await pilot.pause()
        text = ui.static_text(app, "#detail-body")
        assert "催收远东物流的逾期货款" in text
        assert "Why it ranks here: urgency 63" in text  # 18 late + 20 p1 + 25 carried
        assert "6d overdue: +18" in text and "must resolve" in text
        assert "华东大区周例会" in text and "#回款" in text
        await pilot.press("down")
        await pilot.pause()
        assert "提交华东区回款计划" in ui.static_text(app, "#detail-body")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.has_class("-detail")


async def test_search_sort_filters_and_saved_views(services: Services, team, make_app, ui) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        await pilot.press("slash")
        await ui.type_text(pilot, "回款")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pager is not None and screen.pager.total == 1
        await pilot.press("o")
        await pilot.pause()
        assert "sorted by priority" in ui.static_text(app, "#filter-bar")
        # The filter form: priority p1 only.
        await pilot.press("f")
        await ui.open_screen(pilot, FormScreen)
        form = app.screen
        await pilot.press(*["tab"] * 7, "right")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        assert form is not app.screen
        assert screen.filter.priority == 1 and screen.filter.text == "回款"
        # Save it, find it among the views.
        await pilot.press("ctrl+s")
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "p1 回款")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("v")
        await ui.open_screen(pilot, PickScreen)
        assert "saved:p1 回款" in [key for key, _label in app.screen.options]


def _long_list(services: Services) -> None:
    """3,000 more open items without a due date ("item 0000" ...), after the team's."""
    rows = [
        {"title": f"item {n:04d}", "due": None, "priority": 2, "status": "open",
         "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
         "carried_count": 0, "unassigned_ok": 0}
        for n in range(3000)
    ]  # fmt: skip
    services.store.bulk_insert("action_items", rows)


async def test_a_long_list_is_read_a_window_at_a_time(
    services: Services, team, make_app, ui
) -> None:
    _long_list(services)
    wang = services.find_person("王芳").id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        table = screen.query_one(PagedTable)
        assert screen.pager.total == 3008
        assert len(screen.pager._rows) <= 200  # read: one window, not 3,008 rows
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 3007
        assert "item 2999" in "\n".join(ui.table_lines(app))
        assert len(screen.pager._rows) <= 400
        await pilot.press("pageup", "up")
        await pilot.pause()
        assert table.cursor == 3007 - table.page_rows - 1
        assert wang is not None


async def test_rows_are_read_in_a_worker_with_placeholders_meanwhile(
    services: Services, team, make_app, ui
) -> None:
    _long_list(services)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        table = screen.query_one(PagedTable)
        # The count and the first rows came from a worker thread's own connection.
        assert app.readers._opened
        await pilot.press("enter")  # the detail panel follows the cursor
        table.cursor = 2990  # far from anything read: drawn as placeholders at first
        assert screen.pager.cached(2990) is None
        assert table.render_line(table.page_rows).text.strip() == "…"
        await pilot.pause()  # the window arrives; the cursor's row is announced again
        row = screen.pager.cached(2990)
        assert row is not None and row.title in "\n".join(ui.table_lines(app))
        assert row.title in ui.static_text(app, "#detail-body")


async def test_search_as_you_type_reads_once_typing_stops(
    services: Services, team, make_app, ui
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        before = screen._read_generation["list"]
        await pilot.press("slash")
        for key in "回款":  # typed faster than the debounce: only the last read counts
            screen.query_one("#search").insert_text_at_cursor(key)  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen._read_generation["list"] == before + 2
        assert screen.filter.text == "回款"
        titles = "\n".join(ui.table_lines(app))
        assert "回款" in titles and "准备" not in titles


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_columns_line_up_with_chinese_text(
    services: Services, team, size, make_app, ui
) -> None:
    from rich.cells import cell_len

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await app.push_screen(ActionsScreen(app.services, "all"))
        await ui.open_screen(pilot, ActionsScreen)
        table = app.screen.query_one(PagedTable)
        lines = ui.table_lines(app)[: table.total + 1]
        # Every row is exactly as wide as the table, and the priority column ("P1".."P3")
        # starts at the same cell in every row, whatever the titles' scripts.
        strips = [table.render_line(y) for y in range(len(lines))]
        assert {strip.cell_length for strip in strips} == {table.size.width}
        starts = set()
        for line in lines[1:]:
            position = next(line.find(p) for p in (" P1 ", " P2 ", " P3 ") if p in line)
            starts.add(cell_len(line[:position]))
        assert len(starts) == 1


async def test_status_with_a_reason_then_reopen(services: Services, team, make_app, ui) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "mine"))
        await ui.open_screen(pilot, ActionsScreen)
        item = team["提交华东区回款计划"]
        await pilot.press("s")
        await ui.open_screen(pilot, FormScreen)
        await pilot.press("right", "right", "right", "tab")  # open -> blocked
        await ui.type_text(pilot, "财务审批")
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        saved = services.action(item)
        assert (saved.status, saved.blocked_by) == (ActionStatus.BLOCKED, "财务审批")
        assert "blocked" in ui.table_lines(app)[1]
        await pilot.press("d")
        await pilot.pause()
        assert services.action(item).completed_at is not None
        await pilot.press("v")
        await ui.open_screen(pilot, PickScreen)
        keys = [key for key, _label in app.screen.options]
        await pilot.press("home", *["down"] * keys.index("all"), "enter")
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        index = next(i for i in range(screen.pager.total) if screen.pager.row(i).id == item)
        screen.table.cursor = index
        await pilot.press("k")  # reopen
        await pilot.pause()
        reopened = services.action(item)
        assert (reopened.status, reopened.completed_at) == (ActionStatus.OPEN, None)
        assert reopened.blocked_by is None


async def test_a_view_that_needs_me_falls_back(services: Services, ui) -> None:
    services.add_person("Li Ming")  # no director: nobody is "me"
    services.add_action("Call back the buyer", ["Li Ming"])
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        messages = ui.record_notifications(app)
        await app.push_screen(ActionsScreen(services, "mine"))
        await ui.open_screen(pilot, ActionsScreen)
        assert messages == ["Who are you? Set me in the config file to see this view"]
        assert ui.static_text(app, "#filter-bar").startswith("All open items")


async def test_people_and_date_fields_show_what_they_resolve_to(
    services: Services, team: dict[str, int], make_app, ui
) -> None:
    """Issue 10 §3: a form field that takes people or a date shows, before saving, what
    it resolved to; a date that only partly parses is refused there."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ActionsScreen(app.services, "mine"))
        await ui.open_screen(pilot, ActionsScreen)
        item = app.screen.current_row().id
        before = services.action(item)
        await pilot.press("u")
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "下周五")
        await pilot.pause()
        assert ui.static_text(app, "#form-resolved") == "Due → Fri 4 Dec"
        field = app.screen.query_one("#field-due")
        field.value = "下周八"
        await pilot.pause()
        assert ui.static_text(app, "#form-resolved") == "Due: No such date: '下周八'"
        await pilot.press("enter")
        await pilot.pause()
        assert "No such date" in ui.static_text(app, "#form-error")
        await pilot.press("escape")
        await ui.open_screen(pilot, ActionsScreen)
        await pilot.press("w")
        await ui.open_screen(pilot, FormScreen)
        await ui.type_text(pilot, "wf")
        await pilot.pause()
        assert ui.static_text(app, "#form-resolved") == "New owner → 王芳"
        await pilot.press("escape")
        await ui.open_screen(pilot, ActionsScreen)
        assert services.action(item) == before
