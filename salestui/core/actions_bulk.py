"""Bulk by filter, like Taskwarrior's ``task FILTER modify``: one change - a due date, a
status, owners, a priority, a tag added - to every item a filter matches, written as ONE
step of the journal (``salestui undo`` takes it all back), or only listed (a dry run).

Every change of items in the Actions screen (done, status, reassign, due date - of one
item or of a selection) goes through here too. Everything is checked before anything is
written; items already so are left alone and not counted. The items are worked on as the
rows the journal images anyway (no model per item) and written one statement per set of
fields, so that 10,000 items change in under two seconds (``benchmarks/bulk_modify.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from salestui.core.actions_service import ActionsService, Changed, parse_status, status_values
from salestui.core.boundary import storage_boundary
from salestui.core.clock import to_utc_iso
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.journal import ACTIONS, action_scopes
from salestui.core.journal_text import STATUS_LABELS, short_title
from salestui.core.models import (
    TAGS_MAX,
    ActionItem,
    ActionQuery,
    ActionStatus,
    FollowUp,
    FollowUpKind,
)
from salestui.core.service_base import build
from salestui.i18n import _

if TYPE_CHECKING:
    from salestui.core.service import Services
    from salestui.core.store.undo import Image


@dataclass(frozen=True)
class Modification:
    """What a bulk change sets; ``None`` (or empty) leaves that field as it is."""

    due: date | None = None
    clear_due: bool = False
    status: ActionStatus | None = None
    reason: str = ""
    owner_ids: tuple[int, ...] | None = None  # replaces the owners
    priority: int | None = None
    add_tags: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return (
            self.due is None
            and not self.clear_due
            and self.status is None
            and self.owner_ids is None
            and self.priority is None
            and not self.add_tags
        )


@dataclass
class PlannedChange:
    """One item a bulk change changes: its row before, the columns it sets, and its owners
    and tags before and after."""

    id: int
    title: str
    row: dict[str, Any]
    values: dict[str, Any]
    owners: tuple[list[int], list[int]]
    tags: tuple[list[str], list[str]]

    def differences(self, names: dict[int | None, str]) -> list[str]:
        """``field: old → new`` for each field it changes (a dry run's lines)."""

        def who(ids: list[int]) -> str:
            return ", ".join(names.get(i, f"#{i}") for i in ids) or "-"

        def status(value: str) -> str:
            return _(STATUS_LABELS.get(value, value))

        new = {**self.row, **self.values}
        pairs = [
            (_("status"), status(self.row["status"]), status(new["status"])),
            (_("due"), self.row["due"] or "-", new["due"] or "-"),
            (_("owners"), who(self.owners[0]), who(self.owners[1])),
            (_("priority"), f"p{self.row['priority']}", f"p{new['priority']}"),
            (_("tags"), " ".join(f"#{t}" for t in self.tags[0]) or "-",
             " ".join(f"#{t}" for t in self.tags[1]) or "-"),
            (_("reason"), short_title(self.row["waiting_on"] or self.row["blocked_by"] or "-"),
             short_title(new["waiting_on"] or new["blocked_by"] or "-")),
        ]  # fmt: skip
        return [
            _("{field}: {old} → {new}").format(field=name, old=before, new=after)
            for name, before, after in pairs
            if before != after
        ]


@storage_boundary
class BulkChanges:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store
        self.ops = ActionsService(services)

    def modification(
        self,
        *,
        due: date | None = None,
        clear_due: bool = False,
        status: ActionStatus | str | None = None,
        reason: str = "",
        owners: Sequence[str | int] | None = None,
        priority: int | None = None,
        add_tags: Sequence[str] = (),
    ) -> Modification:
        """The change, checked: a bad status, name, priority or tag raises InvalidInput."""
        parsed = parse_status(status) if status is not None else None
        if parsed is not None:
            ActionsService._check_reason(parsed, reason)
        elif reason.strip():
            raise InvalidInput(_("Only a waiting or blocked item takes a reason"))
        if due is not None and clear_due:
            raise InvalidInput(_("Give a due date or clear it, not both"))
        owner_ids = None
        if owners is not None:
            people = [self.ops._person(o) for o in owners]
            owner_ids = tuple(dict.fromkeys(p.id for p in people if p.id is not None))
            if not owner_ids:
                raise InvalidInput(_("Name at least one person"))
        if priority is not None and priority not in (1, 2, 3):
            raise InvalidInput(_("A priority is 1, 2 or 3"))
        tags: tuple[str, ...] = ()
        if add_tags:
            checked = build(ActionItem, title="-", tags=[t.lstrip("#") for t in add_tags])
            tags = tuple(checked.tags)
        modification = Modification(
            due, clear_due, parsed, reason, owner_ids, priority, tags
        )  # fmt: skip
        if modification.empty:
            raise InvalidInput(
                _("Nothing to change: give --set-due, --set-status, --set-owner, ...")
            )
        return modification

    def matching_ids(self, query: ActionQuery) -> list[int]:
        """Every item the query matches (not only a page of them)."""
        return self.store.matching_action_ids(query)

    # -- the change ------------------------------------------------------------------------

    def preview(self, ids: Sequence[int], change: Modification) -> list[PlannedChange]:
        """What ``apply`` would change, item by item (nothing is written)."""
        if not ids:
            return []
        images = [self.store.image(scope) for scope in action_scopes(ids)]
        return self._plan(ids, change, images, to_utc_iso(self.services.clock.now()))

    def apply(self, ids: Sequence[int], change: Modification, note: str = "") -> Changed:
        """Change every item as one journal step; the items' histories log the status,
        owner and due changes as the one-item changes do."""
        if not ids:
            raise InvalidInput(_("No action items chosen"))
        now = to_utc_iso(self.services.clock.now())
        note = build(FollowUp, action_id=0, note=note).note  # checked once, for every item
        log = _Log(self.ops._author(), now, note)
        scopes = action_scopes(ids)
        with self.services.journal.step(ACTIONS, *scopes) as step:
            planned = self._plan(ids, change, [step.before_of(s) for s in scopes], now)
            for item in planned:
                new = item.values
                if "status" in new or (change.status and change.reason):
                    log.add(
                        item.id, FollowUpKind.STATUS, status=new.get("status", item.row["status"])
                    )
                if item.owners[0] != item.owners[1]:
                    for person_id in item.owners[1]:
                        log.add(item.id, FollowUpKind.REASSIGN, person_id=person_id)
                if "due" in new:
                    log.add(item.id, FollowUpKind.EDIT, note="", new_due=new["due"])
            self.store.write_action_rows(planned, now)
            self.store.bulk_insert("follow_ups", log.rows)
        return Changed(len(planned), step.id)

    def _plan(
        self, ids: Sequence[int], change: Modification, images: list[Image], now: Any
    ) -> list[PlannedChange]:
        rows, owner_rows, tag_rows = images
        items = {row["id"]: row for row in rows}
        missing = next((i for i in dict.fromkeys(ids) if i not in items), None)
        if missing is not None:
            raise NotFound(_("No action item with id {id}").format(id=missing))
        owners: dict[int, list[int]] = {}
        for row in sorted(owner_rows, key=lambda r: (r["action_id"], r["position"])):
            owners.setdefault(row["action_id"], []).append(row["person_id"])
        tags: dict[int, list[str]] = {}
        for row in tag_rows:
            tags.setdefault(row["action_id"], []).append(row["tag"])
        planned = []
        for action_id in dict.fromkeys(ids):
            item = self._changed(items[action_id], owners.get(action_id, []),
                                 sorted(tags.get(action_id, [])), change, now)  # fmt: skip
            if item is not None:
                planned.append(item)
        return planned

    @staticmethod
    def _changed(
        row: dict[str, Any], owners: list[int], tags: list[str], change: Modification, now: Any
    ) -> PlannedChange | None:
        """How the change leaves the item, or None when it is already so."""
        values: dict[str, Any] = {}
        if change.status is not None and (row["status"] != change.status.value or change.reason):
            current: Any = SimpleNamespace(**row)  # its dates stay text, as now is
            for name, value in status_values(current, change.status, now, change.reason).items():
                values[name] = value.value if isinstance(value, ActionStatus) else value
        if change.due is not None or change.clear_due:
            values["due"] = change.due.isoformat() if change.due else None
        if change.priority is not None:
            values["priority"] = change.priority
        values = {name: value for name, value in values.items() if row[name] != value}
        new_owners = list(change.owner_ids) if change.owner_ids is not None else owners
        new_tags = sorted(dict.fromkeys([*tags, *change.add_tags]))
        if len(new_tags) > TAGS_MAX:
            raise InvalidInput(
                _("Item {id} would have more than {max} tags").format(id=row["id"], max=TAGS_MAX)
            )
        if not values and new_owners == owners and new_tags == tags:
            return None
        return PlannedChange(row["id"], row["title"], row, values, (owners, new_owners),
                             (tags, new_tags))  # fmt: skip


@dataclass
class _Log:
    """The history entries a bulk change writes, as rows (inserted together)."""

    author: int | None
    at: str
    note: str
    rows: list[dict[str, object]] = field(default_factory=list)

    def add(self, action_id: int, kind: FollowUpKind, **values: object) -> None:
        row: dict[str, object] = {
            "action_id": action_id, "at": self.at, "author_id": self.author,
            "kind": kind.value, "note": self.note, "status": None, "new_due": None,
            "next_check_in": None, "meeting_id": None, "person_id": None,
        }  # fmt: skip
        row.update(values)
        self.rows.append(row)
