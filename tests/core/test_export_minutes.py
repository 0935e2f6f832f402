"""Minutes: every section in order, actions by person, escaping, determinism, markdownlint."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from markdown_it import MarkdownIt

from salestui import i18n
from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.service import Services

SECTIONS_EN = [
    "Attendance", "Agenda", "Previous actions reviewed", "Discussion", "Decisions",
    "Action items", "Action items by person", "Parking lot", "Speaking balance", "Timing",
]  # fmt: skip


@pytest.fixture
def held(services: Services, clock) -> int:
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Li Ming", Role.MEMBER, reports_to="王芳")
    services.add_person("Sarah Chen", Role.MEMBER, reports_to="陈建国")
    earlier = services.new_meeting("上周例会", "p", start=clock.now() - timedelta(days=7))
    old = services.add_action(
        "整理客户名单", ["Li Ming"], date(2026, 11, 25), meeting_id=earlier.id
    )
    meeting = services.new_meeting(
        "周例会 | 第48周", "回顾本周 <script>", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    services.add_agenda_item(meeting.id, "上周业绩", 10, presenter="王芳")
    services.add_agenda_item(meeting.id, "# 问题与对策", 10)
    services.invite(meeting.id, ["王芳", "Li Ming", "Sarah Chen"])
    live = LiveMeeting(services)
    live.set_attendance(meeting.id, services.find_person("王芳").id, "present")
    live.set_attendance(meeting.id, services.find_person("Sarah Chen").id, "absent")
    clock.advance(minutes=2)
    live.start(meeting.id)
    live.set_attendance(meeting.id, services.find_person("Li Ming").id, "late")
    live.review_action(meeting.id, old.id, "new_due", "客户推迟", new_due=date(2026, 12, 11))
    live.speak(meeting.id, services.find_person("陈建国").id)
    live.capture(meeting.id, "回款比计划低 15%，see https://crm.example.com/r")
    live.capture(meeting.id, "决定：华东区报价上调 3%")
    live.capture(meeting.id, "/a @王芳 @li 下周五 提交回款计划 p1")
    live.capture(meeting.id, "/a 无人认领的事项")
    clock.advance(minutes=14)
    live.next_item(meeting.id)
    live.capture(meeting.id, "/d 关闭西安办事处")
    live.capture(meeting.id, "/p 展会预算")
    clock.advance(minutes=5)
    live.end(meeting.id)
    decisions = services.store.list_decisions(meeting.id)
    live.set_decision(decisions[0].id, "confirmed")
    live.set_decision(decisions[1].id, "rejected")
    return meeting.id


def _headings(text: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [
        (tokens[i].tag, tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


def test_sections_in_order(services: Services, held: int) -> None:
    text = render_minutes(services, held)
    h2 = [content for tag, content in _headings(text) if tag == "h2"]
    assert h2 == SECTIONS_EN
    assert text.startswith("# Minutes: 周例会 \\| 第48周 2026-11-27\n")
    assert "**Started late by:** 2 min" in text
    assert "**Absent:** Sarah Chen (required)" in text
    assert "Li Ming (arrived 08:32)" in text
    assert "| 1 | 上周业绩 | 王芳 | 10 | - | 14 | done (over by 4 min) |" in text
    assert "整理客户名单 (Li Ming): new due date 2026-12-11 - 客户推迟" in text
    assert "<https://crm.example.com/r>" in text and "<script>" not in text
    assert "1. 华东区报价上调 3% (confirmed)" in text
    assert "2. 关闭西安办事处 (rejected)" in text
    assert "| 提交回款计划 | 王芳, Li Ming | 2026-12-04 | P1 |" in text
    assert "### 1. 上周业绩\n" in text and "### 2. \\# 问题与对策\n" in text
    assert "- 展会预算" in text
    assert "**Overrun:** 上周业绩 by 4 min" in text
    assert "陈建国: 19 min (100%)" in text


def test_actions_by_person_with_two_owners_and_unassigned(services: Services, held: int):
    text = render_minutes(services, held)
    by_person = text.split("## Action items by person")[1].split("## Parking lot")[0]
    assert "### Li Ming\n\n- 提交回款计划 (due 2026-12-04)" in by_person
    assert "### 王芳\n\n- 提交回款计划 (due 2026-12-04)" in by_person
    assert "### Unassigned\n\n- 无人认领的事项" in by_person


def test_deterministic_bytes(services: Services, held: int, clock) -> None:
    first = render_minutes(services, held)
    clock.advance(days=3)
    assert render_minutes(services, held) == first


def test_chinese_minutes(services: Services, held: int) -> None:
    i18n.set_language("zh-CN")
    text = render_minutes(services, held)
    h2 = [content for tag, content in _headings(text) if tag == "h2"]
    assert h2[0] == "出席情况" and "### 未指派" in text


def test_minutes_pass_markdownlint(services: Services, held: int, markdownlint) -> None:
    assert markdownlint(render_minutes(services, held)) == ""
    i18n.set_language("zh-CN")
    assert markdownlint(render_minutes(services, held), "zh.md") == ""
