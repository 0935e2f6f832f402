"""The live console's keys: which it has, and which work only while the agenda runs.

The console's own keys are priority bindings: the app runs them before it hands the next
key to a widget, so a line typed right after ctrl+n is saved on the new item, and a digit
typed right after ctrl+t reaches the speaker picker, however fast the keys come.
"""

from __future__ import annotations

from textual.binding import Binding

from salestui.i18n import N_

RUN_ONLY = {
    "next_item", "previous_item", "extend", "skip_item", "park_item", "undo", "end_meeting",
    "toggle_panel", "speak", "pick_speaker", "speaker_picked", "review", "switch_focus",
}  # fmt: skip


def _speaker_bindings() -> list[Binding]:
    """ctrl+t opens the speaker picker anywhere; off the capture line the digits work
    directly (on it they are text: a note may well start with a number)."""
    bindings = [
        Binding("ctrl+t", "pick_speaker", N_("Who speaks"), priority=True, id="run.speak"),
        Binding("0", "speak(0)", N_("Nobody speaking"), show=False, id="run.speak_none"),
        Binding("1", "speak(1)", N_("Speaker 1-9 (off the line)"), show=False, id="run.speak_1"),
    ]
    for number in range(2, 10):
        bindings.append(Binding(str(number), f"speak({number})", "", show=False))
    return bindings


RUN_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("s", "start", N_("Start meeting"), id="run.start"),
    Binding("ctrl+n", "next_item", N_("Next"), priority=True, id="run.next"),
    Binding(
        "ctrl+up",
        "extend(5)",
        N_("+5 min"),
        key_display="^↑",
        priority=True,
        id="run.more_time",
    ),
    Binding(
        "ctrl+down",
        "extend(-5)",
        N_("-5 min"),
        key_display="^↓",
        priority=True,
        id="run.less_time",
    ),
    Binding("ctrl+b", "previous_item", N_("Previous"), priority=True, id="run.previous"),
    Binding("ctrl+s", "skip_item", N_("Skip"), priority=True, id="run.skip"),
    Binding("ctrl+o", "park_item", N_("Park"), priority=True, id="run.park"),
    Binding("ctrl+f", "end_meeting", N_("End meeting"), priority=True, id="run.end"),
    Binding("f2", "toggle_panel('agenda')", N_("Agenda"), priority=True, id="run.panel_agenda"),
    Binding("f3", "toggle_panel('people')", N_("Attendance"), priority=True, id="run.panel_people"),
    Binding("f4", "review", N_("Review"), priority=True, id="run.review"),
    Binding(
        "f7",
        "toggle_panel('day-table')",
        N_("Team's day"),
        show=False,
        priority=True,
        id="run.day_board",
    ),  # a daily meeting's plans and reports (run_day)
    Binding("ctrl+z", "undo", N_("Undo"), show=False, priority=True, id="run.undo"),
    Binding("plus", "extend(5)", N_("+5 min"), show=False, id="run.more_time_plus"),
    Binding("minus", "extend(-5)", N_("-5 min"), show=False, id="run.less_time_minus"),
    *_speaker_bindings(),
    Binding("t", "take_over", N_("Take over as scribe"), id="run.take_over"),
    Binding("escape", "stop_watching", N_("Back"), id="run.stop_watching"),
    Binding("escape", "leave", N_("Back"), id="run.leave"),
    Binding("escape", "switch_focus", N_("Line / entries"), show=False, id="run.switch"),
    Binding("f1", "app.help", N_("Help"), show=False, id="run.help"),
    # Letters go to the capture line: the way out to the lists is on function keys.
    # The meeting runs on; Esc from the list comes back here.
    Binding("f5", "app.actions", N_("Actions"), show=False, priority=True, id="run.actions"),
    Binding("f6", "app.meetings", N_("Meetings"), show=False, priority=True, id="run.meetings"),
]
