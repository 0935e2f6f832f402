"""People and settings."""

from __future__ import annotations

from datetime import datetime

from salestui.core.clock import to_utc_iso
from salestui.core.models import (
    Person,
)
from salestui.core.store.base import BaseStore


class PeopleStore(BaseStore):
    # -- settings ----------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return row["value"] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -- people -----------------------------------------------------------------------

    def add_person(self, person: Person, now: datetime) -> Person:
        new_id = self._insert(
            "people",
            {
                "name": person.name,
                "role": person.role.value,
                "team": person.team,
                "reports_to": person.reports_to,
                "email": person.email,
                "active": int(person.active),
                "login": person.login,
                "created_at": to_utc_iso(now),
            },
        )
        return person.model_copy(update={"id": new_id})

    def update_person(self, person: Person) -> None:
        assert person.id is not None
        self._update(
            "people",
            person.id,
            {
                "name": person.name,
                "role": person.role.value,
                "team": person.team,
                "reports_to": person.reports_to,
                "email": person.email,
                "active": int(person.active),
                "login": person.login,
            },
        )

    @staticmethod
    def _person(row: dict) -> Person:
        row = dict(row)
        row.pop("created_at", None)
        return Person(**row)

    def get_person(self, person_id: int) -> Person | None:
        row = self._one("SELECT * FROM people WHERE id = ?", [person_id])
        return self._person(row) if row else None

    def person_by_name(self, name: str) -> Person | None:
        row = self._one("SELECT * FROM people WHERE name = ? COLLATE NOCASE", [name])
        return self._person(row) if row else None

    def list_people(self, team: str | None = None, active_only: bool = True) -> list[Person]:
        where, params = [], []
        if active_only:
            where.append("active = 1")
        if team:
            where.append("team = ?")
            params.append(team)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return [
            self._person(r)
            for r in self._rows(f"SELECT * FROM people {clause} ORDER BY id", params)
        ]

    def reports_of(self, person_id: int) -> list[int]:
        """Everyone below ``person_id`` in the reporting tree (not including them)."""
        rows = self._rows(
            """WITH RECURSIVE below(id) AS (
                   SELECT id FROM people WHERE reports_to = ?
                   UNION SELECT p.id FROM people p JOIN below b ON p.reports_to = b.id)
               SELECT id FROM below ORDER BY id""",
            [person_id],
        )
        return [r["id"] for r in rows]

    def team_member_ids(self, team: str) -> list[int]:
        rows = self._rows("SELECT id FROM people WHERE team = ? ORDER BY id", [team])
        return [r["id"] for r in rows]

    def teams(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT team FROM people WHERE team IS NOT NULL ORDER BY team")
        return [r["team"] for r in rows]
