"""Visits: the rows of activity plans and daily reports (``core.schema_day``), and the
instructions a daily meeting gave each person (its notes about them, its actions for them).

Amounts cross this module as ``Decimal`` 万元 in the models and INTEGER ten-thousandths in
the rows (``core.numbers_amounts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from salestui.core.models import ActionItem, Entry, EntryKind
from salestui.core.models.day import Visit
from salestui.core.numbers_amounts import from_stored, to_stored
from salestui.core.store.base import BaseStore, _iso
from salestui.core.store.undo import _where

_AMOUNTS = ("planned_amount", "order_amount", "collection_amount")
_COLUMNS = (
    "person_id", "day", "customer", "purpose", "planned", "planned_amount", "outcome",
    "result", "order_amount", "collection_amount", "next_step", "next_due", "action_id",
    "created_at", "reported_at",
)  # fmt: skip


def visit_values(visit: Visit) -> dict[str, Any]:
    """The row of a visit (without its id)."""
    values: dict[str, Any] = {}
    for column in _COLUMNS:
        value = getattr(visit, column)
        if column in _AMOUNTS:
            value = to_stored(value) if value is not None else None
        elif column == "outcome":
            value = value.value if value is not None else None
        elif column == "planned":
            value = int(value)
        elif isinstance(value, date | datetime):
            value = _iso(value)
        values[column] = value
    return values


def _visit(row: dict[str, Any]) -> Visit:
    for column in _AMOUNTS:
        row[column] = from_stored(row[column])
    row.pop("created_by", None)
    row.pop("reported_by", None)
    return Visit.model_construct(**_typed(row))


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    """A row's values as the model holds them (read back without validating again: the
    rows were validated when written)."""
    from salestui.core.clock import from_utc_iso
    from salestui.core.models.day import VisitOutcome

    row["day"] = date.fromisoformat(row["day"])
    row["planned"] = bool(row["planned"])
    row["outcome"] = VisitOutcome(row["outcome"]) if row["outcome"] else None
    row["next_due"] = date.fromisoformat(row["next_due"]) if row["next_due"] else None
    for column in ("created_at", "reported_at"):
        row[column] = from_utc_iso(row[column]) if row[column] else None
    return row


class DayStore(BaseStore):
    def add_visit(self, visit: Visit, by: int | None) -> Visit:
        values = visit_values(visit)
        new_id = self._insert("visits", {**values, "created_by": by})
        return visit.model_copy(update={"id": new_id})

    def update_visit(self, visit: Visit, by: int | None) -> None:
        assert visit.id is not None
        values = visit_values(visit)
        values["reported_by"] = by if visit.reported else None
        self._update("visits", visit.id, values)

    def delete_visit(self, visit_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM visits WHERE id = ?", [visit_id])

    def get_visit(self, visit_id: int) -> Visit | None:
        row = self._one("SELECT * FROM visits WHERE id = ?", [visit_id])
        return _visit(row) if row else None

    def visits_on(self, person_ids: Sequence[int], day: date) -> list[Visit]:
        """The visits of these people on ``day``, by person, then as they were entered."""
        where, params = _where({"person_id": list(person_ids)})
        rows = self._rows(
            f"SELECT * FROM visits WHERE day = ? AND {where} ORDER BY person_id, id",
            [day.isoformat(), *params],
        )
        return [_visit(r) for r in rows]

    def unreported_between(self, person_ids: Sequence[int], first: date, day: date) -> list[Visit]:
        """Planned visits from ``first`` up to the day before ``day`` never reported."""
        where, params = _where({"person_id": list(person_ids)})
        rows = self._rows(
            f"SELECT * FROM visits WHERE day >= ? AND day < ? AND {where} "
            "AND outcome IS NULL AND planned = 1 ORDER BY person_id, day, id",
            [first.isoformat(), day.isoformat(), *params],
        )
        return [_visit(r) for r in rows]

    def visit_days(self, person_id: int, first: date, last: date) -> dict[str, int]:
        """How many visits ``person_id`` has on each day from ``first`` to ``last``."""
        rows = self.db.execute(
            "SELECT day, count(*) FROM visits WHERE person_id = ? AND day BETWEEN ? AND ? "
            "GROUP BY day",
            [person_id, first.isoformat(), last.isoformat()],
        )
        return {day: int(count) for day, count in rows}

    def customers(self, prefix: str, limit: int, person_id: int | None = None) -> list[str]:
        """Customers of earlier entries (of ``person_id``'s, when given) that start with
        ``prefix`` (any case), the most recently entered first."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        who = "AND person_id = ?" if person_id is not None else ""
        params = [pattern, *([person_id] if person_id is not None else []), limit]
        rows = self.db.execute(
            f"SELECT customer FROM visits WHERE customer LIKE ? ESCAPE '\\' {who} "
            "GROUP BY customer COLLATE NOCASE ORDER BY max(id) DESC LIMIT ?",
            params,
        )
        return [r[0] for r in rows]

    # -- what daily meetings said to each person --------------------------------------------

    def daily_meeting_ids(self, first: datetime, last: datetime) -> list[int]:
        """The daily meetings that start (or were planned to) between two moments."""
        rows = self.db.execute(
            "SELECT id FROM meetings WHERE kind = 'daily' AND "
            "coalesce(actual_start, scheduled_start) >= ? AND "
            "coalesce(actual_start, scheduled_start) < ? ORDER BY id",
            [_iso(first), _iso(last)],
        )
        return [int(r[0]) for r in rows]

    def instruction_notes(
        self, meeting_ids: Sequence[int], person_ids: Sequence[int]
    ) -> list[Entry]:
        """The notes of these meetings about these people (their ``person_id``)."""
        if not meeting_ids or not person_ids:
            return []
        meetings, params = _where({"meeting_id": list(meeting_ids)})
        people, more = _where({"person_id": list(person_ids)})
        rows = self._rows(
            f"SELECT * FROM entries WHERE {meetings} AND {people} AND deleted = 0 "
            "AND kind = ? ORDER BY id",
            [*params, *more, EntryKind.NOTE.value],
        )
        return [Entry(**r) for r in rows]

    def instruction_action_ids(
        self, meeting_ids: Sequence[int], person_ids: Sequence[int]
    ) -> list[tuple[int, int]]:
        """(person id, action id) of the actions of these meetings these people own."""
        if not meeting_ids or not person_ids:
            return []
        meetings, params = _where({"a.meeting_id": list(meeting_ids)})
        people, more = _where({"o.person_id": list(person_ids)})
        # CROSS JOIN: the meetings' items first (a few each), then their owners - not every
        # item these people own (thousands) checked for its meeting.
        rows = self.db.execute(
            "SELECT o.person_id, a.id FROM action_items a CROSS JOIN action_owners o "
            f"ON o.action_id = a.id WHERE {meetings} AND {people} ORDER BY a.id",
            [*params, *more],
        )
        return [(int(p), int(a)) for p, a in rows]

    def actions_of(self, ids: Sequence[int]) -> list[ActionItem]:
        return list(self.actions_by_ids(ids))  # type: ignore[attr-defined]
