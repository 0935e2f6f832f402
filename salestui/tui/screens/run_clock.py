"""The meeting clock: elapsed, planned end, projected end, and a late start."""

from __future__ import annotations

from rich.text import Text

from salestui.core.meeting import LiveState
from salestui.core.timing import whole_minutes
from salestui.i18n import _
from salestui.tui import labels
from salestui.tui.screens.run_tables import Tones
from salestui.tui.widgets.timer import clock


def clock_line(state: LiveState, tones: Tones) -> Text:
    """``12:03 elapsed · end 09:30 planned, 09:34 projected (+4) · 4 min late``."""
    meeting = state.meeting
    text = Text()
    if meeting.actual_start is None:
        if meeting.scheduled_start is not None:
            text.append(
                _("Not started · scheduled {time}").format(
                    time=labels.local_time(meeting.scheduled_start)
                )
            )
        else:
            text.append(_("Not started"))
        return text
    text.append(_("{elapsed} elapsed").format(elapsed=clock(state.elapsed)), style="bold")
    if state.planned_end is not None:
        text.append(" · ")
        text.append(_("end {time} planned").format(time=labels.local_time(state.planned_end)))
    if state.projected_end is not None:
        late_finish = state.planned_end is not None and state.projected_end > state.planned_end
        projected = _("{time} projected").format(time=labels.local_time(state.projected_end))
        if late_finish and state.planned_end is not None:
            over = whole_minutes(state.projected_end - state.planned_end)
            projected = _("{text} (+{minutes})").format(text=projected, minutes=over)
        text.append(_(", ") if state.planned_end is not None else " · ")
        text.append(projected, style=f"bold {tones.warning}" if late_finish else "")
    late = whole_minutes(state.late_by)
    if late > 0:
        text.append(" · ")
        text.append(_("{minutes} min late").format(minutes=late), style=tones.warning)
    return text
