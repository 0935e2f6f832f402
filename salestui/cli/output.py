"""How CLI commands write: JSON (``--json``), warnings, rich tables whose cells never read
user text as markup, and the moments and due dates shown in them.

Kept light at import time, as ``common``: rich and the core are imported on first use.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import click

from salestui.i18n import _, format_date

if TYPE_CHECKING:
    from rich.console import Console

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def jsonable(value: Any) -> Any:
    """Dates and times as ISO-8601 (times in local time with their offset), enums as values."""
    if isinstance(value, datetime):
        return value.astimezone().isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    from salestui.core.text import json_safe

    # CJK stays readable; what a terminal would act on (U+009B, bidi controls) is escaped.
    click.echo(json_safe(json.dumps(jsonable(value), ensure_ascii=False, indent=2)))


def warn(message: str) -> None:
    from salestui.core.text import clean_line

    click.echo(clean_line(_("Warning: {message}").format(message=message)), err=True)


_console: Console | None = None


def console() -> Console:
    """A rich console for tables; wide when writing to a pipe so rows do not wrap."""
    global _console
    if _console is None:
        from rich.console import Console

        width = None
        if not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
            width = 200
        _console = Console(highlight=False, width=width, soft_wrap=False)
    return _console


def table(*headers: str, title: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    grid = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, show_edge=False
    )
    for header in headers:
        grid.add_column(header)
    return grid


def text(value: object, style: str = "") -> Any:
    """A table cell: user text is never read as rich markup, and carries no controls."""
    from rich.text import Text

    from salestui.core.text import strip_controls

    return Text("" if value is None else strip_controls(str(value)), style=style)


def local_moment(moment: datetime | None) -> str:
    """``2026-11-30 09:00 Mon`` in local time, or ``-``."""
    if moment is None:
        return "-"
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {format_date(local.date(), 'EEE')}"
