"""Exact numbers for the numbers review: reading what people type or import, storing it as
INTEGER ten-thousandths, and writing it back without binary-float noise.

``parse_amount("102.5")`` is ``Decimal("102.5")``, stored as ``1025000`` and read back as
``Decimal("102.5")``; ``format_amount`` writes ``102.5`` (never ``102.50`` or ``1.025E+2``).
Thousands separators (``1,234.5``), full-width digits (``１０２．５``), a leading ``+`` or
``-`` and a trailing ``%`` (the unit of a rate) are accepted; more than four decimal places,
or a number too large to store, is refused with a message, never rounded silently.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache

from salestui.core.errors import InvalidInput
from salestui.i18n import _

SCALE = 10_000  # stored integers are ten-thousandths
PLACES = 4
LIMIT = Decimal(10) ** 14  # |value| below 100 trillion: its ten-thousandths fit in 63 bits

_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_amount(text: object) -> Decimal:
    """The exact number ``text`` writes (a str, an int, a Decimal; a float from a
    spreadsheet cell is read by its shortest repr, ``0.1`` as 0.1). Raises InvalidInput."""
    if isinstance(text, bool):
        raise InvalidInput(_("{value} is not a number").format(value=text))
    if isinstance(text, int | Decimal):
        return _checked(Decimal(text), str(text))
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise InvalidInput(_("{value} is not a number").format(value=text))
        return _checked(Decimal(repr(text)), repr(text))
    raw = str(text)
    cleaned = unicodedata.normalize("NFKC", raw).strip().replace(" ", "").replace("_", "")
    cleaned = cleaned.removesuffix("%")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.match(cleaned):
        raise InvalidInput(_("{value} is not a number").format(value=raw.strip() or "''"))
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:  # pragma: no cover - the pattern rules it out
        raise InvalidInput(_("{value} is not a number").format(value=raw.strip())) from error
    return _checked(number, raw.strip())


def _checked(number: Decimal, shown: str) -> Decimal:
    if not number.is_finite():
        raise InvalidInput(_("{value} is not a number").format(value=shown))
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PLACES:
        raise InvalidInput(
            _("{value} has more than {places} decimal places").format(value=shown, places=PLACES)
        )
    if abs(number) >= LIMIT:
        raise InvalidInput(_("{value} is too large").format(value=shown))
    return number + 0  # -0 becomes 0


def to_stored(number: Decimal) -> int:
    """The INTEGER ten-thousandths of ``number`` (exact: ``parse_amount`` allows four
    places)."""
    return int((number * SCALE).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_stored(value: int | None) -> Decimal | None:
    """The number stored as ``value`` ten-thousandths, normalised (``102.5``, ``120``)."""
    if value is None:
        return None
    return _from_stored(int(value))


@lru_cache(maxsize=65_536)
def _from_stored(value: int) -> Decimal:
    whole, part = divmod(value, SCALE)
    if part == 0:
        return Decimal(whole)
    return Decimal(value).scaleb(-PLACES).normalize()


def _tidy(number: Decimal) -> Decimal:
    """``number`` without trailing zeros and without an exponent (``1.2E+2`` -> ``120``)."""
    normal = number.normalize()
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        normal = normal.quantize(Decimal(1))
    return normal + 0


def format_amount(number: Decimal | None, grouped: bool = False) -> str:
    """``102.5``, ``120``, ``-3.25`` (``1,234.5`` when ``grouped``); ``""`` for None."""
    if number is None:
        return ""
    tidy = _tidy(number)
    return f"{tidy:,f}" if grouped else f"{tidy:f}"


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, to one decimal place (None when ``whole``
    is zero)."""
    if whole == 0:
        return None
    return _tidy((part * 100 / abs(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN))
