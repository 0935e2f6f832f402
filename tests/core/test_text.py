"""Cleaning text: terminal controls and bidi overrides never stored, never shown."""

from __future__ import annotations

import json

import pytest

from salestui.core.errors import InvalidInput
from salestui.core.models import ActionItem, FollowUp, Meeting, Person
from salestui.core.text import clean_line, clean_text, json_safe, read_text, strip_controls

HOSTILE = "\x1b]0;pwned\x07\x1b[31mred\x1b[0m \x9b2J \u202eevil\u2066x\u2069 \x00\x7f"


def test_controls_and_bidi_overrides_are_stripped() -> None:
    assert strip_controls(HOSTILE) == "red 2J evilx "
    assert clean_line("a\tb\nc" + HOSTILE) == "a b cred 2J evilx"
    assert clean_text("line one\r\nline\ttwo\x1b[2J") == "line one\nline\ttwo"
    assert strip_controls("王芳 · 回款 ✓") == "王芳 · 回款 ✓"  # nothing else is touched


def test_every_stored_text_field_is_cleaned() -> None:
    meeting = Meeting(title=f"T{HOSTILE}", purpose=f"P\n{HOSTILE}", location=f"R{HOSTILE}")
    assert meeting.title == "Tred 2J evilx"
    assert meeting.purpose == "P\nred 2J evilx"
    assert meeting.location == "Rred 2J evilx"
    action = ActionItem(title="x", tags=[f"t{HOSTILE}", "\x1b[0m"], waiting_on=HOSTILE)
    assert action.tags == ["tred 2J evilx"]
    assert action.waiting_on == "red 2J evilx"
    person = Person(name="王芳\u202e", team="华东\x07")
    assert (person.name, person.team) == ("王芳", "华东")
    assert FollowUp(action_id=1, note=HOSTILE).note == "red 2J evilx"


@pytest.mark.parametrize(
    "build",
    [
        lambda: FollowUp(action_id=1, note="x" * 20_001),
        lambda: Meeting(title="t", purpose="p", location="x" * 201),
        lambda: ActionItem(title="t", tags=["x" * 41]),
        lambda: ActionItem(title="t", tags=[f"t{i}" for i in range(21)]),
        lambda: Person(name="x", email="x" * 201),
        lambda: ActionItem(title="t", blocked_by="x" * 501),
    ],
)
def test_free_text_has_length_limits(build) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        build()


def test_text_read_from_the_database_is_cleaned_and_never_fails() -> None:
    assert read_text(HOSTILE.encode()) == "red 2J evilx "
    assert read_text(b"caf\xe9") == "caf\ufffd"
    assert read_text(b"a\x1fb") == "a\x1fb"  # the store's list separator stays


def test_json_escapes_what_a_terminal_would_act_on() -> None:
    document = json.dumps({"t": "a\x9b2J \u202eb 王"}, ensure_ascii=False)
    safe = json_safe(document)
    assert "\x9b" not in safe and "\u202e" not in safe and "王" in safe
    assert json.loads(safe) == {"t": "a\x9b2J \u202eb 王"}
