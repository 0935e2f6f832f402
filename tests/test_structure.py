"""Size rules that keep the code readable (issue 12, "structure").

No module of the package over ``MAX_MODULE_LINES`` lines, and no function (or method)
over ``MAX_FUNCTION_LINES`` lines - unless its docstring has a line that starts with
``Long because:`` and gives the reason. A function's lines run from its ``def`` to its
last line; a nested function counts within the one around it too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "salestui"

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
REASON = "Long because:"

# Still over the limits: being split by a parallel change. A module is named by its path,
# a function by its path and qualified name. An entry that no longer breaks the rule
# fails ``test_known_over_entries_still_break_the_rule``: take it out, so the list only
# shrinks.
KNOWN_OVER: set[str] = set()  # none left: every module and function is within the rule


def _has_reason(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether the docstring has a ``Long because: <reason>`` line."""
    docstring = ast.get_docstring(node) or ""
    return any(
        line.strip().startswith(REASON) and line.strip()[len(REASON) :].strip()
        for line in docstring.splitlines()
    )


def _functions(
    body: list[ast.stmt], prefix: str = ""
) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method under ``body``, with its qualified name."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            yield name, node
            yield from _functions(node.body, f"{name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node.body, f"{prefix}{node.name}.")
        else:  # functions defined under if / try / with blocks
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    yield from _functions([n for n in inner if isinstance(n, ast.AST)], prefix)


def offences(source: str, where: str) -> dict[str, str]:
    """What in one module breaks the rule: ``{entry: why}``, the entry being ``where`` for
    the module and ``where::qualified.name`` for a function."""
    found: dict[str, str] = {}
    lines = len(source.splitlines())
    if lines > MAX_MODULE_LINES:
        found[where] = f"{lines} lines (at most {MAX_MODULE_LINES})"
    for name, node in _functions(ast.parse(source).body):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > MAX_FUNCTION_LINES and not _has_reason(node):
            found[f"{where}::{name}"] = (
                f"{length} lines (at most {MAX_FUNCTION_LINES}, "
                f"or a '{REASON} ...' line in its docstring)"
            )
    return found


def _package_offences() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        found.update(offences(path.read_text(encoding="utf-8"), where))
    return found


def test_no_module_or_function_is_too_long() -> None:
    """Split a module or function by concern when it grows past the limits."""
    unexpected = {k: v for k, v in _package_offences().items() if k not in KNOWN_OVER}
    assert not unexpected, "Too long:\n" + "\n".join(
        f"  {entry}: {why}" for entry, why in sorted(unexpected.items())
    )


def test_known_over_entries_still_break_the_rule() -> None:
    """An entry of ``KNOWN_OVER`` that was split (or is gone) leaves the list."""
    stale = sorted(KNOWN_OVER - set(_package_offences()))
    assert not stale, "No longer over the limits, take out of KNOWN_OVER:\n" + "\n".join(
        f"  {entry}" for entry in stale
    )


def test_the_rule_counts_lines_and_reads_the_reason() -> None:
    body = "".join(f"    x = {n}\n" for n in range(MAX_FUNCTION_LINES))
    source = (
        f"def long():\n{body}"
        f'def explained():\n    """Does it.\n\n    {REASON} one table.\n    """\n{body}'
        f'def empty_reason():\n    """{REASON}\n    """\n{body}'
        f"class Box:\n    def method(self):\n{body.replace('    ', '        ')}"
        f"def short():\n    return 1\n"
    )
    assert set(offences(source, "m.py")) == {"m.py::long", "m.py::empty_reason", "m.py::Box.method"}
    assert set(offences("x = 1\n" * (MAX_MODULE_LINES + 1), "m.py")) == {"m.py"}
    assert offences("x = 1\n" * MAX_MODULE_LINES, "m.py") == {}
