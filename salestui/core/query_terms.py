"""What a search box's text asks for: every word, in any order; quotes make a phrase."""

from __future__ import annotations

import re

_TERM = re.compile(r'"([^"]*)"|“([^”]*)”|(\S+)')

# The trigram index needs three characters; shorter terms (回款, Li) are found with LIKE.
TRIGRAM = 3


def search_terms(text: str) -> list[str]:
    """``回款 "Q1 order" 华东`` -> ``["回款", "Q1 order", "华东"]`` (empty terms dropped,
    repeated ones once; an unclosed quote is taken as a plain word)."""
    terms: list[str] = []
    for match in _TERM.finditer(text):
        term = next(g for g in match.groups() if g is not None).strip()
        if term and term not in terms:
            terms.append(term)
    return terms


def fts_phrase(term: str) -> str:
    """A term as an FTS5 phrase (its quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """A term as a LIKE pattern matching it anywhere (with ``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
