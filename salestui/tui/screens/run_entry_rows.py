"""The rows of the live console's entries list: each entry's time, kind and words, built
once and again only when what the row shows has changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from salestui.core.export.confidential import CONFIDENTIAL_MARK
from salestui.core.models import ActionRow, Entry, EntryKind
from salestui.i18n import _, current_language
from salestui.tui import labels
from salestui.tui.screens.run_tables import ENTRY_KINDS

KIND_STYLES = {EntryKind.DECISION: "bold", EntryKind.ACTION: "bold", EntryKind.PARK: "italic"}


@dataclass(frozen=True)
class EntryRow:
    key: str
    time: str
    kind: Text
    text: Text


class EntryRows:
    """Builds the row of an entry once, and again only when what it shows has changed."""

    def __init__(self) -> None:
        self._cache: dict[tuple, EntryRow] = {}  # type: ignore[type-arg]

    def rows(
        self, entries: Sequence[Entry], actions: dict[int, ActionRow], today: date
    ) -> list[EntryRow]:
        language = current_language()
        out = []
        for entry in entries:
            action = actions.get(entry.id or 0)
            signature = (
                entry.id, entry.kind, entry.text, language, today, entry.confidential,
                (tuple(action.owners), action.due, action.priority) if action else None,
            )  # fmt: skip
            row = self._cache.get(signature)
            if row is None:
                row = self._cache[signature] = self._build(entry, action, today)
            out.append(row)
        return out

    @staticmethod
    def _build(entry: Entry, action: ActionRow | None, today: date) -> EntryRow:
        text = Text(entry.text)
        if entry.confidential:
            text = Text.assemble((_(CONFIDENTIAL_MARK), "bold reverse"), " ", text)
        if entry.kind == EntryKind.ACTION and action is not None:
            parts = [", ".join(action.owners) or _("Unassigned")]
            if action.due is not None:
                parts.append(labels.short_date(action.due, today))
            parts.append(labels.priority(action.priority))
            text.append(" → " + " · ".join(parts), style="dim")
        kind = Text(_(ENTRY_KINDS[entry.kind]), style=KIND_STYLES.get(entry.kind, ""))
        return EntryRow(f"entry-{entry.id}", labels.local_time(entry.at), kind, text)
