"""The circulated agenda document: content, escaping, language, markdownlint."""

from __future__ import annotations

from datetime import timedelta

import pytest
from markdown_it import MarkdownIt

from salestui import i18n
from salestui.core.export.agenda import render_agenda
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services


@pytest.fixture
def meeting_id(services: Services, clock) -> int:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li | Ming", Role.MEMBER)
    meeting = services.new_meeting(
        "周例会 # 11月第4周", "回顾本周问题，确定下周目标 <b>!</b>", MeetingKind.WEEKLY,
        clock.now() + timedelta(hours=5), 45, chair="陈建国", location="3楼会议室",
    )  # fmt: skip
    services.add_agenda_item(meeting.id, "上周业绩回顾", 15, presenter="王芳", kind="info")
    services.add_agenda_item(meeting.id, "- 问题 | 对策", 20, presenter="Li | Ming")
    services.add_agenda_item(meeting.id, "See https://crm.example.com/q4_plan", 15)
    services.invite(meeting.id, ["王芳", "陈建国"])
    services.invite(meeting.id, ["Li | Ming"], required=False)
    return meeting.id


def test_agenda_lists_everything(services: Services, meeting_id: int) -> None:
    text = render_agenda(services.meeting_detail(meeting_id))
    assert text.startswith("# Agenda: 周例会 \\# 11月第4周 2026-11-27\n")
    assert "2026-11-27 13:30-14:15 (45 min)" in text
    assert "**Location:** 3楼会议室" in text
    assert "**Required:** 陈建国, 王芳" in text or "**Required:** 王芳, 陈建国" in text
    assert "**Optional:** Li \\| Ming" in text
    assert "| 1 | 上周业绩回顾 | 王芳 | info | 15 |" in text
    assert "| 2 | \\- 问题 \\| 对策 | Li \\| Ming | discussion | 20 |" in text
    assert "<https://crm.example.com/q4_plan>" in text
    assert "**Total:** 50 of 45 min" in text and "5 min longer than the meeting" in text
    assert "<b>" not in text


def test_agenda_structure_survives_hostile_text(services: Services, meeting_id: int) -> None:
    tokens = (
        MarkdownIt("commonmark")
        .enable("table")
        .parse(render_agenda(services.meeting_detail(meeting_id)))
    )
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h1", "h2", "h2"]
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 3  # header, items
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]


def test_agenda_in_chinese(services: Services, meeting_id: int) -> None:
    i18n.set_language("zh-CN")
    text = render_agenda(services.meeting_detail(meeting_id))
    assert "# 议程：周例会" in text
    assert "## 参会人员" in text and "**可选出席：** Li \\| Ming" in text
    assert "| 序号 | 议题 | 汇报人 | 类型 | 分钟 |" in text
    assert "**警告：** 议程比会议时长多 5 分钟。" in text


def test_agenda_passes_markdownlint(services: Services, meeting_id: int, markdownlint) -> None:
    assert markdownlint(render_agenda(services.meeting_detail(meeting_id))) == ""
    i18n.set_language("zh-CN")
    assert markdownlint(render_agenda(services.meeting_detail(meeting_id)), "zh.md") == ""
    empty = services.new_meeting("Empty", "nothing yet")
    assert markdownlint(render_agenda(services.meeting_detail(empty.id)), "empty.md") == ""
