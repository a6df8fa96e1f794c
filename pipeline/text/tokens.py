"""One tokenisation per document, shared by every stage that matches phrases.

The tokenise stage stores a ``DocTokens`` on the document (``Document.words``): the word tokens of every sentence
(``TOKEN`` matches clipped to the sentence, exactly what ``matching.tokens`` gives per sentence). What a dictionary
lookup needs per token -- its folded form, whether it is Arabic script, its attached-clitic readings, whether a
phrase may continue to the next token -- is derived once per distinct word and folder and read by every stage and
every dictionary, instead of being recomputed by each lookup. Sentences are kept packed (arrays and shared word
strings); a ``view``'s lists are built from them on first use and only the most recent views are kept, so memory
stays bounded on a long document.

How another stage adopts it: ``words = shared_tokens(doc)``; then ``words.sentence(i)`` replaces
``tokens(text, sent.start, sent.end)`` and ``words.view(i, arabic)`` gives the folded forms and clitic readings.
"""

from __future__ import annotations

import bisect
from array import array
from collections import OrderedDict
from itertools import compress, count
from dataclasses import dataclass, field
from typing import Any

from pipeline.text.matching import GAP_RUN, Token, split_tokens
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
    # a view of the shared tokens (``DocTokens.view``): each word once per token, and the document's per-word memo
    words: tuple[str, ...] | None = field(default=None, compare=False, repr=False)
    facts: Any = field(default=None, compare=False, repr=False)

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


# Expanded sentence views kept per document (least recently used dropped first). Stages walk sentences in order,
# so a few hundred cover every look-back; keeping all of them held ~300 MB of per-token objects for a 5 MB text.
KEPT_VIEWS = 256


@dataclass(frozen=True)
class _Packed:
    """One sentence's tokens in compact form (about 20 bytes a token instead of ~400 of Python objects): offsets
    in arrays, words shared through the document's string table, gaps as bytes. Views are expanded from it."""

    starts: array
    ends: array
    words: tuple[str, ...]
    gaps: bytes


class DocTokens:
    """Word tokens of each sentence of one text (offsets into it), tokenised once and kept packed."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self._packed: list[_Packed | None] = [None] * len(self.spans)
        self._strings: dict[str, str] = {}  # one object per distinct word of the document
        self._views: OrderedDict[tuple[int, int], SentenceView] = OrderedDict()
        self._facts: dict[int, _WordFacts] = {}  # per folder: per-word readings, computed once per distinct word

    def _pack(self, i: int) -> _Packed:
        """Sentence ``i`` tokenised once: the same ``TOKEN`` matches as ``matching.tokens`` over its span."""
        packed = self._packed[i]
        if packed is None:
            starts, ends, words, between = split_tokens(self.text, *self.spans[i])
            gaps = bytes(map(bool, map(GAP_RUN.fullmatch, between)))
            packed = self._packed[i] = _Packed(array("q", starts), array("q", ends),
                                               tuple(map(self._strings.setdefault, words, words)), gaps + b"\0")
        return packed

    def sentence(self, i: int) -> list[Token]:
        """The word tokens of sentence ``i``."""
        p = self._pack(i)
        return list(zip(p.starts, p.ends, p.words))

    def view(self, i: int, arabic: ArabicFolder) -> SentenceView:
        """Folded forms, scripts, clitic readings and gaps of sentence ``i``'s tokens (recent ones kept per folder)."""
        key = (i, id(arabic))
        views = self._views
        view = views.get(key)
        if view is not None:
            views.move_to_end(key)
            return view
        view = views[key] = self._expand(self._pack(i), arabic)
        if len(views) > KEPT_VIEWS:
            views.popitem(last=False)
        return view

    def _expand(self, p: _Packed, arabic: ArabicFolder) -> SentenceView:
        """The view ``make_view`` gives, each list built from the packed tokens when first read."""
        facts = self._facts.get(id(arabic))
        if facts is None:
            facts = self._facts[id(arabic)] = word_facts(arabic)
        facts.learn(p.words)
        return _PackedView(p, facts)

    def fits(self, text: str, spans: list[tuple[int, int]]) -> bool:
        return self.text is text and self.spans == spans


# Word facts per folder, shared by every document of the process: a word's readings, and whether they start a
# phrase of a (process-wide, never modified) trie, depend on the word alone, and most words of a document were
# seen in earlier ones. Past ``SHARED_WORDS`` words a document starts a fresh table; views already made keep theirs.
SHARED_WORDS = 50_000
_SHARED_FACTS: dict[int, "_WordFacts"] = {}


