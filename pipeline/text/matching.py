"""Phrase matching shared by the extractors: word tokens, folded lookups and a longest-match trie.

Names, triggers and instrument heads are all phrases looked up token by token in a trie built once per
process. Tokens are folded for lookup (case; Arabic orthographic variants), Arabic attached clitics are
stripped from a phrase's first token, and a phrase never spans sentence punctuation.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Callable

from pipeline.text.normalise import ArabicFolder, is_arabic

TOKEN = re.compile(r"[\w\u064B-\u065F\u0670]+")
# What may stand between two tokens of one phrase: spaces, hyphens, dashes, apostrophes, commas, slashes, dots.
GAP_OK = re.compile(r"^[\s\-–—'’,/.&]*$")
GAP_RUN = re.compile(GAP_OK.pattern[1:-1])  # the same, unanchored: ``fullmatch(text, pos, endpos)`` without slicing
# ``TOKEN`` as a separator: ``split`` gives gap, word, gap, word, ..., gap in one C call (TOKEN has no lookaround, so
# its matches in a slice are its matches over that span of the whole text)
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")

Token = tuple[int, int, str]


def tokens(text: str, start: int, end: int) -> list[Token]:
    """(start, end, word) of each ``TOKEN`` match in ``text[start:end]``."""
    starts, ends, words, _ = split_tokens(text, start, end)
    return list(zip(starts, ends, words))


def split_tokens(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str], list[str]]:
    """(starts, ends, words, gaps between consecutive words) of ``tokens(text, start, end)``, built by C-level
    slicing of one ``split`` instead of a Python tuple per match: the tokenisation every stage reads."""
    parts = TOKEN_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    return offsets[1:-1:2], offsets[2::2], parts[1::2], parts[2:-1:2]


def fold_token(token: str, arabic: ArabicFolder) -> str:
    return arabic.fold(token) if is_arabic(token) else token.casefold()


def phrase_key(phrase: str, arabic: ArabicFolder) -> tuple[str, ...]:
    return tuple(fold_token(t, arabic) for t in TOKEN.findall(phrase))


class Trie:
    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, key: tuple[str, ...], value: str) -> None:
        node = self.root
        for k in key:
            node = node.setdefault(k, {})
        node.setdefault("$", [])
        if value not in node["$"]:
            node["$"].append(value)


def gap_ok(text: str, left: Token, right: Token) -> bool:
    return bool(GAP_OK.match(text[left[1] : right[0]]))


def walk(root: dict, first: str, toks: list[Token], i: int, text: str, fold: Callable[[str], str]) -> list[tuple[int, list[str]]]:
    """Every (last token index, values) where a key of the trie starts at token i (``first`` already folded)."""
    node = root.get(first)
    hits = []
    j = i
    while node is not None:
        if "$" in node:
            hits.append((j, node["$"]))
        j += 1
        if j >= len(toks) or not gap_ok(text, toks[j - 1], toks[j]):
            break
        node = node.get(fold(toks[j][2]))
    return hits


def matches_at(trie: Trie, toks: list[Token], i: int, text: str, arabic: ArabicFolder) -> list[tuple[int, int, list[str]]]:
    """(characters of clitic stripped, last token index, values) for every phrase starting at token i."""
    t = toks[i][2]
    variants = arabic.clitic_variants(t) if is_arabic(t) else [(0, t.casefold())]
    fold = lambda x: fold_token(x, arabic)  # noqa: E731
    return [(strip, end_i, values) for strip, first in variants for end_i, values in walk(trie.root, first, toks, i, text, fold)]
