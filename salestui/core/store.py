"""The only module that speaks SQL. Rows in, pydantic models out.

Connections are per thread (SQLite's rule); open a second Store in a worker thread.
Writes run in ``BEGIN IMMEDIATE`` transactions so that two processes sharing the file
queue on the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from salestui.core.clock import to_utc_iso
from salestui.core.models import (
    ActionItem,
    ActionRow,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    DecisionStatus,
    Entry,
    FollowUp,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Series,
    SpeakingTurn,
    Template,
    TemplateItem,
)
from salestui.core.schema import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 30_000


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc_iso(value)
    return value.isoformat()


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


@dataclass
class ActionQuery:
    """Filters for the actions list. Empty fields do not filter."""

    owner_ids: Sequence[int] | None = None
    statuses: Sequence[ActionStatus] | None = None
    due_before: date | None = None  # due strictly before
    due_on_or_after: date | None = None
    has_due: bool | None = None
    meeting_id: int | None = None
    series_id: int | None = None
    tag: str | None = None
    priority: int | None = None
    text: str | None = None
    unassigned: bool = False
    ids: Sequence[int] | None = None
    sort: str = "due"  # due | priority | created | id
    extra: dict[str, Any] = field(default_factory=dict)


class Store:
    """Typed access to one salestui database file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        conn = sqlite3.connect(
            str(self.path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=True,
        )
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def user_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int | None:
        """Bring the schema to the latest version. Returns the backup path's version.

        A file that already holds data is copied to ``<name>.v<N>.bak`` first.
        """
        current = self.user_version
        if current >= LATEST_VERSION:
            return None
        backed_up = None
        if current > 0:
            self.backup(self.path.with_name(f"{self.path.name}.v{current}.bak"))
            backed_up = current
        for number in range(current + 1, LATEST_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[number - 1]:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
        return backed_up

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        self.db.execute("COMMIT")

    def backup(self, destination: Path | str) -> None:
        """Copy the whole database with SQLite's online backup API."""
        dest = sqlite3.connect(str(destination))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict]:
        return list(self.db.query(sql, params))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, table: str, values: dict[str, Any]) -> int:
        cols = list(values)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_placeholders(cols)})"
        with self.transaction():
            cursor = self.db.execute(sql, [values[c] for c in cols])
        return int(cursor.lastrowid or 0)

    def _update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        if not values:
            return
        assignments = ", ".join(f"{c} = ?" for c in values)
        with self.transaction():
            self.db.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
            )

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

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

    # -- series -----------------------------------------------------------------------

    def add_series(self, series: Series, now: datetime) -> Series:
        new_id = self._insert(
            "series",
            {
                "title": series.title,
                "kind": series.kind.value,
                "cadence": series.cadence.value,
                "chair_id": series.chair_id,
                "planned_minutes": series.planned_minutes,
                "location": series.location,
                "purpose": series.purpose,
                "created_at": to_utc_iso(now),
            },
        )
        return series.model_copy(update={"id": new_id})

    def get_series(self, series_id: int) -> Series | None:
        row = self._one("SELECT * FROM series WHERE id = ?", [series_id])
        if not row:
            return None
        row.pop("created_at", None)
        return Series(**row)

    def list_series(self) -> list[Series]:
        out = []
        for row in self._rows("SELECT * FROM series ORDER BY id"):
            row.pop("created_at", None)
            out.append(Series(**row))
        return out

    def set_series_attendee(self, series_id: int, person_id: int, required: bool) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO series_attendees(series_id, person_id, required) VALUES (?, ?, ?) "
                "ON CONFLICT(series_id, person_id) DO UPDATE SET required = excluded.required",
                [series_id, person_id, int(required)],
            )

    def series_attendees(self, series_id: int) -> list[tuple[int, bool]]:
        rows = self._rows(
            "SELECT person_id, required FROM series_attendees WHERE series_id = ? "
            "ORDER BY person_id",
            [series_id],
        )
        return [(r["person_id"], bool(r["required"])) for r in rows]

    def add_series_item(
        self, series_id: int, title: str, timebox: int, presenter_id: int | None, kind: str
    ) -> int:
        position = self._next_position("series_items", "series_id", series_id)
        return self._insert(
            "series_items",
            {
                "series_id": series_id,
                "position": position,
                "title": title,
                "presenter_id": presenter_id,
                "timebox_minutes": timebox,
                "kind": kind,
            },
        )

    def series_items(self, series_id: int) -> list[dict]:
        return self._rows(
            "SELECT * FROM series_items WHERE series_id = ? ORDER BY position", [series_id]
        )

    def update_series(self, series: Series) -> None:
        assert series.id is not None
        self._update(
            "series",
            series.id,
            {
                "title": series.title,
                "kind": series.kind.value,
                "cadence": series.cadence.value,
                "chair_id": series.chair_id,
                "planned_minutes": series.planned_minutes,
                "location": series.location,
                "purpose": series.purpose,
            },
        )

    def clear_series_items(self, series_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM series_items WHERE series_id = ?", [series_id])

    # -- templates ----------------------------------------------------------------------

    def save_template(self, template: Template) -> Template:
        """Insert or replace a template with its items."""
        values = {
            "kind": template.kind.value,
            "name": template.name,
            "purpose": template.purpose,
            "planned_minutes": template.planned_minutes,
        }
        with self.transaction():
            if template.id is None:
                template_id = self._insert("templates", values)
            else:
                template_id = template.id
                self._update("templates", template_id, values)
                self.db.execute("DELETE FROM template_items WHERE template_id = ?", [template_id])
            for position, item in enumerate(template.items, start=1):
                self._insert(
                    "template_items",
                    {
                        "template_id": template_id,
                        "position": position,
                        "title": item.title,
                        "timebox_minutes": item.timebox_minutes,
                        "kind": item.kind.value,
                    },
                )
        return template.model_copy(update={"id": template_id})

    def list_templates(self, kind: MeetingKind | None = None) -> list[Template]:
        if kind is None:
            rows = self._rows("SELECT * FROM templates ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM templates WHERE kind = ? ORDER BY id", [kind.value])
        templates = []
        for row in rows:
            items = self._rows(
                "SELECT * FROM template_items WHERE template_id = ? ORDER BY position",
                [row["id"]],
            )
            templates.append(Template(**row, items=[TemplateItem(**i) for i in items]))
        return templates

    def delete_template(self, template_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM templates WHERE id = ?", [template_id])

    # -- meetings -----------------------------------------------------------------------

    @staticmethod
    def _meeting_values(meeting: Meeting) -> dict[str, Any]:
        return {
            "title": meeting.title,
            "kind": meeting.kind.value,
            "purpose": meeting.purpose,
            "chair_id": meeting.chair_id,
            "series_id": meeting.series_id,
            "scheduled_start": _iso(meeting.scheduled_start),
            "planned_minutes": meeting.planned_minutes,
            "location": meeting.location,
            "status": meeting.status.value,
            "agenda_circulated_at": _iso(meeting.agenda_circulated_at),
            "actual_start": _iso(meeting.actual_start),
            "actual_end": _iso(meeting.actual_end),
        }

    def add_meeting(self, meeting: Meeting, now: datetime) -> Meeting:
        values = self._meeting_values(meeting)
        values["created_at"] = to_utc_iso(now)
        new_id = self._insert("meetings", values)
        return meeting.model_copy(update={"id": new_id, "created_at": now})

    def update_meeting(self, meeting: Meeting) -> None:
        assert meeting.id is not None
        self._update("meetings", meeting.id, self._meeting_values(meeting))

    def get_meeting(self, meeting_id: int) -> Meeting | None:
        row = self._one("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        return Meeting(**row) if row else None

    def list_meetings(
        self,
        *,
        start_from: datetime | None = None,
        start_before: datetime | None = None,
        kind: MeetingKind | None = None,
        status: MeetingStatus | None = None,
        series_id: int | None = None,
        text: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> list[Meeting]:
        where: list[str] = []
        params: list[Any] = []
        if start_from is not None:
            where.append("scheduled_start >= ?")
            params.append(to_utc_iso(start_from))
        if start_before is not None:
            where.append("scheduled_start < ?")
            params.append(to_utc_iso(start_before))
        if kind is not None:
            where.append("kind = ?")
            params.append(kind.value)
        if status is not None:
            where.append("status = ?")
            params.append(status.value)
        if series_id is not None:
            where.append("series_id = ?")
            params.append(series_id)
        if text:
            where.append(self._fts_clause("meetings", "id", text, params))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        order = "DESC" if descending else "ASC"
        sql = f"SELECT * FROM meetings {clause} ORDER BY scheduled_start {order}, id {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Meeting(**r) for r in self._rows(sql, params)]

    def last_meeting_of_series(self, series_id: int, before: datetime) -> Meeting | None:
        row = self._one(
            "SELECT * FROM meetings WHERE series_id = ? AND scheduled_start < ? "
            "ORDER BY scheduled_start DESC, id DESC LIMIT 1",
            [series_id, to_utc_iso(before)],
        )
        return Meeting(**row) if row else None

    # -- agenda -------------------------------------------------------------------------

    def _next_position(self, table: str, column: str, value: int) -> int:
        row = self._one(f"SELECT max(position) AS p FROM {table} WHERE {column} = ?", [value])
        return 1 + (row["p"] if row and row["p"] is not None else 0)

    def add_agenda_item(self, item: AgendaItem) -> AgendaItem:
        with self.transaction():
            position = item.position or self._next_position(
                "agenda_items", "meeting_id", item.meeting_id
            )
            new_id = self._insert(
                "agenda_items",
                {
                    "meeting_id": item.meeting_id,
                    "position": position,
                    "title": item.title,
                    "presenter_id": item.presenter_id,
                    "timebox_minutes": item.timebox_minutes,
                    "kind": item.kind.value,
                    "status": item.status.value,
                    "started_at": _iso(item.started_at),
                    "elapsed_seconds": item.elapsed_seconds,
                    "carried_from": item.carried_from,
                    "carried_count": item.carried_count,
                    "standing": int(item.standing),
                },
            )
        return item.model_copy(update={"id": new_id, "position": position})

    def update_agenda_item(self, item: AgendaItem) -> None:
        assert item.id is not None
        self._update(
            "agenda_items",
            item.id,
            {
                "position": item.position,
                "title": item.title,
                "presenter_id": item.presenter_id,
                "timebox_minutes": item.timebox_minutes,
                "kind": item.kind.value,
                "status": item.status.value,
                "started_at": _iso(item.started_at),
                "elapsed_seconds": item.elapsed_seconds,
                "carried_from": item.carried_from,
                "carried_count": item.carried_count,
                "standing": int(item.standing),
            },
        )

    def set_agenda_order(self, meeting_id: int, ordered_ids: Sequence[int]) -> None:
        """Renumber a meeting's agenda 1..n in the given order."""
        with self.transaction():
            for position, item_id in enumerate(ordered_ids, start=1):
                self.db.execute(
                    "UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ?",
                    [position, item_id, meeting_id],
                )

    def delete_agenda_item(self, item_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])

    def list_agenda(self, meeting_id: int) -> list[AgendaItem]:
        rows = self._rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
        )
        return [AgendaItem(**r) for r in rows]

    def get_agenda_item(self, item_id: int) -> AgendaItem | None:
        row = self._one("SELECT * FROM agenda_items WHERE id = ?", [item_id])
        return AgendaItem(**row) if row else None

    # -- attendance ---------------------------------------------------------------------

    def set_attendance(self, attendance: Attendance) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO attendance(meeting_id, person_id, required, status, arrived_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(meeting_id, person_id) DO UPDATE SET "
                "required = excluded.required, status = excluded.status, "
                "arrived_at = excluded.arrived_at",
                [
                    attendance.meeting_id,
                    attendance.person_id,
                    int(attendance.required),
                    attendance.status.value,
                    _iso(attendance.arrived_at),
                ],
            )

    def list_attendance(self, meeting_id: int) -> list[Attendance]:
        rows = self._rows(
            "SELECT a.* FROM attendance a JOIN people p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? ORDER BY a.required DESC, p.id",
            [meeting_id],
        )
        return [Attendance(**r) for r in rows]

    def remove_attendance(self, meeting_id: int, person_id: int) -> None:
        with self.transaction():
            self.db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting_id, person_id],
            )

    # -- entries and decisions ------------------------------------------------------------

    def add_entry(self, entry: Entry) -> Entry:
        new_id = self._insert(
            "entries",
            {
                "meeting_id": entry.meeting_id,
                "agenda_item_id": entry.agenda_item_id,
                "kind": entry.kind.value,
                "text": entry.text,
                "person_id": entry.person_id,
                "at": _iso(entry.at),
                "deleted": int(entry.deleted),
                "disposition": entry.disposition,
            },
        )
        return entry.model_copy(update={"id": new_id})

    def update_entry(self, entry: Entry) -> None:
        assert entry.id is not None
        self._update(
            "entries",
            entry.id,
            {
                "agenda_item_id": entry.agenda_item_id,
                "kind": entry.kind.value,
                "text": entry.text,
                "person_id": entry.person_id,
                "deleted": int(entry.deleted),
                "disposition": entry.disposition,
            },
        )

    def get_entry(self, entry_id: int) -> Entry | None:
        row = self._one("SELECT * FROM entries WHERE id = ?", [entry_id])
        return Entry(**row) if row else None

    def list_entries(self, meeting_id: int, include_deleted: bool = False) -> list[Entry]:
        clause = "" if include_deleted else "AND deleted = 0"
        rows = self._rows(
            f"SELECT * FROM entries WHERE meeting_id = ? {clause} ORDER BY id", [meeting_id]
        )
        return [Entry(**r) for r in rows]

    def add_decision(self, decision: Decision) -> Decision:
        new_id = self._insert(
            "decisions",
            {
                "meeting_id": decision.meeting_id,
                "agenda_item_id": decision.agenda_item_id,
                "entry_id": decision.entry_id,
                "text": decision.text,
                "status": decision.status.value,
                "decided_at": _iso(decision.decided_at),
            },
        )
        return decision.model_copy(update={"id": new_id})

    def set_decision_status(self, decision_id: int, status: DecisionStatus) -> None:
        self._update("decisions", decision_id, {"status": status.value})

    def update_decision(self, decision: Decision) -> None:
        assert decision.id is not None
        self._update(
            "decisions",
            decision.id,
            {
                "text": decision.text,
                "status": decision.status.value,
                "agenda_item_id": decision.agenda_item_id,
            },
        )

    def get_decision(self, decision_id: int) -> Decision | None:
        row = self._one("SELECT * FROM decisions WHERE id = ?", [decision_id])
        return Decision(**row) if row else None

    def decision_for_entry(self, entry_id: int) -> Decision | None:
        row = self._one("SELECT * FROM decisions WHERE entry_id = ?", [entry_id])
        return Decision(**row) if row else None

    def list_decisions(self, meeting_id: int | None = None) -> list[Decision]:
        if meeting_id is None:
            rows = self._rows("SELECT * FROM decisions ORDER BY decided_at, id")
        else:
            rows = self._rows(
                "SELECT * FROM decisions WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        return [Decision(**r) for r in rows]

    # -- action items ---------------------------------------------------------------------

    @staticmethod
    def _action_values(action: ActionItem) -> dict[str, Any]:
        return {
            "title": action.title,
            "due": _iso(action.due),
            "priority": action.priority,
            "status": action.status.value,
            "meeting_id": action.meeting_id,
            "agenda_item_id": action.agenda_item_id,
            "decision_id": action.decision_id,
            "entry_id": action.entry_id,
            "completed_at": _iso(action.completed_at),
            "next_follow_up": _iso(action.next_follow_up),
            "carried_count": action.carried_count,
            "waiting_on": action.waiting_on,
            "blocked_by": action.blocked_by,
            "unassigned_ok": int(action.unassigned_ok),
        }

    def add_action(self, action: ActionItem, now: datetime) -> ActionItem:
        values = self._action_values(action)
        created = action.created_at or now
        values["created_at"] = to_utc_iso(created)
        values["updated_at"] = to_utc_iso(now)
        with self.transaction():
            new_id = self._insert("action_items", values)
            self._write_owners(new_id, action.owner_ids)
            self._write_tags(new_id, action.tags)
        return action.model_copy(update={"id": new_id, "created_at": created, "updated_at": now})

    def update_action(self, action: ActionItem, now: datetime) -> None:
        assert action.id is not None
        values = self._action_values(action)
        values["updated_at"] = to_utc_iso(now)
        with self.transaction():
            self._update("action_items", action.id, values)
            self._write_owners(action.id, action.owner_ids)
            self._write_tags(action.id, action.tags)

    def _write_owners(self, action_id: int, owner_ids: Sequence[int]) -> None:
        self.db.execute("DELETE FROM action_owners WHERE action_id = ?", [action_id])
        for position, person_id in enumerate(dict.fromkeys(owner_ids)):
            self.db.execute(
                "INSERT INTO action_owners(action_id, person_id, position) VALUES (?, ?, ?)",
                [action_id, person_id, position],
            )

    def _write_tags(self, action_id: int, tags: Sequence[str]) -> None:
        self.db.execute("DELETE FROM action_tags WHERE action_id = ?", [action_id])
        for tag in dict.fromkeys(tags):
            self.db.execute(
                "INSERT INTO action_tags(action_id, tag) VALUES (?, ?)", [action_id, tag]
            )

    def get_action(self, action_id: int) -> ActionItem | None:
        row = self._one("SELECT * FROM action_items WHERE id = ?", [action_id])
        if not row:
            return None
        owners = self._rows(
            "SELECT person_id FROM action_owners WHERE action_id = ? ORDER BY position",
            [action_id],
        )
        tags = self._rows(
            "SELECT tag FROM action_tags WHERE action_id = ? ORDER BY tag", [action_id]
        )
        return ActionItem(
            **row, owner_ids=[o["person_id"] for o in owners], tags=[t["tag"] for t in tags]
        )

    def _action_where(self, query: ActionQuery, params: list[Any]) -> str:
        where: list[str] = []
        if query.ids is not None:
            where.append(f"a.id IN ({_placeholders(query.ids)})")
            params.extend(query.ids)
        if query.owner_ids is not None:
            if not query.owner_ids:
                where.append("0")
            else:
                where.append(
                    "EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = a.id "
                    f"AND o.person_id IN ({_placeholders(query.owner_ids)}))"
                )
                params.extend(query.owner_ids)
        if query.unassigned:
            where.append("NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.action_id = a.id)")
        if query.statuses:
            where.append(f"a.status IN ({_placeholders(query.statuses)})")
            params.extend(s.value for s in query.statuses)
        if query.due_before is not None:
            where.append("a.due < ?")
            params.append(query.due_before.isoformat())
        if query.due_on_or_after is not None:
            where.append("a.due >= ?")
            params.append(query.due_on_or_after.isoformat())
        if query.has_due is True:
            where.append("a.due IS NOT NULL")
        elif query.has_due is False:
            where.append("a.due IS NULL")
        if query.meeting_id is not None:
            where.append("a.meeting_id = ?")
            params.append(query.meeting_id)
        if query.series_id is not None:
            where.append("a.meeting_id IN (SELECT id FROM meetings WHERE series_id = ?)")
            params.append(query.series_id)
        if query.tag:
            where.append(
                "EXISTS (SELECT 1 FROM action_tags t WHERE t.action_id = a.id AND t.tag = ?)"
            )
            params.append(query.tag)
        if query.priority is not None:
            where.append("a.priority = ?")
            params.append(query.priority)
        if query.text:
            where.append(self._fts_clause("action_items", "a.id", query.text, params))
        return f"WHERE {' AND '.join(where)}" if where else ""

    _ACTION_ORDER = {
        "due": "a.due IS NULL, a.due, a.priority, a.id",
        "priority": "a.priority, a.due IS NULL, a.due, a.id",
        "created": "a.created_at, a.id",
        "id": "a.id",
    }

    def list_actions(
        self, query: ActionQuery, limit: int | None = None, offset: int = 0
    ) -> list[ActionRow]:
        params: list[Any] = []
        where = self._action_where(query, params)
        order = self._ACTION_ORDER.get(query.sort, self._ACTION_ORDER["due"])
        sql = f"""
            SELECT a.id, a.title, a.due, a.priority, a.status, a.meeting_id,
                   a.created_at, a.completed_at, a.carried_count, a.next_follow_up,
                   m.title AS meeting_title,
                   (SELECT group_concat(p.name, char(31)) FROM
                       (SELECT p.name FROM action_owners o JOIN people p ON p.id = o.person_id
                        WHERE o.action_id = a.id ORDER BY o.position) p) AS owner_names,
                   (SELECT group_concat(o.person_id, ',') FROM
                       (SELECT person_id FROM action_owners WHERE action_id = a.id
                        ORDER BY position) o) AS owner_list,
                   (SELECT max(f.at) FROM follow_ups f WHERE f.action_id = a.id) AS last_fu
            FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
            {where}
            ORDER BY {order}"""
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        out = []
        for row in self._rows(sql, params):
            names = row.pop("owner_names")
            ids = row.pop("owner_list")
            last = row.pop("last_fu")
            out.append(
                ActionRow(
                    **row,
                    owners=names.split("\x1f") if names else [],
                    owner_ids=[int(i) for i in ids.split(",")] if ids else [],
                    last_follow_up=last,
                )
            )
        return out

    def count_actions(self, query: ActionQuery) -> int:
        params: list[Any] = []
        where = self._action_where(query, params)
        row = self.db.execute(f"SELECT count(*) FROM action_items a {where}", params).fetchone()
        return int(row[0])

    def actions_of_meeting(self, meeting_id: int) -> list[ActionItem]:
        rows = self._rows(
            "SELECT id FROM action_items WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )
        return [a for r in rows if (a := self.get_action(r["id"])) is not None]

    def action_ids_for_entries(self, entry_ids: Sequence[int]) -> dict[int, int]:
        """entry id -> action id, for actions captured from those entries."""
        if not entry_ids:
            return {}
        rows = self._rows(
            f"SELECT id, entry_id FROM action_items WHERE entry_id IN "
            f"({_placeholders(entry_ids)})",
            list(entry_ids),
        )
        return {r["entry_id"]: r["id"] for r in rows}

    def increment_carried(self, action_ids: Sequence[int]) -> None:
        if not action_ids:
            return
        with self.transaction():
            self.db.execute(
                "UPDATE action_items SET carried_count = carried_count + 1 "
                f"WHERE id IN ({_placeholders(action_ids)})",
                list(action_ids),
            )

    def reviewed_action_ids(self, meeting_id: int) -> set[int]:
        rows = self._rows(
            "SELECT DISTINCT action_id FROM follow_ups WHERE meeting_id = ? AND kind = 'review'",
            [meeting_id],
        )
        return {r["action_id"] for r in rows}

    # -- follow-ups -------------------------------------------------------------------------

    def add_follow_up(self, follow_up: FollowUp) -> FollowUp:
        new_id = self._insert(
            "follow_ups",
            {
                "action_id": follow_up.action_id,
                "at": _iso(follow_up.at),
                "author_id": follow_up.author_id,
                "kind": follow_up.kind.value,
                "note": follow_up.note,
                "status": follow_up.status.value if follow_up.status else None,
                "new_due": _iso(follow_up.new_due),
                "next_check_in": _iso(follow_up.next_check_in),
                "meeting_id": follow_up.meeting_id,
                "person_id": follow_up.person_id,
            },
        )
        return follow_up.model_copy(update={"id": new_id})

    def list_follow_ups(self, action_id: int) -> list[FollowUp]:
        rows = self._rows(
            "SELECT * FROM follow_ups WHERE action_id = ? ORDER BY at, id", [action_id]
        )
        return [FollowUp(**r) for r in rows]

    # -- speaking -----------------------------------------------------------------------------

    def add_speaking_turn(self, turn: SpeakingTurn) -> SpeakingTurn:
        new_id = self._insert(
            "speaking",
            {
                "meeting_id": turn.meeting_id,
                "person_id": turn.person_id,
                "started_at": _iso(turn.started_at),
                "ended_at": _iso(turn.ended_at),
            },
        )
        return turn.model_copy(update={"id": new_id})

    def end_speaking_turns(self, meeting_id: int, at: datetime) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE speaking SET ended_at = ? WHERE meeting_id = ? AND ended_at IS NULL",
                [_iso(at), meeting_id],
            )

    def list_speaking(self, meeting_id: int) -> list[SpeakingTurn]:
        rows = self._rows("SELECT * FROM speaking WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [SpeakingTurn(**r) for r in rows]

    # -- search ---------------------------------------------------------------------------------

    def _fts_clause(self, table: str, id_expr: str, text: str, params: list[Any]) -> str:
        """A WHERE fragment matching ``text`` in ``table``'s FTS index.

        The trigram tokenizer needs three characters; shorter queries (common in Chinese,
        e.g. 回款) fall back to LIKE on the same columns.
        """
        from salestui.core.schema import FTS_TABLES

        fts = f"{table}_fts"
        columns = FTS_TABLES[fts][1]
        needle = text.strip()
        if len(needle) >= 3:
            params.append('"' + needle.replace('"', '""') + '"')
            return f"{id_expr} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        likes = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
        params.extend(f"%{escaped}%" for _ in columns)
        return f"{id_expr} IN (SELECT id FROM {table} WHERE {likes})"

    # -- bulk (demo and scale data) ----------------------------------------------------------------

    def bulk_insert(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Insert many rows in one transaction (demo data, benchmarks)."""
        iterator = iter(rows)
        first = next(iterator, None)
        if first is None:
            return
        cols = list(first)
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_placeholders(cols)})"
        with self.transaction():
            self.db.conn.executemany(sql, ([r[c] for c in cols] for r in _chain(first, iterator)))

    def max_id(self, table: str) -> int:
        row = self.db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        return int(row[0])


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest
