"""One-off: fill salestui/locales/zh_CN/LC_MESSAGES/salestui.po from the old dict catalogs.

Run after ``pybabel init`` made the empty catalog from the template. Each template entry
takes its translation from the dicts: a plural entry from the singular's key (Chinese has
one form), a context entry from the old "<context>:<message>" key.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from salestui.locales.zh_CN import MESSAGES

PO = Path("salestui/locales/zh_CN/LC_MESSAGES/salestui.po")

with PO.open("rb") as f:
    catalog = read_po(f)
missing = []
for message in catalog:
    if not message.id:
        continue
    if message.context:
        key = f"{message.context}:{message.id}"
    elif isinstance(message.id, tuple):
        key = message.id[0]
    else:
        key = message.id
    if key not in MESSAGES:
        missing.append(key)
        continue
    translated = MESSAGES[key]
    message.string = (translated,) if message.pluralizable else translated
    message.flags.discard("fuzzy")
if missing:
    sys.exit(f"no translation for {missing}")
with PO.open("wb") as f:
    write_po(f, catalog)
print(f"{len(catalog)} messages translated")
