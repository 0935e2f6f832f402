"""Translation: ``_()``, ``ngettext()``, ``pgettext()``, the language choice, and dates and
numbers in the language's own forms.

English strings are the message ids. Other languages are gettext catalogs,
``salestui/locales/<name>/LC_MESSAGES/salestui.po``, read the first time a message of that
language is asked for (no compile step, so an editable install is always current).
Dates and numbers follow the language's CLDR locale: what salestui's date skeletons and
whole numbers need of it is taken from Babel once and kept in the cache folder
(``salestui.i18n_cldr``), so a process that only lists things does not load Babel.

The language is chosen by, in order: an explicit ``set_language`` call (from config),
``SALESTUI_LANG``, ``LANG`` / ``LC_ALL`` / ``LC_MESSAGES``; the default is English.
"""

from __future__ import annotations

import gettext
import os
import struct
import zlib
from contextlib import suppress
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from babel.core import Locale

    from salestui.i18n_cldr import Table

SUPPORTED = ("en", "zh-CN")

DOMAIN = "salestui"
LOCALE_DIR = Path(__file__).parent / "locales"
# The catalog folder of each language that has one (English is the source language).
CATALOG_NAMES = {"zh-CN": "zh_CN"}
# The CLDR locale whose date and number forms each language uses. British English keeps
# the day before the month ("Mon 30 Nov"), as salestui always has.
CLDR_LOCALES = {"en": "en_GB", "zh-CN": "zh_Hans_CN"}

_current: str | None = None


def normalise(lang: str | None) -> str | None:
    """Map a locale name such as ``zh_CN.UTF-8`` or ``zh`` to a supported language."""
    if not lang:
        return None
    low = lang.strip().lower().replace("_", "-")
    if low.startswith("zh"):
        return "zh-CN"
    if low.startswith("en") or low in ("c", "posix", "c.utf-8"):
        return "en"
    return None


def detect_language(configured: str | None = None) -> str:
    """The language to use given the config value and the environment."""
    for candidate in (
        configured,
        os.environ.get("SALESTUI_LANG"),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        lang = normalise(candidate)
        if lang:
            return lang
    return "en"


def set_language(lang: str | None) -> str:
    """Choose the language for every later ``_()`` call; returns the one chosen."""
    global _current
    _current = normalise(lang) or detect_language()
    return _current


def current_language() -> str:
    global _current
    if _current is None:
        _current = detect_language()
    return _current


# --- messages ------------------------------------------------------------------------------


def catalog_path(lang: str) -> Path | None:
    """The ``.po`` file of ``lang``, or None for English (the message ids themselves)."""
    name = CATALOG_NAMES.get(lang)
    return LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po" if name else None


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations of ``lang``, from its ``.po`` file, once per process.

    Babel compiles the ``.po`` into the ``.mo`` form that the standard library reads; the
    compiled catalog is kept in the cache folder under the size and checksum of the ``.po``,
    so later runs skip Babel and an edited ``.po`` is never shadowed by an old ``.mo``.
    Untranslated and fuzzy entries fall back to English, as in gettext.
    """
    path = catalog_path(lang)
    if path is None:
        return gettext.NullTranslations()
    source = path.read_bytes()
    compiled = _cached_mo(path.parent.parent.name, source)
    try:
        return gettext.GNUTranslations(BytesIO(compiled))
    except (OSError, ValueError, IndexError, struct.error):
        # A damaged cache file: compile again (and replace it).
        return gettext.GNUTranslations(BytesIO(_cached_mo(path.parent.parent.name, source, True)))


def _cached_mo(name: str, source: bytes, rebuild: bool = False) -> bytes:
    """The ``.mo`` bytes of the ``.po`` ``source``, from the cache when it holds them."""
    from salestui.paths import cache_dir

    folder = cache_dir() / "locales"
    cached = folder / f"{name}-{len(source)}-{zlib.crc32(source):08x}.mo"
    if not rebuild and cached.is_file():
        with suppress(OSError):
            return cached.read_bytes()
    compiled = compile_po(source)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(compiled)
        os.replace(partial, cached)
    except OSError:
        # A read-only or full cache only costs the compile again on the next run.
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    return compiled


def compile_po(source: bytes) -> bytes:
    """A ``.po`` catalog compiled to the ``.mo`` form (untranslated and fuzzy entries left
    out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(source), domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


def _(message: str) -> str:
    """Translate ``message`` into the current language (English is the identity)."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` by ``count`` and the language's plural rule (Chinese has
    one form). Both carry the same placeholders."""
    return translations(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` as meant in ``context``: one English word can need two
    translations (a status "done" and an agenda item's "done")."""
    return translations(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (for constants)."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark ``message`` for translation in ``context`` without translating it now; it is
    translated later with ``pgettext(context, message)``."""
    return message


# --- dates and numbers -----------------------------------------------------------------------


@cache
def _locale(lang: str) -> Locale:
    import gc

    from babel import localedata
    from babel.core import Locale

    locale = Locale.parse(CLDR_LOCALES.get(lang, CLDR_LOCALES["en"]))
    # A locale's CLDR data is tens of thousands of small objects unpickled at once, none of
    # them garbage; with the cyclic collector on, loading it walks the whole heap of a
    # running app several times (about 40 ms of a CLI command).
    collecting = gc.isenabled()
    gc.disable()
    try:
        localedata.load(str(locale))  # Babel keeps it for the process
    finally:
        if collecting:
            gc.enable()
    return locale


def format_date(day: date, skeleton: str) -> str:
    """``day`` in the current language's form of the CLDR ``skeleton``: ``EEE`` is the
    weekday (Fri, 周五), ``MMMd`` the day and month (4 Dec, 12月4日), ``yMMMd`` with the
    year, ``MMMEd`` and ``yMMMEd`` with the weekday too (Fri 4 Dec, 12月4日周五)."""
    return _format_date(day, skeleton, current_language())


@lru_cache(maxsize=4096)  # a long listing shows the same days again and again
def _format_date(day: date, skeleton: str, language: str) -> str:
    table = cldr_table(language)
    text = table.format_date(day, skeleton) if table is not None else None
    if text is not None:
        return text
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=_locale(language))


def format_number(number: int | float) -> str:
    """A count or amount with the current language's digit grouping: ``8,351``."""
    language = current_language()
    table = cldr_table(language)
    text = table.format_integer(number) if table is not None else None
    if text is not None:
        return text
    from babel.numbers import format_decimal

    return format_decimal(number, locale=_locale(language))


@cache
def cldr_table(language: str) -> Table | None:
    """The date and number forms of ``language`` from the cache folder (made with Babel
    the first time), once per process; None when Babel must format everything."""
    from salestui.i18n_cldr import load_table
    from salestui.paths import cache_dir

    name = CLDR_LOCALES.get(language, CLDR_LOCALES["en"])
    return load_table(cache_dir() / "locales", name, lambda: _locale(language))
