"""The compact strip of a narrow console (below ``WIDE`` columns, side panels hidden):
the current and next agenda items, and who is in the room, without pressing F2/F3."""

from __future__ import annotations

from rich.text import Text

from salestui.core.models import AgendaStatus, AttendanceStatus
from salestui.core.names import join_names
from salestui.i18n import _
from salestui.tui.screens.run_data import LiveView

IN_THE_ROOM = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def strip_text(view: LiveView) -> Text:
    """Two lines: "Now 1/5 · Next: 2. title (5 min)" and "Present 3/4: ... · Not here: ..."."""
    items = view.state.items
    number = view.current_number()
    text = Text()
    if number:
        text.append(_("Now {number}/{count}").format(number=number, count=len(items)), "bold")
    else:
        text.append(_("No item running"), "bold")
    upcoming = next(
        (
            (n, t)
            for n, t in enumerate(items, 1)
            if n > number and t.item.status == AgendaStatus.PENDING
        ),
        None,
    )
    text.append(" · ")
    if upcoming is None:
        text.append(_("Next: nothing left"), "dim")
    else:
        n, timed = upcoming
        text.append(
            _("Next: {number}. {title} ({minutes} min)").format(
                number=n, title=timed.item.title, minutes=timed.item.timebox_minutes
            )
        )
    # The chair (status None) is in the room too.
    present = [s for s in view.speakers if s.status is None or s.status in IN_THE_ROOM]
    away = [s for s in view.speakers if s not in present]
    text.append("\n")
    text.append(
        _("Present {count}/{total}: {names}").format(
            count=len(present),
            total=len(view.speakers),
            names=join_names([s.person.name for s in present]) or "-",
        )
    )
    if away:
        text.append(" · ")
        names = join_names([s.person.name for s in away])
        text.append(_("Not here: {names}").format(names=names), "dim")
    return text
