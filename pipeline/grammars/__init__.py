"""Head-phrase grammars: where a phrase built around a head word (an instrument, later an organisation) ends.

A name is a head plus its modifiers and complements. How far it runs depends on the script family, not on
the language: Latin-script names are capitalised or joined by prepositions ("Declaration on X between A and
B", "accord de coopération entre A et B"), Arabic names are construct chains, adjectives and prepositional
complements after the head, and syllabic (Vietnamese) names run after the head until punctuation, a stop word
or a date. Which grammar a language uses is data (``grammar: latin`` in ``models/<lang>/agreements.yaml``);
the words each grammar needs (connectors, stop words, adjectives) are that language's data too, so a new
language is added by files.

Every grammar reads a :class:`PhraseContext`: the sentence's tokens and indexes from token position to the
organisation, date and place mentions that start there, built once per sentence (linear in its length).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from pipeline.text.matching import Token

PUNCT_STOP = re.compile(r"[,;:()\[\]\"“”„«»!?؟،؛]|\.\s|\.$")
PLAIN_GAP = re.compile(r"[\s\-–'’]*")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|ème|re)", re.IGNORECASE)


@dataclass
class Spot:
    """A mention that starts at a token: the index of its last token and the mention itself."""

    end_i: int
    start: int
    end: int
    value: Any = None


@dataclass
class PhraseContext:
    """One sentence as a grammar sees it: tokens, per-language data and mention indexes by token."""

    text: str
    toks: list[Token]
    spec: dict[str, Any]
    fold: Callable[[str], str]
    is_head: Callable[[int], bool]
    orgs: dict[int, Spot] = field(default_factory=dict)
    dates: dict[int, Spot] = field(default_factory=dict)
    places: dict[int, Spot] = field(default_factory=dict)

    def gap(self, k: int) -> str:
        """The characters between token k-1 and token k."""
        return self.text[self.toks[k - 1][1] : self.toks[k][0]]

    def plain(self, k: int) -> bool:
        return bool(PLAIN_GAP.fullmatch(self.gap(k)))

    def word(self, k: int) -> str:
        return self.fold(self.toks[k][2])


def index_mentions(toks: list[Token], mentions: list[Any], slack: int = 0) -> dict[int, Spot]:
    """Token index -> the mention starting in that token (at most ``slack`` characters in: a clitic)."""
    starts = [t[0] for t in toks]
    ends = [t[1] for t in toks]
    out: dict[int, Spot] = {}
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i < 0 or m.start - starts[i] > slack or m.start >= ends[i]:
            continue
        j = bisect_left(ends, m.end)
        if j < len(toks):
            out.setdefault(i, Spot(j, m.start, m.end, getattr(m, "value", None)))
    return out


class Grammar(Protocol):
    def right(self, ctx: PhraseContext, head_end: int) -> int:
        """Character offset where the name that has its head ending at token ``head_end`` ends."""

    def left(self, ctx: PhraseContext, head_start: int) -> int:
        """Token index where the name whose head starts at token ``head_start`` starts."""


_GRAMMARS: dict[str, type] = {}


def grammar(name: str) -> Callable[[type], type]:
    def deco(cls: type) -> type:
        _GRAMMARS[name] = cls
        return cls

    return deco


def grammar_for(spec: dict[str, Any]) -> Grammar:
    """The grammar a language's data names (``grammar: latin|arabic|syllabic``)."""
    from pipeline.grammars import arabic, latin, syllabic  # noqa: F401  (registers them)

    name = spec.get("grammar", "latin")
    if name not in _GRAMMARS:
        raise ValueError(f"unknown phrase grammar {name!r}; known: {sorted(_GRAMMARS)}")
    return _GRAMMARS[name]()


LIST_ITEMS = 6  # at most this many comma-separated items in a list inside a name


def list_continues(ctx: PhraseContext, k: int, coordinators: set[str], content: Callable[[int], bool], limit: int = 6) -> bool:
    """At a comma before token k: is this a coordinated list inside the name ("Safe, Orderly and Regular",
    "sur la paix, la sécurité, la démocratie et le développement")?

    True when, before any punctuation but commas, a coordinator comes within ``limit`` content tokens per item
    and is followed by a content token; no item holds a date or a participle opening a relative ("..., adoptée en
    2004 et ...").
    """
    n, items = len(ctx.toks), 1
    participle, nouns = ctx.spec.get("_participle") or (), ctx.spec.get("_noun_suffixes") or ()
    j, start = k, k
    while j < min(n, start + limit):
        if j > start and not ctx.plain(j):
            if ctx.gap(j).strip() not in (",", "،") or items >= LIST_ITEMS:
                return False
            items, start = items + 1, j
        if j in ctx.dates or (participle and ctx.toks[j][2][:1].islower() and ctx.word(j).endswith(participle)
                              and not ctx.word(j).endswith(nouns) and j + 1 < n
                              and ctx.word(j + 1) in (ctx.spec.get("_relative_openers") or ())):
            return False  # "..., adoptée en 2004 et ...": a reduced relative, not an item ("criminalité organisée" is)
        if ctx.is_head(j):
            return False  # the next instrument of a list of instruments
        w = ctx.word(j)
        if w in coordinators:
            return (j > start or items > 1) and j + 1 < n and ctx.plain(j + 1) and content(j + 1)
        if not content(j):
            return False
        j += 1
    return False


def date_ends_name(ctx: PhraseContext, k: int, after_period_cue: bool, direct: bool = True) -> int | None:
    """A date at token k: the character end to include when it is the name's period, else None (stop).

    It is the name's when a period cue precedes it ("for 2025-2027", "giai đoạn 2023-2025") or when it is bare
    digits right after the name ("Plan of Action 2016-2020"); "of 21 December 2001", "năm 2010" are not.
    """
    d = ctx.dates[k]
    bare = ctx.text[d.start : d.end].replace(" ", "")
    if after_period_cue or direct and re.fullmatch(r"[\d\u0660-\u0669\-–/]+", bare):
        return d.end
    return None
