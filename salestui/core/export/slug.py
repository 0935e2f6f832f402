"""File names from meeting titles: readable for Chinese and English titles alike."""

from __future__ import annotations

import re
import unicodedata

_KEEP = re.compile(r"[^0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


def slugify(title: str, max_length: int = 60) -> str:
    """'周例会 第48周' -> '周例会-第48周'; 'Q1 Pricing Review!' -> 'q1-pricing-review'."""
    text = unicodedata.normalize("NFKC", title).lower()
    slug = _KEEP.sub("-", text).strip("-")
    return slug[:max_length].rstrip("-") or "meeting"
