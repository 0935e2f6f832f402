"""The one-line capture grammar of the live meeting (DESIGN.md, "The capture line").

``parse_capture`` turns what the chair types into a ``Capture``; ``describe`` is the live
preview shown under the input while they type. Both are pure and cheap enough to run on
every keystroke. ``parse_capture`` raises only ``InvalidInput`` and ``NotFound``, with
translated messages; nothing is saved from a line that fails. The tokens of a line's body
(links, mentions, tags, priority, dates, the title left) are read by ``capture_tokens``.

The grammar, beyond the contract table:

* Commands are case-insensitive and end at whitespace or the end of the line
  (``/dance`` is an unknown command, not ``/d``; an unknown ``/xyz`` is an error that
  lists the commands). ``#`` commands and the Chinese ones may also end with a colon.
  Full-width forms typed with a Chinese input method work everywhere: ``／a``,
  ``＃action``, ``＠王芳``, ``due：fri``, ``Ｐ１``.
* Chinese commands end with a colon and may be glued to the text: ``决定：``/``决议：``
  make a decision, ``行动：``/``待办：`` an action.
* ``//text`` escapes the command: a note whose text starts with ``/``.
* A leading ``/c`` (``/confidential``) or ``保密:`` marks the entry confidential, before
  any command: ``/c /d ...``, ``保密:决定:...``, ``/c`` alone with text is a note. It is
  shown with a marker and left out of exports (``core.export.confidential``).
* A line that is only an http(s) URL is a link. URLs anywhere are collected into
  ``links`` and stay in the text; nothing inside a URL is an owner, tag or date.
* ``#tag`` (letters, digits, ``_``, ``-``; at least one letter, so ``#12`` stays text;
  not after a letter, so ``C#`` stays text) adds a tag in every kind and is removed from
  the text; tags are case-folded and deduplicated.
* ``@name``, ``@"Li Ming"``, ``@“Li Ming”``: an ``@`` right after an ASCII letter, digit
  or one of ``._%+-`` is part of an email address, not a mention. In an action the names
  are the owners (removed from the title; unknown -> ``NotFound``, ambiguous ->
  ``InvalidInput``). ``@Li Ming`` takes the second word too when together they are the
  full name; a Chinese name glued to the text (``@王芳提交计划``) is cut at the longest
  exact full name. Separators between owners (``、`` ``,`` ``和`` ``and``) are dropped.
  In every other kind ``@name`` stays in the text; the names that resolve to exactly one
  person are reported in ``owners`` (a decision may name who), the others are ignored -
  a note never fails because of an ``@``.
* Actions only: ``due:<date>`` (also ``截止:<date>``; the date is the longest phrase that
  reads as one, several words allowed, or a Chinese date glued to the text), ``p1``/
  ``p2``/``p3`` standalone (two different ones are an error), and a natural date right
  after the owners (at the start of the title) or at the very end of the title. Every
  date given these ways must agree (otherwise ``InvalidInput``). A connector left
  dangling by a natural date is dropped: ``by``/``before``/``until``/``on``/``due`` and
  ``截止``/``截至``/``最晚`` before it, ``前``/``之前``/``以前`` after it. ``p0``/``p4``,
  and ``due:`` or ``p1`` in other kinds, are plain text.
* Terminal control characters are removed from the text: escape sequences and C1
  controls disappear, other C0 controls (tab, newline, ...) become spaces; bidi
  override/isolate characters are removed too. Whitespace is collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from salestui.core.capture_tokens import (
    Span,
    find_due_markers,
    find_links,
    find_owners,
    find_priority,
    find_tags,
    is_only_link,
    natural_dates,
    one_due_date,
    title_without,
)
from salestui.core.dates import format_day
from salestui.core.errors import InvalidInput
from salestui.core.models import EntryKind
from salestui.core.names import PersonRef, join_names
from salestui.i18n import N_, _

__all__ = [
    "COMMANDS",
    "Capture",
    "EntryKind",
    "clean_capture_text",
    "describe",
    "parse_capture",
]


@dataclass(frozen=True)
class Capture:
    """What one capture line means. ``text`` is the title of an action or agenda item."""

    kind: EntryKind
    text: str
    owners: tuple[PersonRef, ...] = ()
    due: date | None = None
    priority: int | None = None
    tags: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    confidential: bool = False  # a leading /c or 保密: (left out of exports)


# --- commands --------------------------------------------------------------------------------

_SLASH = {
    "n": EntryKind.NOTE,
    "note": EntryKind.NOTE,
    "d": EntryKind.DECISION,
    "decide": EntryKind.DECISION,
    "a": EntryKind.ACTION,
    "action": EntryKind.ACTION,
    "l": EntryKind.LINK,
    "link": EntryKind.LINK,
    "p": EntryKind.PARK,
    "park": EntryKind.PARK,
    "t": EntryKind.TOPIC,
    "topic": EntryKind.TOPIC,
}
_HASH = {
    "info": EntryKind.NOTE,
    "agreed": EntryKind.DECISION,
    "action": EntryKind.ACTION,
    "link": EntryKind.LINK,
    "topic": EntryKind.TOPIC,
}
_CHINESE = {
    "决定": EntryKind.DECISION,
    "决议": EntryKind.DECISION,
    "行动": EntryKind.ACTION,
    "待办": EntryKind.ACTION,
}

COMMANDS: tuple[tuple[str, EntryKind], ...] = (
    *((f"/{name}", kind) for name, kind in _SLASH.items()),
    *((f"#{name}", kind) for name, kind in _HASH.items()),
    *((f"{name}:", kind) for name, kind in _CHINESE.items()),
)
"""Every command the capture line knows, for completion lists and help."""

_SLASH_CMD = re.compile(r"/(\S*)")
# The confidential marker, before any command: ``/c``, ``/confidential``, ``保密:``.
_CONFIDENTIAL = re.compile(r"(?:/c(?:onfidential)?(?=\s|$)|保密\s*:)\s*", re.IGNORECASE)
_HASH_CMD = re.compile(r"#([^\s:]+)(?::|(?=\s|$))")
_CHINESE_CMD = re.compile(r"(" + "|".join(_CHINESE) + r")\s*:\s*")

# --- text cleaning ---------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"  # two-character (and nF) escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI (other C1 controls are removed one by one)
)
_C0 = re.compile(r"[\x00-\x1f\u2028\u2029]")
_REMOVED = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_capture_text(text: str) -> str:
    """Remove terminal controls: escape sequences, C1 and bidi controls vanish, C0 -> space.

    Keeps the length meaningful for further parsing; does not collapse whitespace.
    """
    return _REMOVED.sub("", _C0.sub(" ", _ESCAPES.sub("", text)))


# Full-width ASCII and the ideographic space fold to ASCII; the length is kept, so spans
# found in the folded text index the original.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

# --- the parser ------------------------------------------------------------------------------


def _command(text: str, folded: str) -> tuple[EntryKind | None, int]:
    """(kind given by a leading command or None, where the body starts)."""
    if folded.startswith("//"):
        return EntryKind.NOTE, 1
    m = _SLASH_CMD.match(folded)
    if m:
        kind = _SLASH.get(m.group(1).lower())
        if m.group(1).lower() in ("k", "kpi", "number"):
            raise InvalidInput(_("A /k line sets a number: type it as a new line"))
        if kind is None:
            known = " ".join([*(f"/{name}" for name in _SLASH), "/k"])
            raise InvalidInput(
                _("Unknown command {command}. Commands: {commands}").format(
                    command=text[: m.end()], commands=known
                )
            )
        return kind, m.end()
    m = _HASH_CMD.match(folded)
    if m and m.group(1).lower() in _HASH:
        return _HASH[m.group(1).lower()], m.end()
    m = _CHINESE_CMD.match(folded)
    if m:
        return _CHINESE[m.group(1)], m.end()
    return None, 0


def confidential_start(text: str) -> int:
    """Where the line goes on after a leading confidential marker (0: there is none)."""
    m = _CONFIDENTIAL.match(text.translate(_FOLD))
    return m.end() if m else 0


def parse_capture(line: str, people: Sequence[PersonRef], today: date) -> Capture:
    """Read one capture line. Raises ``InvalidInput`` or ``NotFound`` (translated)."""
    text = clean_capture_text(line).strip()
    secret = confidential_start(text)
    text = text[secret:]
    folded = text.translate(_FOLD)
    if not text:
        raise InvalidInput(_("Nothing to capture"))
    parsed = _parse(text, folded, people, today)
    return replace(parsed, confidential=True) if secret else parsed


def _parse(text: str, folded: str, people: Sequence[PersonRef], today: date) -> Capture:

    kind, body_start = _command(text, folded)
    body, fbody = text[body_start:], folded[body_start:]
    if kind is None:
        kind = EntryKind.NOTE
        if is_only_link(body, fbody):
            return Capture(kind=EntryKind.LINK, text=body, links=(body,))
    is_action = kind is EntryKind.ACTION

    # Each kind of token in turn; each one's spans hide what lies inside them from the next.
    spans: list[Span] = []
    links = find_links(body, fbody, spans)
    owners = find_owners(body, fbody, spans, people, is_action)
    tags = find_tags(body, fbody, spans)
    priority: int | None = None
    due_dates: list[date] = []
    if is_action:
        priority = find_priority(fbody, spans)
        due_dates = find_due_markers(body, fbody, spans, today)
    title = title_without(body, spans)

    due = None
    if is_action:
        natural, title = natural_dates(title, today)
        due = one_due_date(due_dates + natural, today)

    if not title:
        if is_action:
            raise InvalidInput(_("An action needs a title"))
        if kind is EntryKind.TOPIC:
            raise InvalidInput(_("A new agenda item needs a title"))
        raise InvalidInput(_("Nothing to capture"))

    return Capture(
        kind=kind,
        text=title,
        owners=tuple(owners),
        due=due,
        priority=priority,
        tags=tuple(tags),
        links=tuple(links),
    )


# --- the preview -----------------------------------------------------------------------------


_KIND_LABELS = {
    EntryKind.NOTE: N_("Note"),
    EntryKind.DECISION: N_("Decision (proposed)"),
    EntryKind.LINK: N_("Link"),
    EntryKind.PARK: N_("Parking lot"),
    EntryKind.TOPIC: N_("New agenda item"),
}


def describe(capture: Capture, today: date) -> str:
    """The one-line preview of a capture: ``Action -> 王芳, due Fri 5 Dec, p1``."""
    if capture.kind is EntryKind.ACTION:
        owners = join_names([p.name for p in capture.owners]) or _("Unassigned")
        preview = _("Action -> {owners}").format(owners=owners)
        if capture.due is not None:
            preview = _("{preview}, due {date}").format(
                preview=preview, date=format_day(capture.due, today)
            )
        if capture.priority is not None:
            preview = _("{preview}, p{priority}").format(preview=preview, priority=capture.priority)
    else:
        preview = _(_KIND_LABELS[EntryKind(capture.kind)])
    if capture.confidential:
        preview = _("Confidential {preview}").format(preview=preview)
    if capture.tags:
        preview = _("{preview}, {tags}").format(
            preview=preview, tags=" ".join(f"#{tag}" for tag in capture.tags)
        )
    return preview


def note_text(line: str) -> str:
    """The words a note keeps of its capture line: all of it but a leading ``/n``-style
    command (a note's text is never re-read for owners, dates or tags)."""
    text = clean_capture_text(line).strip()
    text = text[confidential_start(text) :]
    kind, start = _command(text, text.translate(_FOLD))
    return text[start:].strip() if kind is not None else text


def starts_with_command(line: str) -> bool:
    """True when the line begins with a capture command (``/a``, ``#agreed``, ``决定:`` ...,
    or an unknown ``/word``, which the parser will refuse)."""
    text = clean_capture_text(line).strip()
    if confidential_start(text):
        return True
    try:
        kind, _start = _command(text, text.translate(_FOLD))
    except InvalidInput:
        return True
    return kind is not None
