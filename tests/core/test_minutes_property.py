"""Property: whatever people type, the minutes keep their structure.

For arbitrary titles, notes, names, decisions and actions (markdown punctuation, HTML,
CJK, control characters, newlines), the minutes parse back with markdown-it-py into the
same sections, with one row per action and one list item per decision.
"""

from __future__ import annotations

import tempfile
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from salestui.core.clock import FixedClock
from salestui.core.db import open_store
from salestui.core.errors import InvalidInput
from salestui.core.export.minutes import render_minutes
from salestui.core.meeting import LiveMeeting
from salestui.core.models import NAME_MAX, Decision, DecisionStatus
from salestui.core.service import Services
from salestui.core.text import clean_line

SECTIONS = [
    "Attendance", "Agenda", "Previous actions reviewed", "Discussion", "Decisions",
    "Action items", "Action items by person", "Parking lot", "Timing",
]  # fmt: skip
NOW = datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))

# Text that tries to break markdown: its punctuation, HTML, CJK, controls, newlines.
_pieces = st.sampled_from(
    list("ab 王芳回款|#*_`<>[]()!-+=.~&\\\n\t\x1b\x07") + ["<script>", "https://x.cn/a_b", "1. "]
)
hostile = (
    st.lists(_pieces, min_size=1, max_size=30)
    .map("".join)
    .filter(lambda text: clean_line(text) != "")
)


def _parse(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def _section_tokens(tokens, title: str):
    """The tokens between the h2 called ``title`` and the next h2."""
    start = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            if start is not None:
                return tokens[start:index]
            if tokens[index + 1].content == title:
                start = index + 3
    return tokens[start:] if start is not None else []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    title=hostile,
    names=st.lists(
        hostile.filter(lambda name: len(clean_line(name)) <= NAME_MAX),  # a name's limit
        min_size=1,
        max_size=3,
        unique_by=lambda n: clean_line(n).lower(),
    ),
    notes=st.lists(hostile, max_size=3),
    decisions=st.lists(hostile, max_size=3),
    actions=st.lists(st.tuples(hostile, st.booleans()), max_size=4),
)
def test_minutes_keep_their_structure(title, names, notes, decisions, actions) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "p.db")
        try:
            services = Services(store, FixedClock(NOW))
            people = [services.add_person(name) for name in names]
            meeting = services.new_meeting(title, title, start=NOW, minutes=30)
            item = services.add_agenda_item(meeting.id, title, 10, presenter=people[0].id)
            services.invite(meeting.id, [p.id for p in people])
            live = LiveMeeting(services)
            live.start(meeting.id)
            for note in notes:
                # A note of tags alone ("#a") leaves no text: the line is refused, as in the app.
                with suppress(InvalidInput):
                    live.capture(meeting.id, "/n " + clean_line(note))
            for text in decisions:
                store.add_decision(
                    Decision(meeting_id=meeting.id, agenda_item_id=item.id, text=text,
                             status=DecisionStatus.CONFIRMED, decided_at=NOW)
                )  # fmt: skip
            for text, owned in actions:
                services.add_action(
                    text, [people[0].id] if owned else [], meeting_id=meeting.id,
                    agenda_item_id=item.id,
                )  # fmt: skip
            services.clock.advance(minutes=5)  # type: ignore[attr-defined]
            live.end(meeting.id)
            minutes = render_minutes(services, meeting.id)
        finally:
            store.close()

    tokens = _parse(minutes)
    h1 = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens)
          if t.type == "heading_open" and t.tag == "h2"]  # fmt: skip
    assert len(h1) == 1
    assert h2 == SECTIONS
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]

    decided = _section_tokens(tokens, "Decisions")
    assert len([t for t in decided if t.type == "list_item_open"]) == len(decisions)

    table = _section_tokens(tokens, "Action items")
    body_rows = [t for t in table if t.type == "tr_open"][1:] if actions else []
    assert len(body_rows) == len(actions)
    if actions:
        cells_per_row = {
            sum(1 for t in table[i:] if t.type == "td_open") for i, t in enumerate(table)
            if t.type == "tr_open"
        }  # fmt: skip
        assert len([t for t in table if t.type == "td_open"]) == 4 * len(actions)
        assert cells_per_row  # parsed as a real table
