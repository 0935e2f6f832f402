"""Updating a ``Static`` cheaply: only when its text changes, and without laying the whole
screen out again when its size cannot change.

``Static.update`` lays the screen out by default, since new text may need another size.
In the live console several one-line labels change on every capture (the count, "saved
09:31:05", the preview); laying out for each doubled the time from Enter to the new row.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static


def _plain(content: Text | str) -> str:
    return content.plain if isinstance(content, Text) else content


def show_text(widget: Static, content: Text | str) -> None:
    """Show ``content`` in ``widget`` if it differs from what is shown. The layout is left
    alone when the widget is one line high and stays so at the same size: the new text is
    one line that fits its width, and - when the width follows the text - as wide as the
    old one."""
    old = widget.content
    text = Text(content) if isinstance(content, str) else content
    if old == text or old == content:
        return
    plain, before = _plain(text), _plain(old) if isinstance(old, Text | str) else None
    width = widget.content_region.width
    same_size = (
        before is not None
        and widget.size.height == 1
        and "\n" not in plain
        and 0 < cell_len(plain) <= width
        and (not widget.styles.width or not widget.styles.width.is_auto
             or cell_len(plain) == cell_len(before))
    )  # fmt: skip
    widget.update(text, layout=not same_size)
