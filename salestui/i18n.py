"""Translation: ``_()`` and the language choice.

English strings are the message ids; other languages live in ``salestui/locales``.
The language is chosen by, in order: an explicit ``set_language`` call (from config),
``SALESTUI_LANG``, ``LANG`` / ``LC_ALL`` / ``LC_MESSAGES``; the default is English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SUPPORTED = ("en", "zh-CN")

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


def _catalog(lang: str) -> Mapping[str, str]:
    if lang == "zh-CN":
        from salestui.locales.zh_CN import MESSAGES

        return MESSAGES
    return {}


def _(message: str) -> str:
    """Translate ``message`` into the current language (English is the identity)."""
    return _catalog(current_language()).get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` by ``count`` in English; Chinese has one form, kept in
    the catalog under the singular. Both carry the same placeholders."""
    if current_language() == "en":
        return singular if count == 1 else plural
    return _catalog(current_language()).get(singular, plural)


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (for constants)."""
    return message
