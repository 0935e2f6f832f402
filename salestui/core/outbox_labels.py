"""How the outbox's statuses and kinds of message read, in the user's language."""

from __future__ import annotations

from salestui.i18n import NP_, pgettext

_STATUS = {
    "pending": NP_("outbox", "waiting"),
    "sending": NP_("outbox", "sending"),
    "sent": NP_("outbox", "sent"),
    "failed": NP_("outbox", "given up"),
}
_KIND = {
    "agenda": NP_("outbox", "agenda"),
    "minutes": NP_("outbox", "minutes"),
    "reminder": NP_("outbox", "reminder"),
}


def status_label(status: str) -> str:
    return pgettext("outbox", _STATUS[status]) if status in _STATUS else status


def kind_label(kind: str) -> str:
    return pgettext("outbox", _KIND[kind]) if kind in _KIND else kind
