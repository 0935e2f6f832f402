"""The actions list's rows, read by id, and the figures per person the screens show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from salestui.core.clock import to_utc_iso
from salestui.core.models import ActionListRow
from salestui.core.schema_keys import OPEN_STATUS_SQL as _OPEN
from salestui.core.store.base import BaseStore, _placeholders


class ActionRowsStore(BaseStore):
    def action_rows(self, ids: Sequence[int]) -> list[ActionListRow]:
        """The list rows of ``ids``, in that order (unknown ids are left out)."""
        if not ids:
            return []
        marks = _placeholders(ids)
        sql = f"""
            SELECT a.id, a.title, a.due, a.priority, a.status, a.meeting_id, a.created_at,
                   a.completed_at, a.carried_count, a.next_follow_up, a.waiting_on,
                   a.blocked_by, {self.confidential_column()} AS confidential,
                   m.title AS meeting_title
            FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
            WHERE a.id IN ({marks})"""
        found = {row["id"]: row for row in self._rows(sql, list(ids))}
        owners: dict[int, list[tuple[int, str]]] = {}
        for row in self.db.execute(
            f"""SELECT o.action_id, o.person_id, p.name FROM action_owners o
                JOIN people p ON p.id = o.person_id
                WHERE o.action_id IN ({marks}) ORDER BY o.action_id, o.position""",
            list(ids),
        ):
            owners.setdefault(row[0], []).append((row[1], row[2]))
        tags: dict[int, list[str]] = {}
        for row in self.db.execute(
            f"SELECT action_id, tag FROM action_tags WHERE action_id IN ({marks}) ORDER BY tag",
            list(ids),
        ):
            tags.setdefault(row[0], []).append(row[1])
        last = dict(
            self.db.execute(
                f"""SELECT action_id, max(at) FROM follow_ups
                    WHERE action_id IN ({marks}) GROUP BY action_id""",
                list(ids),
            ).fetchall()
        )
        out = []
        for action_id in ids:
            row = found.get(action_id)
            if row is None:
                continue
            people = owners.get(action_id, [])
            out.append(
                ActionListRow(
                    **row,
                    owners=[name for _, name in people],
                    owner_ids=[pid for pid, _ in people],
                    tags=tags.get(action_id, []),
                    last_follow_up=last.get(action_id),
                )
            )
        return out

    def owner_stats(
        self, person_ids: Sequence[int], today: date, done_since: datetime
    ) -> dict[int, tuple[int, int, int]]:
        """Per person: (open, overdue, done since ``done_since``) over the items they own."""
        if not person_ids:
            return {}
        rows = self.db.execute(
            f"""SELECT o.person_id,
                       sum(a.status IN ({_OPEN})),
                       sum(a.status IN ({_OPEN}) AND a.due < ?),
                       sum(a.status = 'done' AND a.completed_at >= ?)
                FROM action_owners o JOIN action_items a ON a.id = o.action_id
                WHERE o.person_id IN ({_placeholders(person_ids)})
                GROUP BY o.person_id""",
            [today.isoformat(), to_utc_iso(done_since), *person_ids],
        ).fetchall()
        return {int(r[0]): (int(r[1] or 0), int(r[2] or 0), int(r[3] or 0)) for r in rows}

    def oldest_open_action(self, person_id: int) -> int | None:
        """The id of the longest-open item ``person_id`` owns, if any."""
        row = self.db.execute(
            f"""SELECT a.id FROM action_owners o JOIN action_items a ON a.id = o.action_id
                WHERE o.person_id = ? AND a.status IN ({_OPEN})
                ORDER BY a.created_at, a.id LIMIT 1""",
            [person_id],
        ).fetchone()
        return int(row[0]) if row else None

    def delete_follow_ups(self, follow_up_ids: Sequence[int]) -> None:
        """Remove log rows (only an undo does this, for rows it wrote moments before)."""
        if not follow_up_ids:
            return
        with self.transaction():
            self.db.execute(
                f"DELETE FROM follow_ups WHERE id IN ({_placeholders(follow_up_ids)})",
                list(follow_up_ids),
            )
