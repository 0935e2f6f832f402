"""The numbers review's rows: measurables, values and goals per period and owner (each
change logged with what it replaced), and the countermeasure actions of missed numbers.

Amounts cross this module as INTEGER ten-thousandths (``core.numbers_amounts``); the
service turns them into ``Decimal``. An owner is ``(person_id, team)`` with exactly one
of the two set.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.clock import to_utc_iso
from salestui.core.models.numbers import Measurable
from salestui.core.numbers_amounts import from_stored, to_stored
from salestui.core.store.base import BaseStore, _placeholders
from salestui.core.store.numbers_scorecard import ScorecardStore

STANDING = "*"  # the period key of an owner's standing goal

_MEASURABLE_COLUMNS = (
    "name",
    "key",
    "unit",
    "person_id",
    "team",
    "direction",
    "period",
    "goal",
    "goal_high",
    "rollup",
    "position",
    "active",
    "description",
)

# The owner of a row matches the owner given as parameters (uses the unique indexes).
_SAME_OWNER = "coalesce(person_id, 0) = coalesce(?, 0) AND coalesce(team, '') = coalesce(?, '')"


def _measurable_values(measurable: Measurable) -> dict[str, Any]:
    values = measurable.model_dump(include=set(_MEASURABLE_COLUMNS), mode="python")
    values["direction"] = measurable.direction.value
    values["period"] = measurable.period.value
    values["rollup"] = measurable.rollup.value
    values["active"] = int(measurable.active)
    for column in ("goal", "goal_high"):
        number = getattr(measurable, column)
        values[column] = to_stored(number) if number is not None else None
    return values


class NumbersStore(ScorecardStore, BaseStore):
    # -- measurables --------------------------------------------------------------------------

    def add_measurable(self, measurable: Measurable, now: datetime) -> Measurable:
        values = _measurable_values(measurable)
        values["created_at"] = to_utc_iso(now)
        values["created_by"] = measurable.created_by
        with self.transaction():
            if not measurable.position:
                row = self._one("SELECT coalesce(max(position), 0) + 1 AS next FROM measurables")
                values["position"] = row["next"] if row else 1
            new_id = self._insert("measurables", values)
        found = self.get_measurable(new_id)
        assert found is not None
        return found

    def update_measurable(self, measurable: Measurable) -> None:
        assert measurable.id is not None
        self._update("measurables", measurable.id, _measurable_values(measurable))

    @staticmethod
    def _measurable(row: dict[str, Any]) -> Measurable:
        from salestui.core.clock import from_utc_iso

        data = dict(row)
        data["goal"] = from_stored(data["goal"])
        data["goal_high"] = from_stored(data["goal_high"])
        data["active"] = bool(data["active"])
        data["created_at"] = from_utc_iso(data["created_at"]) if data["created_at"] else None
        return Measurable(**data)

    def get_measurable(self, measurable_id: int) -> Measurable | None:
        row = self._one("SELECT * FROM measurables WHERE id = ?", [measurable_id])
        return self._measurable(row) if row else None

    def list_measurables(self, active_only: bool = True) -> list[Measurable]:
        where = "WHERE active = 1" if active_only else ""
        rows = self._rows(f"SELECT * FROM measurables {where} ORDER BY position, id")
        return [self._measurable(r) for r in rows]

    def measurable_taken(self, name: str, key: str | None, other_than: int | None) -> bool:
        """Whether another measurable has this name, or uses it or ``key`` as its key
        (case-insensitive)."""
        words = [w for w in (name, key) if w]
        marks = _placeholders(words)
        row = self._one(
            f"SELECT 1 FROM measurables WHERE id != coalesce(?, 0) AND ("
            f"name COLLATE NOCASE IN ({marks}) OR key COLLATE NOCASE IN ({marks})) LIMIT 1",
            [other_than, *words, *words],
        )
        return row is not None

    def has_numbers(self, measurable_id: int) -> bool:
        """Whether any value, goal or countermeasure refers to the measurable."""
        row = self._one(
            "SELECT EXISTS (SELECT 1 FROM measurable_values WHERE measurable_id = ?) "
            "OR EXISTS (SELECT 1 FROM measurable_goals WHERE measurable_id = ?) "
            "OR EXISTS (SELECT 1 FROM measurable_actions WHERE measurable_id = ?) AS found",
            [measurable_id] * 3,
        )
        return bool(row and row["found"])

    # -- values and goals ---------------------------------------------------------------------

    def set_value(
        self,
        measurable_id: int,
        period: str,
        owner: tuple[int | None, str | None],
        value: int | None,
        at: datetime,
        by: int | None,
        source: str,
        meeting_id: int | None = None,
    ) -> int | None:
        """Write (or, with ``value`` None, remove) one value; log it; the value it
        replaced (None: there was none)."""
        person_id, team = owner
        key = [measurable_id, period, person_id, team]
        with self.transaction():
            old = self._one(
                f"SELECT value FROM measurable_values WHERE measurable_id = ? AND period = ? "
                f"AND {_SAME_OWNER}",
                key,
            )
            before = old["value"] if old else None
            if before == value:
                return before  # the same number again: nothing to write or log
            if old is not None:
                self.db.execute(
                    f"DELETE FROM measurable_values WHERE measurable_id = ? AND period = ? "
                    f"AND {_SAME_OWNER}",
                    key,
                )
            if value is not None:
                self._insert(
                    "measurable_values",
                    {
                        "measurable_id": measurable_id,
                        "period": period,
                        "person_id": person_id,
                        "team": team,
                        "value": value,
                        "entered_at": to_utc_iso(at),
                        "entered_by": by,
                        "source": source,
                        "meeting_id": meeting_id,
                    },
                )
            self._log(
                measurable_id,
                period,
                owner,
                "value",
                (before, None),
                (value, None),
                (at, by, source),
            )
        return before

    def set_goal(
        self,
        measurable_id: int,
        period: str,
        owner: tuple[int | None, str | None],
        target: tuple[int, int | None] | None,
        at: datetime,
        by: int | None,
        meeting_id: int | None = None,
        source: str = "cli",
    ) -> tuple[int, int | None] | None:
        """Write (or, with ``target`` None, remove) a goal: ``(target, high)``; the goal it
        replaced. ``period`` ``*`` is the owner's standing goal."""
        person_id, team = owner
        key = [measurable_id, period, person_id, team]
        with self.transaction():
            old = self._one(
                f"SELECT target, target_high FROM measurable_goals WHERE measurable_id = ? "
                f"AND period = ? AND {_SAME_OWNER}",
                key,
            )
            before = (old["target"], old["target_high"]) if old else None
            if before == target:
                return before
            if old is not None:
                self.db.execute(
                    f"DELETE FROM measurable_goals WHERE measurable_id = ? AND period = ? "
                    f"AND {_SAME_OWNER}",
                    key,
                )
            if target is not None:
                self._insert(
                    "measurable_goals",
                    {
                        "measurable_id": measurable_id,
                        "period": period,
                        "person_id": person_id,
                        "team": team,
                        "target": target[0],
                        "target_high": target[1],
                        "set_at": to_utc_iso(at),
                        "set_by": by,
                        "set_in_meeting_id": meeting_id,
                    },
                )
            self._log(
                measurable_id,
                period,
                owner,
                "goal",
                before or (None, None),
                target or (None, None),
                (at, by, source),
            )
        return before

    def _log(
        self,
        measurable_id: int,
        period: str,
        owner: tuple[int | None, str | None],
        kind: str,
        old: tuple[int | None, int | None],
        new: tuple[int | None, int | None],
        meta: tuple[datetime, int | None, str],
    ) -> None:
        at, by, source = meta
        self.db.execute(
            "INSERT INTO measurable_log (measurable_id, period, person_id, team, kind, old, "
            "new, old_high, new_high, at, changed_by, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                measurable_id,
                period,
                *owner,
                kind,
                old[0],
                new[0],
                old[1],
                new[1],
                to_utc_iso(at),
                by,
                source,
            ],
        )

    def number_log(self, measurable_id: int, period: str | None = None) -> list[dict[str, Any]]:
        """Every value and goal set for the measurable (in one period), oldest first."""
        where = "l.measurable_id = ?"
        params: list[Any] = [measurable_id]
        if period is not None:
            where += " AND l.period = ?"
            params.append(period)
        return self._rows(
            "SELECT l.*, p.name AS person_name, b.name AS changed_by_name FROM measurable_log l "
            "LEFT JOIN people p ON p.id = l.person_id "
            f"LEFT JOIN people b ON b.id = l.changed_by WHERE {where} ORDER BY l.id",
            params,
        )

    def value_rows(
        self, measurable_ids: Sequence[int] | None = None, periods: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Stored values with their measurable, owner name and the goal set for the same
        period and owner (if any), ordered by measurable, period and owner."""
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if measurable_ids is not None:
            where.append(f"v.measurable_id IN ({_placeholders(measurable_ids)})")
            params += list(measurable_ids)
        if periods is not None:
            where.append(f"v.period IN ({_placeholders(periods)})")
            params += list(periods)
        return self._rows(
            "SELECT v.*, m.name AS measurable, m.unit, p.name AS person_name, "
            "b.name AS entered_by_name, g.target, g.target_high "
            "FROM measurable_values v JOIN measurables m ON m.id = v.measurable_id "
            "LEFT JOIN people p ON p.id = v.person_id "
            "LEFT JOIN people b ON b.id = v.entered_by "
            "LEFT JOIN measurable_goals g ON g.measurable_id = v.measurable_id "
            "AND g.period = v.period AND coalesce(g.person_id, 0) = coalesce(v.person_id, 0) "
            "AND coalesce(g.team, '') = coalesce(v.team, '') "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY m.position, m.id, v.period, v.team IS NULL, v.team, p.team, v.person_id",
            params,
        )

    # -- countermeasures ----------------------------------------------------------------------

    def add_countermeasure(
        self,
        measurable_id: int,
        period: str,
        owner: tuple[int | None, str | None],
        action_id: int,
        cause: str,
        at: datetime,
        by: int | None,
        meeting_id: int | None = None,
    ) -> int:
        return self._insert(
            "measurable_actions",
            {
                "measurable_id": measurable_id,
                "period": period,
                "person_id": owner[0],
                "team": owner[1],
                "action_id": action_id,
                "cause": cause,
                "created_at": to_utc_iso(at),
                "created_by": by,
                "meeting_id": meeting_id,
            },
        )

    def meeting_touched_numbers(self, meeting_id: int) -> bool:
        """Whether a value, goal or countermeasure was set in the meeting."""
        row = self._one(
            "SELECT EXISTS (SELECT 1 FROM measurable_values WHERE meeting_id = ?) "
            "OR EXISTS (SELECT 1 FROM measurable_goals WHERE set_in_meeting_id = ?) "
            "OR EXISTS (SELECT 1 FROM measurable_actions WHERE meeting_id = ?) AS found",
            [meeting_id] * 3,
        )
        return bool(row and row["found"])

    def meeting_goal_rows(self, meeting_id: int) -> list[dict[str, Any]]:
        """The goals set in a meeting (its targets), with measurable and owner names."""
        return self._rows(
            "SELECT g.*, m.name AS measurable, m.unit, p.name AS person_name "
            "FROM measurable_goals g JOIN measurables m ON m.id = g.measurable_id "
            "LEFT JOIN people p ON p.id = g.person_id WHERE g.set_in_meeting_id = ? "
            "ORDER BY m.position, m.id, g.period, g.team IS NULL, g.team, p.name, g.id",
            [meeting_id],
        )

    def countermeasure_rows(
        self, measurable_ids: Sequence[int] | None = None, periods: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if measurable_ids is not None:
            where.append(f"c.measurable_id IN ({_placeholders(measurable_ids)})")
            params += list(measurable_ids)
        if periods is not None:
            where.append(f"c.period IN ({_placeholders(periods)})")
            params += list(periods)
        return self._rows(
            "SELECT c.*, a.title AS action_title, a.status AS action_status, "
            "p.name AS person_name FROM measurable_actions c "
            "JOIN action_items a ON a.id = c.action_id LEFT JOIN people p ON p.id = c.person_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.measurable_id, c.period, c.id",
            params,
        )
