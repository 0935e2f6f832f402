"""Series, templates, meetings, agenda items and attendance."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from salestui.core.clock import to_utc_iso
from salestui.core.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Series,
    Template,
    TemplateItem,
)
from salestui.core.store.base import BaseStore, _iso


class MeetingsStore(BaseStore):
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

    # -- the scribe of a live meeting -------------------------------------------------------
    # Kept out of ``Meeting``: a meeting row written whole from a stale copy must never
    # undo a take-over made meanwhile by another process.

    def scribe_of(self, meeting_id: int) -> int | None:
        row = self._one("SELECT scribe_id FROM meetings WHERE id = ?", [meeting_id])
        return row["scribe_id"] if row else None

    def set_scribe(self, meeting_id: int, person_id: int | None, at: datetime, kind: str) -> None:
        """Make ``person_id`` the meeting's scribe and note it in the meeting's history as
        ``kind`` ("started", "took_over"), with who was scribe before."""
        with self.transaction():
            previous = self.scribe_of(meeting_id)
            self.db.conn.execute(
                "UPDATE meetings SET scribe_id = ? WHERE id = ?", [person_id, meeting_id]
            )
            self._insert(
                "meeting_events",
                {"meeting_id": meeting_id, "at": to_utc_iso(at), "kind": kind,
                 "person_id": person_id, "previous_id": previous},
            )  # fmt: skip

    def meeting_events(self, meeting_id: int) -> list[dict]:
        """The meeting's history of scribes, oldest first: at, kind, person_id, previous_id."""
        return self._rows(
            "SELECT at, kind, person_id, previous_id FROM meeting_events "
            "WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        )

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
            # A meeting matches on its title and purpose, or on its agenda, notes and
            # decisions.
            parts = [self._fts_clause("meetings", "id", text, params)]
            for table in ("agenda_items", "entries", "decisions"):
                inner = self._fts_clause(table, "id", text, params)
                parts.append(f"id IN (SELECT meeting_id FROM {table} WHERE {inner})")
            where.append("(" + " OR ".join(parts) + ")")
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

    @staticmethod
    def _agenda_values(item: AgendaItem) -> dict[str, Any]:
        return {
            "position": item.position,
            "title": item.title,
            "presenter_id": item.presenter_id,
            "timebox_minutes": item.timebox_minutes,
            "extended_minutes": item.extended_minutes,
            "kind": item.kind.value,
            "status": item.status.value,
            "started_at": _iso(item.started_at),
            "elapsed_seconds": item.elapsed_seconds,
            "carried_from": item.carried_from,
            "carried_count": item.carried_count,
            "standing": int(item.standing),
            "confidential": int(item.confidential),
        }

    def add_agenda_item(self, item: AgendaItem) -> AgendaItem:
        with self.transaction():
            position = item.position or self._next_position(
                "agenda_items", "meeting_id", item.meeting_id
            )
            values = self._agenda_values(item) | {"meeting_id": item.meeting_id,
                                                  "position": position}  # fmt: skip
            new_id = self._insert("agenda_items", values)
        added = item.model_copy(update={"id": new_id, "position": position})
        added._stored = self._agenda_values(added)
        return added

    def update_agenda_item(self, item: AgendaItem, before: AgendaItem | None = None) -> None:
        """Write the fields that differ from ``before`` (by default: from the values the
        item was read with), so that a timebox edit never puts back a status or a timer
        that an agenda move changed meanwhile. An item never read is written whole."""
        assert item.id is not None
        values = self._agenda_values(item)
        old = self._agenda_values(before) if before is not None else item._stored
        if old is not None:
            values = {k: v for k, v in values.items() if old.get(k) != v}
        self._update("agenda_items", item.id, values)
        item._stored = self._agenda_values(item)

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
        return [self._agenda_item(r) for r in rows]

    def get_agenda_item(self, item_id: int) -> AgendaItem | None:
        row = self._one("SELECT * FROM agenda_items WHERE id = ?", [item_id])
        return self._agenda_item(row) if row else None

    def _agenda_item(self, row: dict) -> AgendaItem:
        item = AgendaItem(**row)
        item._stored = self._agenda_values(item)
        return item

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
