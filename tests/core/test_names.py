"""Tests for salestui.core.names: finding people by name, prefix and pinyin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from salestui import i18n
from salestui.core.errors import InvalidInput, NotFound, SalestuiError
from salestui.core.models import Person
from salestui.core.names import (
    candidates,
    full_pinyin,
    join_names,
    match_person,
    pinyin_initials,
)


@dataclass(frozen=True)
class P:
    id: int
    name: str


WANG_FANG = P(1, "王芳")
WANG_FENG = P(2, "王峰")  # initials wf, like 王芳
LI_MING_ZH = P(3, "李明")  # initials lm, like Li Ming
LI_MING = P(4, "Li Ming")
ZHANG_WEI = P(5, "Zhang Wei")
SARAH_CHEN = P(6, "Sarah Chen")

EVERYONE = [WANG_FANG, WANG_FENG, LI_MING_ZH, LI_MING, ZHANG_WEI, SARAH_CHEN]
# 王芳 without 王峰: her initials and pinyin are unique here.
ONE_WANG = [WANG_FANG, LI_MING, ZHANG_WEI]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


# --- pinyin ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("王芳", "wf"),
        ("Li Ming", "lm"),
        ("李明", "lm"),
        ("Sarah Chen", "sc"),
        ("Sarah 陈", "sc"),
        ("陈Sarah", "cs"),
        ("  zhang   WEI ", "zw"),
        ("Mary-Jane Smith", "mjs"),
        ("曾华", "zh"),  # surname reading zeng, not ceng
        ("单伟", "sw"),  # surname reading shan, not dan
        ("欧阳娜娜", "oynn"),
        ("", ""),
    ],
)
def test_pinyin_initials(name: str, initials: str) -> None:
    assert pinyin_initials(name) == initials


def test_full_pinyin() -> None:
    assert full_pinyin("王芳") == "wangfang"
    assert full_pinyin("Li Ming") == "liming"
    assert full_pinyin("曾华") == "zenghua"


def test_pinyin_is_cached() -> None:
    pinyin_initials.cache_clear()
    pinyin_initials("王芳")
    pinyin_initials("王芳")
    assert pinyin_initials.cache_info().hits >= 1


# --- tier 1: the full name ----------------------------------------------------------------------


@pytest.mark.parametrize("query", ["王芳", " 王芳 ", "Li Ming", "li ming", "  LI   MING "])
def test_exact_full_name(query: str) -> None:
    expected = WANG_FANG if "王" in query else LI_MING
    assert match_person(query, EVERYONE) == expected


def test_exact_name_beats_a_longer_name_with_that_prefix() -> None:
    wang = P(10, "Wang")
    wang_lei = P(11, "Wang Lei")
    assert match_person("wang", [wang, wang_lei]) == wang


# --- tiers 2 and 3: whole words, then prefixes --------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zha", ZHANG_WEI),
        ("wei", ZHANG_WEI),  # a whole later word
        ("sar", SARAH_CHEN),
        ("chen", SARAH_CHEN),
        ("李", LI_MING_ZH),
    ],
)
def test_unique_word_or_prefix(query: str, expected: P) -> None:
    assert match_person(query, EVERYONE) == expected


def test_li_is_a_word_of_li_ming_alone_without_a_chinese_li() -> None:
    assert match_person("li", ONE_WANG) == LI_MING
    assert match_person("Li M", ONE_WANG) == LI_MING


def test_prefix_shared_by_two_is_ambiguous_and_lists_both() -> None:
    with pytest.raises(InvalidInput) as caught:
        match_person("王", EVERYONE)
    message = str(caught.value)
    assert "王芳" in message and "王峰" in message
    assert message == "王 is ambiguous: 王芳, 王峰"


@pytest.mark.parametrize("query", ["li", "Li M", "l"])
def test_a_latin_word_shared_with_a_pinyin_syllable_is_ambiguous(query: str) -> None:
    # "li" is a word of Li Ming and the syllable of 李: neither is picked silently
    with pytest.raises(InvalidInput) as caught:
        match_person(query, EVERYONE)
    assert "李明" in str(caught.value) and "Li Ming" in str(caught.value)


def test_a_single_letter_never_picks_the_english_name_silently() -> None:
    department = [
        P(1, "陈建国"),
        P(2, "Sarah Chen"),
        P(3, "David Li"),
        P(4, "李明"),
        P(5, "刘洋"),
        P(6, "Emily Zhang"),
        P(7, "张伟"),
        P(8, "王芳"),
    ]
    for letter in ("l", "c", "z"):
        with pytest.raises(InvalidInput):
            match_person(letter, department)
    assert match_person("w", department).name == "王芳"  # the only w of any kind


# --- tiers 2 and 3: pinyin ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["wf", "WF", "ｗｆ", " wf "])
def test_pinyin_initials_match(query: str) -> None:
    assert match_person(query, ONE_WANG) == WANG_FANG


def test_latin_initials_match() -> None:
    assert match_person("zw", EVERYONE) == ZHANG_WEI
    assert match_person("sc", EVERYONE) == SARAH_CHEN


def test_colliding_initials_are_ambiguous() -> None:
    with pytest.raises(InvalidInput) as caught:
        match_person("wf", EVERYONE)
    assert "王芳" in str(caught.value) and "王峰" in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        match_person("lm", EVERYONE)
    assert "李明" in str(caught.value) and "Li Ming" in str(caught.value)


def test_full_pinyin_exact_and_prefix() -> None:
    assert match_person("wangfang", EVERYONE) == WANG_FANG
    assert match_person("wangfe", EVERYONE) == WANG_FENG
    assert match_person("wangf", ONE_WANG) == WANG_FANG
    assert match_person("liming", [LI_MING_ZH, ZHANG_WEI]) == LI_MING_ZH
    with pytest.raises(InvalidInput):
        match_person("wangf", EVERYONE)  # wangfang and wangfeng


def test_polyphonic_surname_is_read_as_a_surname() -> None:
    zeng = P(20, "曾华")
    assert match_person("zh", [zeng, SARAH_CHEN]) == zeng
    assert match_person("zenghua", [zeng, ZHANG_WEI]) == zeng


# --- failures ----------------------------------------------------------------------------------


def test_unknown_name() -> None:
    with pytest.raises(NotFound) as caught:
        match_person("nobody", EVERYONE)
    assert str(caught.value) == "No one is called nobody"


def test_unknown_name_in_chinese() -> None:
    i18n.set_language("zh-CN")
    with pytest.raises(NotFound) as caught:
        match_person("赵六", EVERYONE)
    assert str(caught.value) == "没有叫 赵六 的人"
    with pytest.raises(InvalidInput) as ambiguous:
        match_person("wf", EVERYONE)
    assert str(ambiguous.value) == "wf 对应多人：王芳、王峰"


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query(query: str) -> None:
    with pytest.raises(InvalidInput):
        match_person(query, EVERYONE)
    assert candidates(query, EVERYONE) == []


def test_no_people() -> None:
    with pytest.raises(NotFound):
        match_person("王芳", [])


def test_two_people_with_one_name_are_told_apart_by_id() -> None:
    twins = [P(7, "Zhang Wei"), P(8, "Zhang Wei")]
    with pytest.raises(InvalidInput) as caught:
        match_person("Zhang Wei", twins)
    assert "Zhang Wei (#7)" in str(caught.value)
    assert "Zhang Wei (#8)" in str(caught.value)


def test_the_same_person_twice_is_not_ambiguous() -> None:
    assert match_person("wf", [WANG_FANG, WANG_FANG]) == WANG_FANG


def test_long_candidate_lists_are_cut() -> None:
    many = [P(100 + i, f"Chen {i}") for i in range(10)]
    with pytest.raises(InvalidInput) as caught:
        match_person("chen", many)
    assert str(caught.value).endswith("and 4 more")


def test_errors_are_salestui_errors() -> None:
    for query in ("nobody", "王"):
        with pytest.raises(SalestuiError):
            match_person(query, EVERYONE)


# --- helpers and models ----------------------------------------------------------------------


def test_candidates_lists_the_deciding_rule_matches() -> None:
    assert candidates("王", EVERYONE) == [WANG_FANG, WANG_FENG]
    assert candidates("wangfa", EVERYONE) == [WANG_FANG]
    assert candidates("zzz", EVERYONE) == []


def test_join_names() -> None:
    assert join_names([]) == ""
    assert join_names(["a"]) == "a"
    assert join_names(["a", "b", "c"]) == "a, b, c"
    i18n.set_language("zh-CN")
    assert join_names(["王芳", "王峰"]) == "王芳、王峰"


def test_pydantic_people_are_accepted() -> None:
    people = [Person(id=1, name="王芳"), Person(id=2, name="Zhang Wei")]
    assert match_person("wf", people).id == 1
    assert match_person("zhang", people).name == "Zhang Wei"
