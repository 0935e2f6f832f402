"""The ``/k`` numbers line of the capture grammar: the words (pure parser), and the line
resolved in a meeting (measurable, owner, numbers, the period under review)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salestui import i18n
from salestui.core.capture import parse_capture
from salestui.core.capture_numbers import NumberLine, is_number_line, parse_number_line
from salestui.core.errors import InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models.numbers import Goal
from salestui.core.service import Services

# -- the words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/k @wf 销售额 102 目标 120", NumberLine("销售额", "wf", "102", "", "120")),
        ("/k @王芳 销售额102 目标120", NumberLine("销售额", "王芳", "102", "", "120")),
        ("／ｋ　＠王芳　销售额　１０２．５　目标：１２０",
         NumberLine("销售额", "王芳", "102.5", "", "120")),
        ("计数：@周杰 回款24万元 下周目标30", NumberLine("回款", "周杰", "24", "万元", "30")),
        ("/k 销售额 255", NumberLine("销售额", None, "255", "", None)),
        ("/k @wf 销售额 目标 35", NumberLine("销售额", "wf", None, "", "35")),
        ("/k sales @li 1,234.5 goal: 1300", NumberLine("sales", "li", "1,234.5", "", "1300")),
        ("/KPI @\"Li Ming\" Qualified leads 9 target 15",
         NumberLine("Qualified leads", "Li Ming", "9", "", "15")),
        ("#kpi margin 18% plan 20..25", NumberLine("margin", None, "18", "%", "20..25")),
        ("/number visits 3", NumberLine("visits", None, "3", "", None)),
    ],
)  # fmt: skip
def test_good_lines_give_their_words(line: str, expected: NumberLine) -> None:
    assert is_number_line(line)
    assert parse_number_line(line) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/k", "Say which measurable"),
        ("/k 102", "Say which measurable"),
        ("/k @wf 销售额", "No number after “销售额”"),
        ("/k @wf 销售额 abc", "No number after “销售额 abc”"),
        ("/k @wf @zl 销售额 1", "One owner per numbers line"),
        ("/k @ 销售额 1", "Say whose number it is after @"),
        ("/k 销售额 1 目标 2 goal 3", "One target per numbers line"),
        ("/k 销售额 1 目标", "Give the target after 目标"),
        ("/k 销售额 12 13", "Unexpected words after the value: 13"),
        ("/k sales 12 and more", "Unexpected words after the value: and more"),
        ("/k @zj sales 9..5", "9..5 is not a number"),
        ("/k @zj 销售额1O2", "1O2 is not a number"),
    ],
)
def test_bad_lines_say_why(line: str, message: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_number_line(line)
    assert message in str(error.value)


def test_bad_line_messages_are_chinese_in_chinese() -> None:
    i18n.set_language("zh-CN")
    with pytest.raises(InvalidInput, match="每行数字只能有一个负责人"):
        parse_number_line("/k @wf @zl 销售额 1")
    with pytest.raises(InvalidInput, match="请说明是哪个指标"):
        parse_number_line("计数：")


@pytest.mark.parametrize(
    "line", ["/kilo 5", "/d 销售额 102", "k 销售额 102", "计数器坏了", "//k x"]
)
def test_other_lines_are_not_numbers_lines(line: str) -> None:
    assert not is_number_line(line)


def test_the_general_parser_sends_a_k_line_back(services: Services) -> None:
    with pytest.raises(InvalidInput, match="/k line sets a number"):
        parse_capture("/k 销售额 1", [], services.clock.today())
    with pytest.raises(InvalidInput, match="/k"):  # the list of commands names it
        parse_capture("/x 1", [], services.clock.today())


# -- resolved in a meeting ----------------------------------------------------------------------


@pytest.fixture
def meeting(services: Services, numbers_meeting) -> int:
    return numbers_meeting.build(services)


def test_a_line_resolves_in_the_period_under_review(services: Services, meeting: int) -> None:
    found = LiveMeeting(services).numbers.parse(meeting, "/k @zj sales 12.5万元 目标 22")
    assert (found.measurable.name, found.owner.name) == ("销售额", "周杰")
    assert (found.period.key, found.next.key) == ("2026-W47", "2026-W48")
    assert found.value == Decimal("12.5") and found.target == Goal(Decimal(22))
    assert found.before == Decimal("10.4") and found.goal is not None
    preview = LiveMeeting(services).numbers.preview(meeting, "/k @zj sales 12.5 目标 22")
    assert preview == (
        "销售额 · 周杰 · 2026-W47 actual 12.5 (was 10.4), goal 20: off track · 2026-W48 target 22"
    )


def test_the_preview_is_chinese_in_chinese(services: Services, meeting: int) -> None:
    i18n.set_language("zh-CN")
    preview = LiveMeeting(services).numbers.preview(meeting, "计数：@王芳 销售额 35 目标 32")
    assert (
        preview == "销售额 · 王芳 · 2026-W47 实际 35（原为 34.8），目标 30：达标 · 2026-W48 目标 32"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/k @nobody sales 1", "No one and no team is called nobody"),
        ("/k @wf 销额 1", "No measurable called 销额"),
        ("/k @wf sales 1.23456", "more than 4 decimal places"),
        ("/k @wf sales 10家", "销售额 is counted in 万元, not 家"),
    ],
)
def test_lines_that_do_not_resolve_say_why(services: Services, meeting: int, line: str,
                                           message: str) -> None:  # fmt: skip
    with pytest.raises(InvalidInput) as error:
        LiveMeeting(services).numbers.parse(meeting, line)
    assert message in str(error.value)
