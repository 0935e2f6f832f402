"""Search everything (ctrl+k, or "Search everything…" in the command palette): typing
words finds action items, notes, decisions and meetings (Chinese and English, several
words in any order), and a hit opens the item or the meeting it belongs to."""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from salestui.core.service import Services
from salestui.tui.screens.actions import ActionsScreen


async def offered(pilot: Pilot, ui, query: str, wanted: str) -> list[str]:  # noqa: ANN001
    """Open the search palette, type ``query``, wait for a hit holding ``wanted``; the
    titles."""
    await pilot.press("ctrl+k")
    await ui.wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    pilot.app.screen.query_one(CommandInput).value = query
    results = pilot.app.screen.query_one(CommandList)

    def titles() -> list[str]:
        return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]

    await ui.wait_until(pilot, lambda: any(wanted in t for t in titles()), tries=400)
    return titles()


async def test_a_search_hit_opens_its_item_with_the_detail(org: Services, make_app, ui) -> None:
    item = org.add_action("核对长江化工的发票信息", owners=["王芳"])
    org.add_follow_up(item.id, "客户要求重开发票")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # two words of a follow-up note, in the other order
        titles = await offered(pilot, ui, "重开 要求", "客户要求重开发票")
        hit = next(t for t in titles if "客户要求重开发票" in t)
        assert hit.startswith("Follow-up note: ") and f"action {item.id}" in hit
        results = app.screen.query_one(CommandList)
        results.highlighted = titles.index(hit)
        await pilot.press("enter")
        await ui.open_screen(pilot, ActionsScreen)
        screen = app.screen
        assert isinstance(screen, ActionsScreen) and screen.pager is not None
        assert screen.pager.total == 1 and screen.current_row().id == item.id
        assert screen.detail_open
        assert ui.static_text(app, "#filter-bar").startswith(f"Action {item.id}: 核对长江化工")


async def test_a_meeting_hit_opens_the_meeting(org: Services, make_app, ui) -> None:
    from salestui.tui.screens.plan import PlanScreen

    draft = next(m for m in org.meetings() if m.title == "Q1 pricing consultation")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = await offered(pilot, ui, "consultation", "Meeting: Q1 pricing consultation")
        hit = next(t for t in titles if t.startswith("Meeting: Q1 pricing"))
        assert f"meeting {draft.id}" in hit
        app.screen.query_one(CommandList).highlighted = titles.index(hit)
        await pilot.press("enter")
        await ui.open_screen(pilot, PlanScreen)
        assert app.screen.meeting_id == draft.id


async def test_one_character_does_not_search_the_database(org: Services, make_app, ui) -> None:
    org.add_action("回款计划", owners=["王芳"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = await offered(pilot, ui, "回", "")
        for _ in range(20):
            await pilot.pause()
        results = app.screen.query_one(CommandList)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert not any("回款计划" in t for t in shown + titles)


async def test_the_command_palette_offers_the_search_and_stays_commands_only(
    org: Services, make_app, ui
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = await offered(pilot, ui, "forecast", "Review Q4 forecast")
        assert all(t.startswith(("Action: ", "Meeting: ", "Agenda item: ")) for t in titles)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(CommandInput).value = "search every"
        results = app.screen.query_one(CommandList)
        await ui.wait_until(
            pilot,
            lambda: (
                results.option_count > 0
                and str(results.get_option_at_index(0).prompt).startswith("Search everything…")
            ),
        )
        app.screen.query_one(CommandInput).value = "forecast"
        for _ in range(10):
            await pilot.pause()
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert not any("Review Q4 forecast" in t for t in shown)  # no database rows here
        app.screen.query_one(CommandInput).value = "search every"
        await ui.wait_until(
            pilot,
            lambda: (
                results.option_count > 0
                and str(results.get_option_at_index(0).prompt).startswith("Search everything…")
            ),
        )
        await pilot.press("enter")
        await ui.wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, CommandPalette)
                and "notes" in app.screen.query_one(CommandInput).placeholder
            ),
        )


async def test_a_confidential_hit_carries_the_marker(org: Services, make_app, ui) -> None:
    org.add_action("收购远东物流的尽调", owners=["王芳"], confidential=True)
    org.add_action("远东物流的发票", owners=["王芳"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = await offered(pilot, ui, "远东物流", "发票")
        firsts = [t.splitlines()[0] for t in titles]
        assert "Action: [confidential] 收购远东物流的尽调" in firsts
        assert "Action: 远东物流的发票" in firsts
