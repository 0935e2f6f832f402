"""Reminders (``salestui remind``, a daily cron job): each owner gets one message with
their open items that are overdue, due in the next days, or whose check-in has come."""

from __future__ import annotations

from datetime import date, timedelta

from salestui.core.export.markdown import Document, inline
from salestui.core.mail_compose import Composed, Outgoing, _addressed, build_message
from salestui.core.mail_settings import MailSettings
from salestui.core.models import OPEN_STATUSES, ActionQuery, ActionRow, Person
from salestui.core.service import Services
from salestui.i18n import _, ngettext

MAX_DAYS = 365
_LIMIT = 10_000  # rows read per kind: more than anyone has open


def _line(row: ActionRow) -> str:
    parts = [f"#{row.id} {inline(row.title)}"]
    if row.due is not None:
        parts.append(_("due {date}").format(date=row.due.isoformat()))
    if row.meeting_title:
        parts.append(_("from {meeting}").format(meeting=inline(row.meeting_title)))
    return " - ".join(parts)


def _section(doc: Document, title: str, rows: list[ActionRow]) -> None:
    if rows:
        doc.heading(2, _("{title} ({n})").format(title=title, n=len(rows)))
        doc.bullets(_line(row) for row in rows)


def _reminder_text(person: Person, days: int, lists: dict[str, list[ActionRow]]) -> str:
    doc = Document()
    doc.heading(1, _("Action items for {name}").format(name=inline(person.name)))
    _section(doc, _("Overdue"), lists["overdue"])
    label = ngettext("Due in the next {n} day", "Due in the next {n} days", days)
    _section(doc, label.format(n=days), lists["due"])
    _section(doc, _("Check-ins due"), lists["check_ins"])
    doc.paragraph(_("Update them in salestui (Actions) or reply to whoever asked."))
    return doc.render()


def _gather(services: Services, days: int, today: date) -> dict[int, dict[str, list]]:
    """Each owner's overdue, due-soon and check-in items (an item with two owners goes to
    both). Confidential items stay out, as out of every mail."""
    store = services.store
    due_rows = store.list_actions(
        ActionQuery(
            statuses=list(OPEN_STATUSES),
            due_before=today + timedelta(days=days + 1),
            no_confidential=True,
        ),
        limit=_LIMIT,
    )
    check_rows = store.list_actions(
        ActionQuery(statuses=list(OPEN_STATUSES), check_in_by=today, no_confidential=True),
        limit=_LIMIT,
    )
    owners: dict[int, dict[str, list]] = {}

    def add(row: ActionRow, kind: str) -> None:
        for owner in row.owner_ids:
            lists = owners.setdefault(owner, {"overdue": [], "due": [], "check_ins": []})
            lists[kind].append(row)

    for row in due_rows:
        add(row, "overdue" if row.due is not None and row.due < today else "due")
    for row in check_rows:
        add(row, "check_ins")
    return owners


def reminder_messages(services: Services, days: int, settings: MailSettings) -> Composed:
    """One message per owner who has something overdue, due within ``days`` or a check-in
    that has come; owners without an address are listed in ``no_address``."""
    today = services.clock.today()
    now = services.clock.now()
    owners = _gather(services, days, today)
    people = services.people_by_id()
    composed = Composed()
    chosen = [people[i] for i in sorted(owners) if i in people and people[i].active]
    for person in _addressed(chosen, composed):
        assert person.id is not None
        lists = owners[person.id]
        count = len({row.id for rows in lists.values() for row in rows})
        subject = ngettext(
            "salestui: {n} item needs you", "salestui: {n} items need you", count
        ).format(n=count)
        data = build_message(settings, now, person, subject, _reminder_text(person, days, lists))
        composed.messages.append(Outgoing("reminder", person, subject, data))
    return composed
