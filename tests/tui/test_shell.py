"""The app shell: welcome on first run, resume a running meeting, palette, theme, language."""

from __future__ import annotations

from salestui import i18n
from salestui.config import Config
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.personal import Personal
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.welcome import WelcomeScreen

SIZE = (120, 40)


async def test_empty_database_opens_on_welcome_and_loads_demo(services: Services) -> None:
    app = SalestuiApp(services, Config(), start_flow=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(services.people()) > 10
        assert services.store.list_meetings(limit=1)
        await pilot.pause()
        assert app.screen.focused is not None  # the keys reach the meetings table


async def test_welcome_leads_to_people_and_planning(services: Services) -> None:
    app = SalestuiApp(services, Config(), start_flow=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"
    app = SalestuiApp(services, Config(), start_flow=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanScreen"


async def test_running_meeting_is_resumed_at_start(services: Services) -> None:
    services.add_person("王芳")
    meeting = services.new_meeting("周例会", "回顾", start=services.clock.now())
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    live = LiveMeeting(services)
    live.start(meeting.id)
    live.capture(meeting.id, "saved before the crash")
    services.set_me("王芳")  # who started it: the scribe, back after the crash
    app = SalestuiApp(services, Config(), start_flow=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"
        assert not app.screen.watching  # type: ignore[attr-defined]


async def test_nobody_chosen_is_asked_before_any_meeting_is_resumed(services: Services) -> None:
    """Starting without saying who you are never drops you into someone's live meeting:
    the picker comes first; the scribe then resumes, anyone else lands on Home."""
    services.add_person("张伟", role="director")
    services.add_person("王芳")
    meeting = services.new_meeting("周例会", "回顾", start=services.clock.now())
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    LiveMeeting(Services(services.store, services.clock, me="王芳")).start(meeting.id)
    for who, lands_on in (("张伟", "HomeScreen"), ("王芳", "RunScreen")):
        fresh = Services(services.store, services.clock)
        app = SalestuiApp(fresh, Config(), start_flow=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "WhoAmIScreen"
            await pilot.press(*who, "enter")
            await pilot.pause()
            assert type(app.screen).__name__ == lands_on, who


async def test_theme_is_remembered_for_the_person(org: Services, tmp_path) -> None:
    """A theme chosen in the app is this person's own (their choices file), not the
    department's database."""
    mine = Personal(tmp_path / "chosen.toml")
    app = SalestuiApp(org, Config(), personal=mine)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert org.store.get_setting("ui.theme") is None
    again = SalestuiApp(org, Config(theme="textual-light"), personal=Personal(mine.path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    other = SalestuiApp(org, Config(theme="textual-light"))  # someone else on the same file
    async with other.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert other.theme == "textual-light"


async def test_palette_reaches_app_commands(org: Services) -> None:
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"staff")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"


async def test_switch_language_from_the_palette(org: Services) -> None:
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_switch_language()
        await pilot.pause()
        assert i18n.current_language() == "zh-CN"
        assert org.store.get_setting("ui.language") is None  # the person's, not the file's
        assert app.personal.get("language") == "zh-CN"
        footer = {a.binding.description for a in app.screen.active_bindings.values()}
        assert "会议" in footer


async def test_plan_screen_opens_the_live_console(org: Services) -> None:
    from salestui.tui.screens.plan import PlanScreen

    meeting = org.upcoming_meetings()[1]
    app = SalestuiApp(org, Config())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlanScreen(org, meeting.id))
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"
