"""What the plain command helpers (``ActionCommands``, ``ViewCommands``, ``PlanCommands``,
``RunCommands``) need of any screen they serve: its ``notify``. Their own host protocols
add the rest."""

from __future__ import annotations

from typing import Protocol

from textual.notifications import SeverityLevel


class Notifies(Protocol):
    """A screen (or app) that shows toasts."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
