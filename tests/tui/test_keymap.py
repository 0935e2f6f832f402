"""The user's key map: ``[keymap]`` binding ids get the keys the config gives them."""

from __future__ import annotations

from salestui.config import Config
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.keymap import binding_ids
from salestui.tui.screens.home import HomeScreen
from salestui.tui.screens.meetings import MeetingsScreen

SIZE = (120, 40)


async def test_a_keymap_entry_moves_a_binding_to_another_key(org: Services) -> None:
    config = Config(keymap={"app.meetings": "f9", "meetings.back": "ctrl+left"})
    app = SalestuiApp(org, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")  # the old key does nothing now
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("ctrl+left")  # a screen's binding, remapped too
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_unknown_binding_id_is_a_warning_and_the_rest_applies(org: Services) -> None:
    app = SalestuiApp(org, Config(keymap={"app.meeting": "f9", "app.actions": "f8"}))
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(message), notify(message, **kwargs))  # type: ignore[method-assign,func-returns-value]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert messages == [
            "Unknown binding id app.meeting in [keymap]; see the README for the ids"
        ]
        await pilot.press("f8")
        await pilot.pause()
        assert type(app.screen).__name__ == "ActionsScreen"


def test_binding_ids_reach_screens_not_yet_opened() -> None:
    ids = binding_ids()
    assert {"app.quit", "run.end", "run.park", "actions.escalate", "plan.save"} <= ids
