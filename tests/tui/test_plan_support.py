"""Helpers shared by the Plan screen tests (no tests here): a five-person org, a planned
weekly meeting, waiting for screens, reading what widgets show."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from salestui.core.models import MeetingKind, Role
from salestui.core.planning import Planning
from salestui.core.service import Services
from salestui.tui.widgets.fit_table import FitTable

SHANGHAI = ZoneInfo("Asia/Shanghai")


def build_people(services: Services) -> None:
    """A director, two leads and three members: enough to invite five people."""
    services.add_person("Zhang Wei", role=Role.DIRECTOR, team="Sales")
    services.add_person("王芳", role=Role.LEAD, team="华东大区", reports_to="Zhang Wei")
    services.add_person("Li Ming", role=Role.LEAD, team="North", reports_to="Zhang Wei")
    services.add_person("陈静", role=Role.MEMBER, team="华东大区", reports_to="王芳")
    services.add_person("刘洋", role=Role.MEMBER, team="North", reports_to="Li Ming")
    services.add_person("赵强", role=Role.MEMBER, team="华东大区", reports_to="王芳")


def planned_weekly(services: Services, *, over: bool = True, carried: bool = False) -> int:
    """A weekly meeting on Monday 30 Nov 14:30 with five attendees and a five-item agenda
    (75 minutes in a 60-minute meeting when ``over``; with ``carried``, one item comes from
    last week's meeting for the second time)."""
    meeting = services.new_meeting(
        "周例会 第48周", "检讨本周问题与业绩，确定下周目标", MeetingKind.WEEKLY,
        start=datetime(2026, 11, 30, 14, 30, tzinfo=SHANGHAI), minutes=60, chair="Zhang Wei",
        location="3楼会议室",
    )  # fmt: skip
    assert meeting.id is not None
    services.invite(meeting.id, ["Zhang Wei", "王芳", "Li Ming", "陈静"])
    services.invite(meeting.id, ["刘洋"], required=False)
    for title, minutes, presenter, kind in (
        ("上周业绩回顾", 10, "Zhang Wei", "info"),
        ("各销售员业绩", 20, "王芳", "discussion"),
        ("重点客户跟进", 20 if over else 5, "Li Ming", "discussion"),
        ("问题与对策", 15, None, "discussion"),
        ("下周目标", 10, "Zhang Wei", "decision"),
    ):
        services.add_agenda_item(meeting.id, title, minutes, presenter, kind)
    if carried:
        last_week = services.new_meeting(
            "周例会 第47周", "检讨本周问题与业绩", MeetingKind.WEEKLY,
            start=datetime(2026, 11, 23, 14, 30, tzinfo=SHANGHAI), minutes=60,
        )  # fmt: skip
        item = services.store.list_agenda(meeting.id)[3]
        item.carried_from, item.carried_count = last_week.id, 2
        services.store.update_agenda_item(item)
    Planning(services).templates()  # seed the templates as a user's database has them
    return meeting.id


async def wait_until(pilot: Pilot, condition: Callable[[], bool], tries: int = 50) -> None:
    """Let the app run until ``condition`` holds (screens are pushed with a delay)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("condition never became true")


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key; a long text's middle is inserted at once (the same
    Input events, without hundreds of key presses)."""
    focused = pilot.app.focused
    if len(text) > 20 and isinstance(focused, Input):
        await pilot.press(*text[:5])
        focused.insert_text_at_cursor(text[5:-5])
        await pilot.press(*text[-5:])
        return
    await pilot.press(*text)


def text_of(widget: Static) -> str:
    """What a Static shows, as plain text."""
    content = widget.content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    if hasattr(content, "plain"):
        return str(content.plain)
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(content)
    return console.file.getvalue()


def table_cells(table: FitTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def no_blink(app: App) -> None:
    """Snapshots must not depend on when the cursor blinks."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
