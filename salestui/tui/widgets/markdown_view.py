"""A read-only markdown document that paints only the lines in view.

Textual's ``Markdown`` widget mounts one widget per block: minutes of 150 lines became
about 180 widgets and took around a second to show. Here rich renders the whole document
once per width into lines (``Strip``), and ``render_line`` hands out only the visible ones,
as toolong's log view does; scrolling costs nothing more.
"""

from __future__ import annotations

from rich.markdown import Markdown
from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class MarkdownView(ScrollView, can_focus=True):
    """Scrollable markdown: ``update(text)`` replaces the document."""

    def __init__(self, **kwargs: str | None) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.source = ""
        self._lines: list[Strip] = []
        self._width = 0  # the width ``_lines`` were rendered for
        self._find = ""  # words to scroll to once laid out

    def update(self, text: str) -> None:
        self.source = text
        self._width = 0
        self._layout_lines()

    def on_resize(self) -> None:
        self._layout_lines()
        if self._find:
            self.call_after_refresh(self._scroll_to_found)

    def scroll_to_words(self, words: str) -> None:
        """Scroll so that the first line holding the start of ``words`` is at the top
        (once the document is laid out)."""
        self._find = words.strip()[:12]
        self.call_after_refresh(self._scroll_to_found)

    def _scroll_to_found(self) -> None:
        if not self._find or not self._lines:
            return
        for index, line in enumerate(self._lines):
            if self._find in line.text:
                self.scroll_to(y=max(index - 1, 0), animate=False)
                self._find = ""
                return

    def _layout_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        console = self.app.console
        options = console.options.update_width(width)
        rendered = console.render_lines(
            Markdown(self.source, hyperlinks=True), options, style=self.rich_style, pad=True
        )
        self._lines = [Strip(Segment.adjust_line_length(line, width), width) for line in rendered]
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._lines):
            left = self.scroll_offset.x
            return self._lines[index].crop(left, left + self.size.width)
        return Strip.blank(self.size.width, self.rich_style)
