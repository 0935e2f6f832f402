"""Dates are strict (issue 10, section 3): a table of zh and en phrases, good and bad.

A phrase that only partly parses (``下周八``) or a date-shaped token that names no real
date (month 13, day 40, 31 November, 30 February, in every supported form) is an error at
the input: never a guess of the part that parsed, never kept as title text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from salestui.core.capture import parse_capture
from salestui.core.dates import parse_date, split_leading_date, split_trailing_date
from salestui.core.errors import InvalidInput
from salestui.core.prompts import due_preview, read_due, read_due_and_note


@dataclass(frozen=True)
class P:
    id: int
    name: str


PEOPLE = [P(1, "王芳"), P(2, "Li Ming")]
TODAY = date(2026, 11, 27)  # a Friday

# (capture line, due date, title) - lines that must read exactly so.
GOOD = [
    ("/a @王芳 下周五 提交回款计划", date(2026, 12, 4), "提交回款计划"),
    ("/a @li send deck fri", date(2026, 11, 27), "send deck"),
    ("/a @王芳 明天 打电话给客户", date(2026, 11, 28), "打电话给客户"),
    ("/a 提交报告 12/5", date(2026, 12, 5), "提交报告"),
    ("/a 提交报告 2026-12-05", date(2026, 12, 5), "提交报告"),
    ("/a 提交报告12月5日", date(2026, 12, 5), "提交报告"),
    ("/a 提交报告 due:3天后", date(2026, 11, 30), "提交报告"),
    ("/a send report due:next friday", date(2026, 12, 4), "send report"),
    ("/a send report by end of month", date(2026, 11, 30), "send report"),
    ("/a 整理客户名单 月底前", date(2026, 11, 30), "整理客户名单"),
    ("/a call the client in 2 weeks", date(2026, 12, 11), "call the client"),
    ("/a call the client +3d", date(2026, 11, 30), "call the client"),
    ("/a 拜访客户 周日", date(2026, 11, 29), "拜访客户"),
    ("/a 拜访客户 12月31日", date(2026, 12, 31), "拜访客户"),
    ("/a visit the plant 5 dec", date(2026, 12, 5), "visit the plant"),
    ("/a visit the plant dec 5 2027", date(2027, 12, 5), "visit the plant"),
    ("/a 2027年2月28日 提交年度计划", date(2027, 2, 28), "提交年度计划"),
    ("/a 提交 2/28", date(2027, 2, 28), "提交"),
    ("/a 截止：下下周一 复盘", date(2026, 12, 7), "复盘"),
    ("/a 每周三次拜访客户", None, "每周三次拜访客户"),  # a frequency, not a date
    ("/a set up 24/7 support rota", None, "set up 24/7 support rota"),  # not at an end
]

# (capture line, the phrase the error names)
BAD = [
    ("/a @王芳 下周八 提交", "下周八"),  # not "next Monday" with the title "八 提交"
    ("/a @王芳 周八 提交", "周八"),
    ("/a @王芳 星期0 提交", "星期0"),
    ("/a 下下周八 复盘", "下下周八"),
    ("/a 提交 周八", "周八"),
    ("/a 提交计划 2026-02-30", "2026-02-30"),
    ("/a 2026-13-01 提交计划", "2026-13-01"),
    ("/a 提交计划 2026/11/31", "2026/11/31"),
    ("/a 提交计划 2/30", "2/30"),
    ("/a 提交计划 13/5", "13/5"),
    ("/a 提交计划 4/31", "4/31"),
    ("/a 提交计划2月30日", "2月30日"),
    ("/a 提交计划 11月31日", "11月31日"),
    ("/a 提交计划 12月40日", "12月40日"),
    ("/a 提交计划 十三月一日", "十三月一日"),
    ("/a 13月5号 提交计划", "13月5号"),
    ("/a send plan 31 nov", "31 nov"),
    ("/a send plan nov 31", "nov 31"),
    ("/a send plan feb 30 2027", "feb 30 2027"),
    ("/a send plan 40 dec", "40 dec"),
    ("/a send plan due:2/30", "2/30"),
    ("/a send plan due:2026-02-30", "2026-02-30"),
    ("/a send plan due:下周八", "下周八"),
    ("/a send plan due:31 nov", "31 nov"),
    ("/a send plan due：13/5", "13/5"),
    ("/a 截止：2月30日 提交", "2月30日"),
    ("/a 提交 2026-02-30 的报表", "2026-02-30"),  # can only be a date, wherever it stands
    ("/a 在2月30日前提交报表", "2月30日"),
    ("/a send the 31 nov figures to finance", "31 nov"),
]


@pytest.mark.parametrize(("line", "due", "title"), GOOD)
def test_good_lines(line: str, due: date | None, title: str) -> None:
    capture = parse_capture(line, PEOPLE, TODAY)
    assert (capture.due, capture.text) == (due, title)


@pytest.mark.parametrize(("line", "phrase"), BAD)
def test_bad_lines_are_errors_naming_the_phrase(line: str, phrase: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_capture(line, PEOPLE, TODAY)
    assert phrase in str(raised.value)


@pytest.mark.parametrize(
    "phrase",
    ["下周八", "周8", "星期0", "2/30", "13/5", "2026-02-30", "2月30日", "31 nov", "nov 31",
     "12月40日", "fri 13", "in 3 dayz", "下周五五"],
)  # fmt: skip
def test_bad_phrases_in_a_date_prompt(phrase: str) -> None:
    with pytest.raises(InvalidInput):
        parse_date(phrase, TODAY)
    with pytest.raises(InvalidInput):
        read_due(phrase, TODAY)
    with pytest.raises(InvalidInput):
        due_preview(phrase, TODAY)


def test_split_is_strict_only_when_asked() -> None:
    # The lenient form (used for free text) still never raises ...
    assert split_leading_date("下周八 原因", TODAY) == (date(2026, 11, 30), "八 原因")
    assert split_trailing_date("提交 2/30", TODAY) == (None, "提交 2/30")
    # ... the strict one (used wherever a date is meant) refuses the guess.
    with pytest.raises(InvalidInput, match="下周八"):
        split_leading_date("下周八 原因", TODAY, strict=True)
    with pytest.raises(InvalidInput, match="2/30"):
        split_trailing_date("提交 2/30", TODAY, strict=True)


def test_new_due_with_a_note_is_strict() -> None:
    assert read_due_and_note("下周五 客户还没回复", TODAY) == (date(2026, 12, 4), "客户还没回复")
    assert read_due_and_note("12/5", TODAY) == (date(2026, 12, 5), "")
    for bad in ("下周八 客户还没回复", "2/30 waiting", "31 nov"):
        with pytest.raises(InvalidInput):
            read_due_and_note(bad, TODAY)


def test_previews_show_the_resolved_date() -> None:
    assert due_preview("下周五", TODAY) == "→ Fri 4 Dec"
    assert due_preview("2027-01-08", TODAY) == "→ Fri, 8 Jan 2027"
    assert due_preview("fri waiting for the client", TODAY, with_note=True) == (
        "→ Fri 27 Nov · waiting for the client"
    )
    with pytest.raises(InvalidInput, match="past"):
        due_preview("2026-11-01", TODAY)


def test_nothing_is_saved_from_a_line_with_a_bad_date(services, clock) -> None:
    from salestui.core.meeting import LiveMeeting
    from salestui.core.models import MeetingKind, Role

    services.add_person("王芳", Role.LEAD)
    meeting = services.new_meeting("周例会", "回顾", MeetingKind.WEEKLY, clock.now(), 30)
    services.add_agenda_item(meeting.id, "上周业绩", 10)
    live = LiveMeeting(services)
    live.start(meeting.id)
    entries, actions = services.store.count("entries"), services.store.count("action_items")
    for line in ("/a @王芳 下周八 提交计划", "/a @王芳 提交计划 2/30", "/a 提交 2026-02-30 的报表"):
        with pytest.raises(InvalidInput):
            live.capture(meeting.id, line)
        with pytest.raises(InvalidInput):
            live.preview(line)
    assert services.store.count("entries") == entries
    assert services.store.count("action_items") == actions
