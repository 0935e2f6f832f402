"""Cleaning user text: control characters never reach the database or the screen.

Two guards: text is cleaned when it comes in (the models' validators), and every text
value read back from the database is cleaned again (``read_text``, the connection's text
factory), because another tool may have written raw escape sequences into the file.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, two-character escapes), then any remaining C0/C1
# control character except tab and newline, and the bidi overrides and isolates that can
# make a line read differently from what it holds (U+202A-U+202E, U+2066-U+2069).
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What a JSON document may carry raw but a terminal would act on: DEL, C1, bidi controls.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, except U+001F: the store joins lists (an action's owners) with it; the row
# models clean each part afterwards.
_READ_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1e\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: how Python decodes bytes that are not UTF-8 in argv and file names.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters (keeps \\t and \\n) and bidi
    overrides/isolates."""
    if _CONTROL.search(text) is None:
        return text  # the common case: nothing to do, no copy
    return _CONTROL.sub("", _ANSI.sub("", text))


def clean_text(text: str) -> str:
    """Multi-line text: controls stripped, CRLF normalised, outer whitespace trimmed."""
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def clean_line(text: str) -> str:
    """Single-line text: like clean_text, and newlines/tabs collapsed into spaces."""
    return " ".join(strip_controls(text).split())


def read_text(raw: bytes) -> str:
    """The database connection's text factory: every TEXT value read is decoded (bytes
    that are not UTF-8 become U+FFFD instead of an error) and stripped of controls."""
    text = raw.decode("utf-8", "replace")
    if _READ_CONTROL.search(text) is None:
        return text
    return _READ_CONTROL.sub("", _ANSI.sub("", text))


def json_safe(document: str) -> str:
    """Escape, in a JSON document, the characters ``json.dumps(ensure_ascii=False)`` leaves
    raw but a terminal acts on (C1 controls such as U+009B, DEL, bidi controls)."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


# A byte that every character ``json_safe`` escapes starts with in UTF-8: DEL, C1 (U+0080-
# U+009F: C2 80-9F) and the bidi controls (U+202A-U+202E, U+2066-U+2069: E2 ...). Single
# bytes, so that each is one ``memchr`` over the document.
_UNSAFE_STARTS = (b"\x7f", b"\xc2", b"\xe2")


def json_safe_already(document: bytes) -> bool:
    """True when the UTF-8 ``document`` holds none of what ``json_safe`` escapes, so it
    needs no scan character by character (a byte search is many times faster)."""
    return not any(start in document for start in _UNSAFE_STARTS)


def has_surrogates(text: str) -> bool:
    """True when ``text`` came from bytes that are not valid UTF-8."""
    return _SURROGATE.search(text) is not None
