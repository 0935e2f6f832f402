"""The footer: Textual's, without keys hidden under the command-palette key.

Textual docks the ``^p`` key on the right and lets the other keys run on beneath it when
they do not fit. Every widget edge on a line is a cut for the compositor, even under
another widget, so the edges of those hidden keys cut through the palette key's label,
and a wide character cut in two is drawn as two blanks (``^p 命  面板``). Keys that do
not fit before the palette key are therefore not displayed at all: nothing lies beneath
the label, and the last visible key is never shown half cut either.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Footer


class SalestuiFooter(Footer):
    _shown: object = None

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.fit_keys)

    def _keys_shown(self) -> object:
        """Everything ``Footer.compose`` draws the keys from."""
        if not self._bindings_ready or not self.is_attached:
            return None
        app = self.app
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (binding.key, app.get_key_display(binding), binding.description, binding.action,
                 binding.group, binding.show, enabled, tooltip)
                for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )  # fmt: skip

    async def recompose(self) -> None:
        """Build the keys again - unless they would be the same keys: the screen's bindings
        are refreshed on every change of focus, and rebuilding the footer then redraws the
        whole bottom line and lays the screen out again for nothing."""
        shown = self._keys_shown()
        if shown is not None and shown == self._shown and self.children:
            return
        self._shown = shown
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_keys(event.size.width)

    def _outer_width(self, widget: Widget) -> tuple[int, int, int]:
        """(margin left, width with padding and border, margin right) from the content
        itself, not from the last layout (which is stale while the terminal resizes)."""
        width = widget.get_content_width(self.size, self.app.size) + widget.styles.gutter.width
        margin = widget.styles.margin
        return margin.left, width, margin.right

    def fit_keys(self, width: int | None = None) -> None:
        """Show the keys that fit before the palette key; hide the rest."""
        width = self.size.width if width is None else width
        if not width:
            return
        children = list(self.children)
        palettes = [c for c in children if c.has_class("-command-palette")]
        limit = width - sum(sum(self._outer_width(p)) for p in palettes)
        x, previous_margin = self.styles.padding.left, 0
        for child in children:
            if child in palettes:
                continue
            left, own, right = self._outer_width(child)
            x += max(left, previous_margin)  # adjacent margins collapse
            fits = x + own <= limit
            if child.display != fits:
                child.display = fits
            x += own
            previous_margin = right
