"""Growing a scrolling widget without laying the whole screen out again.

A widget's ``virtual_size`` (how big its content is) is a reactive that lays the screen
out on every change, since a scrollbar may come or go. In the live console every capture
grows the entries list by a row and clears the capture line's text: two layouts of the
whole screen, and with them a repaint of every table on it, between Enter and the new row.
A widget whose own size is fixed by its place on screen only needs a layout when one of
its scrollbars appears or disappears; otherwise the scrollbar that is shown takes the new
size in place.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget

# For ``virtual_size = STEADY_VIRTUAL_SIZE`` in a widget class, with ``keep_steady`` as its
# ``watch_virtual_size``.
STEADY_VIRTUAL_SIZE: Reactive[Size] = Reactive(Size(0, 0), layout=False)


def keep_steady(widget: Widget, size: Size) -> None:
    """Lay the screen out only when a scrollbar of ``widget`` must appear or go; else
    tell the shown scrollbars the new content size (a repaint of them alone)."""
    if not widget.is_mounted or not widget.container_size:
        return
    width, height = widget.container_size
    styles = widget.styles
    vertical = styles.overflow_y == "scroll" or (
        styles.overflow_y == "auto" and size.height > height
    )
    horizontal = styles.overflow_x == "scroll" or (
        styles.overflow_x == "auto" and size.width > width
    )
    if vertical != widget.show_vertical_scrollbar or horizontal != widget.show_horizontal_scrollbar:
        widget.refresh(layout=True)
        return
    if vertical:
        widget.vertical_scrollbar.window_virtual_size = size.height
    if horizontal:
        widget.horizontal_scrollbar.window_virtual_size = size.width
    widget.refresh()
