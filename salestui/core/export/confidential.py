"""Confidential notes, decisions and actions in exports (issue 16): left out by default;
with ``include_confidential`` they stay, each marked as such. Every export (minutes and
so the archive and the mails made from them, digests, the decision register, iCalendar)
goes through here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel

from salestui.core.confidential_mark import CONFIDENTIAL_MARK, mark

__all__ = ["CONFIDENTIAL_MARK", "kept", "mark"]

M = TypeVar("M", bound=BaseModel)


def kept(items: Iterable[M], include: bool, field: str = "text") -> list[M]:
    """The items an export shows: without the confidential ones, or (``include``) with
    them, their ``field`` marked."""
    found: list[M] = []
    for item in items:
        if not getattr(item, "confidential", False):
            found.append(item)
        elif include:
            found.append(item.model_copy(update={field: mark(getattr(item, field))}))
    return found
