"""The analytics report from the analytics screen (``x``): the figures of the window and
team in view as markdown tables - what ``salestui export report`` writes - read as they
will go out, then saved or copied (the export preview without a meeting of its own)."""

from __future__ import annotations

from pathlib import Path

from salestui import paths
from salestui.core.analytics import AnalyticsService
from salestui.core.export.report import render_report
from salestui.core.models import Meeting
from salestui.core.models.analytics import Window
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.export_preview import ExportPreviewScreen


class AnalyticsReportScreen(ExportPreviewScreen):
    SCREEN_TITLE = N_("Analytics report")

    def __init__(self, services: Services, window: Window) -> None:
        super().__init__(services, 0)
        self.window = window

    def read_document(self, services: Services, kind: str) -> tuple[Meeting | None, str]:
        return None, render_report(AnalyticsService(services), self.window)

    def header(self) -> tuple[str, str]:
        lines = _("{lines} lines").format(lines=len(self.text.splitlines()))
        return _("Analytics report"), lines

    def default_path(self) -> Path:
        config = getattr(self.app, "config", None)
        folder = getattr(config, "export_dir", None)
        base = Path(folder).expanduser() if folder else paths.default_export_dir()
        team = f"-{self.window.team}" if self.window.team else ""
        return base / f"analytics-{self.window.period.key}{team}.md"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("switch_kind", "next_meeting"):  # one document, no meeting
            return False
        return True
