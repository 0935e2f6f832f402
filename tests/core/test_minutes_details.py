"""Minutes details (issue 10, section 5): intact links, unassigned due dates and tags,
people in reporting-line order."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from salestui import i18n
from salestui.core.export.markdown import inline, link_entry
from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.people_order import name_key, people_order
from salestui.core.service import Services


def _links(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    found = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "link_open":
                found.append(child.attrs["href"])
    return found


def _table_cells(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [line.strip("|").split(" | ") for line in rows]


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("see https://crm.example.com/r?a=1|b=2 now", "https://crm.example.com/r?a=1%7Cb=2"),
        (
            "<https://share.example.com/Q3 plan.xlsx> 在这里",
            "https://share.example.com/Q3%20plan.xlsx",
        ),
        ("(https://x.example.com/a|b)", "https://x.example.com/a%7Cb"),
    ],
)
def test_url_with_pipe_or_space_is_one_link(text: str, href: str) -> None:
    rendered = inline(text)
    assert _links(rendered) == [href]
    # In a table cell too: the pipe never splits the cell.
    table = f"| a | b |\n| --- | --- |\n| {rendered} | x |\n"
    assert _links(table) == [href]
    assert len(_table_cells(table)[-1]) == 2


@pytest.mark.parametrize(
    ("text", "href", "rest"),
    [
        ("https://share.example.com/Q3 plan.pdf", "https://share.example.com/Q3%20plan.pdf", ""),
        ("https://w.example.com/a b|c 季度计划", "https://w.example.com/a%20b%7Cc", "季度计划"),
        ("https://crm.example.com/report 季度报告", "https://crm.example.com/report", "季度报告"),
    ],
)  # fmt: skip
def test_link_entry_keeps_the_whole_url(text: str, href: str, rest: str) -> None:
    rendered = link_entry(text)
    assert _links(rendered) == [href]
    assert rendered.endswith(rest)


@pytest.fixture
def org(services: Services) -> Services:
    services.add_person("张伟", Role.MEMBER)  # reports to no one yet (set below)
    services.add_person("陈建国", Role.DIRECTOR)
    services.add_person("王芳", Role.LEAD, reports_to="陈建国")
    services.add_person("Zoe Wu", Role.LEAD, reports_to="陈建国")
    services.add_person("李明", Role.MEMBER, reports_to="王芳")
    services.add_person("Adam Li", Role.MEMBER, reports_to="Zoe Wu")
    services.edit_person(services.find_person("张伟").id, reports_to="王芳")
    return services


def test_people_order_reporting_line_then_pinyin(org: Services) -> None:
    people = org.people_by_id()
    ordered = [p.name for p in sorted(people.values(), key=people_order(people, "zh-CN"))]
    # Director, then depth 1 (王 wang before Zoe), then depth 2 (李 li, Adam? no: a < l < z).
    assert ordered == ["陈建国", "王芳", "Zoe Wu", "Adam Li", "李明", "张伟"]
    ordered_en = [p.name for p in sorted(people.values(), key=people_order(people, "en"))]
    assert ordered_en == ["陈建国", "Zoe Wu", "王芳", "Adam Li", "李明", "张伟"]


def test_name_key_is_pinyin_not_code_point() -> None:
    names = ["张伟", "王芳", "李明", "陈建国", "曾强"]
    assert sorted(names, key=lambda n: name_key(n, "zh-CN")) == [
        "陈建国", "李明", "王芳", "曾强", "张伟",
    ]  # fmt: skip
    assert sorted(["bob", "Émile", "Adam", "zoe"], key=lambda n: name_key(n, "en")) == [
        "Adam", "bob", "Émile", "zoe",
    ]  # fmt: skip


@pytest.fixture
def meeting(org: Services, clock) -> int:
    services = org
    meeting = services.new_meeting(
        "周例会", "回顾", MeetingKind.WEEKLY, clock.now(), 30, chair="陈建国"
    )
    services.add_agenda_item(meeting.id, "业绩", 10)
    services.invite(meeting.id, ["张伟", "李明", "Zoe Wu", "王芳", "Adam Li"])
    live = LiveMeeting(services)
    live.start(meeting.id)
    for name in ("张伟", "李明", "Zoe Wu", "王芳", "Adam Li"):
        live.set_attendance(meeting.id, services.find_person(name).id, "present")
    for name in ("张伟", "李明", "王芳", "陈建国"):
        live.speak(meeting.id, services.find_person(name).id)
        clock.advance(minutes=1)
    live.capture(meeting.id, "/a @张伟 @李明 @王芳 @Adam 周五 拜访客户 #华东 #key")
    live.capture(meeting.id, "/a 下周三 整理报价单 #pricing")
    live.capture(meeting.id, "/l https://share.example.com/Q3 plan|v2.xlsx 季度计划")
    clock.advance(minutes=2)
    live.end(meeting.id)
    return meeting.id


def test_unassigned_keeps_due_and_actions_show_tags(org: Services, meeting: int) -> None:
    text = render_minutes(org, meeting)
    unassigned = text.split("### Unassigned")[1].split("## Parking lot")[0]
    assert "整理报价单 \\#pricing (due 2026-12-02)" in unassigned
    by_person = text.split("## Action items by person")[1]
    assert "- 拜访客户 \\#key \\#华东 (due 2026-11-27)" in by_person
    table = text.split("## Action items\n")[1].split("## Action items by person")[0]
    assert "| 拜访客户 \\#key \\#华东 |" in table
    discussion = text.split("## Discussion")[1].split("## Decisions")[0]
    assert "拜访客户 \\#key \\#华东 - owner:" in discussion
    assert "https://share.example.com/Q3%20plan%7Cv2.xlsx" in _links(discussion)


def test_minutes_list_people_by_reporting_line(org: Services, meeting: int) -> None:
    i18n.set_language("zh-CN")
    text = render_minutes(org, meeting)
    present = next(line for line in text.splitlines() if line.startswith("- **出席"))
    assert present.split("** ", 1)[1].split("、") == [
        "王芳", "Zoe Wu", "Adam Li", "李明", "张伟",
    ]  # fmt: skip
    by_person = text.split("## 按负责人列出的行动项")[1].split("### 未指派")[0]
    headings = [line[4:] for line in by_person.splitlines() if line.startswith("### ")]
    assert headings == ["王芳", "Adam Li", "李明", "张伟"]
    speaking = text.split("## 发言分布")[1].split("## ")[0]
    speakers = [line[2:].split("：")[0] for line in speaking.splitlines() if line.startswith("- ")]
    assert speakers == ["陈建国", "王芳", "李明", "张伟"]


def test_minutes_people_order_in_english(org: Services, meeting: int) -> None:
    text = render_minutes(org, meeting)
    by_person = text.split("## Action items by person")[1].split("### Unassigned")[0]
    headings = [line[4:] for line in by_person.splitlines() if line.startswith("### ")]
    assert headings == ["王芳", "Adam Li", "李明", "张伟"]


def _half_width_next_to_chinese(text: str) -> list[str]:
    """Lines where an ASCII colon or bracket touches a Chinese character (or a space comes
    before a full-width bracket)."""
    bad = re.compile(r"[\u4e00-\u9fff）][:()]|[(]\s*[\u4e00-\u9fff]|\s（|:\*\*")
    return [line for line in text.splitlines() if bad.search(line)]


def test_chinese_exports_use_full_width_punctuation(org: Services, meeting: int, clock) -> None:
    from salestui.core.export.agenda import render_agenda
    from salestui.core.export.reports import render_decisions, render_digest

    services = org
    action = services.store.actions_of_meeting(meeting)[0]
    services.add_follow_up(action.id, "已拜访两家客户")
    i18n.set_language("zh-CN")
    exports = {
        "minutes": render_minutes(services, meeting),
        "agenda": render_agenda(services.meeting_detail(meeting)),
        "digest": render_digest(services),
        "team digest": render_digest(services, owner="王芳"),
        "decisions": render_decisions(services),
    }
    for name, text in exports.items():
        assert _half_width_next_to_chinese(text) == [], name
    minutes = exports["minutes"]
    assert "- **出席：** 王芳、Zoe Wu、Adam Li、李明、张伟" in minutes
    assert "- **请假：**（无）" in minutes
    assert "王芳、Li" not in minutes
    assert "| 拜访客户 \\#key \\#华东 | 张伟、李明、王芳、Adam Li |" in minutes
    assert "## 最新跟进\n\n- 2026-11-27 拜访客户：已拜访两家客户" in exports["digest"]


def test_digest_keeps_notes_followed_by_status_changes(org: Services, meeting: int) -> None:
    from salestui.core.export.reports import render_digest

    services = org
    action = services.store.actions_of_meeting(meeting)[0]
    services.add_follow_up(action.id, "客户要求降价 5%")
    for status in ("in_progress", "blocked", "in_progress", "waiting"):
        services.edit_action(action.id, status=status)
    text = render_digest(services, owner="王芳")
    latest = text.split("## Latest follow-ups")[1]
    assert "- 2026-11-27 拜访客户: 客户要求降价 5%" in latest
