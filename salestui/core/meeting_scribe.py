"""A live meeting has one scribe: the person who records it. Anyone else watches.

Whoever starts a meeting becomes its scribe (and is again after a crash: it is stored).
A change to a running meeting by anyone else is refused with the scribe's name, unless
they take it over - explicitly, and recorded in the meeting's history. A meeting started
before anyone said who they are has no scribe: anyone may change it, as before.
"""

from __future__ import annotations

from salestui.core.boundary import storage_boundary
from salestui.core.errors import Conflict, InvalidInput
from salestui.core.models import Meeting, MeetingStatus, Person
from salestui.core.service import Services
from salestui.i18n import _


@storage_boundary
class Scribes:
    """The scribe rule for one ``Services`` (and so one "me")."""

    def __init__(self, services: Services, take_over: bool = False) -> None:
        """``take_over``: a change to a meeting another scribe holds makes "me" its scribe
        (recorded) instead of being refused (the CLI's ``--take-over``)."""
        self.services = services
        self.store = services.store
        self.take_over_when_held = take_over
        self.took_over_from: Person | None = None  # set once a change took the meeting over

    def of(self, meeting_id: int) -> Person | None:
        """Who records the meeting (None: nobody said who they were when it started)."""
        scribe_id = self.store.scribe_of(meeting_id)
        return self.services.people_by_id().get(scribe_id) if scribe_id is not None else None

    def may_change(self, meeting_id: int) -> bool:
        """Whether "me" may change the meeting: it has no scribe, or I am it."""
        scribe_id = self.store.scribe_of(meeting_id)
        if scribe_id is None:
            return True
        me = self.services.me()
        return me is not None and me.id == scribe_id

    def check(self, meeting: Meeting) -> None:
        """Refuse a change to a running meeting another person records (or, with
        ``take_over``, take it over first)."""
        if meeting.status != MeetingStatus.RUNNING or meeting.id is None:
            return
        if self.may_change(meeting.id):
            return
        scribe = self.of(meeting.id)
        if self.take_over_when_held:
            self.took_over_from = scribe
            self.take_over(meeting.id)
            return
        raise Conflict(
            _("{name} is recording this meeting: watch it, or take over as scribe").format(
                name=scribe.name if scribe else "?"
            )
        )

    def started(self, meeting_id: int) -> None:
        """The meeting just started: "me" (if known) records it."""
        me = self.services.me()
        if me is not None and me.id is not None:
            self.store.set_scribe(meeting_id, me.id, self.services.clock.now(), "started")

    def take_over(self, meeting_id: int) -> Person:
        """Make "me" the scribe of the running meeting; its history keeps the change."""
        me = self.services.me()
        if me is None or me.id is None:
            raise InvalidInput(_("Say who you are first (--me, or Who am I in the app)"))
        meeting = self.services.meeting(meeting_id)
        if meeting.status != MeetingStatus.RUNNING:
            raise Conflict(_("The meeting is not running"))
        if self.store.scribe_of(meeting_id) != me.id:
            self.store.set_scribe(meeting_id, me.id, self.services.clock.now(), "took_over")
        return me
