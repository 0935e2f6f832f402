"""Search across everything: all words in any order, quotes for a phrase, Chinese words of
two characters, and every kind of text the department writes."""

from __future__ import annotations

import pytest

from salestui.core.errors import InvalidInput
from salestui.core.meeting import LiveMeeting
from salestui.core.models import MeetingKind, Role
from salestui.core.query_terms import search_terms
from salestui.core.search import search
from salestui.core.service import Services


@pytest.fixture
def written(services: Services, clock) -> dict[str, int]:
    services.add_person("王芳", Role.LEAD, "华东")
    meeting = services.new_meeting("华东区周例会", "回顾回款", MeetingKind.WEEKLY, clock.now(), 30)
    item = services.add_agenda_item(meeting.id, "经销商返利政策", 10)
    live = LiveMeeting(services)
    live.start(meeting.id)
    note = live.capture(meeting.id, "恒达要求 Q1 order 打五折").entry
    live.capture(meeting.id, "/d 华东区报价统一上调 3%")
    [decision] = services.store.list_decisions(meeting.id)
    gone = live.capture(meeting.id, "这条记录会被删除 deleted words").entry
    live.delete_entry(gone.id)
    action = services.add_action("整理华联超市的回款计划", owners=["王芳"])
    follow = services.add_follow_up(action.id, "客户说下周一回款对账")
    waiting = services.store.get_action(action.id)
    waiting.waiting_on = "财务部确认返利金额"
    services.store.update_action(waiting, clock.now())
    return {
        "meeting": meeting.id, "item": item.id, "note": note.id, "decision": decision.id,
        "action": action.id, "follow": follow.id,
    }  # fmt: skip


def _found(services: Services, text: str) -> set[tuple[str, int]]:
    return {(h.kind, h.id) for h in search(services.store, text)}


def test_terms() -> None:
    assert search_terms('回款 "Q1 order"  华东 回款') == ["回款", "Q1 order", "华东"]
    assert search_terms("“打五折” 恒达") == ["打五折", "恒达"]
    assert search_terms('say "unclosed') == ["say", '"unclosed']
    assert search_terms("   ") == []


def test_every_kind_is_found(services: Services, written: dict[str, int]) -> None:
    assert ("action", written["action"]) in _found(services, "华联超市")
    assert ("follow_up", written["follow"]) in _found(services, "下周一回款")
    assert ("reason", written["action"]) in _found(services, "返利金额")
    assert ("decision", written["decision"]) in _found(services, "统一上调")
    assert ("note", written["note"]) in _found(services, "恒达要求")
    assert ("agenda_item", written["item"]) in _found(services, "返利政策")
    assert ("meeting", written["meeting"]) in _found(services, "周例会")


def test_all_words_any_order_and_phrases(services: Services, written: dict[str, int]) -> None:
    # Two-character Chinese words (below the trigram index) and words in another order.
    assert _found(services, "回款 计划") == {("action", written["action"])}
    assert _found(services, "计划 回款") == {("action", written["action"])}
    assert _found(services, "order Q1") == {("note", written["note"])}
    assert _found(services, '"order Q1"') == set()  # a phrase keeps its order
    assert _found(services, '"Q1 order"') == {("note", written["note"])}
    assert _found(services, "回款 不存在的词") == set()  # every word must match


def test_what_is_gone_is_not_found(services: Services, written: dict[str, int]) -> None:
    assert _found(services, "deleted words") == set()  # a deleted entry
    hits = search(services.store, "统一上调")
    assert [h.kind for h in hits] == ["decision"]  # the decision's entry is not a second hit


def test_hits_say_what_to_open(services: Services, written: dict[str, int]) -> None:
    [follow] = [h for h in search(services.store, "对账") if h.kind == "follow_up"]
    assert follow.action_id == written["action"] and follow.where == "Follow-up note"
    [item] = search(services.store, "经销商")
    assert item.meeting_id == written["meeting"] and item.action_id is None


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_bad_queries(services: Services, text: str) -> None:
    with pytest.raises(InvalidInput):
        search(services.store, text)
