"""Dates and whole numbers from the cached CLDR table: the same text as Babel, a warm
process without Babel, and a damaged or unwritable cache handled."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_skeleton, match_skeleton
from babel.numbers import format_decimal

from salestui import i18n, i18n_cldr

PACKAGE = Path(i18n.__file__).parent
DAYS = [
    date(2024, 1, 1) + timedelta(days=n) for n in range((date(2031, 1, 1) - date(2024, 1, 1)).days)
]
NUMBERS = [0, 7, 999, 1000, 12345, 99999, 100000, 1234567, 10**9, 10**14 + 3]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and no table read yet in this process."""
    monkeypatch.setenv("SALESTUI_CACHE", str(tmp_path))
    i18n.cldr_table.cache_clear()
    i18n._format_date.cache_clear()
    yield tmp_path
    i18n.cldr_table.cache_clear()
    i18n._format_date.cache_clear()


def test_every_skeleton_in_the_code_is_in_the_table() -> None:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "format_date(" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "format_date":
                for arg in node.args[1:]:
                    for const in ast.walk(arg):
                        if isinstance(const, ast.Constant) and isinstance(const.value, str):
                            used.add(const.value)
    assert used and used <= set(i18n_cldr.DATE_SKELETONS), used - set(i18n_cldr.DATE_SKELETONS)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_the_table_says_what_babel_says(language: str, cache: Path) -> None:
    table = i18n.cldr_table(language)
    assert table is not None
    locale = i18n._locale(language)
    for skeleton in i18n_cldr.DATE_SKELETONS:
        assert table.patterns[skeleton] is not None, skeleton  # not left to Babel
        # Babel matches a skeleton the locale lacks (EEE) on every call: once is enough for
        # the whole range, checked against the unmatched call on two months of days.
        matched = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
        if skeleton in locale.datetime_skeletons:
            matched = skeleton
        babel = [format_skeleton(matched, day, locale=locale) for day in DAYS]
        assert babel[:62] == [format_skeleton(skeleton, day, locale=locale) for day in DAYS[:62]]
        assert [table.format_date(day, skeleton) for day in DAYS] == babel, skeleton
    for number in (*NUMBERS, *(-n for n in NUMBERS)):
        assert table.format_integer(number) == format_decimal(number, locale=locale)
    # Floats, huge numbers and unknown skeletons are Babel's.
    assert table.format_integer(1.5) is None
    assert table.format_integer(10**30) is None
    assert table.format_date(date(2026, 12, 4), "GGGGyMMMM") is None
    i18n.set_language(language)
    assert i18n.format_number(2.5) == format_decimal(2.5, locale=locale)
    assert i18n.format_date(date(2026, 12, 4), "Md") == format_skeleton(
        "Md", date(2026, 12, 4), locale=locale
    )


def test_a_damaged_table_is_made_again(cache: Path) -> None:
    i18n.set_language("zh-CN")
    assert i18n.format_date(date(2026, 12, 4), "MMMEd") == "12月4日周五"
    (made,) = (cache / "locales").glob("cldr*-zh_Hans_CN.json")
    assert i18n_cldr.babel_version() in made.name
    for damage in ("{not json", json.dumps({"format": 1}), '{"months": []}'):
        made.write_text(damage)
        i18n.cldr_table.cache_clear()
        i18n._format_date.cache_clear()
        assert i18n.format_date(date(2026, 12, 4), "MMMEd") == "12月4日周五"
        assert json.loads(made.read_text(encoding="utf-8"))["locale"] == "zh_Hans_CN"


def test_an_unwritable_cache_only_costs_babel(cache: Path) -> None:
    (cache / "locales").write_text("a file where the folder would go")
    i18n.set_language("zh-CN")
    assert i18n.format_date(date(2026, 12, 4), "yMMMEd") == "2026年12月4日周五"
    assert i18n.format_number(8351) == "8,351"


def test_a_warm_process_formats_without_babel(tmp_path: Path) -> None:
    script = (
        "import sys; from datetime import date; from salestui import i18n;"
        "i18n.set_language('zh-CN');"
        "print(i18n.format_date(date(2026, 12, 4), 'MMMEd'), i18n.format_number(12345),"
        " sorted({m.split('.')[0] for m in sys.modules} & {'babel', 'platformdirs'}))"
    )
    env = {"SALESTUI_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip() == "12月4日周五 12,345 ['babel']", runs[0].stderr
    assert runs[1].stdout.strip() == "12月4日周五 12,345 []", runs[1].stderr
