"""Tests for salestui.core.capture: the one-line capture grammar and its preview."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from hypothesis import given, settings
from hypothesis import strategies as st

from salestui import i18n
from salestui.core import capture as capture_module
from salestui.core import capture_tokens, models, names
from salestui.core.capture import (
    COMMANDS,
    Capture,
    EntryKind,
    clean_capture_text,
    describe,
    parse_capture,
)
from salestui.core.errors import InvalidInput, NotFound, SalestuiError


@dataclass(frozen=True)
class P:
    id: int
    name: str


WANG_FANG = P(1, "王芳")
WANG_FENG = P(2, "王峰")  # pinyin initials wf collide with 王芳
LIU_MING = P(3, "刘明")
LI_MING = P(4, "Li Ming")  # initials lm collide with 刘明; "li" is a whole word of his name alone
ZHANG_WEI = P(5, "Zhang Wei")
SARAH_CHEN = P(6, "Sarah Chen")

PEOPLE = [WANG_FANG, WANG_FENG, LIU_MING, LI_MING, ZHANG_WEI, SARAH_CHEN]
ONE_WANG = [WANG_FANG, LI_MING, ZHANG_WEI, SARAH_CHEN]  # @wf is 王芳 alone here

TODAY = date(2026, 11, 27)  # a Friday
SAT = date(2026, 11, 28)
MON = date(2026, 11, 30)  # also the end of the month
NEXT_FRI = date(2026, 12, 4)


def parse(line: str, people: list[P] = PEOPLE) -> Capture:
    return parse_capture(line, people, TODAY)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English; the language before the test is restored."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def zh() -> None:
    i18n.set_language("zh-CN")


def test_entry_kind_is_the_models_enum() -> None:
    assert capture_module.EntryKind is models.EntryKind
    assert EntryKind("action") is EntryKind.ACTION


# --- commands ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("plain words", EntryKind.NOTE),
        ("/n plain words", EntryKind.NOTE),
        ("/note plain words", EntryKind.NOTE),
        ("#info plain words", EntryKind.NOTE),
        ("/d plain words", EntryKind.DECISION),
        ("/decide plain words", EntryKind.DECISION),
        ("#agreed plain words", EntryKind.DECISION),
        ("决定: plain words", EntryKind.DECISION),
        ("决定：plain words", EntryKind.DECISION),
        ("决议：plain words", EntryKind.DECISION),
        ("/a plain words", EntryKind.ACTION),
        ("/action plain words", EntryKind.ACTION),
        ("#action plain words", EntryKind.ACTION),
        ("行动: plain words", EntryKind.ACTION),
        ("行动：plain words", EntryKind.ACTION),
        ("待办：plain words", EntryKind.ACTION),
        ("/l plain words", EntryKind.LINK),
        ("/link plain words", EntryKind.LINK),
        ("#link plain words", EntryKind.LINK),
        ("/p plain words", EntryKind.PARK),
        ("/park plain words", EntryKind.PARK),
        ("/t plain words", EntryKind.TOPIC),
        ("/topic plain words", EntryKind.TOPIC),
        ("#topic plain words", EntryKind.TOPIC),
        # case, full-width forms, odd spacing
        ("/A plain words", EntryKind.ACTION),
        ("/DECIDE plain words", EntryKind.DECISION),
        ("#Action plain words", EntryKind.ACTION),
        ("／a plain words", EntryKind.ACTION),
        ("＃agreed plain words", EntryKind.DECISION),
        ("   /p   plain words  ", EntryKind.PARK),
        ("/t\tplain words", EntryKind.TOPIC),
        ("/d\u3000plain words", EntryKind.DECISION),
    ],
)
def test_commands_set_the_kind(line: str, kind: EntryKind) -> None:
    result = parse(line)
    assert result.kind is kind
    assert result.text == "plain words"


def test_hash_commands_may_end_with_a_colon() -> None:
    assert parse("#action: call back").kind is EntryKind.ACTION
    assert parse("#agreed：涨价") == Capture(EntryKind.DECISION, "涨价")
    assert parse("#link:https://x.example.com").links == ("https://x.example.com",)


def test_chinese_commands_may_be_glued_to_the_text() -> None:
    assert parse("决定：下周涨价") == Capture(EntryKind.DECISION, "下周涨价")
    assert parse("决定:下周涨价") == Capture(EntryKind.DECISION, "下周涨价")
    assert parse("行动：整理报价单").kind is EntryKind.ACTION


@pytest.mark.parametrize("line", ["/dance with me", "/xyz", "/", "/a@王芳 x", "/usr/bin is slow"])
def test_unknown_slash_command_lists_the_known_ones(line: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(line)
    message = str(caught.value)
    assert message.startswith("Unknown command /")
    for command in ("/n", "/d", "/a", "/l", "/p", "/t", "/action", "/topic"):
        assert command in message.split()


def test_double_slash_escapes_a_leading_slash() -> None:
    assert parse("//usr/bin is slow") == Capture(EntryKind.NOTE, "/usr/bin is slow")


def test_a_hash_word_that_is_no_command_is_a_tag_on_a_note() -> None:
    result = parse("#actionable insight from the call")
    assert result.kind is EntryKind.NOTE
    assert result.tags == ("actionable",)
    assert result.text == "insight from the call"


def test_a_command_inside_the_line_is_text() -> None:
    assert parse("we said /a is fine").text == "we said /a is fine"
    assert parse("we said 决定：ok").kind is EntryKind.NOTE


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "Nothing to capture"),
        ("   ", "Nothing to capture"),
        ("/n", "Nothing to capture"),
        ("/d   ", "Nothing to capture"),
        ("决定：", "Nothing to capture"),
        ("/a", "An action needs a title"),
        ("/a @王芳", "An action needs a title"),
        ("/a @王芳 明天", "An action needs a title"),
        ("/a p1 #crm due:fri", "An action needs a title"),
        ("/t", "A new agenda item needs a title"),
        ("#pricing", "Nothing to capture"),
    ],
)
def test_empty_text_is_refused(line: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(line)
    assert str(caught.value) == message


def test_commands_are_listed_for_completion() -> None:
    listed = dict(COMMANDS)
    assert listed["/a"] is EntryKind.ACTION
    assert listed["#agreed"] is EntryKind.DECISION
    assert listed["决定:"] is EntryKind.DECISION


# --- owners --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("/a @王芳 send deck", WANG_FANG),  # full name
        ("/a ＠王芳 send deck", WANG_FANG),  # full-width at sign
        ("/a @li send deck", LI_MING),  # unique prefix
        ("/a @Zhang send deck", ZHANG_WEI),  # prefix, any case
        ("/a @wei send deck", ZHANG_WEI),  # prefix of a later word
        ('/a @"Li Ming" send deck', LI_MING),  # quoted full name with a space
        ("/a @“Li Ming” send deck", LI_MING),  # Chinese quotes
        ("/a @sc send deck", SARAH_CHEN),  # initials of a Latin name
        ("/a send deck @li", LI_MING),  # anywhere in the line
    ],
)
def test_one_owner(line: str, owner: P) -> None:
    result = parse(line)
    assert result.owners == (owner,)
    assert result.text == "send deck"


@pytest.mark.parametrize("typed", ["Li Ming", "li ming", "LI  MING"])
def test_a_full_name_with_a_space_may_follow_the_at(typed: str) -> None:
    result = parse(f"/a @{typed} send deck")
    assert (result.owners, result.text) == ((LI_MING,), "send deck")


def test_a_prefix_is_not_stretched_over_the_next_word() -> None:
    result = parse("/a @Li Mingo send deck")  # "Li" is a prefix of Li Ming; "Mingo" is text
    assert (result.owners, result.text) == ((LI_MING,), "Mingo send deck")


def test_punctuation_after_a_name_is_not_part_of_it() -> None:
    result = parse("/a send deck to @li.")
    assert (result.owners, result.text) == ((LI_MING,), "send deck to.")
    result = parse("/a 发报价给@王芳。")
    assert (result.owners, result.text) == ((WANG_FANG,), "发报价给。")


def test_owner_by_pinyin_initials() -> None:
    result = parse("/a @wf 提交计划", ONE_WANG)
    assert result.owners == (WANG_FANG,)
    assert result.text == "提交计划"


def test_two_owners_in_order_and_deduplicated() -> None:
    result = parse("/a @王芳 @zhang @wangfang call the client")
    assert result.owners == (WANG_FANG, ZHANG_WEI)
    assert result.text == "call the client"


@pytest.mark.parametrize(
    "line",
    [
        "/a @王芳、@刘明 同步报价",
        "/a @王芳，@刘明 同步报价",
        "/a @王芳 和 @刘明 同步报价",
        "/a @王芳,@刘明: 同步报价",
    ],
)
def test_separators_between_owners_are_dropped(line: str) -> None:
    result = parse(line)
    assert result.owners == (WANG_FANG, LIU_MING)
    assert result.text == "同步报价"


def test_chinese_name_glued_to_the_text() -> None:
    result = parse("/a @王芳提交计划")
    assert result.owners == (WANG_FANG,)
    assert result.text == "提交计划"
    assert parse("/a 请@王芳跟进回款").text == "请跟进回款"


def test_ambiguous_owner_lists_both_candidates() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse("/a @wf 提交计划")
    message = str(caught.value)
    assert message == "wf is ambiguous: 王芳, 王峰"
    with pytest.raises(InvalidInput) as caught:
        parse("/a @王 提交计划")
    assert "王芳" in str(caught.value) and "王峰" in str(caught.value)


def test_unknown_owner() -> None:
    with pytest.raises(NotFound) as caught:
        parse("/a @nobody send deck")
    assert str(caught.value) == "No one is called nobody"


def test_unclosed_quote_after_at() -> None:
    with pytest.raises(InvalidInput):
        parse('/a @"Li Ming send deck')


def test_email_is_not_an_owner() -> None:
    result = parse("/a mail a@b.com about the quote")
    assert result.owners == ()
    assert result.text == "mail a@b.com about the quote"
    assert parse("/a @li mail sarah.chen@corp.cn").owners == (LI_MING,)


def test_a_lone_at_sign_is_text() -> None:
    assert parse("/a meet @ the office").text == "meet @ the office"


def test_action_without_owner_is_unassigned() -> None:
    result = parse("/a send deck")
    assert result.owners == ()


def test_at_names_in_a_note_never_fail_it() -> None:
    result = parse("@nobody asked about @wf and @王芳")
    assert result.kind is EntryKind.NOTE
    assert result.text == "@nobody asked about @wf and @王芳"
    assert result.owners == (WANG_FANG,)  # only the name that resolves to one person


def test_decision_may_name_who_and_keeps_the_name_in_its_text() -> None:
    result = parse("决定：@王芳 负责华东区定价")
    assert result.kind is EntryKind.DECISION
    assert result.owners == (WANG_FANG,)
    assert result.text == "@王芳 负责华东区定价"


# --- due dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("/a send deck due:fri", TODAY),
        ("/a send deck due:tomorrow", SAT),
        ("/a send deck DUE:tomorrow", SAT),
        ("/a send deck due: tomorrow", SAT),
        ("/a send deck due：明天", SAT),
        ("/a send deck due:2026-12-04", NEXT_FRI),
        ("/a send deck due:12/4", NEXT_FRI),
        ("/a send deck due:next friday", NEXT_FRI),
        ("/a send deck due:in 3 days", MON),
        ("/a send deck due:end of month", MON),
        ("/a send deck due:+3d", MON),
        ("/a due:next friday send deck", NEXT_FRI),
        ("/a send deck 截止：下周五", NEXT_FRI),
        ("/a send deck due:下周五", NEXT_FRI),
        ("/a send deck due:月底", MON),
    ],
)
def test_explicit_due(line: str, due: date) -> None:
    result = parse(line)
    assert result.due == due
    assert result.text == "send deck"


def test_due_glued_to_chinese_text() -> None:
    result = parse("/a due:下周五提交计划")
    assert result.due == NEXT_FRI
    assert result.text == "提交计划"


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("/a send deck due:someday", "someday"),
        ("/a send deck due:next fridya", "next fridya"),
        ("/a send deck due:2026-02-30", "2026-02-30"),
    ],
)
def test_unreadable_due_is_an_error_naming_it(line: str, named: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(line)
    assert named in str(caught.value)


def test_due_without_a_date() -> None:
    with pytest.raises(InvalidInput):
        parse("/a send deck due:")
    with pytest.raises(InvalidInput):
        parse("/a send deck due: p1")


@pytest.mark.parametrize(
    ("line", "owners", "due", "text"),
    [
        ("/a @王芳 下周五 提交华东区回款计划", (WANG_FANG,), NEXT_FRI, "提交华东区回款计划"),
        ("/a @王芳 下周五提交华东区回款计划", (WANG_FANG,), NEXT_FRI, "提交华东区回款计划"),
        ("/a @王芳 下周五前提交计划", (WANG_FANG,), NEXT_FRI, "提交计划"),
        ("/a @王芳 提交计划 月底", (WANG_FANG,), MON, "提交计划"),
        ("/a @王芳 提交计划周五前", (WANG_FANG,), TODAY, "提交计划"),
        ("/a @王芳 3天后 回访客户", (WANG_FANG,), MON, "回访客户"),
        ("/a @li send deck fri", (LI_MING,), TODAY, "send deck"),
        ("/a @li send deck by next friday", (LI_MING,), NEXT_FRI, "send deck"),
        ("/a @li tomorrow send deck", (LI_MING,), SAT, "send deck"),
        ("/a @li send deck 12/4", (LI_MING,), NEXT_FRI, "send deck"),
        ("/a @li send deck eow p1 #crm", (LI_MING,), TODAY, "send deck"),
        ("/a 明天 整理报价", (), SAT, "整理报价"),
        ("/a @li 最晚周五 交付", (LI_MING,), TODAY, "交付"),
        ("/a @王芳 提交计划，截止下周五前", (WANG_FANG,), NEXT_FRI, "提交计划"),
        ("/a @王芳 提交计划 截止下周五", (WANG_FANG,), NEXT_FRI, "提交计划"),
        ("/a by fri send deck", (), TODAY, "send deck"),
        ("/a send deck due fri", (), TODAY, "send deck"),
    ],
)
def test_natural_due_dates(line: str, owners: tuple[P, ...], due: date, text: str) -> None:
    result = parse(line)
    assert (result.owners, result.due, result.text) == (owners, due, text)


def test_a_date_inside_the_title_is_text() -> None:
    result = parse("/a @li review the fri numbers with finance")
    assert result.due is None
    assert result.text == "review the fri numbers with finance"


def test_same_date_twice_is_fine() -> None:
    result = parse("/a @王芳 明天 提交计划 due:tomorrow")
    assert result.due == SAT
    assert result.text == "提交计划"


@pytest.mark.parametrize(
    "line",
    [
        "/a send deck due:fri due:mon",
        "/a send deck tomorrow due:next friday",
        "/a @王芳 明天 提交计划 下周五",
    ],
)
def test_two_different_due_dates_are_refused(line: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(line)
    assert str(caught.value).startswith("Two different due dates")


def test_due_is_only_for_actions() -> None:
    result = parse("/d ship due:fri")
    assert result.due is None
    assert result.text == "ship due:fri"
    assert parse("call the client fri").due is None


# --- priority, tags, links -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "priority"), [("p1", 1), ("p2", 2), ("p3", 3), ("P1", 1), ("Ｐ２", 2)]
)
def test_priority(token: str, priority: int) -> None:
    result = parse(f"/a @li send deck {token}")
    assert result.priority == priority
    assert result.text == "send deck"
    assert parse(f"/a {token} send deck").priority == priority


def test_priority_must_stand_alone_and_be_1_to_3() -> None:
    assert parse("/a fix p0 and p4 bugs").priority is None
    assert parse("/a fix p0 and p4 bugs").text == "fix p0 and p4 bugs"
    assert parse("/a fix the p1x thing").priority is None
    assert parse("/a call mp1 team").priority is None


def test_two_priorities_are_refused_but_repeats_are_fine() -> None:
    with pytest.raises(InvalidInput):
        parse("/a send deck p1 p2")
    assert parse("/a send deck p1 P1").priority == 1


def test_priority_is_text_outside_actions() -> None:
    result = parse("/d p1 accounts first")
    assert result.priority is None
    assert result.text == "p1 accounts first"


def test_tags_on_every_kind() -> None:
    action = parse("/a @li send deck #crm #Q4 #crm")
    assert action.tags == ("crm", "q4")
    assert action.text == "send deck"
    note = parse("回款进度慢 #华东")
    assert (note.kind, note.text, note.tags) == (EntryKind.NOTE, "回款进度慢", ("华东",))
    decision = parse("/d #pricing raise list prices 5%")
    assert (decision.text, decision.tags) == ("raise list prices 5%", ("pricing",))


def test_hash_that_is_no_tag() -> None:
    assert parse("ticket #123 is open").tags == ()
    assert parse("ticket #123 is open").text == "ticket #123 is open"
    assert parse("we use C# here").tags == ()
    assert parse("use C# here").text == "use C# here"


def test_bare_url_line_is_a_link() -> None:
    url = "https://crm.example.com/deals/42?tab=notes#top"
    assert parse(url) == Capture(EntryKind.LINK, url, links=(url,))
    assert parse(f"  {url}  ").kind is EntryKind.LINK
    assert parse("http://intranet/q4").kind is EntryKind.LINK


def test_url_inside_a_note_is_collected_and_kept() -> None:
    result = parse("deck is at https://drive.example.com/d/abc, please review.")
    assert result.kind is EntryKind.NOTE
    assert result.links == ("https://drive.example.com/d/abc",)
    assert result.text == "deck is at https://drive.example.com/d/abc, please review."


def test_nothing_inside_a_url_is_an_owner_tag_or_date() -> None:
    url = "https://x.example.com/@wf/fri#p1"
    result = parse(f"/a @li read {url}")
    assert result.owners == (LI_MING,)
    assert result.links == (url,)
    assert result.text == f"read {url}"
    assert (result.due, result.tags, result.priority) == (None, (), None)


def test_link_command_with_a_description() -> None:
    result = parse("/l Q4 pricing sheet https://sheets.example.com/q4")
    assert result.kind is EntryKind.LINK
    assert result.text == "Q4 pricing sheet https://sheets.example.com/q4"
    assert result.links == ("https://sheets.example.com/q4",)


def test_url_with_a_command_is_not_turned_into_a_link() -> None:
    assert parse("/n https://example.com").kind is EntryKind.NOTE


# --- control characters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("red \x1b[31malert\x1b[0m now", "red alert now"),
        ("title \x1b]0;pwned\x07done", "title done"),
        ("a\x00b\x07c", "a b c"),
        ("tab\there", "tab here"),
        ("line\nbreak\r\nok", "line break ok"),
        ("c1\x9b2Jcontrol\x85 here", "c1control here"),
        ("bidi \u202eevil\u202c text", "bidi evil text"),
        ("del\x7fete", "delete"),
    ],
)
def test_control_characters_are_stripped(line: str, text: str) -> None:
    assert parse(line).text == text


def test_clean_capture_text() -> None:
    assert clean_capture_text("\x1b[1mbold\x1b[0m\tx") == "bold x"


def test_control_characters_do_not_hide_a_command() -> None:
    assert parse("\x1b[2K/a @li send deck").kind is EntryKind.ACTION


# --- the preview ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "preview"),
    [
        ("/a @王芳 提交计划 due:2026-12-05 p1", "Action -> 王芳, due Sat 5 Dec, p1"),
        ("/a @王芳 下周五 提交计划", "Action -> 王芳, due Fri 4 Dec"),
        ("/a 提交计划", "Action -> Unassigned"),
        ("/a @王芳 @li 提交计划 p3", "Action -> 王芳, Li Ming, p3"),
        ("/a @li send deck due:2027-01-08", "Action -> Li Ming, due Fri, 8 Jan 2027"),
        ("/d raise prices", "Decision (proposed)"),
        ("plain note", "Note"),
        ("https://example.com", "Link"),
        ("/p later", "Parking lot"),
        ("/t Pricing", "New agenda item"),
        ("note #crm #q4", "Note, #crm #q4"),
    ],
)
def test_describe_in_english(line: str, preview: str) -> None:
    assert describe(parse(line), TODAY) == preview


@pytest.mark.parametrize(
    ("line", "preview"),
    [
        ("/a @王芳 提交计划 due:2026-12-05 p1", "行动 -> 王芳，截止 12月5日周六，P1"),
        ("/a @王芳 下周五 提交计划 p1", "行动 -> 王芳，截止 12月4日周五，P1"),
        ("/a 提交计划", "行动 -> 未指派"),
        ("/a @王芳 @刘明 提交计划", "行动 -> 王芳、刘明"),
        ("/a @li send deck due:2027-01-08", "行动 -> Li Ming，截止 2027年1月8日周五"),
        ("决定：下周涨价", "决定（待确认）"),
        ("记录一下", "记录"),
        ("https://example.com", "链接"),
        ("/p 以后再说", "暂缓事项"),
        ("/t 定价", "新议程项"),
        ("回款 #华东", "记录，#华东"),
    ],
)
def test_describe_in_chinese(zh: None, line: str, preview: str) -> None:
    assert describe(parse(line), TODAY) == preview


def test_errors_in_chinese(zh: None) -> None:
    with pytest.raises(NotFound) as unknown:
        parse("/a @nobody 提交")
    assert str(unknown.value) == "没有叫 nobody 的人"
    with pytest.raises(InvalidInput) as empty:
        parse("/a @王芳")
    assert str(empty.value) == "行动项需要标题"


# --- translations --------------------------------------------------------------------------------


def _msgids(module: object) -> set[str]:
    source = Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def _placeholders(text: str) -> set[str]:
    return {field for _lit, field, _spec, _conv in string.Formatter().parse(text) if field}


def test_every_message_has_a_chinese_translation_with_the_same_placeholders(
    zh_catalog: Catalog,
) -> None:
    used = _msgids(capture_module) | _msgids(capture_tokens) | _msgids(names)
    assert used
    for msgid in used:
        message = zh_catalog.get(msgid)
        assert message is not None and message.string, msgid
        assert _placeholders(message.string) == _placeholders(msgid), msgid


# --- robustness ----------------------------------------------------------------------------------

_PIECES = [
    "/a", "/d", "/n", "/l", "/p", "/t", "/x", "//", "#action", "#agreed", "决定：", "行动:",
    "@", "＠", "@王芳", "@wf", "@li", "@\"Li Ming\"", '@"', "@“", "@nobody", "a@b.com",
    "due:", "due:fri", "due:next", "friday", "截止：", "下周五", "明天", "12/5", "2026-02-30",
    "p1", "p2", "P3", "p4", "#", "#crm", "#12", "https://x.com/@a#p1", "http://", "前",
    "by", "和", "、", "#action:", "@Li Ming", "最晚", "截止", ",", ":", "\x1b[31m", "\x00",
    "\t", "\u3000", "月底", "+3d", "in 3 days",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_or_fails_cleanly(line: str) -> None:
    _check(line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=8))
def test_grammar_soup_parses_or_fails_cleanly(pieces: list[str]) -> None:
    _check(" ".join(pieces))
    _check("".join(pieces))


def _check(line: str) -> None:
    try:
        result = parse_capture(line, PEOPLE, TODAY)
    except (InvalidInput, NotFound) as error:
        assert isinstance(error, SalestuiError)
        assert str(error)
        return
    assert isinstance(result, Capture)
    assert result.text and result.text == result.text.strip()
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in result.text)
    assert isinstance(describe(result, TODAY), str)