def word_facts(folder: ArabicFolder) -> "_WordFacts":
    """The process-wide word facts of ``folder`` (a new table once the current one is full)."""
    facts = _SHARED_FACTS.get(id(folder))
    if facts is None or facts.folder is not folder or len(facts.variants) > SHARED_WORDS:
        facts = _SHARED_FACTS[id(folder)] = _WordFacts(folder)
    return facts


class _WordFacts:
    """What ``make_view`` derives from a token's text alone, once per distinct word and folder (per process)."""

    def __init__(self, folder: ArabicFolder) -> None:
        self.folder = folder
        self.arabic: dict[str, bool] = {}
        self.variants: dict[str, tuple[tuple[int, str], ...]] = {}
        self.folded: dict[str, str] = {}
        self._starters: dict[tuple[int, bool], tuple[Any, dict[str, bool]]] = {}

    def learn(self, words: tuple[str, ...]) -> None:
        """Readings of the words not seen before (as in ``make_view``: clitic readings for Arabic script)."""
        for w in set(words).difference(self.variants):
            self.arabic[w] = is_arabic(w)
            v = self.variants[w] = self.folder.readings(w)  # the folder's process-wide memo of the same readings
            self.folded[w] = v[0][1]

    def starters(self, keys: Any, every: bool) -> dict[str, bool]:
        """Word -> whether one of its readings (``every``), or its folded form, is among ``keys``; filled on
        demand. The entry holds ``keys`` itself, so its id cannot be reused by another container meanwhile."""
        entry = self._starters.get((id(keys), every))
        if entry is None:
            entry = self._starters[(id(keys), every)] = (keys, _Starters(self, keys, every))
        return entry[1]


class _Starters(dict):
    """A memo of ``_WordFacts.starters``: a word's answer is computed the first time it is asked for."""

    def __init__(self, facts: _WordFacts, keys: Any, every: bool) -> None:
        super().__init__()
        self.facts, self.keys, self.every = facts, keys, every

    def __missing__(self, word: str) -> bool:
        keys = self.keys
        if self.every:
            variants = self.facts.variants[word]  # one reading but for Arabic script: no generator for it
            hit = self[word] = variants[0][1] in keys or (len(variants) > 1 and any(f in keys for _, f in variants[1:]))
        else:
            hit = self[word] = self.facts.folded[word] in keys
        return hit


class _PackedView(SentenceView):
    """A view of one packed sentence whose lists are expanded on first use (``_LISTS``): a pass that only asks
    which tokens may start a phrase (``starts_in``) reads the words and the memo and builds no list at all."""

    def __init__(self, packed: _Packed, facts: _WordFacts) -> None:  # pylint: disable=super-init-not-called
        self.words, self.facts, self._packed = packed.words, facts, packed

    def __getattr__(self, name: str) -> Any:
        """Called only for a list not built yet: build it from the packed sentence and keep it."""
        build = _LISTS.get(name)
        if build is None or name.startswith("_"):
            raise AttributeError(name)
        value = build(self._packed, self.facts)
        setattr(self, name, value)
        return value


# How each list of a packed view is built: C-level maps over the words, no Python loop per token.
_LISTS = {
    "toks": lambda p, f: list(zip(p.starts, p.ends, p.words)),
    "starts": lambda p, f: list(p.starts),
    "folded": lambda p, f: list(map(f.folded.__getitem__, p.words)),
    "arabic": lambda p, f: list(map(f.arabic.__getitem__, p.words)),
    "variants": lambda p, f: list(map(f.variants.__getitem__, p.words)),
    "gaps": lambda p, f: list(map(bool, p.gaps)),
}


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


def starts_in(keys: Any, view: SentenceView, every: bool = True) -> list[int]:
    """Indexes of the tokens one of whose readings (``every``; else the folded form) is among ``keys`` (a trie's
    first words): the only ones ``matches_in`` finds anything at. On a shared view, a memo lookup per word."""
    if view.facts is not None:
        return list(compress(count(), map(view.facts.starters(keys, every).__getitem__, view.words)))
    folded = view.folded
    if not every:
        return [i for i, f in enumerate(folded) if f in keys]
    return [i for i, vs in enumerate(view.variants) if folded[i] in keys or (len(vs) > 1 and any(f in keys for _, f in vs[1:]))]


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
