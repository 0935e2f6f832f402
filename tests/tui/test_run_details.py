"""Live console details (issue 10, section 5): who the speaker picker offers, what the
start panel says about absent people, and what an 80x24 console shows without F2/F3."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Input, Static

from salestui.config import Config
from salestui.core.clock import FixedClock
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.run import RunScreen
from salestui.tui.screens.run_speaker import SpeakerPicker

SHANGHAI = ZoneInfo("Asia/Shanghai")


def build(services: Services) -> int:
    services.add_person("陈建国", Role.DIRECTOR, "营销部")
    services.add_person("王芳", Role.LEAD, "销售一部", reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, "销售一部", reports_to="王芳")
    services.add_person("赵强", Role.MEMBER, "销售二部", reports_to="陈建国")
    services.add_person("孙丽", Role.MEMBER, "销售二部", reports_to="陈建国")
    start = datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)
    meeting = services.new_meeting(
        "周例会", "回顾本周问题", MeetingKind.WEEKLY, start, 30, chair="陈建国"
    )
    for title, minutes in (("上周业绩", 10), ("问题与对策", 5), ("下周目标", 10)):
        services.add_agenda_item(meeting.id, title, minutes)
    services.invite(meeting.id, ["王芳", "Li Ming", "赵强", "孙丽"])
    return meeting.id


def plain(app: SalestuiApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(content)


async def test_picker_offers_only_people_who_can_speak(services, clock: FixedClock) -> None:
    meeting_id = build(services)
    live = LiveMeeting(services)
    live.set_attendance(meeting_id, services.find_person("王芳").id, "present")
    live.set_attendance(meeting_id, services.find_person("赵强").id, "absent")
    live.set_attendance(meeting_id, services.find_person("孙丽").id, "excused")
    live.set_attendance(meeting_id, services.find_person("Li Ming").id, "late")
    live.start(meeting_id)
    for row in live.review_candidates(meeting_id):
        live.review_action(meeting_id, row.id, "done")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, meeting_id))
        await pilot.pause()
        await pilot.press("ctrl+n")  # past the review (nothing to review)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        picker = app.screen.query_one(SpeakerPicker)
        assert picker.display
        rows = [" ".join(getattr(c, "plain", str(c)) for c in row) for row in _grid_rows(picker)]
        assert [r.split(" ")[:2] for r in rows] == [["1", "陈建国"], ["2", "王芳"], ["3", "Li"]]
        assert "赵强" not in " ".join(rows) and "孙丽" not in " ".join(rows)
        await pilot.press("3")  # Li Ming (number 3: absent people take no number)
        await pilot.pause()
        turns = services.store.list_speaking(meeting_id)
        assert [t.person_id for t in turns] == [services.find_person("Li Ming").id]
        await pilot.press("ctrl+t", "4")  # nobody has 4: 赵强 and 孙丽 are not in the room
        await pilot.pause()
        assert app.screen.focused is picker
        await pilot.press("escape")
        assert len(services.store.list_speaking(meeting_id)) == 1


def _grid_rows(picker: SpeakerPicker) -> list[list]:  # type: ignore[type-arg]
    """The cells of the picker's rich ``Table.grid``, row by row."""
    table = picker.content
    columns = [list(column.cells) for column in table.columns]
    return [list(row) for row in zip(*columns, strict=True)]


async def test_start_panel_says_absent(services, clock: FixedClock) -> None:
    meeting_id = build(services)
    live = LiveMeeting(services)
    live.set_attendance(meeting_id, services.find_person("赵强").id, "absent")
    app = SalestuiApp(services, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RunScreen(services, meeting_id))
        await pilot.pause()
        warnings = plain(app, "#start-warnings")
        assert "Required attendees absent: 赵强" in warnings
        assert "not marked present: 孙丽, 王芳, Li Ming" in warnings
        assert app.screen.query_one("#capture-input", Input) is not None
