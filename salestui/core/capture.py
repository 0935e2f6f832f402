"""The one-line capture grammar of the live meeting (DESIGN.md, "The capture line").

``parse_capture`` turns what the chair types into a ``Capture``; ``describe`` is the live
preview shown under the input while they type. Both are pure and cheap enough to run on
every keystroke. ``parse_capture`` raises only ``InvalidInput`` and ``NotFound``, with
translated messages; nothing is saved from a line that fails.

The grammar, beyond the contract table:

* Commands are case-insensitive and end at whitespace or the end of the line
  (``/dance`` is an unknown command, not ``/d``; an unknown ``/xyz`` is an error that
  lists the commands). ``#`` commands and the Chinese ones may also end with a colon.
  Full-width forms typed with a Chinese input method work everywhere: ``／a``,
  ``＃action``, ``＠王芳``, ``due：fri``, ``Ｐ１``.
* Chinese commands end with a colon and may be glued to the text: ``决定：``/``决议：``
  make a decision, ``行动：``/``待办：`` an action.
* ``//text`` escapes the command: a note whose text starts with ``/``.
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
from dataclasses import dataclass
from datetime import date

from salestui.core.dates import (
    check_dates_in,
    format_day,
    parse_date,
    split_leading_date,
    split_trailing_date,
)
from salestui.core.errors import InvalidInput, NotFound, SalestuiError
from salestui.core.models import EntryKind
from salestui.core.names import PersonRef, fold_name, join_names, match_person
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

# --- tokens ----------------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"'“”‘’，。、；！？（）【】「」《》]+", re.IGNORECASE)
_URL_TRAIL = ".,;:!?'\")]}>*"
# An @ that does not continue an email address or a word.
_MENTION_START = r"(?<![A-Za-z0-9._%+\-/&])@"
_MENTION = re.compile(
    _MENTION_START
    + r"(?:\"(?P<q1>[^\"]*)\"|“(?P<q2>[^”]*)”"
    + r"|(?P<bare>[^\s@#,、;:!?()\[\]【】\"“”<>。|]+)"
    + r"|(?P<open>[\"“]))"
)
_TAG = re.compile(r"(?<![A-Za-z0-9_&/#])#(?P<tag>[^\W_][\w\-]*)")
_PRIORITY = re.compile(r"(?<!\S)[pP](?P<p>[1-3])(?!\S)")
_DUE = re.compile(r"(?:(?<![^\s(\[])due|截止)\s*:\s*", re.IGNORECASE)
_SPACE_RUN = re.compile(r"[\s\x00]+")
_CLOSING = ".,;:!?)]}。，；：！？）】、"
# Separators and "and" left between two removed tokens (``@王芳、@李明``, ``@li and @zw``).
_BETWEEN_REMOVED = re.compile(r"(?<=\x00)(?:[\s,、;&+/]|\band\b|和|与|及)+(?=\x00)", re.IGNORECASE)
# Punctuation left at either end of a title once the tokens around it are gone.
_EDGE_PUNCT = re.compile(r"^[\s,、;:，；：]+|[\s,、;:，；：]+$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f]")
_LEADING_CONNECTOR = re.compile(r"^(?:之前|以前|前)\s*")
_BEFORE_LEADING_DATE = re.compile(
    r"^(?:(?:by|before|until|till|due)\s+|(?:截止|截至|最晚)\s*)", re.I
)
_TRAILING_CONNECTOR = re.compile(
    r"(?:\s+(?:by|before|until|till|on|due)|\s*(?:截止|截至|最晚))$", re.IGNORECASE
)
_TRAILING_CN_CONNECTOR = re.compile(r"(?:之前|以前|前)$")
_MAX_DUE_WORDS = 4
_CONNECTOR_WORDS = frozenset({"next", "this", "in", "end", "the", "of"})

_OWNER, _TAGSPAN, _PRIO, _DUESPAN = "owner", "tag", "priority", "due"


@dataclass
class _Span:
    start: int
    end: int
    kind: str


def _overlaps(start: int, end: int, spans: Sequence[_Span]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


def _trim_url(url: str) -> str:
    while url and url[-1] in _URL_TRAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


# --- the parser ------------------------------------------------------------------------------


def _command(text: str, folded: str) -> tuple[EntryKind | None, int]:
    """(kind given by a leading command or None, where the body starts)."""
    if folded.startswith("//"):
        return EntryKind.NOTE, 1
    m = _SLASH_CMD.match(folded)
    if m:
        kind = _SLASH.get(m.group(1).lower())
        if kind is None:
            known = " ".join(f"/{name}" for name in _SLASH)
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


def _resolve_owner(name: str, people: Sequence[PersonRef]) -> tuple[PersonRef, int]:
    """The person ``name`` names and how many characters of ``name`` that used.

    A name glued to the following text (``王芳提交计划``, ``wf提交``) is cut at the longest
    exact full name, or at the change from Latin letters to Chinese characters.
    """
    try:
        return match_person(name, people), len(name)
    except NotFound:
        if not _HAN.search(name):
            raise
        for cut in range(len(name) - 1, 0, -1):
            head = fold_name(name[:cut])
            exact = [p for p in people if fold_name(p.name) == head]
            if len(exact) == 1:
                return exact[0], cut
        latin = re.match(r"[A-Za-z0-9]+(?=[^\x00-\x7f])", name)
        if latin:
            return match_person(latin.group(), people), latin.end()
        raise


def _find_due(text: str, start: int, stop: int, today: date) -> tuple[date, int]:
    """The date after a ``due:`` marker in ``text[start:stop]`` and where it ends."""
    region = text[start:stop]
    words = list(re.finditer(r"\S+", region))
    if not words:
        raise InvalidInput(_("Give a date after due:"))
    found, rest = split_leading_date(region, today, strict=True)
    if found is not None:
        consumed = len(region.rstrip()) - len(rest)
        return found, start + consumed
    for count in range(min(len(words), _MAX_DUE_WORDS), 0, -1):
        phrase = region[words[0].start() : words[count - 1].end()]
        try:
            return parse_date(phrase, today), start + words[count - 1].end()
        except (SalestuiError, ValueError, OverflowError):
            continue
    shown = [words[0].group()]
    for word in words[1:3]:
        if shown[-1].lower() not in _CONNECTOR_WORDS:
            break
        shown.append(word.group())
    phrase = " ".join(shown)
    parse_date(phrase, today)  # raises InvalidInput naming the phrase
    raise InvalidInput(_("Unknown due date: {text}").format(text=phrase))


def _collapse(text: str) -> str:
    """Collapse whitespace; a removed token (``\\x00``) between Chinese text leaves nothing."""

    def join(m: re.Match[str]) -> str:
        run = m.group()
        before = m.string[m.start() - 1] if m.start() else ""
        after = m.string[m.end()] if m.end() < len(m.string) else ""
        if "\x00" in run and after and after in _CLOSING:
            return ""
        if run.strip("\x00"):
            return " "
        if not before or not after:
            return ""
        if _HAN.match(before) or _HAN.match(after):
            return ""
        return " "

    return _SPACE_RUN.sub(join, text).strip()


def _natural_dates(title: str, today: date) -> tuple[list[date], str]:
    """Dates at the start and at the end of an action's title, and the title without them.

    Strict: a date-shaped phrase there that names no real date (``2/30``, ``下周八``) raises
    ``InvalidInput``, and so does one that can only be a date anywhere in the title
    (``2026-02-30``, ``2月30日``); it is never kept as title text nor guessed in part.
    """
    dates: list[date] = []
    leading, rest = split_leading_date(title, today, strict=True)
    connector = _BEFORE_LEADING_DATE.match(title)
    if leading is None and connector:
        leading, rest = split_leading_date(title[connector.end() :], today, strict=True)
    if leading is not None:
        dates.append(leading)
        title = _LEADING_CONNECTOR.sub("", rest)
    trailing, rest = split_trailing_date(title, today, strict=True)
    if trailing is None and _TRAILING_CN_CONNECTOR.search(title):
        trailing, rest = split_trailing_date(
            _TRAILING_CN_CONNECTOR.sub("", title), today, strict=True
        )
    if trailing is not None:
        dates.append(trailing)
        title = _TRAILING_CONNECTOR.sub("", rest)
    check_dates_in(title, today)
    return dates, _EDGE_PUNCT.sub("", title)


def _rest_of_name(person: PersonRef, typed: str, folded: str, end: int) -> int:
    """Where a full name typed with spaces after ``@`` ends (``@Li Ming``), else ``end``."""
    full, start = fold_name(person.name), fold_name(typed)
    if not full.startswith(start + " "):
        return end
    rest = full[len(start) + 1 :]
    m = re.match(r"\s+", folded[end:])
    if m is None:
        return end
    after = end + m.end()
    candidate = folded[after : after + len(rest)]
    following = folded[after + len(rest) : after + len(rest) + 1]
    if fold_name(candidate) == rest and (not following or not following.isalnum()):
        return after + len(rest)
    return end


def parse_capture(line: str, people: Sequence[PersonRef], today: date) -> Capture:
    """Read one capture line. Raises ``InvalidInput`` or ``NotFound`` (translated)."""
    text = clean_capture_text(line).strip()
    folded = text.translate(_FOLD)
    if not text:
        raise InvalidInput(_("Nothing to capture"))

    kind, body_start = _command(text, folded)
    body, fbody = text[body_start:], folded[body_start:]
    if kind is None:
        kind = EntryKind.NOTE
        if _URL.fullmatch(fbody) and _trim_url(body) == body:
            return Capture(kind=EntryKind.LINK, text=body, links=(body,))
    is_action = kind is EntryKind.ACTION

    spans: list[_Span] = []
    links: list[str] = []
    for m in _URL.finditer(fbody):
        url = _trim_url(body[m.start() : m.end()])
        spans.append(_Span(m.start(), m.start() + len(url), "url"))
        if url not in links:
            links.append(url)

    owners: list[PersonRef] = []
    for m in _MENTION.finditer(fbody):
        if _overlaps(m.start(), m.end(), spans):
            continue
        if m.group("open") is not None:
            if is_action:
                raise InvalidInput(_("Close the quote after @"))
            continue
        quoted = m.group("q1") if m.group("q1") is not None else m.group("q2")
        end = m.end()
        if quoted is not None:
            name = body[m.start("q1" if m.group("q1") is not None else "q2") : end - 1]
        else:
            name = body[m.start("bare") : m.end("bare")]
            stripped = name.rstrip(".'’")
            end -= len(name) - len(stripped)
            name = stripped
        if not name.strip():
            continue
        try:
            if quoted is None and is_action:
                person, used = _resolve_owner(name, people)
                end = m.start("bare") + used
                if used == len(name):
                    end = _rest_of_name(person, name, fbody, end)
            else:
                person = match_person(name, people)
        except SalestuiError:
            if is_action:
                raise
            continue
        if not any(_same(person, o) for o in owners):
            owners.append(person)
        if is_action:
            spans.append(_Span(m.start(), end, _OWNER))

    tags: list[str] = []
    for m in _TAG.finditer(fbody):
        tag = m.group("tag").rstrip("-")
        if not any(ch.isalpha() for ch in tag) or _overlaps(m.start(), m.end(), spans):
            continue
        tag = body[m.start("tag") : m.start("tag") + len(tag)].casefold()
        spans.append(_Span(m.start(), m.start("tag") + len(tag), _TAGSPAN))
        if tag not in tags:
            tags.append(tag)

    priority: int | None = None
    due_dates: list[date] = []
    if is_action:
        for m in _PRIORITY.finditer(fbody):
            if _overlaps(m.start(), m.end(), spans):
                continue
            value = int(m.group("p"))
            if priority is not None and priority != value:
                raise InvalidInput(
                    _("Two priorities: p{first} and p{second}").format(first=priority, second=value)
                )
            priority = value
            spans.append(_Span(m.start(), m.end(), _PRIO))
        for m in list(_DUE.finditer(fbody)):
            if _overlaps(m.start(), m.end(), spans):
                continue
            stop = min([s.start for s in spans if s.start >= m.end()] + [len(fbody)])
            nxt = _DUE.search(fbody, m.end())
            if nxt is not None:
                stop = min(stop, nxt.start())
            found, end = _find_due(body, m.end(), stop, today)
            due_dates.append(found)
            spans.append(_Span(m.start(), end, _DUESPAN))

    removed = {_OWNER, _TAGSPAN, _PRIO, _DUESPAN}
    chars = list(body)
    for span in spans:
        if span.kind in removed:
            chars[span.start : span.end] = ["\x00"] * (span.end - span.start)
    masked = _BETWEEN_REMOVED.sub(lambda m: "\x00" * len(m.group()), "".join(chars))
    title = _EDGE_PUNCT.sub("", _collapse(masked))

    if is_action:
        natural, title = _natural_dates(title, today)
        due_dates += natural
        distinct = sorted(set(due_dates))
        if len(distinct) > 1:
            raise InvalidInput(
                _("Two different due dates: {dates}").format(
                    dates=join_names([format_day(d, today) for d in distinct])
                )
            )
        due = distinct[0] if distinct else None
    else:
        due = None

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


def _same(a: PersonRef, b: PersonRef) -> bool:
    return a is b or (a.id is not None and a.id == b.id)


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
    if capture.tags:
        preview = _("{preview}, {tags}").format(
            preview=preview, tags=" ".join(f"#{tag}" for tag in capture.tags)
        )
    return preview


def note_text(line: str) -> str:
    """The words a note keeps of its capture line: all of it but a leading ``/n``-style
    command (a note's text is never re-read for owners, dates or tags)."""
    text = clean_capture_text(line).strip()
    kind, start = _command(text, text.translate(_FOLD))
    return text[start:].strip() if kind is not None else text


def starts_with_command(line: str) -> bool:
    """True when the line begins with a capture command (``/a``, ``#agreed``, ``决定:`` ...,
    or an unknown ``/word``, which the parser will refuse)."""
    text = clean_capture_text(line).strip()
    try:
        kind, _start = _command(text, text.translate(_FOLD))
    except InvalidInput:
        return True
    return kind is not None
