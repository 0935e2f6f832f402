"""Architecture rules that keep the project healthy."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "salestui"


FRONT_ENDS = ("textual", "click", "rich", "salestui.cli", "salestui.tui", "salestui.demo")

# Each core module is imported alone in a fresh interpreter, forked from one that has only
# the libraries core stands on loaded (sqlite-utils itself imports click: that is not core
# importing a front end), and what the module pulled in beyond them is checked. The parent
# also loads the core modules nearly every other one imports (messages, errors, models),
# after checking that they and the libraries brought in no front end: each fork then pays
# only for what is its own, and a front end loaded anywhere is still found.
_EACH_ALONE = """
import importlib, os, sys
import pydantic, sqlite_utils
libraries = set(sys.modules)
import babel.dates, babel.numbers, babel.support, argon2, icalendar
import email.mime.multipart, smtplib, ssl
import salestui.i18n, salestui.core.errors, salestui.core.models
def front_ends(names):
    return sorted(m for m in names if m.split('.')[0] in ('textual', 'click', 'rich')
                  or m.startswith(('salestui.cli', 'salestui.tui', 'salestui.demo')))
shared = front_ends(set(sys.modules) - libraries)
if shared:
    print('preloaded: ' + ','.join(shared) + '; ', end='', flush=True)
before = set(sys.modules)
for name in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        importlib.import_module(name)
        front = front_ends(set(sys.modules) - before)
        print(name + ': ' + ','.join(front) + '; ' if front else '', end='', flush=True)
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
    allowed = {*(PACKAGE / "core").glob("schema*.py"), *(PACKAGE / "core" / "store").glob("*.py")}
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


# What loads a Python file by its path instead of importing a module by name.
_LOADS_BY_PATH = {
    "spec_from_file_location",
    "module_from_spec",
    "SourceFileLoader",
    "SourcelessFileLoader",
    "run_path",
}


