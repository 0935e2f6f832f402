"""Simplified Chinese catalog, merged from one module per area of the app.

Each area keeps its own module (a ``MESSAGES`` dict) so that work on one screen never
edits another's file; every module in this package is picked up automatically.
"""

import importlib
import pkgutil

MESSAGES: dict[str, str] = {}
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
    MESSAGES.update(importlib.import_module(f"{__name__}.{_info.name}").MESSAGES)
