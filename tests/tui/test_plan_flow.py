"""The Plan screen's "done when" path, by keyboard alone: a 周例会 from its template, five
people invited, a five-item agenda built and reordered, the timebox warning, the agenda
circulated (file written, time stored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from salestui import i18n
from salestui.config import Config
from salestui.core.models import MeetingKind, MeetingStatus
from salestui.core.service import Services
from salestui.tui.app import SalestuiApp
from salestui.tui.screens.plan import PlanScreen
from salestui.tui.screens.plan_item import AgendaItemScreen
from salestui.tui.screens.plan_preview import AgendaPreviewScreen
from salestui.tui.screens.plan_template import TemplateScreen
from salestui.tui.widgets.header_bar import HeaderBar


def summary(ui, app: SalestuiApp) -> str:
    return ui.text_of(app.screen.query_one("#summary-agenda", Static))


def header_right(ui, app: SalestuiApp) -> str:
    return ui.text_of(app.screen.query_one(HeaderBar).query_one(".header-right", Static))


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_weekly_meeting_from_template_to_circulated_agenda(
    people: Services, tmp_path: Path, lang: str, ui
) -> None:
    i18n.set_language(lang)
    app = SalestuiApp(people, Config(export_dir=str(tmp_path)))
    async with app.run_test(size=(120, 40)) as pilot:
        # A new meeting from the Home screen's n key; the title has the focus.
        await pilot.press("n")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await ui.wait_until(pilot, lambda: app.focused is not None)
        assert app.focused is screen.query_one("#field-title", Input)
        await ui.type_text(pilot, "周例会 第48周")

        # Choose the kind: tab to it, open the list, up twice from Other to Weekly.
        await pilot.press("tab", "enter", "up", "up", "enter")
        await pilot.pause()
        assert screen.query_one("#field-kind", Select).value == MeetingKind.WEEKLY
        hint = ui.text_of(screen.query_one("#hint-kind", Static))
        assert "ctrl+t" in hint

        # ctrl+t offers the weekly template first; enter takes it.
        await pilot.press("ctrl+t")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, TemplateScreen))
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.screen is screen)
        purpose = screen.query_one("#field-purpose", Input).value
        assert purpose == i18n._("Review the week's problems and results; set next week's targets")
        assert screen.query_one("#field-minutes", Input).value == "60"

        # The start, typed naturally, is read back beside the field.
        assert app.focused is screen.query_one("#field-kind", Select)
        await pilot.press("tab", "tab", "tab")  # purpose, chair, start
        assert app.focused is screen.query_one("#field-start", Input)
        await ui.type_text(pilot, "mon 14:30")
        await pilot.pause()
        expected_hint = "Mon 30 Nov 14:30" if lang == "en" else "11月30日周一 14:30"
        assert ui.text_of(screen.query_one("#hint-start", Static)) == expected_hint

        await pilot.press("ctrl+s")
        await pilot.pause()
        [meeting] = people.meetings()
        assert meeting.title == "周例会 第48周" and meeting.kind == MeetingKind.WEEKLY
        assert meeting.purpose == purpose and meeting.planned_minutes == 60
        assert meeting.scheduled_start is not None
        assert meeting.scheduled_start.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-11-30 14:30"
        assert meeting.chair_id == people.find_person("Zhang Wei").id  # me, the director
        assert len(people.store.list_agenda(meeting.id)) == 4  # the template's items

        # Invite five people by name, prefix and pinyin initials.
        await pilot.press("f3")
        await pilot.pause()
        for query in ("wf", "li", "Zhang Wei", "cj", "ly"):
            await ui.type_text(pilot, query)
            await pilot.press("enter")
            await pilot.pause()
        detail = people.meeting_detail(meeting.id)
        assert sorted(a.person.name for a in detail.attendees) == sorted(
            ["王芳", "Li Ming", "Zhang Wei", "陈静", "刘洋"]
        )
        # 刘洋 is optional: tab to the table, go to the last row, o.
        await pilot.press("tab", "end", "o")
        await pilot.pause()
        required = {a.person.name: a.required for a in people.meeting_detail(meeting.id).attendees}
        assert required["刘洋"] is False and required["王芳"] is True
        cost = ui.text_of(screen.query_one("#summary-cost", Static))
        assert ("5 invited · 5 person-hours" if lang == "en" else "邀请 5 人 · 5 人时") == cost

        # A fifth agenda item of 20 minutes, presented by 王芳 (typed as wf).
        await pilot.press("f4", "plus")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
        await ui.type_text(pilot, "重点客户跟进")
        await pilot.press("tab")
        await ui.type_text(pilot, "wf")
        await pilot.press("tab")
        await ui.type_text(pilot, "20")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.screen is screen)
        agenda = people.store.list_agenda(meeting.id)
        assert len(agenda) == 5 and agenda[-1].title == "重点客户跟进"
        assert agenda[-1].timebox_minutes == 20 and agenda[-1].presenter_id is not None

        # The agenda is now 75 minutes in a 60-minute meeting: a warning, in words and colour.
        assert summary(ui, app) == (
            "⚠ Agenda 75 / 60 min - 15 min over"
            if lang == "en"
            else "⚠ 议程 75 / 60 分钟 - 超出 15 分钟"
        )
        assert screen.query_one("#summary-agenda").has_class("-over")

        # Reorder: the new item (under the cursor) moves up twice, then the first goes down.
        await pilot.press("shift+up", "shift+up")
        await pilot.pause()
        await pilot.press("home", "shift+down")
        await pilot.pause()
        titles = [item.title for item in people.store.list_agenda(meeting.id)]
        template_titles = [i18n._(t) for t in (
            "Last week's results", "Each salesperson's numbers",
            "Problems and countermeasures", "Next week's targets",
        )]  # fmt: skip
        assert titles == [
            template_titles[1], template_titles[0], "重点客户跟进",
            template_titles[2], template_titles[3],
        ]  # fmt: skip
        rows = ui.table_cells(screen.agenda.table)
        assert [row[1] for row in rows] == titles

        # Circulate: preview, write the file (default name in the export folder), mark it.
        await pilot.press("ctrl+o")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, AgendaPreviewScreen))
        preview = app.screen
        await pilot.press("w")
        await pilot.pause()
        expected = tmp_path / f"2026-11-30-agenda-{meeting.id}.md"
        assert preview.query_one("#preview-path", Input).value == str(expected)
        await pilot.press("enter")
        await pilot.pause()
        written = expected.read_text(encoding="utf-8")
        assert "周例会 第48周" in written and "重点客户跟进" in written
        assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed away
        await pilot.press("c")
        await pilot.pause()
        circulated = (
            "Agenda circulated Fri 27 Nov 08:30"
            if lang == "en"
            else "议程已于 11月27日周五 08:30 发出"
        )
        assert ui.text_of(preview.query_one("#preview-status", Static)) == circulated
        stored = people.meeting(meeting.id)
        assert stored.status == MeetingStatus.CIRCULATED
        assert stored.agenda_circulated_at == people.clock.now()
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: app.screen is screen)
        header = "circulated Fri 27 Nov 08:30" if lang == "en" else "已发议程 11月27日周五 08:30"
        assert header in header_right(ui, app)
