"""The marker a confidential note, decision or action carries wherever it is shown (the
app, the command line, exports made with ``include_confidential``)."""

from __future__ import annotations

from salestui.i18n import N_, _

CONFIDENTIAL_MARK = N_("[confidential]")


def mark(text: str) -> str:
    """``text`` with the confidential marker in front."""
    return f"{_(CONFIDENTIAL_MARK)} {text}"
