"""Signing in: the people's password hashes and the one-time tokens of ``serve``
(``core.sign_in`` makes and checks them; this only stores them)."""

from __future__ import annotations

from datetime import datetime

from salestui.core.clock import to_utc_iso
from salestui.core.models import Person
from salestui.core.store.base import BaseStore


class SignInStore(BaseStore):
    def person_by_login(self, login: str) -> Person | None:
        row = self._one("SELECT * FROM people WHERE login = ? AND active = 1", [login])
        if row is None:
            return None
        row.pop("created_at", None)
        return Person(**row)

    def password_hash(self, person_id: int) -> str | None:
        row = self._one("SELECT hash FROM passwords WHERE person_id = ?", [person_id])
        return row["hash"] if row else None

    def set_password_hash(self, person_id: int, hashed: str | None, now: datetime) -> None:
        """Keep ``hashed`` as the person's password (None: they no longer sign in)."""
        with self.transaction():
            self.db.execute("DELETE FROM passwords WHERE person_id = ?", [person_id])
            if hashed is not None:
                self.db.execute(
                    "INSERT INTO passwords(person_id, hash, set_at) VALUES (?, ?, ?)",
                    [person_id, hashed, to_utc_iso(now)],
                )

    def password_count(self) -> int:
        row = self._one(
            "SELECT count(*) AS n FROM passwords JOIN people ON people.id = person_id "
            "WHERE people.active = 1"
        )
        return int(row["n"]) if row else 0

    def add_sign_in_token(self, token_hash: str, person_id: int, expires: datetime) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO sign_in_tokens(token_hash, person_id, expires_at) VALUES (?, ?, ?)",
                [token_hash, person_id, to_utc_iso(expires)],
            )

    def take_sign_in_token(self, token_hash: str, now: datetime) -> int | None:
        """The person of an unexpired token, which is used up (deleted) by this; expired
        tokens go too. None when there is no such token."""
        with self.transaction():
            row = self._one(
                "SELECT person_id, expires_at FROM sign_in_tokens WHERE token_hash = ?",
                [token_hash],
            )
            self.db.execute(
                "DELETE FROM sign_in_tokens WHERE token_hash = ? OR expires_at < ?",
                [token_hash, to_utc_iso(now)],
            )
        if row is None or row["expires_at"] < to_utc_iso(now):
            return None
        return int(row["person_id"])
