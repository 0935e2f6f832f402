"""The tokens of a capture line's body (see ``salestui.core.capture`` for the grammar):
links, ``@`` mentions and owners, ``#tags``, an action's priority, its ``due:`` dates and
the natural dates around its title, and the title left once they are taken out.

Each ``find_*`` function reads one kind of token and adds the span it takes to ``spans``:
a later token inside an earlier one's span is not a token (nothing in a URL is an owner).
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
from salestui.core.names import PersonRef, fold_name, join_names, match_person
from salestui.i18n import _

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
class Span:
    start: int
    end: int
    kind: str


def _overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


def _trim_url(url: str) -> str:
    while url and url[-1] in _URL_TRAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


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


def natural_dates(title: str, today: date) -> tuple[list[date], str]:
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


def _spelled_out(
    typed: str, folded: str, end: int, people: Sequence[PersonRef]
) -> tuple[PersonRef, int] | None:
    """The person whose full name with spaces follows ``@`` (``@Li Ming``) and where it
    ends, the longest such name winning; ``None`` when no full name is spelled out.

    Checked before the first word alone is matched, so ``@Li Ming`` names Li Ming even
    where ``Li`` by itself is ambiguous.
    """
    start = fold_name(typed)
    best: tuple[PersonRef, int] | None = None
    for person in people:
        full = fold_name(person.name)
        if not full.startswith(start + " "):
            continue
        rest = full[len(start) + 1 :]
        m = re.match(r"\s+", folded[end:])
        if m is None:
            continue
        after = end + m.end()
        candidate = folded[after : after + len(rest)]
        following = folded[after + len(rest) : after + len(rest) + 1]
        if fold_name(candidate) == rest and (not following or not following.isalnum()):
            if best is None or after + len(rest) > best[1]:
                best = (person, after + len(rest))
    return best


def _same(a: PersonRef, b: PersonRef) -> bool:
    return a is b or (a.id is not None and a.id == b.id)


# --- the tokens of a body, in the order the parser takes them --------------------------------


def is_only_link(body: str, folded: str) -> bool:
    """True when the whole body is one http(s) URL (a link line)."""
    return bool(_URL.fullmatch(folded)) and _trim_url(body) == body


def find_links(body: str, folded: str, spans: list[Span]) -> list[str]:
    """The URLs of the body, each once; their spans are kept (nothing inside is a token)."""
    links: list[str] = []
    for m in _URL.finditer(folded):
        url = _trim_url(body[m.start() : m.end()])
        spans.append(Span(m.start(), m.start() + len(url), "url"))
        if url not in links:
            links.append(url)
    return links


def find_owners(
    body: str, folded: str, spans: list[Span], people: Sequence[PersonRef], is_action: bool
) -> list[PersonRef]:
    """The people named with ``@``. In an action they are the owners (an unknown or
    ambiguous name raises, and the mention is removed from the title); elsewhere the names
    that resolve to one person, the mention left in the text."""
    owners: list[PersonRef] = []
    for m in _MENTION.finditer(folded):
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
            spelled = _spelled_out(name, folded, end, people) if quoted is None else None
            if spelled is not None:
                person, end = spelled
            elif quoted is None and is_action:
                person, used = _resolve_owner(name, people)
                end = m.start("bare") + used
            else:
                person = match_person(name, people)
        except SalestuiError:
            if is_action:
                raise
            continue
        if not any(_same(person, o) for o in owners):
            owners.append(person)
        if is_action:
            spans.append(Span(m.start(), end, _OWNER))
    return owners


def find_tags(body: str, folded: str, spans: list[Span]) -> list[str]:
    """The ``#tags`` of the body, case-folded, each once (removed from the title)."""
    tags: list[str] = []
    for m in _TAG.finditer(folded):
        tag = m.group("tag").rstrip("-")
        if not any(ch.isalpha() for ch in tag) or _overlaps(m.start(), m.end(), spans):
            continue
        tag = body[m.start("tag") : m.start("tag") + len(tag)].casefold()
        spans.append(Span(m.start(), m.start("tag") + len(tag), _TAGSPAN))
        if tag not in tags:
            tags.append(tag)
    return tags


def find_priority(folded: str, spans: list[Span]) -> int | None:
    """An action's ``p1``/``p2``/``p3`` (two different ones raise ``InvalidInput``)."""
    priority: int | None = None
    for m in _PRIORITY.finditer(folded):
        if _overlaps(m.start(), m.end(), spans):
            continue
        value = int(m.group("p"))
        if priority is not None and priority != value:
            raise InvalidInput(
                _("Two priorities: p{first} and p{second}").format(first=priority, second=value)
            )
        priority = value
        spans.append(Span(m.start(), m.end(), _PRIO))
    return priority


def find_due_markers(body: str, folded: str, spans: list[Span], today: date) -> list[date]:
    """The dates an action gives after ``due:`` (or ``截止:``), in the order written."""
    due_dates: list[date] = []
    for m in list(_DUE.finditer(folded)):
        if _overlaps(m.start(), m.end(), spans):
            continue
        stop = min([s.start for s in spans if s.start >= m.end()] + [len(folded)])
        nxt = _DUE.search(folded, m.end())
        if nxt is not None:
            stop = min(stop, nxt.start())
        found, end = _find_due(body, m.end(), stop, today)
        due_dates.append(found)
        spans.append(Span(m.start(), end, _DUESPAN))
    return due_dates


def title_without(body: str, spans: Sequence[Span]) -> str:
    """The body with its owners, tags, priority and ``due:`` dates taken out (with the
    separators left between them), whitespace collapsed."""
    removed = {_OWNER, _TAGSPAN, _PRIO, _DUESPAN}
    chars = list(body)
    for span in spans:
        if span.kind in removed:
            chars[span.start : span.end] = ["\x00"] * (span.end - span.start)
    masked = _BETWEEN_REMOVED.sub(lambda m: "\x00" * len(m.group()), "".join(chars))
    return _EDGE_PUNCT.sub("", _collapse(masked))


def one_due_date(dates: Sequence[date], today: date) -> date | None:
    """The due date all of ``dates`` agree on (None without any); two different ones
    raise ``InvalidInput``."""
    distinct = sorted(set(dates))
    if len(distinct) > 1:
        raise InvalidInput(
            _("Two different due dates: {dates}").format(
                dates=join_names([format_day(d, today) for d in distinct])
            )
        )
    return distinct[0] if distinct else None
