"""The live console's marks on an entry (issue 16): ctrl+l marks it confidential (or no
longer), ctrl+u supersedes a decision of an earlier meeting with the selected decision.
Both are the meeting's own undoable edits (ctrl+z)."""

from __future__ import annotations

from typing import Any

from salestui.core.errors import SalestuiError
from salestui.core.meeting_marks import LiveMarks
from salestui.i18n import _


def toggle_confidential(host: Any) -> None:
    """Mark the selected entry confidential, or take the mark off."""
    commands = host.commands
    if (entry := commands._selected_entry()) is None:
        return
    entry_id = entry.id or 0
    marks = LiveMarks(host.live)
    found: list[bool] = []
    if commands.do(lambda: found.append(marks.toggle_confidential(entry_id))):
        message = _("Marked confidential") if found and found[0] else _("No longer confidential")
        host.notify(message + " · " + _("ctrl+z takes it back"), timeout=4)
        host.call_after_refresh(host.entries.select_entry, entry_id)


def supersede(host: Any) -> None:
    """Pick the earlier decision the selected decision replaces."""
    from salestui.tui.screens.decision_supersede import SupersedePicker

    if (entry := host.commands._selected_entry()) is None:
        return
    marks = LiveMarks(host.live)
    try:
        decision = marks.decision_of(entry.id or 0)
    except SalestuiError as error:
        host.notify(str(error), severity="warning")
        return

    def link(old_id: int, new_id: int) -> Any:
        return marks.supersede(old_id, new_id)

    def done(changed: bool | None) -> None:
        if changed:
            host.reload_data()

    host.app.push_screen(SupersedePicker(host.services, decision.id or 0, link=link), done)
