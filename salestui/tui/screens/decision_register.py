"""The decision register (palette): every decision across meetings, read as it will go
out, then saved or copied - the export preview without a meeting of its own."""

from __future__ import annotations

from pathlib import Path

from salestui import paths
from salestui.core.export.reports import render_decisions
from salestui.core.models import Meeting
from salestui.core.service import Services
from salestui.i18n import N_, _
from salestui.tui.screens.export_preview import ExportPreviewScreen


class DecisionRegisterScreen(ExportPreviewScreen):
    SCREEN_TITLE = N_("Decision register")

    def __init__(self, services: Services) -> None:
        super().__init__(services, 0)

    def read_document(self, services: Services, kind: str) -> tuple[Meeting | None, str]:
        return None, render_decisions(services)

    def header(self) -> tuple[str, str]:
        lines = _("{lines} lines").format(lines=len(self.text.splitlines()))
        return _("Decision register"), lines

    def default_path(self) -> Path:
        config = getattr(self.app, "config", None)
        folder = getattr(config, "export_dir", None)
        base = Path(folder).expanduser() if folder else paths.default_export_dir()
        return base / f"{self.services.clock.today().isoformat()}-decision-register.md"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("switch_kind", "next_meeting"):  # one document, no meeting
            return False
        return True
