"""Dates and whole numbers in a language's CLDR forms without loading Babel at run time.

Importing ``babel.dates`` and loading a CLDR locale costs a command-line process about
30 ms. What salestui's skeletons need of a locale (the pattern each skeleton resolves to,
as Babel's own tokens; the month and weekday names; the decimal pattern's grouping and
signs) is taken from Babel once and kept as a small JSON file in the cache folder, named by
Babel's version and the CLDR locale, so a Babel upgrade never reads old data. A damaged
file is made again; a cache that cannot be written costs Babel in each process. A pattern
field this module does not know, a skeleton it was not built with, a float or a huge
integer: the caller uses Babel for that one (``None`` here), never a guess.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from babel.core import Locale

# Every skeleton salestui formats dates with (a test finds each ``format_date`` call's).
DATE_SKELETONS = ("EEE", "EEEd", "MMMd", "yMMMd", "MMMEd", "yMMMEd", "yMMMM")
FORMAT = 1  # of the JSON file: a new one is another file name
WIDTHS = {3: "abbreviated", 4: "wide"}
CONTEXTS = {"M": "format", "L": "stand-alone", "E": "format", "c": "stand-alone"}
LARGEST = 10**15  # beyond, Babel's decimal context matters: Babel formats it

Field = tuple[str, int]  # a pattern letter and its count, such as ("M", 3)


class Table:
    """A locale's date and number forms, checked when read."""

    __slots__ = ("days", "first_week_day", "months", "number", "patterns")

    def __init__(
        self,
        patterns: dict[str, tuple[str | Field, ...] | None],  # None: a field only Babel knows
        months: dict[str, dict[str, list[str]]],  # context -> width -> 12 names
        days: dict[str, dict[str, list[str]]],  # context -> width -> 7 names from Monday
        first_week_day: int,
        number: dict[str, Any] | None,  # None: the decimal pattern is Babel's to apply
    ) -> None:
        self.patterns = patterns
        self.months = months
        self.days = days
        self.first_week_day = first_week_day
        self.number = number

    def format_date(self, day: date, skeleton: str) -> str | None:
        """``day`` in the pattern of ``skeleton``, or None when Babel must do it."""
        tokens = self.patterns.get(skeleton)
        if tokens is None:
            return None
        return "".join(t if isinstance(t, str) else self._field(day, *t) for t in tokens)

    def _field(self, day: date, char: str, num: int) -> str:
        # Babel's DateTimeFormat rules for the letters a table accepts (see _known).
        if char == "d":
            return f"{day.day:0{num}d}"
        if char == "y":
            year = f"{day.year:0{num}d}"
            return year[-2:] if num == 2 else year
        if char in ("M", "L"):
            if num <= 2:
                return f"{day.month:0{num}d}"
            return self.months[CONTEXTS[char]][WIDTHS[num]][day.month - 1]
        if num < 3 and char == "c":  # the weekday's number from the locale's first day
            return f"{(7 - self.first_week_day + day.weekday()) % 7 + 1:0{num}d}"
        return self.days[CONTEXTS[char]][WIDTHS[max(num, 3)]][day.weekday()]

    def format_integer(self, number: int | float) -> str | None:
        """A whole number in the locale's decimal pattern, or None when Babel must do it."""
        form = self.number
        if form is None or type(number) is not int or abs(number) >= LARGEST:
            return None
        digits = str(abs(number)).rjust(form["min_digits"], "0")
        size, later = form["grouping"]
        grouped = ""
        while len(digits) > size:
            grouped = form["group"] + digits[-size:] + grouped
            digits, size = digits[:-size], later
        negative = int(number < 0)
        return form["prefix"][negative] + digits + grouped + form["suffix"][negative]


def _known(field: Field) -> bool:
    char, num = field
    if char in ("d", "y"):
        return num >= 1
    return char in ("M", "L", "E", "c") and 1 <= num <= 4


def babel_version() -> str | None:
    """Babel's version, read from its package without importing it (None if unreadable)."""
    from importlib.util import find_spec

    with suppress(ImportError, ValueError, OSError):
        spec = find_spec("babel")
        if spec is not None and spec.origin:
            found = re.search(r"^__version__ = ['\"]([\w.+-]+)['\"]", _read(spec.origin), re.M)
            return found.group(1) if found else None
    return None


def _read(origin: str) -> str:
    return Path(origin).read_text(encoding="utf-8")


def table_file(folder: Path, cldr_locale: str, version: str) -> Path:
    return folder / f"cldr{FORMAT}-babel-{version}-{cldr_locale}.json"


