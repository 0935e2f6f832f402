"""The gettext catalogs at run time, and dates and numbers in each language's CLDR forms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from salestui import i18n


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and no catalog read yet in this process."""
    monkeypatch.setenv("SALESTUI_CACHE", str(tmp_path))
    i18n.translations.cache_clear()
    yield tmp_path
    i18n.translations.cache_clear()


def test_messages_plurals_and_contexts_in_both_languages(cache: Path) -> None:
    assert i18n._("Title") == "Title"
    assert i18n.ngettext("{n} item", "{n} items", 1) == "{n} item"
    assert i18n.ngettext("{n} item", "{n} items", 2) == "{n} items"
    assert i18n.pgettext("status", "in_progress") == "in_progress"
    i18n.set_language("zh-CN")
    assert i18n._("Title") == "标题"
    assert i18n.ngettext("{n} item", "{n} items", 1) == "{n} 项"
    assert i18n.ngettext("{n} item", "{n} items", 2) == "{n} 项"
    assert i18n.pgettext("status", "in_progress") == "进行中"
    # Chair of a meeting in the CLI and in an exported agenda: two Chinese words.
    assert i18n._("Chair") != i18n.pgettext("export", "Chair")
    assert i18n._("A message no catalog has") == "A message no catalog has"


def test_the_compiled_catalog_is_cached_and_rebuilt_when_damaged(cache: Path) -> None:
    i18n.set_language("zh-CN")
    assert i18n._("Title") == "标题"
    (compiled,) = (cache / "locales").glob("zh_CN-*.mo")
    # A later process reads the cached file; a damaged one is compiled again.
    compiled.write_bytes(b"not a catalog")
    i18n.translations.cache_clear()
    assert i18n._("Title") == "标题"
    assert compiled.read_bytes()[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def test_an_unwritable_cache_only_costs_the_compile(cache: Path) -> None:
    (cache / "locales").write_text("a file where the folder would go")
    i18n.set_language("zh-CN")
    assert i18n._("Title") == "标题"


@pytest.mark.parametrize(
    ("skeleton", "english", "chinese"),
    [
        ("EEE", "Fri", "周五"),
        ("MMMd", "4 Dec", "12月4日"),
        ("yMMMd", "4 Dec 2026", "2026年12月4日"),
        ("MMMEd", "Fri 4 Dec", "12月4日周五"),
        ("yMMMEd", "Fri, 4 Dec 2026", "2026年12月4日周五"),
    ],
)
def test_dates_in_each_language(skeleton: str, english: str, chinese: str) -> None:
    day = date(2026, 12, 4)
    assert i18n.format_date(day, skeleton) == english
    i18n.set_language("zh-CN")
    assert i18n.format_date(day, skeleton) == chinese


def test_numbers_are_grouped_alike_everywhere() -> None:
    assert i18n.format_number(8351) == "8,351"
    assert i18n.format_number(12) == "12"
    i18n.set_language("zh-CN")
    assert i18n.format_number(1234567) == "1,234,567"
