"""One undo for everything: the journal of changes.

Every change - to action items (add, edit, status, reassign, due, escalate, follow-up, a
bulk change) and to a meeting's plan - runs inside ``Journal.step``: in the same
transaction it images the rows the change may touch, lets the change run, and writes one
journal step with the acting person (``Services.me``), the time (the service clock), the
fields it changed, a short summary worked out from the rows (``journal_text``) and the
rows as they were, with a digest of the rows as it left them. A change made inside another
change (a follow-up that also sets a reason) joins the outer step: a bulk change is one
step. A step that changed nothing is not written.

``Journal.undo`` takes back one step - by default the newest one of mine not undone yet -
in one transaction, and records who undid it and when. It refuses (``InvalidInput``, and
nothing changes) when the step was undone already, was made in a live meeting (that has
its own undo, ``core.meeting_undo``), or when any row it changed was changed again since:
the message names the later step to undo first. Undo never overwrites a later change.

Everything is in the database, so undo works the same after moving between screens, after
a restart, and from the CLI (``salestui undo``) as from the TUI (ctrl+z).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput
from salestui.core.journal_text import (
    Diff,
    describe_actions,
    field_label,
    fields_of,
    short_title,
)
from salestui.core.store.undo import Image, Scope, image_digest
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.service import Services

ACTIONS, MEETING, LIVE, PEOPLE = "actions", "meeting", "live", "people"
# Rows others point at: an undo that would remove one still pointed at is refused.
_REFERRED = ("people", "series", "measurables")
LIST_LENGTH = 20
# Fields a follow-up entry does not already show in an item's history.
_NOT_IN_FOLLOW_UPS = {"title", "priority", "tags", "created", "deleted", "other"}


def action_scopes(ids: Sequence[int]) -> tuple[Scope, ...]:
    """The rows a change of these items may touch (their follow-ups are found new)."""
    chosen = sorted(set(ids))
    return (
        ("action_items", {"id": chosen}),
        ("action_owners", {"action_id": chosen}),
        ("action_tags", {"action_id": chosen}),
    )


def created_action_scopes(action_id: int) -> tuple[Scope, ...]:
    return (
        ("action_items", {"id": [action_id]}),
        ("action_owners", {"action_id": [action_id]}),
        ("action_tags", {"action_id": [action_id]}),
    )


def meeting_scopes(meeting_id: int) -> tuple[Scope, ...]:
    """The rows a change of a meeting's plan may touch."""
    return (
        ("meetings", {"id": meeting_id}),
        ("agenda_items", {"meeting_id": meeting_id}),
        ("attendance", {"meeting_id": meeting_id}),
    )


def series_scopes(series_id: int) -> tuple[Scope, ...]:
    """The rows a change of a series' defaults may touch."""
    return (
        ("series", {"id": series_id}),
        ("series_items", {"series_id": series_id}),
        ("series_attendees", {"series_id": series_id}),
    )


def person_scopes(person_id: int) -> tuple[Scope, ...]:
    return (("people", {"id": person_id}),)


@dataclass
class Step:
    """A change being recorded: the scopes it may touch, each with its before-image."""

    store: Any
    kind: str
    summary: str | None = None
    scopes: list[Scope] = field(default_factory=list)
    before: list[Image] = field(default_factory=list)
    follow_up_mark: int = 0
    live_undo_id: int | None = None  # a live meeting's step: its record in live_undo
    id: int | None = None  # its journal id, once written (None: it changed nothing)

    def watch(self, *scopes: Scope) -> None:
        """Rows the change may touch: imaged now, before it touches them."""
        for scope in scopes:
            if scope not in self.scopes:
                self.scopes.append(scope)
                self.before.append(self.store.image(scope))

    def before_of(self, scope: Scope) -> Image:
        """The rows of a watched scope as they were before the change."""
        return self.before[self.scopes.index(scope)]

    def created(self, *scopes: Scope) -> None:
        """Rows the change has just created (their before-image is: nothing)."""
        for scope in scopes:
            if scope not in self.scopes:
                self.scopes.append(scope)
                self.before.append([])


@dataclass
class JournalEntry:
    """One step as a list shows it."""

    id: int
    at: datetime
    person: str | None  # who made the change (None: nobody known)
    kind: str
    summary: str
    fields: list[str]
    live: bool
    undone_at: datetime | None = None
    undone_by: str | None = None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass
