"""Edits of what was captured in a live meeting: edit, convert, delete, restore.

An entry is the record; the decision or action it stands for is derived from it. There is
at most one derived row per entry, and only while the entry is of that kind and not
deleted: converting or deleting an entry removes its decision or action (no superseded
"ghost" is left to reach the confirmation, the minutes or the decision register), and
what an action had besides its words - owners, due date, priority, tags - is kept on the
entry (``Entry.detail``) so that converting it back brings them back.

Conversions never re-read the entry's text as a capture line: "下周销售目标" stays the
words of the note, decision or action, whatever it becomes. Each edit is recorded for undo.
"""

from __future__ import annotations

from datetime import date

from salestui.core.capture import Capture, describe, starts_with_command
from salestui.core.errors import InvalidInput
from salestui.core.meeting_capture import CaptureResult, Captures, entry_text
from salestui.core.models import ActionItem, Entry, EntryKind
from salestui.core.store.undo import Scope
from salestui.core.text import clean_text
from salestui.i18n import _

CONVERTIBLE = (EntryKind.NOTE, EntryKind.DECISION, EntryKind.ACTION)


class EntryEdits:
    def __init__(self, captures: Captures) -> None:
        self.captures = captures
        self.flow = captures.flow
        self.services = captures.services
        self.store = captures.store
        self.undo_log = captures.undo_log

    # -- what an edit may touch ---------------------------------------------------------

    def scopes(self, entry: Entry, *, agenda: bool = False) -> list[Scope]:
        """Every row an edit of ``entry`` may change, parents first."""
        assert entry.id is not None
        scopes: list[Scope] = []
        if agenda:  # a new agenda item (``/t``) reorders the meeting's agenda
            scopes.append(("agenda_items", {"meeting_id": entry.meeting_id}))
        scopes += [("entries", {"id": entry.id}), ("decisions", {"entry_id": entry.id})]
        decision = self.store.decision_for_entry(entry.id)
        scopes.append(("action_items", {"entry_id": entry.id}))
        if decision is not None:  # actions hung on it lose the link when it goes
            scopes.append(("action_items", {"decision_id": decision.id}))
        action_id = self.store.action_ids_for_entries([entry.id]).get(entry.id)
        if action_id is not None:
            for table in ("action_owners", "action_tags", "follow_ups"):
                scopes.append((table, {"action_id": action_id}))
        return scopes

    # -- the derived rows -----------------------------------------------------------------

    def retire(self, entry: Entry) -> None:
        """Remove what ``entry`` stood for; keep an action's owners and due on the entry."""
        assert entry.id is not None
        decision = self.store.decision_for_entry(entry.id)
        if decision is not None and decision.id is not None:
            self.store.delete_decision(decision.id)
        action_id = self.store.action_ids_for_entries([entry.id]).get(entry.id)
        if action_id is not None:
            entry.detail = action_detail(self.services.action(action_id))
            self.store.delete_action(action_id)

    def materialise(self, entry: Entry) -> CaptureResult:
        """Create the decision or action ``entry`` stands for, from its stored words and
        detail (never by reading the words again as a capture line)."""
        meeting = self.services.meeting(entry.meeting_id)
        people = self.services.people_by_id()
        detail = entry.detail if entry.kind == EntryKind.ACTION else {}
        due = detail.get("due")
        capture = Capture(
            kind=entry.kind,
            text=entry.text,
            owners=tuple(people[i] for i in detail.get("owners", []) if i in people),
            due=date.fromisoformat(due) if due else None,
            priority=detail.get("priority"),
            tags=tuple(detail.get("tags", [])),
        )
        result = CaptureResult(entry=entry, capture=capture)
        if entry.kind in (EntryKind.DECISION, EntryKind.ACTION) and not entry.deleted:
            item = (
                self.store.get_agenda_item(entry.agenda_item_id) if entry.agenda_item_id else None
            )
            self.captures.materialise(meeting, item, entry, capture, result)
        return result

    # -- the edits ------------------------------------------------------------------------

    def edit(self, entry_id: int, line: str) -> CaptureResult:
        """Replace an entry by a new capture line the chair typed (its decision or action
        is replaced too)."""
        entry = self.captures.entry(entry_id)
        meeting = self.flow.running(entry.meeting_id)
        parsed = self.captures.parse(line)
        if not parsed.text:
            raise InvalidInput(_("Nothing to save"))
        topic = EntryKind.TOPIC in (parsed.kind, entry.kind)
        with self.undo_log.record(
            entry.meeting_id, "edit", entry.text, *self.scopes(entry, agenda=topic)
        ):
            old = self.store.decision_for_entry(entry.id or 0)
            self.retire(entry)
            entry.kind = parsed.kind
            entry.text = entry_text(line, parsed)
            entry.deleted = False
            entry.confidential = entry.confidential or parsed.confidential
            self.store.update_entry(entry)
            item = (
                self.store.get_agenda_item(entry.agenda_item_id) if entry.agenda_item_id else None
            )
            result = CaptureResult(entry=entry, capture=parsed)
            self.captures.materialise(meeting, item, entry, parsed, result)
            if result.decision is not None and old is not None and old.supersedes_id:
                result.decision.supersedes_id = old.supersedes_id  # the link stays
                self.store.update_decision(result.decision)
        return result

    def reword(self, entry_id: int, text: str) -> CaptureResult:
        """Change only the words of an entry (and of its decision or action): its kind,
        an action's owners, due date, priority and tags stay as they are. The words are
        taken as typed, never read as a capture line."""
        entry = self.captures.entry(entry_id)
        self.flow.running(entry.meeting_id)
        words = clean_text(text).strip()
        if not words:
            raise InvalidInput(_("Nothing to save"))
        if entry.kind == EntryKind.TOPIC:
            raise InvalidInput(_("A new agenda item is changed on the agenda, not here"))
        if entry.deleted:
            raise InvalidInput(_("The entry was deleted"))
        current = self.current(entry)
        if words == entry.text:
            return current
        with self.undo_log.record(entry.meeting_id, "edit", entry.text, *self.scopes(entry)):
            entry.text = words
            self.store.update_entry(entry)
            if current.decision is not None:
                current.decision.text = words
                self.store.update_decision(current.decision)
            if current.action is not None:
                current.action.title = words
                self.store.update_action(current.action, self.flow.now)
        return self.current(entry)

    def save_edit(self, entry_id: int, line: str) -> CaptureResult:
        """Enter while an entry is being edited: a line that starts with a command is
        captured anew (``edit``); otherwise only the entry's words change (``reword``)."""
        if starts_with_command(line):
            return self.edit(entry_id, line)
        return self.reword(entry_id, line)

    def preview_edit(self, entry_id: int, line: str) -> str:
        """What ``save_edit`` will make of the line (or why it cannot), for the preview."""
        if starts_with_command(line):
            return self.captures.preview(line)
        entry = self.captures.entry(entry_id)
        current = self.current(entry)
        action = current.action
        people = self.services.people_by_id()
        capture = Capture(
            kind=entry.kind,
            text=line,
            owners=tuple(people[i] for i in action.owner_ids if i in people) if action else (),
            due=action.due if action else None,
            priority=action.priority if action else None,
            tags=tuple(action.tags) if action else (),
        )
        return describe(capture, self.services.clock.today())

    def convert(self, entry_id: int, kind: EntryKind | str) -> CaptureResult:
        """Make an entry a note, a decision or an action, keeping its own words (and an
        action's owners and due date through a round trip). Same kind: nothing changes."""
        entry = self.captures.entry(entry_id)
        try:
            kind = EntryKind(kind)
        except ValueError:
            kind = EntryKind.TOPIC  # refused just below, as every other kind
        if kind not in CONVERTIBLE:
            raise InvalidInput(_("An entry can become a note, a decision or an action"))
        if entry.kind == EntryKind.TOPIC:
            raise InvalidInput(_("A new agenda item is changed on the agenda, not here"))
        self.flow.running(entry.meeting_id)
        if entry.deleted:
            raise InvalidInput(_("The entry was deleted"))
        if entry.kind == kind:
            return self.current(entry)
        with self.undo_log.record(entry.meeting_id, "convert", entry.text, *self.scopes(entry)):
            self.retire(entry)
            entry.kind = kind
            self.store.update_entry(entry)
            result = self.materialise(entry)
        return result

    def current(self, entry: Entry) -> CaptureResult:
        """What the entry stands for now, unchanged."""
        assert entry.id is not None
        result = CaptureResult(entry=entry, capture=Capture(kind=entry.kind, text=entry.text))
        result.decision = self.store.decision_for_entry(entry.id)
        action_id = self.store.action_ids_for_entries([entry.id]).get(entry.id)
        if action_id is not None:
            result.action = self.services.action(action_id)
        return result

    def delete(self, entry_id: int) -> Entry:
        """Delete an entry and what it stood for (undo brings both back)."""
        entry = self.captures.entry(entry_id)
        self.flow.running(entry.meeting_id)
        if entry.deleted:
            return entry
        with self.undo_log.record(entry.meeting_id, "delete", entry.text, *self.scopes(entry)):
            self.retire(entry)
            entry.deleted = True
            self.store.update_entry(entry)
        return entry

    def undelete(self, entry_id: int) -> CaptureResult:
        """Bring a deleted entry back with what it stood for (from its stored words and
        detail, never re-parsed)."""
        entry = self.captures.entry(entry_id)
        self.flow.running(entry.meeting_id)
        if not entry.deleted:
            return self.current(entry)
        with self.undo_log.record(entry.meeting_id, "restore", entry.text, *self.scopes(entry)):
            entry.deleted = False
            self.store.update_entry(entry)
            result = self.materialise(entry)
        return result


def action_detail(action: ActionItem) -> dict[str, object]:
    return {
        "owners": list(action.owner_ids),
        "due": action.due.isoformat() if action.due else None,
        "priority": action.priority,
        "tags": list(action.tags),
    }
