"""The minutes' Numbers section: after the attendance, only when the meeting reviewed
numbers; the scorecard (plan, actual, variance), the countermeasures and the targets set,
deterministic and markdownlint-clean in both languages."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from salestui import i18n
from salestui.core.clock import FixedClock
from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.service import Services
from salestui.core.store import Store


@pytest.fixture
def reviewed(services: Services, clock: FixedClock, numbers_meeting) -> int:
    """The numbers meeting held: 周杰's miss gets a countermeasure, two targets are set."""
    meeting = numbers_meeting.build(services)
    live = LiveMeeting(services)
    clock.advance(minutes=34)
    live.start(meeting)
    live.numbers.capture(meeting, "/k @zj sales 目标 22")
    live.numbers.capture(meeting, "/k @li visits 目标 6")
    row = next(r for r in live.numbers.scorecard(meeting).missing if r.owner.name == "周杰")
    assert row.measurable.id is not None
    live.numbers.countermeasure(
        meeting, row.measurable.id, row.owner, "两家老客户订单推迟 | <b>", "下周五 拜访瑞丰科技 p1"
    )
    clock.advance(minutes=10)
    live.next_item(meeting)
    clock.advance(minutes=10)
    live.end(meeting)
    return meeting


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_the_numbers_section_follows_the_attendance(services: Services, reviewed: int) -> None:
    text = render_minutes(services, reviewed)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Attendance", "## Numbers", "## Agenda"]
    section = _section(text, "Numbers")
    assert "- **Period under review:** 2026-W47 · 16 Nov–22 Nov" in section
    assert "| Measurable | Owner | Plan | Actual | Variance | Var. % | Status |" in section
    assert "| 销售额 (万元) | 周杰 | 20 | 10.4 | -9.6 | -48% | off track (3 running) |" in section
    assert "| 新客户拜访 (家) | Li Ming | 5 | 2 | -3 | -60% | off track (3 running) |" in section
    assert "| 销售额 (万元) | 王芳 | 30 | 34.8 | +4.8 | +16% | on track |" in section
    assert (
        "| 销售额 (万元) | 销售一部 | 75 | 71.2\\* | -3.8 | -5.1% | off track (3 running) |"
        in section
    )
    assert (
        "- **销售额 · 周杰:** cause: 两家老客户订单推迟 \\| \\<b\\>; countermeasure: 拜访瑞丰科技"
        " - owner: 周杰; due: 2026-12-04"
    ) in section
    assert "### Targets set" in section
    assert "- **销售额 · 周杰:** 2026-W48: 22 万元" in section
    assert "- **新客户拜访 · Li Ming:** 2026-W48: 6 家" in section
    assert render_minutes(services, reviewed) == text  # same data, same bytes


def test_the_numbers_section_in_chinese(services: Services, reviewed: int) -> None:
    i18n.set_language("zh-CN")
    text = render_minutes(services, reviewed)
    section = _section(text, "计数")
    assert "| 指标 | 负责人 | 预估 | 实际 | 差异 | 差异率 | 状态 |" in section
    assert "| 销售额（万元） | 周杰 | 20 | 10.4 | -9.6 | -48% | 未达标（连续 3 期） |" in section
    assert "原因：两家老客户订单推迟" in section and "### 对策" in section
    assert "### 已定目标" in section


def test_a_table_row_per_number_and_nothing_breaks_the_markdown(
    services: Services, reviewed: int
) -> None:
    text = render_minutes(services, reviewed)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 3  # numbers, agenda, action items
    numbers_rows = len(LiveMeeting(services).numbers.scorecard(reviewed).rows)
    assert numbers_rows == 8  # 2 measurables x 3 people + the team's roll-up of each
    assert "<b>" not in text


def test_no_numbers_section_when_the_meeting_reviewed_none(
    services: Services, clock: FixedClock, numbers_meeting
) -> None:
    meeting = numbers_meeting.build(services)
    live = LiveMeeting(services)
    services.store.db.execute("UPDATE agenda_items SET kind = 'discussion' WHERE meeting_id = ?",
                              [meeting])  # fmt: skip
    clock.advance(minutes=34)
    live.start(meeting)
    live.capture(meeting, "回款正常")
    live.end(meeting)
    assert "## Numbers" not in render_minutes(services, meeting)


def test_markdownlint_accepts_the_numbers_section(
    services: Services, reviewed: int, markdownlint
) -> None:
    english = render_minutes(services, reviewed)
    i18n.set_language("zh-CN")
    chinese = render_minutes(services, reviewed)
    assert markdownlint.many({"en.md": english, "zh.md": chinese}) == ""


def test_what_a_meeting_did_to_the_numbers_is_found_by_its_id(store: Store) -> None:
    """The minutes (and each meeting of an archive) ask it: never a read of every row."""
    for table, column in (
        ("measurable_values", "meeting_id"),
        ("measurable_goals", "set_in_meeting_id"),
        ("measurable_actions", "meeting_id"),
    ):
        plan = store.db.execute(
            f"EXPLAIN QUERY PLAN SELECT 1 FROM {table} WHERE {column} = ?", [1]
        ).fetchall()
        assert "USING COVERING INDEX" in plan[0][3], (table, plan)