def load_table(folder: Path, cldr_locale: str, locale: Callable[[], Locale]) -> Table | None:
    """The table of ``cldr_locale`` from the cache ``folder``, extracted from Babel (the
    ``locale`` loader) and kept there when missing or damaged; None when Babel's version is
    unknown (then Babel formats everything)."""
    import json

    version = babel_version()
    if version is None:
        return None
    path = table_file(folder, cldr_locale, version)
    with suppress(OSError, ValueError, KeyError, TypeError, IndexError):
        return _checked(json.loads(path.read_bytes()), cldr_locale, version)
    data = extract(locale(), version)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        # A read-only or full cache only costs the extraction again on the next run.
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    with suppress(ValueError, KeyError, TypeError, IndexError):
        return _checked(data, cldr_locale, version)
    return None  # Babel's data in a shape this module does not read: Babel formats


def _checked(data: dict[str, Any], cldr_locale: str, version: str) -> Table:
    """The table in ``data``; ValueError, KeyError or TypeError when it is not whole."""
    if (data["format"], data["locale"], data["babel"]) != (FORMAT, cldr_locale, version):
        raise ValueError("another table")
    patterns: dict[str, tuple[str | Field, ...] | None] = {}
    for skeleton in DATE_SKELETONS:  # every one, or the file is from an older salestui
        tokens: list[str | Field] = []
        for kind, value in data["skeletons"][skeleton]:
            if kind == "chars" and isinstance(value, str):
                tokens.append(value)
            elif kind == "field" and isinstance(value[0], str) and isinstance(value[1], int):
                tokens.append((value[0], value[1]))
            else:
                raise ValueError(skeleton)
        known = all(isinstance(t, str) or _known(t) for t in tokens)
        patterns[skeleton] = tuple(tokens) if known else None
    for key, count in (("months", 12), ("days", 7)):
        for context in ("format", "stand-alone"):
            for width in WIDTHS.values():
                names = data[key][context][width]
                if len(names) != count or not all(isinstance(n, str) for n in names):
                    raise ValueError(f"{key} {context} {width}")
    number = data["number"]
    if number is not None:
        sizes = [int(n) for n in number["grouping"]]
        if len(sizes) != 2 or min(sizes) < 1 or not isinstance(number["group"], str):
            raise ValueError("grouping")
        number = {**number, "grouping": sizes, "min_digits": int(number["min_digits"])}
        signs = (*number["prefix"], *number["suffix"])
        two_each = len(number["prefix"]) == len(number["suffix"]) == 2
        if not two_each or not all(isinstance(s, str) for s in signs):
            raise ValueError("signs")
    return Table(patterns, data["months"], data["days"], int(data["first_week_day"]), number)


def extract(locale: Locale, version: str) -> dict[str, Any]:
    """What the table holds, asked of Babel as ``format_skeleton`` and ``format_decimal``
    would (the same skeleton matching, tokens and symbols)."""
    from babel.dates import match_skeleton, tokenize_pattern
    from babel.numbers import get_group_symbol, parse_pattern

    skeletons = {}
    for skeleton in DATE_SKELETONS:
        found = skeleton
        if skeleton not in locale.datetime_skeletons:
            found = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
        if found in locale.datetime_skeletons:  # else Babel's own KeyError, through Babel
            pattern = str(locale.datetime_skeletons[found])
            skeletons[skeleton] = tokenize_pattern(pattern)
        else:
            skeletons[skeleton] = [("field", ("?", 1))]

    def names(source: Any, count: int, first: int) -> dict[str, dict[str, list[str]]]:
        return {
            context: {
                w: [source[context][w][first + i] for i in range(count)] for w in WIDTHS.values()
            }
            for context in ("format", "stand-alone")
        }

    decimal = parse_pattern(locale.decimal_formats[None])
    plain = (
        decimal.scale == 0
        and not decimal.exp_prec
        and "@" not in decimal.pattern
        and decimal.number_pattern != ""
        and not any(c in s for s in (*decimal.prefix, *decimal.suffix) for c in "'¤%‰")
    )
    number = {
        "group": get_group_symbol(locale, numbering_system="latn"),
        "grouping": list(decimal.grouping),
        "min_digits": decimal.int_prec[0],
        "prefix": list(decimal.prefix),
        "suffix": list(decimal.suffix),
    }
    return {
        "format": FORMAT,
        "locale": str(locale),
        "babel": version,
        "skeletons": skeletons,
        "months": names(locale.months, 12, 1),
        "days": names(locale.days, 7, 0),
        "first_week_day": locale.first_week_day,
        "number": number if plain else None,
    }
