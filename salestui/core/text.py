"""Cleaning user text: control characters never reach the database or the screen."""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, two-character escapes), then any remaining C0/C1
# control character except tab and newline.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps \\t and \\n)."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def clean_text(text: str) -> str:
    """Multi-line text: controls stripped, CRLF normalised, outer whitespace trimmed."""
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def clean_line(text: str) -> str:
    """Single-line text: like clean_text, and newlines/tabs collapsed into spaces."""
    return " ".join(strip_controls(text).split())
