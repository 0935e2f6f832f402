"""The live console's lists: agenda, entries of the current item, attendance and speaking.

Each table carries the single-letter keys that act on its highlighted row; the keys run
actions on the screen (``screen.``), which owns the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from salestui.core.meeting import ItemTime
from salestui.core.models import AgendaStatus, AttendanceStatus, EntryKind
from salestui.i18n import N_, _
from salestui.tui import labels
from salestui.tui.screens.run_data import LiveView, Speaker
from salestui.tui.widgets.fit_table import FitColumn, FitRow, FitTable
from salestui.tui.widgets.speaking import share_cell
from salestui.tui.widgets.timer import clock

AGENDA_STATES = {
    AgendaStatus.PENDING: N_("not started"),
    AgendaStatus.ACTIVE: N_("running"),
    AgendaStatus.DONE: N_("done"),
    AgendaStatus.SKIPPED: N_("skipped"),
    AgendaStatus.PARKED: N_("parked"),
    AgendaStatus.DROPPED: N_("dropped"),
}
ENTRY_KINDS = {
    EntryKind.NOTE: N_("Note"),
    EntryKind.DECISION: N_("Decision"),
    EntryKind.ACTION: N_("Action"),
    EntryKind.LINK: N_("Link"),
    EntryKind.PARK: N_("Parked"),
    EntryKind.TOPIC: N_("New topic"),
}
ATTENDANCE = {
    AttendanceStatus.INVITED: N_("not marked"),
    AttendanceStatus.PRESENT: N_("Present"),
    AttendanceStatus.LATE: N_("Late"),
    AttendanceStatus.ABSENT: N_("Absent"),
    AttendanceStatus.EXCUSED: N_("Excused"),
}


class IdTable(FitTable):
    """A FitTable that takes an id (FitTable itself takes only a name and classes)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__()
        if id is not None:
            self.id = id

    def selected_id(self, prefix: str) -> int | None:
        """The id in the highlighted row's key (``item-12`` with ``prefix`` ``item-``)."""
        keys = self.row_keys
        if not keys or self.cursor_row < 0:
            return None
        return int(keys[min(self.cursor_row, len(keys) - 1)].removeprefix(prefix))


class AgendaTable(IdTable):
    BINDINGS = [
        Binding("enter", "screen.goto_item", N_("Go to this item"), id="run.goto"),
    ]


class AttendanceTable(IdTable):
    BINDINGS = [
        Binding("p", "screen.attend('present')", N_("Present"), id="run.present"),
        Binding("l", "screen.attend('late')", N_("Late"), id="run.late"),
        Binding("a", "screen.attend('absent')", N_("Absent"), id="run.absent"),
        Binding("e", "screen.attend('excused')", N_("Excused"), id="run.excused"),
    ]


# -- rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tones:
    """The theme's colours for what needs attention (rows are built outside widgets)."""

    error: str = "red"
    warning: str = "yellow"
    success: str = "green"

    @classmethod
    def of(cls, app: App) -> Tones:
        theme = app.current_theme
        return cls(
            theme.error or cls.error, theme.warning or cls.warning, theme.success or cls.success
        )


def agenda_columns() -> list[FitColumn]:
    return [
        FitColumn("number", "#", justify="right"),
        FitColumn("title", _("Item"), ratio=1, min_width=8),
        FitColumn("time", _("Time"), justify="right"),
        FitColumn("state", _("Status")),
    ]


def _item_time(item: ItemTime, tones: Tones) -> Text:
    spent = item.elapsed > timedelta(0) or item.item.status != AgendaStatus.PENDING
    text = f"{clock(item.elapsed)}/{item.allowed_label}" if spent else f"-/{item.allowed_label}"
    if item.overrun:
        if item.over_minutes:  # whole minutes by the one rule (core.timing), never "+0"
            text += f" +{item.over_minutes}"
        return Text(text, style=f"bold {tones.error}")
    return Text(text)


def agenda_rows(view: LiveView, tones: Tones) -> list[FitRow]:
    rows = []
    for number, item in enumerate(view.state.items, 1):
        status = item.item.status
        active = status == AgendaStatus.ACTIVE
        finished = status in (AgendaStatus.DONE, AgendaStatus.SKIPPED, AgendaStatus.PARKED,
                                AgendaStatus.DROPPED)  # fmt: skip
        marker = "▶" if active else str(number)
        cells: list[Text | str] = [
            Text(marker, style="bold" if active else ""),
            labels.marked(item.item.title, item.item.confidential, "bold" if active else ""),
            _item_time(item, tones),
            _(AGENDA_STATES[status]),
        ]
        rows.append(FitRow(f"item-{item.item.id}", cells, style="dim" if finished else ""))
    return rows


def people_columns(tally: bool = True) -> list[FitColumn]:
    columns = [
        FitColumn("number", "#", justify="right"),
        FitColumn("name", _("Name"), ratio=1, min_width=6),
        FitColumn("status", _("Status")),
    ]
    if tally:
        columns.append(FitColumn("share", _("Speaking")))
    return columns


def attendance_label(speaker: Speaker, tones: Tones) -> Text:
    if speaker.status is None:
        return Text(_("chair"), style="dim")
    label = _(ATTENDANCE[speaker.status])
    if speaker.status == AttendanceStatus.LATE and speaker.arrived_at is not None:
        label = f"{label} {labels.local_time(speaker.arrived_at)}"
    style = ""
    if speaker.status == AttendanceStatus.INVITED:
        style = f"bold {tones.warning}" if speaker.required else "dim"
    elif speaker.status == AttendanceStatus.ABSENT and speaker.required:
        style = f"bold {tones.error}"
    return Text(label, style=style)


def people_rows(
    speakers: list[Speaker], speaking_now: int | None, tones: Tones, tally: bool = True
) -> list[FitRow]:
    rows = []
    for speaker in speakers:
        speaking = speaker.person_id == speaking_now
        name = speaker.person.name + (" *" if speaker.required else "")
        cells: list[Text | str] = [
            Text(str(speaker.number) if 0 < speaker.number <= 9 else "", style="bold"),
            Text(("● " if speaking else "") + name, style="bold" if speaking else ""),
            attendance_label(speaker, tones),
        ]
        if tally:
            cells.append(share_cell(speaker.seconds, speaker.share))
        rows.append(FitRow(f"person-{speaker.person_id}", cells))
    return rows
