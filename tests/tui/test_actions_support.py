"""Helpers shared by the actions and dashboard screen tests (no tests here): a sales org
with a lead's team and overdue items, an app where the user is that lead, and readers for
what the screens show."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from salestui.config import Config
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.widgets.paged_table import PagedTable

TODAY = date(2026, 11, 27)  # the shared clock: Friday 08:30 Shanghai


def build_team(services: Services) -> dict[str, int]:
    """A director, a lead (王芳) with two reports, another lead; items in both languages.

    Returns action ids by title.
    """
    services.add_person("Zhang Wei", role=Role.DIRECTOR, team="营销部")
    services.add_person("王芳", role=Role.LEAD, team="华东大区", reports_to="Zhang Wei")
    services.add_person("赵磊", team="华东大区", reports_to="王芳")
    services.add_person("孙丽", team="华东大区", reports_to="王芳")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")
    weekly = services.new_meeting(
        "华东大区周例会", "每周回顾", MeetingKind.WEEKLY, minutes=60, chair="王芳",
    )  # fmt: skip
    add = services.add_action
    days = timedelta(days=1)
    items = [
        add("催收远东物流的逾期货款", ["赵磊"], TODAY - 6 * days, 1, weekly.id, tags=["回款"]),
        add("Send revised quote to Hengda", ["孙丽"], TODAY - 3 * days, 2, weekly.id),
        add("提交华东区回款计划", ["王芳"], TODAY - 2 * days, 1, weekly.id),
        add("整理渠道名单", ["赵磊"], TODAY + 2 * days, 3),
        add("Prepare Q1 pricing deck", ["Li Ming"], TODAY - 1 * days, 2),
        add("审批返利政策", ["Zhang Wei"], TODAY - 4 * days, 1),
        add("Book the trade show booth", [], TODAY + 9 * days, 2),
    ]
    carried = items[0]
    carried.carried_count = 3
    services.store.update_action(carried, services.clock.now())
    done = add("Old task", ["王芳"], TODAY - 20 * days)
    services.mark_done(done.id)
    return {a.title: a.id for a in [*items, done] if a.id is not None}


def lead_services(services: Services, me: str = "王芳") -> Services:
    """The same database and clock, seen by ``me``."""
    return Services(services.store, services.clock, me=me)


def make_app(services: Services, me: str = "王芳") -> SalestuiApp:
    return SalestuiApp(lead_services(services, me), Config(me=me))


async def wait_until(pilot: Pilot, condition: Callable[[], bool], tries: int = 50) -> None:
    """Let the app run until ``condition`` holds (screens are pushed with a delay)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("condition never became true")


async def open_screen(pilot: Pilot, screen_type: type) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, screen_type))
    await pilot.pause()


def table_lines(app: App) -> list[str]:
    """What the actions table shows, line by line (the header first)."""
    table = app.screen.query_one(PagedTable)
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


def text_of(widget: Static) -> str:
    """What a Static shows, as plain text."""
    content = widget.content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(content)
    return console.file.getvalue()  # type: ignore[attr-defined]


def static_text(app: App, selector: str) -> str:
    return text_of(app.screen.query_one(selector, Static))


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


def record_notifications(app: App) -> list[str]:
    """Every toast message from now on (wraps ``App.notify``, which screens call)."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        messages.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return messages
