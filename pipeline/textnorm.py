"""Text folding for matching. Folding never changes the stored text: callers keep an offset map."""

from __future__ import annotations

import unicodedata


def fold_latin(text: str) -> str:
    """Case- and accent-insensitive form (``Hiệp hội`` -> ``hiep hoi``); for lookups, not for offsets."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d")
