"""The ``salestui`` command (``salestui.cli.app``), entered through ``main``.

A plain listing (``actions list`` with simple filters) is answered by ``cli.quick`` without
loading click, pydantic or sqlite-utils when nothing about the run needs them; everything
else, and every case the quick path is not sure of, goes to the full command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    args = list(sys.argv[1:] if argv is None else argv)
    from salestui.cli.quick import answer

    code = answer(args)
    if code is None:
        from salestui.cli.app import run

        code = run(args)
    sys.exit(code)


def __getattr__(name: str) -> Any:
    # ``from salestui.cli import cli, run`` (scripts): the full command line. Only these
    # two, so that importing a submodule never loads it.
    if name not in ("cli", "run"):
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module("salestui.cli.app"), name)
