"""Building CommonMark that user text can never break, and that markdownlint accepts.

User text is put inline only: newlines collapse to spaces, markdown punctuation is
backslash-escaped, URLs become autolinks (so no bare URLs), and control characters are
gone. The ``Document`` builder owns blank lines, so headings, lists and tables are always
surrounded by exactly one blank line and the file ends with one newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from salestui.core.text import clean_line
from salestui.i18n import _

# ``|`` belongs to a URL (it is percent-encoded in the autolink, so a table cell never
# splits there); a URL the writer put in angle brackets may even hold spaces.
_URL = re.compile(
    r"<(?P<bracketed>https?://[^<>\n]+)>"
    r"|https?://[^\s<>\"'`\\]*[^\s<>\"'`\\.,;:!?)\]|。，；：！？）]"
)
# Characters that may not appear raw inside a CommonMark autolink (or a GFM table cell).
_URL_UNSAFE = {" ": "%20", "|": "%7C", "<": "%3C", ">": "%3E", "\t": "%09", "\\": "%5C"}
# A word after a space that still belongs to the URL of a link entry: it has path or
# query punctuation, or ends like a file name (``Q3 plan.pdf``, ``a b|c``).
_URL_MORE = re.compile(r"[^\s<>\"`]*(?:[/?=&%|#][^\s<>\"`]*|\.[A-Za-z0-9]{1,5})")
# Characters with a meaning somewhere in CommonMark or GFM tables.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# At the start of a block these turn text into a list item or a thematic break.
_LEADING = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=])")
_HEADING_TRAILING = ".,;:!。，；：！"


def _escape_plain(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


@lru_cache(maxsize=4096)  # a pure function, called again for names and titles
def inline(text: str | None) -> str:
    """User text as one safe inline run. URLs become ``<url>`` autolinks."""
    if not text:
        return ""
    line = clean_line(text)
    out: list[str] = []
    last = 0
    for match in _URL.finditer(line):
        out.append(_escape_plain(line[last : match.start()]))
        out.append(autolink(match.group("bracketed") or match.group(0)))
        last = match.end()
    out.append(_escape_plain(line[last:]))
    return _LEADING.sub(_escape_leading, "".join(out))


def autolink(url: str) -> str:
    """One URL as one ``<...>`` autolink: spaces, ``|`` and brackets percent-encoded."""
    return "<" + "".join(_URL_UNSAFE.get(ch, ch) for ch in url.strip()) + ">"


def link_entry(text: str | None) -> str:
    """A link entry (``/l URL [description]``): the URL stays one link even when it holds
    spaces or ``|``; the words after it that are not part of it stay plain text."""
    line = clean_line(text or "")
    if not re.match(r"https?://", line):
        return inline(line)
    words = line.split(" ")
    end = 1
    while end < len(words) and _URL_MORE.fullmatch(words[end]):
        end += 1
    url = " ".join(words[:end]).rstrip(".,;:!?)]。，；：！？）")
    rest = line[len(url) :]
    gap = " " if rest[:1].isspace() else ""
    return autolink(url) + gap + inline(rest)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"\\{match.group(3)}"


def annotate(text: str, note: str) -> str:
    """``text (note)``: a space before a bracketed note in English, none in Chinese (the
    note's full-width brackets carry their own spacing)."""
    return _("{text} {bracketed}").format(text=text, bracketed=note) if note else text


def labelled(label: str, text: str) -> str:
    """``**Label:** text``: the translated ``label`` in bold with the language's colon
    (full-width in Chinese). The markup is added here, never inside a message."""
    with_colon = _("{label}:").format(label=label)
    return f"**{with_colon}** {text}"


def cell(text: str | None) -> str:
    """Text for a table cell (``inline`` escapes ``|`` already; empty becomes a dash)."""
    value = inline(text)
    return value if value else "-"


def heading(text: str) -> str:
    """Heading text: inline-escaped, without trailing punctuation (markdownlint MD026)."""
    value = clean_line(text).rstrip(_HEADING_TRAILING).strip()
    return inline(value)


# "**缺席：** （无）": the space a label leaves before a full-width bracket goes.
_SPACE_BEFORE_FULL_WIDTH = re.compile(r"(?<=\*\*) (?=[（【《「])")


def _tidy(line: str) -> str:
    return _SPACE_BEFORE_FULL_WIDTH.sub("", line)


class Document:
    """Collects blocks; ``render()`` joins them with single blank lines."""

    def __init__(self) -> None:
        self._blocks: list[str] = []

    def heading(self, level: int, text: str, number: int | None = None) -> None:
        """A heading of user text, optionally numbered ("### 2. 问题与对策")."""
        prefix = f"{number}. " if number is not None else ""
        self._blocks.append(f"{'#' * level} {prefix}{heading(text)}")

    def paragraph(self, text: str) -> None:
        """A paragraph of already-escaped markdown."""
        if text:
            self._blocks.append(_tidy(text))

    def bullets(self, items: Iterable[str]) -> None:
        """A bullet list of already-escaped markdown lines."""
        lines = [f"- {_tidy(item)}" for item in items if item]
        if lines:
            self._blocks.append("\n".join(lines))

    def numbered(self, items: Iterable[str]) -> None:
        lines = [f"{n}. {item}" for n, item in enumerate((i for i in items if i), start=1)]
        if lines:
            self._blocks.append("\n".join(lines))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        """A GFM table; header and cells are already escaped (empty cells become "-")."""
        lines = [
            "| " + " | ".join(header) + " |",
            "| " + " | ".join("---" for _ in header) + " |",
        ]
        lines += ["| " + " | ".join(c or "-" for c in row) + " |" for row in rows]
        self._blocks.append("\n".join(lines))

    def render(self) -> str:
        return "\n\n".join(self._blocks) + "\n"
