"""Text folding for matching. Folding never changes the stored text: callers keep an offset map."""

from __future__ import annotations

import re
import unicodedata

_ARABIC = re.compile("[\u0600-\u06ff]")


class _CombiningTable(dict):
    """A ``str.translate`` table deleting combining marks, filled per code point on first sight: the accents are
    dropped in C instead of a Python test per character."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_DROP_COMBINING = _CombiningTable()


def fold_latin(text: str) -> str:
    """Case- and accent-insensitive form (``Hiệp hội`` -> ``hiep hoi``); for lookups, not for offsets."""
    folded = text.casefold()
    if folded.isascii():  # already its own NFKD form, with no combining mark and no đ
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_DROP_COMBINING).replace("đ", "d")


class ArabicFolder:
    """Arabic orthographic folding, one character to at most one, from a models/<lang>/normalise.yaml."""

    EMPTY = {"fold_letters": {}, "drop_characters": "", "conjunctions": [], "prepositions": [], "article": "",
             "lam_article": ""}

    def __init__(self, spec: dict) -> None:
        self.table = {ord(k): v for k, v in spec["fold_letters"].items()}
        self.table.update({ord(c): None for c in spec["drop_characters"]})
        self.conjunctions = tuple(spec["conjunctions"])
        self.prepositions = tuple(spec["prepositions"])
        self.article = spec["article"]
        self.lam_article = spec["lam_article"]
        self._variants: dict[str, tuple[tuple[int, str], ...]] = {}  # per process; tokens repeat a lot
        self._readings: dict[str, tuple[tuple[int, str], ...]] = {}

    def fold(self, token: str) -> str:
        return token.translate(self.table)

    def fold_with_offsets(self, text: str) -> tuple[str, list[int]]:
        """Folded text and, for each folded character, its index in ``text`` (harakat and tatweel are dropped,
        so the folded string can be shorter): a match at folded [a, b) is text[map[a] : map[b - 1] + 1]."""
        out, offsets = [], []
        for i, ch in enumerate(text):
            f = self.table.get(ord(ch), ch)
            if f is None:
                continue
            out.append(f)
            offsets.append(i)
        return "".join(out), offsets

    def readings(self, token: str) -> tuple[tuple[int, str], ...]:
        """A token's dictionary keys whatever its script: its clitic readings if it is Arabic, else its case-folded
        form; the first is ``matching.fold_token``. Memoised: every matcher asks again for every token."""
        hit = self._readings.get(token)
        if hit is None:
            if len(self._readings) > 200_000:
                self._readings.clear()
            hit = self._readings[token] = self.clitic_variants(token) if is_arabic(token) else ((0, token.casefold()),)
        return hit

    def clitic_variants(self, token: str) -> tuple[tuple[int, str], ...]:
        """(characters stripped from the start, folded remainder) for each reading of attached clitics.

        ``وللأمم`` -> (0, وللامم), (1, للامم), (2, لامم as "الامم"): the name then starts at the second ل.
        """
        hit = self._variants.get(token)
        if hit is not None:
            return hit
        if len(self._variants) > 200_000:
            self._variants.clear()
        hit = self._variants[token] = tuple(self._clitic_variants(token))
        return hit

    def _clitic_variants(self, token: str) -> list[tuple[int, str]]:
        out = [(0, self.fold(token))]
        starts = [0]
        if token[:1] in self.conjunctions:
            starts.append(1)
        for s in list(starts):
            if token[s : s + 1] in self.prepositions:
                starts.append(s + 1)
        for s in starts:
            rest = token[s:]
            if s and len(rest) >= 2:
                out.append((s, self.fold(rest)))
            if self.lam_article and rest.startswith(self.lam_article) and len(rest) > 2:
                # ل + ال written لل: read the remainder as the article + noun; the span starts at the second ل
                out.append((s + 1, self.fold(self.article + rest[2:])))
        seen, uniq = set(), []
        for s, f in out:
            if (s, f) not in seen:
                seen.add((s, f))
                uniq.append((s, f))
        return uniq


def is_arabic(text: str) -> bool:
    """Whether any character is in the Arabic block (one regex scan in C, not a Python loop per character)."""
    return _ARABIC.search(text) is not None
