"""One tokenisation per document, shared by every stage that matches phrases.

The tokenise stage stores a ``DocTokens`` on the document (``Document.words``): the word tokens of every sentence
(``TOKEN`` matches clipped to the sentence, exactly what ``matching.tokens`` gives per sentence). What a dictionary
lookup needs per token -- its folded form, whether it is Arabic script, its attached-clitic readings, whether a
phrase may continue to the next token -- is derived once per sentence and folder (``view``) and read by every
stage and every dictionary, instead of being recomputed by each lookup.

How another stage adopts it: ``words = shared_tokens(doc)``; then ``words.sentence(i)`` replaces
``tokens(text, sent.start, sent.end)`` and ``words.view(i, arabic)`` gives the folded forms and clitic readings.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from pipeline.text.matching import GAP_RUN, TOKEN, Token
from pipeline.text.normalise import ArabicFolder, is_arabic


@dataclass
class SentenceView:
    """Per-token facts of one sentence for one folder, computed once and shared by every lookup."""

    toks: list[Token]
    folded: list[str]  # case-folded, or Arabic-folded for Arabic-script tokens
    arabic: list[bool]
    variants: list[tuple[tuple[int, str], ...]]  # (characters stripped, folded reading) per token
    gaps: list[bool]  # gaps[i]: a phrase may go on from token i to token i + 1
    starts: list[int] = field(default_factory=list)

    def index_at(self, offset: int) -> int | None:
        """Index of the token holding character ``offset``, or None (bisect over token starts)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.toks[k][1] else None

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens lying entirely inside [start, end)."""
        k = bisect.bisect_left(self.starts, start)
        out = []
        while k < len(self.toks) and self.toks[k][1] <= end:
            out.append(self.toks[k])
            k += 1
        return out


class DocTokens:
    """Word tokens of each sentence of one text (offsets into it), tokenised once."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self._toks: list[list[Token] | None] = [None] * len(self.spans)
        self._views: dict[tuple[int, int], SentenceView] = {}

    def sentence(self, i: int) -> list[Token]:
        """The word tokens of sentence ``i``."""
        toks = self._toks[i]
        if toks is None:
            start, end = self.spans[i]
            toks = self._toks[i] = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(self.text, start, end)]
        return toks

    def view(self, i: int, arabic: ArabicFolder) -> SentenceView:
        """Folded forms, scripts, clitic readings and gaps of sentence ``i``'s tokens (cached per folder)."""
        key = (i, id(arabic))
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = make_view(self.text, self.sentence(i), arabic)
        return view

    def fits(self, text: str, spans: list[tuple[int, int]]) -> bool:
        return self.text is text and self.spans == spans


def make_view(text: str, toks: list[Token], arabic: ArabicFolder) -> SentenceView:
    """The per-token facts of ``toks`` (any token list over ``text``)."""
    flags = [is_arabic(t[2]) for t in toks]
    variants = [arabic.clitic_variants(t[2]) if a else ((0, t[2].casefold()),) for t, a in zip(toks, flags)]
    folded = [v[0][1] for v in variants]
    gaps = [GAP_RUN.fullmatch(text, toks[x][1], toks[x + 1][0]) is not None for x in range(len(toks) - 1)] + [False]
    return SentenceView(toks, folded, flags, variants, gaps, [t[0] for t in toks])


def shared_tokens(doc: Any) -> DocTokens:
    """The document's shared tokens (``doc.words``), built here when a stage runs without the tokenise stage's."""
    spans = [(s.start, s.end) for s in doc.sentences]
    words = getattr(doc, "words", None)
    if not isinstance(words, DocTokens) or not words.fits(doc.text, spans):
        words = DocTokens(doc.text, spans)
        doc.words = words
    return words


def matches_in(root: dict, view: SentenceView, i: int) -> list[tuple[int, int, list[str]]]:
    """``matching.matches_at`` over a shared view: (characters of clitic stripped, last token index, values) for
    every phrase of the trie starting at token i, each clitic reading of the first token in turn."""
    hits = []
    folded, gaps = view.folded, view.gaps
    for strip, first in view.variants[i]:
        node = root.get(first)
        j = i
        while node is not None:
            if "$" in node:
                hits.append((strip, j, node["$"]))
            if not gaps[j]:
                break
            j += 1
            node = node.get(folded[j])
    return hits


def exact_matches_in(root: dict, view: SentenceView, i: int) -> list[tuple[int, list[str]]]:
    """(last token index, values) for every phrase starting at token i, matched case-sensitively (acronyms)."""
    hits = []
    toks, gaps = view.toks, view.gaps
    node = root.get(toks[i][2])
    j = i
    while node is not None:
        if "$" in node:
            hits.append((j, node["$"]))
        if not gaps[j]:
            break
        j += 1
        node = node.get(toks[j][2])
    return hits
