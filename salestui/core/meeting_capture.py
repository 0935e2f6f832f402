"""Capture in a live meeting: one typed line becomes an entry on the current item, and the
decision, action or new agenda item it stands for.

A line is parsed first (``core.capture``); nothing is saved if it fails. The entry and what
it stands for are written in one transaction, recorded for undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from salestui.core.capture import Capture, describe, note_text, parse_capture
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.meeting_agenda import AgendaFlow
from salestui.core.models import (
    ActionItem,
    AgendaItem,
    AgendaKind,
    Decision,
    Entry,
    EntryKind,
    Meeting,
)
from salestui.i18n import _


@dataclass
class CaptureResult:
    entry: Entry
    capture: Capture
    decision: Decision | None = None
    action: ActionItem | None = None
    new_item: AgendaItem | None = None


def entry_text(line: str, parsed: Capture) -> str:
    """The words an entry keeps of the line that made it."""
    return note_text(line) if parsed.kind == EntryKind.NOTE else parsed.text


def _about(parsed: Capture) -> int | None:
    """The person a note is about: the one person its ``@name`` names (a daily meeting
    shows it with that person's plan, ``core.day_read``)."""
    if parsed.kind == EntryKind.NOTE and len(parsed.owners) == 1:
        return parsed.owners[0].id
    return None


class Captures:
    """The entries of a live meeting: parsing a line, saving it, reading entries back."""

    def __init__(self, flow: AgendaFlow) -> None:
        self.flow = flow
        self.services = flow.services
        self.store = flow.store
        self.undo_log = flow.undo_log

    def preview(self, line: str) -> str:
        """What a capture line will become, or the reason it cannot be saved."""
        return describe(self.parse(line), self.services.clock.today())

    def parse(self, line: str) -> Capture:
        return parse_capture(line, self.services.people(), self.services.clock.today())

    def capture(self, meeting_id: int, line: str) -> CaptureResult:
        """Parse and save one line on the current item; nothing is saved if it fails."""
        self.flow.running(meeting_id)  # a meeting not running is reported before a bad line
        parsed = self.parse(line)
        if not parsed.text:
            raise InvalidInput(_("Nothing to save"))
        topic = []  # a new agenda item reorders the agenda
        if parsed.kind == EntryKind.TOPIC:
            topic = [("agenda_items", {"meeting_id": meeting_id})]
        with self.undo_log.record(meeting_id, "capture", parsed.text, *topic) as recording:
            # Read the meeting and its current item inside the write transaction: another
            # process moving the agenda meanwhile cannot put the line on a stale item.
            meeting = self.flow.running(meeting_id)
            current = self.flow.current(meeting_id)
            now = self.flow.now
            entry = self.store.add_entry(
                Entry(
                    meeting_id=meeting_id,
                    agenda_item_id=current.id if current else None,
                    kind=parsed.kind,
                    text=entry_text(line, parsed),
                    person_id=_about(parsed),
                    at=now,
                    confidential=parsed.confidential,
                )
            )
            recording.created(
                ("entries", {"id": entry.id}),
                ("decisions", {"entry_id": entry.id}),
                ("action_items", {"entry_id": entry.id}),
            )
            result = CaptureResult(entry=entry, capture=parsed)
            self.materialise(meeting, current, entry, parsed, result)
        return result

    def materialise(
        self,
        meeting: Meeting,
        current: AgendaItem | None,
        entry: Entry,
        parsed: Capture,
        result: CaptureResult,
    ) -> None:
        """Create the decision, action or agenda item a captured entry stands for."""
        assert meeting.id is not None and entry.id is not None
        now = self.flow.now
        if parsed.kind == EntryKind.DECISION:
            result.decision = self.store.add_decision(
                Decision(
                    meeting_id=meeting.id,
                    agenda_item_id=entry.agenda_item_id,
                    entry_id=entry.id,
                    text=parsed.text,
                    decided_at=now,
                    confidential=entry.confidential,
                )
            )
        elif parsed.kind == EntryKind.ACTION:
            decisions = [
                d for d in self.store.list_decisions(meeting.id)
                if d.agenda_item_id == entry.agenda_item_id
            ]  # fmt: skip
            result.action = self.store.add_action(
                ActionItem(
                    title=parsed.text,
                    owner_ids=[p.id for p in parsed.owners if p.id is not None],
                    due=parsed.due,
                    priority=parsed.priority or 2,
                    meeting_id=meeting.id,
                    agenda_item_id=entry.agenda_item_id,
                    decision_id=decisions[-1].id if decisions else None,
                    entry_id=entry.id,
                    tags=list(parsed.tags),
                    confidential=entry.confidential,
                ),
                now,
            )
        elif parsed.kind == EntryKind.TOPIC:
            agenda = self.store.list_agenda(meeting.id)
            order = [i.id for i in agenda if i.id is not None]
            new_item = self.store.add_agenda_item(
                AgendaItem(
                    meeting_id=meeting.id,
                    title=parsed.text,
                    timebox_minutes=5,
                    kind=AgendaKind.DISCUSSION,
                    confidential=entry.confidential,
                )
            )
            where = order.index(current.id) + 1 if current and current.id in order else len(order)
            order.insert(where, new_item.id or 0)
            self.store.set_agenda_order(meeting.id, order)
            result.new_item = new_item

    def entries(self, meeting_id: int, item_id: int | None = None) -> list[Entry]:
        entries = self.store.list_entries(meeting_id)
        if item_id is None:
            return entries
        return [e for e in entries if e.agenda_item_id == item_id]

    def entry(self, entry_id: int) -> Entry:
        """The entry, or ``NotFound``."""
        entry = self.store.get_entry(entry_id)
        if entry is None:
            raise NotFound(_("No entry with id {id}").format(id=entry_id))
        return entry