class ItemChange:
    """A line of an item's history that its follow-ups do not already give."""

    at: datetime
    person: str | None
    what: str
    kind: str = "edited"  # created, edited, meeting (a live meeting's change), undone


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@storage_boundary
class Journal:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    # -- recording ---------------------------------------------------------------------------

    @contextmanager
    def step(self, kind: str, *scopes: Scope, summary: str | None = None) -> Iterator[Step]:
        """Run the ``with`` body as one journal step, in one transaction. Inside another
        step, the body joins it (its scopes are watched too)."""
        outer = self.store.open_step
        if outer is not None:
            outer.watch(*scopes)
            yield outer
            return
        with self.store.transaction():
            step = Step(self.store, kind, summary, follow_up_mark=self.store.max_id("follow_ups"))
            self.store.open_step = step
            try:
                step.watch(*scopes)
                yield step
                step.id = self._write(step)
            finally:
                self.store.open_step = None

    def meeting_step(self, meeting_id: int, change: str) -> AbstractContextManager[Step]:
        """A step that changes a meeting's plan (its details, agenda or attendees);
        ``change`` says what, after the meeting's title."""
        meeting = self.store.get_meeting(meeting_id)
        title = short_title(meeting.title) if meeting else f"#{meeting_id}"
        summary = _("Meeting “{title}”: {change}").format(title=title, change=change)
        return self.step(MEETING, *meeting_scopes(meeting_id), summary=summary)

    def _write(self, step: Step) -> int | None:
        store = self.store
        new = store.ids_after("follow_ups", step.follow_up_mark)
        if new:
            step.created(("follow_ups", {"id": new}))
        diff = Diff()
        images: list[dict[str, Any]] = []
        for scope, before in zip(step.scopes, step.before, strict=True):
            table, match = scope
            after = store.image(scope)
            if before == after:  # images are in an order of their content: untouched
                continue
            diff.add(table, before, after)
            digest = image_digest(table, after)
            images.append({"table": table, "match": match, "before": before, "after": digest})
        if not images:
            return None  # a change that changed nothing leaves nothing to undo
        summary = step.summary
        if summary is None:
            summary = (
                describe_actions(diff, self._names(), self._title)
                if diff.action_ids()
                else _("Changed a meeting")
            )
        me = self.services.me()
        return int(
            store.add_journal_step(
                self.services.clock.now(),
                me.id if me else None,
                step.kind,
                summary,
                fields_of(diff),
                [] if step.live_undo_id is not None else images,
                sorted(diff.action_ids()),
                live_undo_id=step.live_undo_id,
            )
        )

    def _title(self, action_id: int) -> str:
        action = self.store.get_action(action_id)
        return action.title if action else ""

    # -- reading -------------------------------------------------------------------------------

    def _entry(self, row: dict[str, Any], names: dict[int, str] | None = None) -> JournalEntry:
        if names is None:
            names = self._names()
        at = _moment(row["at"])
        assert at is not None
        return JournalEntry(
            id=row["id"],
            at=at,
            person=names.get(row["person_id"]),
            kind=row["kind"],
            summary=row["summary"],
            fields=[f for f in row["fields"].split(",") if f],
            live=row["live_undo_id"] is not None,
            undone_at=_moment(row["undone_at"]),
            undone_by=names.get(row["undone_by"]),
        )

    def _names(self) -> dict[int, str]:
        return {p.id: p.name for p in self.store.list_people(active_only=False) if p.id is not None}

    def recent(self, limit: int = LIST_LENGTH, mine: bool = False) -> list[JournalEntry]:
        """The newest steps first (``mine``: only my own)."""
        me = self.services.me()
        rows = self.store.journal_steps(limit, me.id if me else None, mine=mine)
        names = self._names()
        return [self._entry(row, names) for row in rows]

    def entry(self, step_id: int) -> JournalEntry:
        row = self.store.journal_step(step_id)
        if row is None:
            raise InvalidInput(_("No change #{id} in the journal").format(id=step_id))
        return self._entry(row)

    def latest_mine(self) -> JournalEntry | None:
        """What undo would take back now: my newest step not undone yet."""
        me = self.services.me()
        step_id = self.store.latest_undoable_step(me.id if me else None)
        return self.entry(step_id) if step_id is not None else None

    def item_changes(self, action_id: int) -> list[ItemChange]:
        """The item's history lines that its follow-ups leave out, oldest first: who
        created it, edits of its title, priority or tags, changes in a live meeting, and
        every undo of a change to it."""
        names = self._names()
        lines: list[ItemChange] = []
        for row in self.store.action_journal(action_id):
            entry = self._entry(row, names)
            shown = set(entry.fields)
            if "created" in shown:
                lines.append(ItemChange(entry.at, entry.person, _("Created this item"), "created"))
            elif entry.live or shown & _NOT_IN_FOLLOW_UPS:
                fields = [f for f in entry.fields if entry.live or f in _NOT_IN_FOLLOW_UPS]
                what = ", ".join(field_label(f) for f in fields)
                template = (
                    _("Changed in a meeting: {fields}") if entry.live else _("Edited: {fields}")
                )
                kind = "meeting" if entry.live else "edited"
                lines.append(ItemChange(entry.at, entry.person, template.format(fields=what), kind))
            if entry.undone_at is not None:
                undid = _("Undid: {summary}").format(summary=entry.summary)
                lines.append(ItemChange(entry.undone_at, entry.undone_by, undid, "undone"))
        return sorted(lines, key=lambda line: line.at)

    # -- undo ------------------------------------------------------------------------------------

    def undo(self, step_id: int | None = None) -> JournalEntry:
        """Take back step ``step_id``, by default my newest step not undone yet."""
        me = self.services.me()
        me_id = me.id if me else None
        with self.store.transaction():
            if step_id is None:
                step_id = self.store.latest_undoable_step(me_id)
                if step_id is None:
                    raise InvalidInput(_("Nothing of yours to undo"))
            row = self.store.journal_step(step_id, images=True)
            if row is None:
                raise InvalidInput(_("No change #{id} in the journal").format(id=step_id))
            entry = self._entry(row)
            images = row["images"]
            current = [self.store.image((i["table"], i["match"])) for i in images]
            self._check_undoable(entry, images, current)
            self._check_still_unused(entry, images, current)
            self._check_sign_in_rights(images, current)
            self.store.restore([((i["table"], i["match"]), i["before"]) for i in images], current)
            now = self.services.clock.now()
            self.store.mark_step_undone(step_id, now, me_id)
        entry.undone_at, entry.undone_by = now, me.name if me else None
        return entry

    def _check_undoable(
        self, entry: JournalEntry, images: list[dict[str, Any]], current: list[Image]
    ) -> None:
        if entry.undone_at is not None:
            raise InvalidInput(
                _("#{id} was undone already ({who}, {when})").format(
                    id=entry.id, who=entry.undone_by or "?", when=_local(entry.undone_at)
                )
            )
        if entry.live:
            raise InvalidInput(
                _("#{id} was made in a live meeting: undo it there (ctrl+z in the meeting, or "
                  "salestui run undo)").format(id=entry.id)
            )  # fmt: skip
        stale = any(
            image_digest(i["table"], now) != i["after"]
            for i, now in zip(images, current, strict=True)
        )
        if not stale:
            return
        later = self.store.later_step_on(entry.id, self.store.step_action_ids(entry.id))
        if later is not None:
            blocking = self._entry(later)
            raise InvalidInput(
                _("Not undone: what #{id} changed was changed again by #{later} ({who}: "
                  "{what}); undo #{later} first").format(
                    id=entry.id, later=blocking.id, who=blocking.person or "?",
                    what=blocking.summary,
                )
            )  # fmt: skip
        raise InvalidInput(
            _("Not undone: what #{id} changed was changed again since ({summary})").format(
                id=entry.id, summary=entry.summary
            )
        )

    def _check_still_unused(
        self, entry: JournalEntry, images: list[dict[str, Any]], current: list[Image]
    ) -> None:
        """Refuse to take back the creation of a person or a series that other records
        have come to point at since (removing it would blank or delete them)."""
        kept: dict[str, set[int]] = {}
        skipped: set[str] = set()
        for image, now in zip(images, current, strict=True):
            if now and "id" in now[0]:
                kept.setdefault(image["table"], set()).update(row["id"] for row in now)
            else:
                skipped.add(image["table"])
        for image, now in zip(images, current, strict=True):
            if image["table"] not in _REFERRED:
                continue
            before = {row["id"] for row in image["before"]}
            removed = [row["id"] for row in now if row["id"] not in before]
            if self.store.referring_rows(image["table"], removed, kept, skipped):
                raise InvalidInput(
                    _("Not undone: what #{id} created is in use since ({summary})").format(
                        id=entry.id, summary=entry.summary
                    )
                )

    def _check_sign_in_rights(self, images: list[dict[str, Any]], current: list[Image]) -> None:
        """An undo never changes a login its undoer could not change by hand (on a shared
        host, only a director changes another person's login)."""
        for image, now in zip(images, current, strict=True):
            if image["table"] != "people":
                continue
            logins = {row["id"]: row.get("login") for row in image["before"]}
            for row in now:
                if logins.get(row["id"]) != row.get("login"):
                    self.services.check_may_manage(row["id"])


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
