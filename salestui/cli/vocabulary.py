"""The command line's vocabulary: the values of each enum the commands accept and show,
and how a stored value is shown in the current language (``label``).

Plain strings, so that ``--help`` does not import the models; tests/cli checks they equal
the enums in core/models.py.
"""

from __future__ import annotations

from enum import Enum

from salestui.i18n import NP_, pgettext

# Each value is marked for translation in its vocabulary's context: English tables show the
# value typed on the command line, other languages its translation (``label``).
MEETING_KINDS = (
    NP_("kind", "leadership"), NP_("kind", "consultation"), NP_("kind", "coordination"),
    NP_("kind", "weekly"), NP_("kind", "daily"), NP_("kind", "other"),
)  # fmt: skip
MEETING_STATUSES = (
    NP_("meeting_status", "draft"), NP_("meeting_status", "circulated"),
    NP_("meeting_status", "running"), NP_("meeting_status", "ended"),
    NP_("meeting_status", "confirmed"),
)  # fmt: skip
ACTION_STATUSES = (
    NP_("status", "open"), NP_("status", "in_progress"), NP_("status", "waiting"),
    NP_("status", "blocked"), NP_("status", "done"), NP_("status", "cancelled"),
)  # fmt: skip
# The open ones (``core.models.OPEN_STATUSES``, checked by a test).
OPEN_ACTION_STATUSES = ACTION_STATUSES[:4]
# The largest id or count SQLite can hold.
SQLITE_MAX_INTEGER = 2**63 - 1
# The years SALESTUI_NOW may name (beyond them date arithmetic fails).
NOW_YEARS = (1900, 9000)
ROLES = (NP_("role", "director"), NP_("role", "deputy"), NP_("role", "lead"), NP_("role", "member"))
AGENDA_KINDS = (
    NP_("agenda_kind", "info"), NP_("agenda_kind", "discussion"), NP_("agenda_kind", "decision"),
    NP_("agenda_kind", "numbers"),
)  # fmt: skip
ATTENDANCE = (
    NP_("attendance", "invited"), NP_("attendance", "present"), NP_("attendance", "late"),
    NP_("attendance", "absent"), NP_("attendance", "excused"),
)  # fmt: skip
AGENDA_STATUSES = (
    NP_("agenda_status", "pending"), NP_("agenda_status", "active"),
    NP_("agenda_status", "done"), NP_("agenda_status", "skipped"),
    NP_("agenda_status", "parked"), NP_("agenda_status", "dropped"),
)  # fmt: skip
DECISION_STATUSES = (
    NP_("decision_status", "proposed"), NP_("decision_status", "confirmed"),
    NP_("decision_status", "rejected"), NP_("decision_status", "superseded"),
)  # fmt: skip

# The translation context of each vocabulary is its name.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kind": MEETING_KINDS,
    "meeting_status": MEETING_STATUSES,
    "status": ACTION_STATUSES,
    "role": ROLES,
    "agenda_kind": AGENDA_KINDS,
    "attendance": ATTENDANCE,
    "agenda_status": AGENDA_STATUSES,
    "decision_status": DECISION_STATUSES,
}


def label(vocabulary: str, value: object) -> str:
    """A stored enum value as shown to people in the current language."""
    raw = value.value if isinstance(value, Enum) else str(value)
    if raw not in VOCABULARIES.get(vocabulary, ()):
        return raw
    return pgettext(vocabulary, raw)
