"""The one order in which people are listed: by the reporting line, then by name.

The director comes first, then everyone by their depth in the reporting tree (who
reports to the director, then who reports to them, ...), and within one level by name:
by pinyin in Chinese (李 before 王 before 张, not by code point), by name in English
(case and accents ignored; a Chinese name by its pinyin, after the Latin names).
Minutes, the live console and every list of attendees use ``people_order``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TypeVar

from salestui.core.models import Person, Role
from salestui.core.names import fold_name, has_han, romanised_words
from salestui.i18n import current_language

__all__ = ["depths", "name_key", "people_order", "sort_people"]

T = TypeVar("T")
_MAX_DEPTH = 64  # a reporting line longer than this is a cycle


def depths(people: Mapping[int, Person]) -> dict[int, int]:
    """Each person's distance from the top of their reporting line (0: reports to no one)."""
    # The same people are ordered again and again (an archive: once per meeting).
    return dict(_depths(tuple((pid, p.reports_to) for pid, p in people.items())))


@lru_cache(maxsize=16)
def _depths(lines: tuple[tuple[int, int | None], ...]) -> tuple[tuple[int, int], ...]:
    reports_to = dict(lines)
    found: dict[int, int] = {}

    def depth(person_id: int) -> int:
        chain: list[int] = []
        current: int | None = person_id
        while current is not None and current not in found and current in reports_to:
            if current in chain or len(chain) > _MAX_DEPTH:  # a cycle: cut it here
                found[current] = 0
                break
            chain.append(current)
            current = reports_to[current]
        base = found.get(current, -1) if current is not None else -1
        for offset, pid in enumerate(reversed(chain), start=1):
            found.setdefault(pid, base + offset)
        return found.get(person_id, 0)

    for person_id in reports_to:
        depth(person_id)
    return tuple(found.items())


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str, language: str | None = None) -> tuple[object, ...]:
    """How a name sorts: by pinyin in zh-CN; in English by the name itself (case and
    accents folded), Chinese names after the Latin ones, by their pinyin."""
    return _name_key(name, language or current_language())


@lru_cache(maxsize=4096)  # pinyin is slow, and the same names are sorted again and again
def _name_key(name: str, language: str) -> tuple[object, ...]:
    words = tuple(_strip_accents(w) for w in romanised_words(name))
    if language.startswith("zh"):
        return (words, fold_name(name), name)
    return (has_han(name), words, fold_name(name), name)


def people_order(
    people: Mapping[int, Person], language: str | None = None
) -> Callable[[Person], tuple[object, ...]]:
    """A sort key for ``Person``: director first, then by depth in the reporting line,
    then by name in the current language. ``people`` is everyone (for the tree)."""
    level = depths(people)
    language = language or current_language()

    def key(person: Person) -> tuple[object, ...]:
        pid = person.id or 0
        return (
            person.role != Role.DIRECTOR,
            level.get(pid, 0),
            name_key(person.name, language),
            pid,
        )

    return key


def sort_people(
    items: Iterable[T],
    people: Mapping[int, Person],
    person_of: Callable[[T], Person],
    language: str | None = None,
) -> list[T]:
    """``items`` (attendees, shares, owners ...) in ``people_order`` of their person."""
    key = people_order(people, language)
    return sorted(items, key=lambda item: key(person_of(item)))
