"""What a journal step says: which fields it changed and a short summary for people,
both worked out from the rows it changed (so a change says the same whichever front end
or operation made it), and the labels of those fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from salestui.core.text import clean_line
from salestui.i18n import N_, _, ngettext

TITLE_LENGTH = 40

# Field keys as stored in ``journal.fields``, with their labels (message ids).
FIELD_LABELS = {
    "created": N_("created"),
    "deleted": N_("deleted"),
    "title": N_("title"),
    "due": N_("due"),
    "priority": N_("priority"),
    "status": N_("status"),
    "owners": N_("owners"),
    "tags": N_("tags"),
    "check_in": N_("check-in"),
    "reason": N_("reason"),
    "follow_up": N_("follow-up"),
    "escalated": N_("escalated"),
    "meeting": N_("meeting"),
    "agenda": N_("agenda"),
    "attendance": N_("attendees"),
    "visit": N_("visit"),
    "measurable": N_("measurable"),
    "number": N_("number"),
    "target": N_("target"),
    "countermeasure": N_("countermeasure"),
    "rating": N_("rating"),
    "other": N_("other"),
}
STATUS_LABELS = {
    "open": N_("open"),
    "in_progress": N_("in progress"),
    "waiting": N_("waiting"),
    "blocked": N_("blocked"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}
# action_items columns -> field key (columns not named follow others: completed_at goes
# with the status, updated_at with everything, owner_name - the first owner's name,
# kept by triggers for the owner sort - with the owners).
_COLUMNS = {
    "title": "title",
    "due": "due",
    "priority": "priority",
    "status": "status",
    "next_follow_up": "check_in",
    "waiting_on": "reason",
    "blocked_by": "reason",
    "completed_at": "",
    "updated_at": "",
    "owner_name": "",
}
_TABLES = {
    "meetings": "meeting",
    "agenda_items": "agenda",
    "attendance": "attendance",
    "visits": "visit",
    "measurables": "measurable",
    "measurable_values": "number",
    "measurable_goals": "target",
    "measurable_actions": "countermeasure",
    "meeting_ratings": "rating",
}
_ORDER = list(FIELD_LABELS)


def field_label(key: str) -> str:
    return _(FIELD_LABELS.get(key, FIELD_LABELS["other"]))


def short_title(title: str) -> str:
    title = clean_line(title)
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"


@dataclass
class Diff:
    """The rows of a step before and after it, by table."""

    before: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    after: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _changed: dict[str, dict[int, Any]] | None = None

    def add(self, table: str, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
        self.before.setdefault(table, []).extend(before)
        self.after.setdefault(table, []).extend(after)

    def rows(self, table: str, after: bool) -> dict[Any, dict[str, Any]]:
        found = (self.after if after else self.before).get(table, [])
        return {row.get("id"): row for row in found}

    def grouped(self, table: str, after: bool, value: str) -> dict[int, list[Any]]:
        out: dict[int, list[Any]] = {}
        for row in (self.after if after else self.before).get(table, []):
            out.setdefault(row["action_id"], []).append(row[value])
        return out

    def action_ids(self) -> set[int]:
        ids: set[int] = set()
        for side in (self.before, self.after):
            ids.update(row["id"] for row in side.get("action_items", []))
            for table in ("action_owners", "action_tags", "follow_ups"):
                ids.update(row["action_id"] for row in side.get(table, []))
        return ids

    def new_follow_ups(self) -> list[dict[str, Any]]:
        old = {row.get("id") for row in self.before.get("follow_ups", [])}
        return [row for row in self.after.get("follow_ups", []) if row.get("id") not in old]


def _changed_values(diff: Diff) -> dict[str, dict[int, Any]]:
    """field key -> {action id: its new value} for the items the step changed (worked out
    once per step)."""
    if diff._changed is None:
        diff._changed = _work_out_changes(diff)
    return {key: dict(values) for key, values in diff._changed.items()}


def _work_out_changes(diff: Diff) -> dict[str, dict[int, Any]]:
    before, after = diff.rows("action_items", False), diff.rows("action_items", True)
    changed: dict[str, dict[int, Any]] = {}
    for action_id in sorted(set(before) | set(after)):
        old, new = before.get(action_id), after.get(action_id)
        if old is None or new is None:
            changed.setdefault("created" if old is None else "deleted", {})[action_id] = new
            continue
        for column, value in new.items():
            key = _COLUMNS.get(column, "other")
            if key and old.get(column) != value:
                changed.setdefault(key, {})[action_id] = value
    for key, table, column in (("owners", "action_owners", "person_id"),
                               ("tags", "action_tags", "tag")):  # fmt: skip
        old_sets, new_sets = diff.grouped(table, False, column), diff.grouped(table, True, column)
        for action_id in set(old_sets) | set(new_sets):
            if action_id in changed.get("created", {}):
                continue
            if sorted(old_sets.get(action_id, [])) != sorted(new_sets.get(action_id, [])):
                values = new_sets.get(action_id, [])
                changed.setdefault(key, {})[action_id] = sorted(values) if key == "tags" else values
    for row in diff.new_follow_ups():
        if row["kind"] == "escalate":
            changed.setdefault("escalated", {})[row["action_id"]] = row["person_id"]
        elif row["note"] and row["kind"] in ("note", "review"):
            changed.setdefault("follow_up", {})[row["action_id"]] = row["note"]
    return changed


def fields_of(diff: Diff) -> list[str]:
    """The field keys a step changed, in a fixed order."""
    keys = set(_changed_values(diff))
    keys.update(key for table, key in _TABLES.items() if _differs(diff, table))
    if "escalated" in keys:
        keys.discard("owners")  # the manager joining the owners is the escalation
    return sorted(keys, key=_ORDER.index)


def _differs(diff: Diff, table: str) -> bool:
    def texts(rows: Iterable[dict[str, Any]]) -> list[str]:
        return sorted(repr(sorted(r.items())) for r in rows)

    return texts(diff.before.get(table, [])) != texts(diff.after.get(table, []))


def _value_text(key: str, value: Any, names: dict[int, str]) -> str:
    if key == "status":
        return _(STATUS_LABELS.get(value, value))
    if key in ("due", "check_in"):
        return value or _("none")
    if key == "priority":
        return f"p{value}"
    if key == "owners":
        return ", ".join(names.get(i, f"#{i}") for i in value) or _("nobody")
    if key == "tags":
        return " ".join(f"#{t}" for t in value) or _("none")
    if key == "title":
        return f"“{short_title(value)}”"
    return str(value)


def describe_actions(diff: Diff, names: dict[int, str], title_of: Callable[[int], str]) -> str:
    """``#12 “Send the quote”: status → done, due → 2026-12-04`` or ``37 items: ...``."""
    changed = _changed_values(diff)
    after = diff.rows("action_items", True)
    before = diff.rows("action_items", False)
    ids = sorted(diff.action_ids())
    created = changed.pop("created", {})
    if created:
        if len(created) == 1:
            (action_id, row), = created.items()  # fmt: skip
            return _("Added #{id} “{title}”").format(id=action_id, title=short_title(row["title"]))
        return ngettext("Added {n} item", "Added {n} items", len(created)).format(n=len(created))
    if len(ids) == 1:
        row = after.get(ids[0]) or before.get(ids[0])
        title = row["title"] if row else title_of(ids[0])  # its row did not change
        subject = _("#{id} “{title}”").format(id=ids[0], title=short_title(title))
    else:
        subject = ngettext("{n} item", "{n} items", len(ids)).format(n=len(ids))
    if "escalated" in changed:
        changed.pop("owners", None)
    parts = []
    for key in sorted(changed, key=_ORDER.index):
        values = list(changed[key].values())
        if key == "escalated":
            name = names.get(values[0], "…") if len(set(values)) == 1 else "…"
            parts.append(_("escalated to {name}").format(name=name))
        elif key == "follow_up":
            note = short_title(values[0]) if len(values) == 1 else ""
            parts.append(_("follow-up “{note}”").format(note=note) if note else field_label(key))
        elif key in ("reason", "other", "deleted") or any(v != values[0] for v in values):
            parts.append(field_label(key))
        else:
            parts.append(
                _("{field} → {value}").format(
                    field=field_label(key), value=_value_text(key, values[0], names)
                )
            )
    return _("{subject}: {changes}").format(subject=subject, changes=", ".join(parts))


FOLLOW_UP_KINDS = {
    "note": N_("Follow-up"),
    "review": N_("Reviewed in a meeting"),
    "reassign": N_("Reassigned to {name}"),
    "escalate": N_("Escalated to {name}"),
    "status": N_("Status changed"),
    "edit": N_("Edited"),
}


def follow_up_what(kind: str, target: str) -> str:
    """What a history entry of ``kind`` says happened (``target``: who it went to)."""
    return _(FOLLOW_UP_KINDS.get(kind, FOLLOW_UP_KINDS["edit"])).format(name=target)
