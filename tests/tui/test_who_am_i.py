"""Pick who you are: on first start against a database with people, and from the palette;
remembered in your own choices, never in the shared database."""

from __future__ import annotations

import pytest

from salestui.config import Config
from salestui.core.models import Role
from salestui.core.service import Services
from salestui.i18n import set_language
from salestui.personal import Personal
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.who_am_i import WhoAmIScreen

SMALL, LARGE = (80, 24), (120, 40)


@pytest.fixture
def people(services: Services) -> Services:
    services.add_person("张伟", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "华东", reports_to="张伟")
    services.add_person("Li Ming", Role.MEMBER, "华东", reports_to="王芳")
    return services


async def test_first_start_asks_and_remembers_for_the_person(people: Services, tmp_path) -> None:
    mine = Personal(tmp_path / "chosen.toml")
    app = SalestuiApp(people, Config(), start_flow=True, personal=mine)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WhoAmIScreen)
        await pilot.press("w", "f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WhoAmIScreen)
        assert people.me().name == "王芳"
    assert Personal(tmp_path / "chosen.toml").get("me") == "王芳"
    assert people.store.get_setting("me") is None  # nothing personal in the shared file


async def test_a_chosen_person_is_not_asked_again(people: Services) -> None:
    people.set_me("Li Ming")
    app = SalestuiApp(people, Config(), start_flow=True)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WhoAmIScreen)


async def test_from_the_palette_and_escape_changes_nothing(people: Services) -> None:
    people.set_me("张伟")
    app = SalestuiApp(people, Config())
    async with app.run_test(size=LARGE) as pilot:
        app.action_who_am_i()
        await pilot.pause()
        await pilot.press("l", "m", "escape")
        await pilot.pause()
        assert people.me().name == "张伟"
        app.action_who_am_i()
        await pilot.pause()
        await pilot.press("l", "m", "enter")
        await pilot.pause()
        assert people.me().name == "Li Ming"
        assert app.personal.get("me") == "Li Ming"


async def test_language_and_theme_are_the_persons_own(people: Services) -> None:
    app = SalestuiApp(people, Config())
    async with app.run_test(size=LARGE) as pilot:
        app.action_switch_language()
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        assert app.personal.load() == {"language": "zh-CN", "theme": "nord"}
        assert people.store.get_setting(SalestuiApp.LANGUAGE_SETTING) is None
        assert people.store.get_setting(SalestuiApp.THEME_SETTING) is None
    set_language("en")


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_snapshot_who_am_i(snap_compare, people: Services, size, lang) -> None:
    set_language(lang)
    people.set_me("张伟")

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.action_who_am_i()
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()

    try:
        assert snap_compare(SalestuiApp(people, Config()), terminal_size=size, run_before=before)
    finally:
        set_language("en")
