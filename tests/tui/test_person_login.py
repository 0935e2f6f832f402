"""The person form's login (issue 17), and "Who am I…" when a login or the browser's
sign-in has said who I am."""

from __future__ import annotations

from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.person_form import PersonFormScreen


async def test_a_login_is_set_in_the_person_form(org: Services) -> None:
    app = SalestuiApp(org, Config())
    li = org.find_person("Li Ming")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(PersonFormScreen(org, li))
        await pilot.pause()
        app.screen.query_one("#person-login", Input).value = "liming"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert org.find_person("Li Ming").login == "liming"
        wang = org.find_person("王芳")
        app.push_screen(PersonFormScreen(org, wang))
        await pilot.pause()
        app.screen.query_one("#person-login", Input).value = "liming"  # taken
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#person-error", Static)
        assert "has the login liming already" in str(error.content)
        assert org.find_person("王芳").login is None


async def test_who_am_i_says_why_it_cannot_change(org: Services) -> None:
    org.fix_me("王芳", "You are 王芳 on this host (login wangf)")
    app = SalestuiApp(org, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_who_am_i()
        await pilot.pause()
        assert type(app.screen).__name__ != "WhoAmIScreen"
        assert any("login wangf" in str(n.message) for n in app._notifications)
    assert org.me_name == "王芳"
