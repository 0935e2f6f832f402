"""The decision register (palette): every decision across meetings, read as it will go
out, then saved or copied - the export preview without a meeting of its own."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from salestui import paths
from salestui.core.errors import SalestuiError
from salestui.core.export.reports import render_decisions
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.export_preview import ExportPreviewScreen
from salestui.tui.widgets.header_bar import HeaderBar
from salestui.tui.widgets.markdown_view import MarkdownView


class DecisionRegisterScreen(ExportPreviewScreen):
    SCREEN_TITLE = N_("Decision register")

    def __init__(self, services: Services) -> None:
        super().__init__(services, 0)

    def render_text(self) -> str:
        return render_decisions(self.services)

    def reload_data(self) -> None:
        try:
            self.text = self.render_text()
        except SalestuiError as error:
            self.notify(str(error), severity="error")
            return
        self.query_one(HeaderBar).show(
            _("Decision register"), _("{lines} lines").format(lines=len(self.text.splitlines()))
        )
        self.query_one(MarkdownView).update(self.text)
        source = self.query_one("#export-source", TextArea)
        if source.display:
            source.load_text(self.text)
        else:
            self._source_stale = True  # loaded when first shown (v)

    def default_path(self) -> Path:
        config = getattr(self.app, "config", None)
        folder = getattr(config, "export_dir", None)
        base = Path(folder).expanduser() if folder else paths.default_export_dir()
        return base / f"{self.services.clock.today().isoformat()}-decision-register.md"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("switch_kind", "next_meeting"):  # one document, no meeting
            return False
        return True
