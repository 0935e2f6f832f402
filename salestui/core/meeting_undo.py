"""Undo for the live meeting, kept in the database.

Every live edit (a capture, an entry's edit, deletion or conversion, attendance, a
decision's status, an action settled at confirmation, the agenda moves and timebox
changes) runs inside ``UndoLog.record``: in the same transaction it takes a before- and an
after-image of the rows it may change and stores them in ``live_undo``; the journal
(``core.journal``) records the edit too, with who made it, as history. ``UndoLog.undo``
takes the newest record of a meeting (last in, first out), checks that those rows still
look as the edit left them, and puts the before-image back in one transaction. Nothing is
kept in memory, so undo works the same after a restart or a kill, from the TUI and the CLI.
Ratings given at confirmation are journal steps of their own (``salestui undo``); the
meeting's undo takes them back too when they are newer than its last live edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from salestui.core.errors import Conflict
from salestui.core.journal import LIVE
from salestui.core.journal import Step as Recording
from salestui.core.models import MeetingStatus
from salestui.core.service import Services
from salestui.core.store.undo import Scope, same_image
from salestui.i18n import N_, _

SUBJECT_LENGTH = 60
RATING = "rating"  # the journal's kind of attendees' ratings of a meeting (core.analytics)

# What each kind of record undoes, as the end of "Undone: ...".
OPERATIONS = {
    "capture": N_("the line “{subject}”"),
    "edit": N_("the edit of “{subject}”"),
    "delete": N_("the deletion of “{subject}”"),
    "convert": N_("the conversion of “{subject}”"),
    "restore": N_("bringing back “{subject}”"),
    "attendance": N_("the attendance change of {subject}"),
    "decision": N_("the status change of the decision “{subject}”"),
    "settle": N_("the answer on the action “{subject}”"),
    "review": N_("the review of “{subject}”"),
    "park_answer": N_("the answer on the parked topic “{subject}”"),
    "extend": N_("the timebox change of “{subject}”"),
    "next": N_("moving on from “{subject}”"),
    "previous": N_("going back from “{subject}”"),
    "skip": N_("skipping “{subject}”"),
    "park": N_("parking “{subject}”"),
    "goto": N_("jumping to “{subject}”"),
    "confidential": N_("the confidential mark of “{subject}”"),
    "supersede": N_("superseding with “{subject}”"),
    "number": N_("the number “{subject}”"),
    "countermeasure": N_("the countermeasure “{subject}”"),
    RATING: N_("the ratings of “{subject}”"),
}
_ANY_CHANGE = N_("the change of “{subject}”")
# Moves on the agenda and its timer: they mean something only while the meeting runs.
RUNNING_ONLY = {"extend", "next", "previous", "skip", "park", "goto"}


def _subject(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUBJECT_LENGTH else text[: SUBJECT_LENGTH - 1] + "…"


def describe(operation: str, subject: str) -> str:
    """What undoing this record takes back, for people ("the deletion of “…”")."""
    return _(OPERATIONS.get(operation, _ANY_CHANGE)).format(subject=subject)


@dataclass
class Undone:
    operation: str
    subject: str

    @property
    def message(self) -> str:
        return _("Undone: {change}").format(change=describe(self.operation, self.subject))


class UndoLog:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    @contextmanager
    def record(
        self, meeting_id: int, operation: str, subject: str, *scopes: Scope
    ) -> Iterator[Recording]:
        """Run the ``with`` body as one undoable operation in one transaction. It is a step
        of the journal too (history only: who made the edit, and when; it is undone here)."""
        subject = _subject(subject)
        summary = _("Live meeting: {change}").format(change=describe(operation, subject))
        with self.services.journal.step(LIVE, *scopes, summary=summary) as recording:
            yield recording
            images: list[dict[str, Any]] = []
            changed = False
            for scope, before in zip(recording.scopes, recording.before, strict=True):
                after = self.store.image(scope)
                table, match = scope
                images.append({"table": table, "match": match, "before": before, "after": after})
                changed = changed or not same_image(table, before, after)
            if changed:  # an operation that changed nothing leaves nothing to undo
                recording.live_undo_id = self.store.push_undo(
                    meeting_id, self.services.clock.now(), operation, subject, images
                )

    def can_undo(self, meeting_id: int) -> bool:
        return self.store.count_undo(meeting_id) > 0

    def undo(self, meeting_id: int) -> Undone:
        """Take back the meeting's newest live edit. ``Conflict`` (and nothing changed) when
        there is none, the meeting is confirmed, or the rows were changed since."""
        meeting = self.services.meeting(meeting_id)
        if meeting.status == MeetingStatus.CONFIRMED:
            raise Conflict(_("The meeting is confirmed: its record can no longer be undone"))
        rating = self.store.meeting_step_after_live(meeting_id, RATING)
        if rating is not None:  # ratings given at confirmation, after the last live edit
            self.services.journal.undo(rating)
            return Undone(RATING, _subject(meeting.title))
        record = self.store.last_undo(meeting_id)
        if record is None:
            raise Conflict(_("Nothing left to undo in this meeting"))
        undone = Undone(record["operation"], record["subject"])
        change = describe(undone.operation, undone.subject)
        if undone.operation in RUNNING_ONLY and meeting.status != MeetingStatus.RUNNING:
            raise Conflict(
                _("The meeting is no longer running: {change} cannot be undone").format(
                    change=change
                )
            )
        images = record["images"]
        scopes = [((i["table"], i["match"]), i["before"]) for i in images]
        with self.store.transaction():
            stale = any(
                not same_image(i["table"], self.store.image((i["table"], i["match"])), i["after"])
                for i in images
            )
            if not stale:
                self.store.restore(scopes)
                me = self.services.me()
                now = self.services.clock.now()
                self.store.mark_live_undone(record["id"], now, me.id if me else None)
            self.store.drop_undo(record["id"])
        if stale:
            raise Conflict(
                _("Not undone: {change} was changed again since (left as it is)").format(
                    change=change
                )
            )
        return undone
