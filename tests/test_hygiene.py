"""Architecture rules that keep the project healthy."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "salestui"


FRONT_ENDS = ("textual", "click", "rich", "salestui.cli", "salestui.tui", "salestui.demo")

# Each core module is imported alone in a fresh interpreter, forked from one that has only
# the libraries core stands on loaded (sqlite-utils itself imports click: that is not core
# importing a front end), and what the module pulled in beyond them is checked.
_EACH_ALONE = """
import importlib, os, sys
import pydantic, sqlite_utils
before = set(sys.modules)
for name in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        importlib.import_module(name)
        new = set(sys.modules) - before
        front = [m for m in new if m.split('.')[0] in ('textual', 'click', 'rich')
                 or m.startswith(('salestui.cli', 'salestui.tui', 'salestui.demo'))]
        print(name + ': ' + ','.join(sorted(front)) + '; ' if front else '', end='', flush=True)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if status:
        print(name + ': failed to import', flush=True)
"""


def test_core_modules_import_no_front_end() -> None:
    """Every module under salestui/core (store and export included), imported on its own,
    loads none of textual, click, rich, the CLI, the TUI or the demo data."""
    modules = sorted(
        ".".join(("salestui", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in (PACKAGE / "core").rglob("*.py")
    )
    assert len(modules) > 40 and "salestui.core.store.base" in modules
    result = subprocess.run(
        [sys.executable, "-c", _EACH_ALONE, *modules], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", result.stdout


def test_sql_only_in_the_store_and_schema() -> None:
    allowed = {PACKAGE / "core" / "schema.py", *(PACKAGE / "core" / "store").glob("*.py")}
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if any(k in node.value for k in keywords) and "sqlite" not in path.name:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _calls(names: tuple[str, ...]) -> Iterator[tuple[str, ast.Call]]:
    """Every call of one of ``names`` with a string first argument, outside the catalogs."""
    for path in PACKAGE.rglob("*.py"):
        if "locales" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _translated_literals() -> list[tuple[str, str]]:
    return [(where, node.args[0].value) for where, node in _calls(("_", "N_", "ngettext"))]


def _plural_literals() -> list[tuple[str, str, str]]:
    """Every ``ngettext(singular, plural, n)`` in the package: where, singular, plural."""
    return [
        (where, node.args[0].value, node.args[1].value)
        for where, node in _calls(("ngettext",))
        if len(node.args) == 3 and isinstance(node.args[1], ast.Constant)
    ]


def test_plural_messages_read_right_with_one_and_two() -> None:
    """English never says "1 items": each plural message, rendered with 1 and with 2."""
    import re
    import string

    from salestui.i18n import ngettext, set_language

    plurals = _plural_literals()
    assert len(plurals) >= 12
    set_language("en")
    for where, singular, plural in plurals:
        names = {f for _, f, _, _ in string.Formatter().parse(singular) if f}
        assert names == {f for _, f, _, _ in string.Formatter().parse(plural) if f}, where
        for count in (1, 2):
            text = ngettext(singular, plural, count).format(**dict.fromkeys(names, count))
            assert not re.search(
                r"\b1 (items|times|warnings|people|teams|questions|"
                r"meetings|actions|decisions|days|rows|hits)\b",
                text,
            ), where
            assert not re.search(
                r"\b2 (item|time|warning|person|team|question|meeting|"
                r"action|decision|day|row|hit)\b",
                text,
            ), where


def test_every_message_has_a_chinese_translation() -> None:
    from salestui.locales.zh_CN import MESSAGES

    missing = [f"{where}: {msg!r}" for where, msg in _translated_literals() if msg not in MESSAGES]
    assert missing == []


def test_translations_keep_placeholders() -> None:
    import string

    from salestui.locales.zh_CN import MESSAGES

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}

    broken = [k for k, v in MESSAGES.items() if fields(k) != fields(v)]
    assert broken == []


def test_catalog_modules_agree() -> None:
    """Two areas translating the same English text differently would fight at merge time."""
    import importlib
    import pkgutil

    import salestui.locales.zh_CN as package

    seen: dict[str, tuple[str, str]] = {}
    conflicts = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, value in module.MESSAGES.items():
            if key in seen and seen[key][1] != value:
                conflicts.append(f"{key!r}: {seen[key][0]}={seen[key][1]!r} {info.name}={value!r}")
            seen.setdefault(key, (info.name, value))
    assert conflicts == []
