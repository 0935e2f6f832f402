"""Reading what a person types into a prompt that takes people or a date, and saying what
it resolved to *before* it is saved (``→ 王芳 · Fri 4 Dec``), as the capture line does.

The screens call ``owners_preview`` / ``due_preview`` on every keystroke and
``read_owners`` / ``read_due`` on Enter; both sides use the same rules, so what the preview
showed is what is saved. Errors are ``InvalidInput`` / ``NotFound`` with translated text.
"""

from __future__ import annotations

import re
from datetime import date

from salestui.core.dates import format_day, parse_date, split_leading_date
from salestui.core.errors import InvalidInput, NotFound
from salestui.core.models import Person
from salestui.core.names import join_names
from salestui.core.service import Services
from salestui.i18n import _

__all__ = [
    "due_preview",
    "owners_preview",
    "read_due",
    "read_due_and_note",
    "read_owners",
    "resolved_date",
]

ARROW = "→ "


def read_owners(text: str, services: Services, allow_none: bool = False) -> list[Person]:
    """Names separated by commas (or 、，; spaces too when a part is not a full name).

    ``王芳, Li Ming``, ``@wf @li``, ``王芳 赵强``. Raises ``NotFound``/``InvalidInput``;
    an empty text is an error unless ``allow_none``.
    """
    people: list[Person] = []
    for part in re.split(r"[,，、;；]+", text):
        part = part.strip()
        if not part:
            continue
        try:
            found = [services.find_person(part)]
        except NotFound:  # "王芳 赵强": try word by word
            words = [w for w in part.split() if w.strip("@＠")]
            if len(words) < 2:
                raise
            found = [services.find_person(word) for word in words]
        for person in found:
            if person.id not in {p.id for p in people}:
                people.append(person)
    if not people and not allow_none:
        raise InvalidInput(_("Name at least one owner, or press u to leave it unassigned"))
    return people


def owners_preview(text: str, services: Services, allow_none: bool = False) -> str:
    """``→ 王芳, Li Ming`` (``→ Unassigned`` for nothing when allowed); raises like
    ``read_owners``."""
    people = read_owners(text, services, allow_none)
    return ARROW + (join_names([p.name for p in people]) or _("Unassigned"))


def read_due(text: str, today: date) -> date:
    """The due date typed in a prompt: a whole date phrase, not in the past."""
    if not text.strip():
        raise InvalidInput(_("Give a date, or press Esc"))
    due = parse_date(text, today)
    if due < today:
        raise InvalidInput(_("The due date is in the past"))
    return due


def read_due_and_note(text: str, today: date) -> tuple[date, str]:
    """A new due date, optionally followed by a note: ``下周五 客户还没回复``.

    Strict: ``下周八 原因`` is an error, never next Monday with the note "八 原因".
    """
    due, note = split_leading_date(text, today, strict=True)
    if due is None:
        due, note = parse_date(text, today), ""
    if due < today:
        raise InvalidInput(_("The new due date is in the past"))
    return due, note


def resolved_date(text: str, today: date) -> str:
    """``Fri 4 Dec``: the whole of ``text`` read as a date (strict), for a form's preview."""
    return format_day(parse_date(text, today), today)


def due_preview(text: str, today: date, with_note: bool = False) -> str:
    """``→ Fri 4 Dec`` for what ``read_due`` (or ``read_due_and_note``) will save."""
    if with_note:
        due, note = read_due_and_note(text, today)
        shown = format_day(due, today)
        return ARROW + (_("{date} · {note}").format(date=shown, note=note) if note else shown)
    return ARROW + format_day(read_due(text, today), today)
