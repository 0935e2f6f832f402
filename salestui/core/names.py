"""Finding a person from what the chair types: full name, prefix, or pinyin.

``match_person`` runs on every keystroke of the live capture line, so everything that
costs more than a string comparison (the pinyin of a name) is cached per name.

Three tiers, strictest first; the first tier that matches anyone decides, and it must
match exactly one person, else the name is ambiguous and the candidates are listed:

1. the full name, case-insensitive, outer whitespace trimmed, inner whitespace collapsed;
2. a whole word of the name or a whole pinyin syllable (``li`` is both ``David Li`` and
   ``李明``), the whole pinyin (``wangfang``), or the initials (``wf`` -> ``王芳``,
   ``lm`` -> ``Li Ming``);
3. a prefix of the name, of any word of it, or of its whole pinyin (``wangf``).

So a single letter or a surname shared by a Chinese and an English name is never
resolved silently to one of them.

Full-width letters and digits (typed with a Chinese input method) match their ASCII
forms. A Chinese surname with several readings is read as a surname (``曾`` is *zeng*,
``单`` is *shan*), which pypinyin alone does not do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from salestui.core.errors import InvalidInput, NotFound
from salestui.i18n import _

__all__ = [
    "PersonRef",
    "candidates",
    "fold_name",
    "full_pinyin",
    "has_han",
    "join_names",
    "match_person",
    "pinyin_initials",
    "romanised_words",
]


class PersonRef(Protocol):
    """Anything with an ``id`` and a ``name``; pydantic ``Person`` models are passed."""

    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...


P = TypeVar("P", bound=PersonRef)

# CJK unified ideographs (basic, extension A, compatibility, extensions B-F).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WORD = re.compile(r"[^\W_]+")
# Separators between the words of a name: spaces, hyphens, dots, the middle dot of
# transliterated names (阿卜杜拉·买买提).
_WORD_SEP = re.compile(r"[\s\-.·・‧]+")

# Surnames whose common reading differs from the one pypinyin picks on its own.
_SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "区": "ou",
    "朴": "piao",
    "解": "xie",
    "仇": "qiu",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "种": "chong",
    "繁": "po",
    "员": "yun",
    "召": "shao",
    "谌": "chen",
    "秘": "bi",
    "折": "she",
    "黑": "he",
    "纪": "ji",
    "任": "ren",
    "沈": "shen",
    "石": "shi",
    "华": "hua",
    "卜": "bu",
    "薄": "bo",
    "隗": "wei",
    "宓": "mi",
    "句": "gou",
    "阚": "kan",
    "冼": "xian",
}

_MAX_LISTED = 6


def fold_name(text: str) -> str:
    """Comparison form: NFKC (full-width -> ASCII), case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _han_syllables(run: str, first_of_name: bool) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    syllables = [s.casefold() for s in lazy_pinyin(run, style=Style.NORMAL)]
    if first_of_name and run[0] in _SURNAME_READINGS and syllables:
        syllables[0] = _SURNAME_READINGS[run[0]]
    return syllables


@lru_cache(maxsize=4096)
def _romanised(name: str) -> tuple[tuple[str, ...], ...]:
    """The syllables/words of ``name``: pinyin for Han characters, words otherwise.

    Returns one tuple per unit (a Han character or a Latin word) so that both the
    initials and the full form can be built from it.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    units: list[tuple[str, ...]] = []
    pos = 0
    for match in _HAN.finditer(text):
        for word in _WORD.findall(text[pos : match.start()]):
            units.append((word.casefold(),))
        for syllable in _han_syllables(match.group(), first_of_name=not units):
            units.append((syllable,))
        pos = match.end()
    for word in _WORD.findall(text[pos:]):
        units.append((word.casefold(),))
    return tuple(units)


@lru_cache(maxsize=4096)
def pinyin_initials(name: str) -> str:
    """Initials of a name, lower case: ``王芳`` -> ``wf``, ``Li Ming`` -> ``lm``."""
    return "".join(unit[0][0] for unit in _romanised(name) if unit and unit[0])


def romanised_words(name: str) -> tuple[str, ...]:
    """The name as pinyin syllables and words, lower case: ``王芳`` -> ``("wang", "fang")``."""
    return tuple(unit[0] for unit in _romanised(name) if unit)


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Chinese character."""
    return _HAN.search(text) is not None


@lru_cache(maxsize=4096)
def full_pinyin(name: str) -> str:
    """The whole name romanised without spaces: ``王芳`` -> ``wangfang``."""
    return "".join(unit[0] for unit in _romanised(name) if unit)


@lru_cache(maxsize=4096)
def _folded_words(name: str) -> tuple[str, tuple[str, ...]]:
    folded = fold_name(name)
    words = tuple(w for w in _WORD_SEP.split(folded) if w)
    return folded, words


def _rules(query: str) -> list[Callable[[str], bool]]:
    """The tiers of ``candidates``, strictest first; each tier is one test of a name."""
    q = fold_name(query)
    compact = q.replace(" ", "")

    def exact(name: str) -> bool:
        return _folded_words(name)[0] == q

    def whole(name: str) -> bool:
        # a whole word or pinyin syllable, the whole pinyin, or the initials
        return (
            q in _folded_words(name)[1]
            or compact in romanised_words(name)
            or full_pinyin(name) == compact
            or pinyin_initials(name) == compact
        )

    def prefix(name: str) -> bool:
        folded, words = _folded_words(name)
        return (
            folded.startswith(q)
            or any(w.startswith(q) for w in words)
            or full_pinyin(name).startswith(compact)
        )

    return [exact, whole, prefix]


def _unique(people: Sequence[P]) -> list[P]:
    seen: set[object] = set()
    out: list[P] = []
    for person in people:
        key: object = person.id if person.id is not None else id(person)
        if key not in seen:
            seen.add(key)
            out.append(person)
    return out


def candidates(query: str, people: Sequence[P]) -> list[P]:
    """Everyone matched by the first rule that matches anyone (empty if none does).

    Useful for completion lists; ``match_person`` is this plus the uniqueness check.
    """
    if not fold_name(query):
        return []
    for rule in _rules(query):
        found = _unique([p for p in people if rule(p.name)])
        if found:
            return found
    return []


def join_names(names: Sequence[str]) -> str:
    """``a, b, c`` in English, ``a、b、c`` in Chinese."""
    if not names:
        return ""
    text = names[0]
    for name in names[1:]:
        text = _("{first}, {second}").format(first=text, second=name)
    return text


def _label(person: PersonRef, people: Sequence[PersonRef]) -> str:
    same = sum(1 for p in people if fold_name(p.name) == fold_name(person.name))
    if same > 1 and person.id is not None:
        return f"{person.name} (#{person.id})"
    return person.name


def match_person(query: str, people: Sequence[P]) -> P:
    """The one person ``query`` names.

    Raises ``NotFound`` when no one matches and ``InvalidInput`` (listing the
    candidates) when several people match at the first rule that matches anyone.
    """
    if not fold_name(query):
        raise InvalidInput(_("No name given"))
    found = candidates(query, people)
    if not found:
        raise NotFound(_("No one is called {name}").format(name=query.strip()))
    if len(found) == 1:
        return found[0]
    labels = [_label(p, found) for p in found[:_MAX_LISTED]]
    listed = join_names(labels)
    if len(found) > _MAX_LISTED:
        listed = _("{names} and {count} more").format(names=listed, count=len(found) - _MAX_LISTED)
    raise InvalidInput(
        _("{name} is ambiguous: {candidates}").format(name=query.strip(), candidates=listed)
    )
