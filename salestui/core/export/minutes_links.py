"""What the minutes say about a decision's links to other meetings (issue 16): "superseded
by ..." under a decision a later meeting replaced, "supersedes ..." under its successor."""

from __future__ import annotations

from salestui.core.models import Decision
from salestui.core.service import Services
from salestui.i18n import _


def _where(services: Services, decision: Decision) -> str:
    """The meeting a decision was made in, with its day: ``周例会 2026-11-20``."""
    meeting = services.store.get_meeting(decision.meeting_id)
    if meeting is None:
        return "-"
    start = meeting.scheduled_start
    return f"{meeting.title} {start.astimezone().date().isoformat()}" if start else meeting.title


def supersede_notes(services: Services, decisions: list[Decision]) -> dict[int, str]:
    """Decision id -> its note, for the decisions that have one. A confidential decision
    on the other end is named by its meeting only."""
    store = services.store
    notes: dict[int, str] = {}
    for decision in decisions:
        if decision.id is None:
            continue
        successor = store.successor_of(decision.id)
        if successor is not None:
            notes[decision.id] = _("superseded by “{text}” ({meeting})").format(
                text=_words(successor), meeting=_where(services, successor)
            )
            continue
        if decision.supersedes_id is not None:
            earlier = store.get_decision(decision.supersedes_id)
            if earlier is not None:
                notes[decision.id] = _("supersedes “{text}” ({meeting})").format(
                    text=_words(earlier), meeting=_where(services, earlier)
                )
    return notes


def _words(decision: Decision) -> str:
    return _("a confidential decision") if decision.confidential else decision.text