def _loads_by_path(source: str) -> list[tuple[int, str]]:
    """Each use of ``importlib.util.spec_from_file_location`` and its kin in ``source``
    (called, imported or referred to): line and name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if name in _LOADS_BY_PATH]
    return sorted(found)


def test_tests_share_helpers_through_fixtures_not_files_loaded_by_path() -> None:
    """No test file loads another by path (pytest runs with ``--import-mode=importlib``,
    and a helper module loaded by hand is a second copy outside pytest's knowledge):
    shared helpers live in a conftest.py and reach the tests as fixtures."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if "__snapshots__" not in path.parts
        for line, name in _loads_by_path(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    # The check sees the forms it is meant to catch.
    assert [name for _, name in _loads_by_path(_LOADED_BY_PATH)] == [
        "SourceFileLoader", "spec_from_file_location", "module_from_spec", "run_path",
    ]  # fmt: skip


def test_test_modules_do_not_import_each_other() -> None:
    """Nor by name: a helper another test file needs is a fixture in a conftest.py, not an
    import of that file (``from tests.tui.test_run_console import ...``, ``from
    .test_integrity_open import ...``)."""

    def imports_a_test_module(node: ast.AST) -> list[str]:
        if isinstance(node, ast.ImportFrom) and node.level:  # ``from .test_x import ...``
            return ["." * node.level + (node.module or "")]
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            return []
        return [name for name in names if name == "tests" or name.startswith("tests.")]

    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {name}"  # type: ignore[attr-defined]
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if "__snapshots__" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for name in imports_a_test_module(node)
    ]
    assert offenders == []


_LOADED_BY_PATH = """
import importlib.util, runpy
from importlib.machinery import SourceFileLoader
from importlib.util import find_spec  # by module name: allowed
spec = importlib.util.spec_from_file_location("helpers", "tests/tui/helpers.py")
module = importlib.util.module_from_spec(spec)
runpy.run_path("tests/helpers.py")
"""


def _calls(names: tuple[str, ...], strings: int = 1) -> Iterator[tuple[str, ast.Call]]:
    """Every call of one of ``names`` whose first ``strings`` arguments are string literals,
    outside the catalogs."""
    for path in PACKAGE.rglob("*.py"):
        if "locales" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and len(node.args) >= strings
                and all(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    for arg in node.args[:strings]
                )
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _translated_literals() -> list[tuple[str, str]]:
    return [(where, node.args[0].value) for where, node in _calls(("_", "N_", "ngettext"))]


def _plural_literals() -> list[tuple[str, str, str]]:
    """Every ``ngettext(singular, plural, n)`` in the package: where, singular, plural."""
    return [
        (where, node.args[0].value, node.args[1].value)
        for where, node in _calls(("ngettext",), strings=2)
        if len(node.args) == 3
    ]


def _context_literals() -> list[tuple[str, tuple[str, str]]]:
    """Every ``pgettext(context, message)`` and ``NP_(context, message)``: where, both."""
    return [
        (where, (node.args[0].value, node.args[1].value))
        for where, node in _calls(("pgettext", "NP_"), strings=2)
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


# The extraction of ``make messages`` (keep the two alike).
_EXTRACT = [
    "pybabel", "-q", "extract", "-F", str(ROOT / "pyproject.toml"), "--no-default-keywords",
    "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "NP_:1c,2",
    "--add-location=file", "--sort-output",
]  # fmt: skip
POT = PACKAGE / "locales" / "salestui.pot"


def _read_po(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def _ids(catalog: Catalog) -> set[tuple[str | None, str | tuple[str, ...]]]:
    """Each entry's identity: its context and its message id (singular and plural)."""
    return {(m.context, m.id) for m in catalog if m.id}


def _extracted(tmp_path: Path) -> Catalog:
    """The messages of the code as ``make messages`` extracts them, into a temp template."""
    output = tmp_path / "extracted.pot"
    CommandLineInterface().run([*_EXTRACT, "-o", str(output), str(PACKAGE)])
    return _read_po(output)


def test_every_message_has_a_chinese_translation(zh_catalog: Catalog) -> None:
    """Every literal of ``_``, ``N_``, ``ngettext``, ``pgettext`` and ``NP_`` in the code has
    a Chinese translation that is not marked fuzzy (a fuzzy one is never shown)."""

    def translated(context: str | None, msgid: str) -> bool:
        message = zh_catalog.get(msgid, context=context)
        return bool(message and message.string and "fuzzy" not in message.flags)

    missing = [
        f"{where}: {msg!r}" for where, msg in _translated_literals() if not translated(None, msg)
    ]
    missing += [f"{where}: {key!r}" for where, key in _context_literals() if not translated(*key)]
    assert len(_context_literals()) >= 40
    assert missing == []


def test_translations_keep_placeholders(zh_catalog: Catalog) -> None:
    import string

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}

    broken = []
    for message in zh_catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in (*ids, *translations):
            if fields(text) != fields(ids[0]):
                broken.append(f"{ids[0]!r}: {text!r}")
    assert broken == []


def test_chinese_has_one_plural_form(zh_catalog: Catalog) -> None:
    assert zh_catalog.plural_forms == "nplurals=1; plural=0;"
    plurals = [m for m in zh_catalog if m.pluralizable]
    assert len(plurals) >= 12
    assert all(len(m.string) == 1 and m.string[0] for m in plurals)


def test_the_template_holds_every_message_of_the_code(tmp_path: Path) -> None:
    """The committed .pot is what extraction makes of the code now (run ``make messages``),
    and extraction misses no literal that the translation calls name."""
    extracted = _ids(_extracted(tmp_path))
    assert _ids(_read_po(POT)) == extracted
    singulars = {(context, msgid[0] if isinstance(msgid, tuple) else msgid)
                 for context, msgid in extracted}  # fmt: skip
    in_code = {(None, msg) for _, msg in _translated_literals()} | {
        key for _, key in _context_literals()
    }
    assert in_code - singulars == set()


def test_the_catalogs_hold_no_message_the_code_does_not_use(zh_catalog: Catalog) -> None:
    """Each .po has exactly the template's messages: none missing, none obsolete."""
    assert list(zh_catalog.obsolete) == []
    assert _ids(zh_catalog) == _ids(_read_po(POT))


def test_no_markdown_markup_inside_messages() -> None:
    """Bold labels in exports are added in code (``labelled``); translators see words only."""
    marked = [m.id for m in _read_po(POT) if m.id and "**" in str(m.id)]
    assert marked == []


def test_textual_key_descriptions_are_still_textual_strings() -> None:
    """The key descriptions marked for Textual's own widgets still exist in Textual."""
    import textual

    from salestui.tui.textual_keys import APP_AND_TABLE_KEYS, INPUT_KEYS

    source = "".join(
        path.read_text(encoding="utf-8") for path in Path(textual.__file__).parent.rglob("*.py")
    )
    gone = [text for text in (*APP_AND_TABLE_KEYS, *INPUT_KEYS) if f'"{text}"' not in source]
    assert gone == []
