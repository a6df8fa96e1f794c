"""``finditer`` for patterns that Python's regex engine cannot skip ahead for: the same matches, found faster.

Why: when a pattern begins with a lookbehind (``(?<![\\d/.:-])(?P<day>[0-3]?\\d)...``, as most date patterns and
blockers do), ``re`` has no first-character set to jump with, so ``finditer`` runs the whole pattern at every
character of the text; a scan of a sentence costs as much as if every character could start a date. Yet every
match of such a pattern begins with one of a few characters (a digit, ``+``, ``$``...). ``Scanner`` reads that
set from the parsed pattern, jumps from one such character to the next with a one-class regex (which ``re``
scans in C), and runs the pattern there with ``match``: exactly the matches ``finditer`` gives, since a search
is a match tried at each position in turn, and a lookbehind sees the text before ``pos`` in both.

Only patterns whose first characters are rare get the jump (digits, punctuation, upper-case letters of a
case-sensitive pattern); any other pattern, or one this module cannot read (inline flags, back-references),
keeps plain ``finditer``.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

try:  # the parser of the standard ``re`` module (a private module: anything unexpected means no jump)
    from re import _constants as _C, _parser as _P  # type: ignore[attr-defined]
except ImportError:  # Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d"}
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = tuple(op for op in (getattr(_C, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op)


class _Unreadable(Exception):
    """A construct whose first characters are not worked out here."""


class Scanner:
    """``rx.finditer`` with a jump between the characters a match can start with, when that pays, and no scan at
    all of a span that holds none of the strings every match contains (``required_strings``)."""

    __slots__ = ("rx", "first", "required", "scan", "finditer")

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self.first = first_characters(rx)
        self.required = required_strings(rx)
        self.scan = self._jump if self.first is not None else rx.finditer
        self.finditer = self._filtered if self.required else self.scan

    def _filtered(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """``scan``, only when one of the required strings lies in ``text[pos:endpos]`` (``find``, no slice)."""
        end = len(text) if endpos is None else endpos
        if any(text.find(s, pos, end) >= 0 for s in self.required):
            return self.scan(text, pos, end)
        return iter(())

    def _jump(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """``rx.finditer(text, pos, endpos)``: ``match`` at each position where a match may start."""
        end = len(text) if endpos is None else endpos
        search, match = self.first.search, self.rx.match
        while True:
            c = search(text, pos, end)
            if c is None:
                return
            at = c.start()
            m = match(text, at, end)
            if m is None:
                pos = at + 1
            else:  # never empty: the pattern cannot match without consuming a first character
                yield m
                pos = m.end()


def first_characters(rx: re.Pattern) -> re.Pattern | None:
    """A one-class regex of every character a match of ``rx`` can begin with, if ``rx`` starts with a
    lookaround (else ``re`` already skips ahead by itself) and those characters are rare; else None."""
    try:
        tree = _P.parse(rx.pattern, rx.flags)
        if not tree.data or not _starts_with_lookaround(tree.data):
            return None
        items, nullable = _first(tree.data)
        if nullable or not items or not all(_rare(op, av, rx.flags) for op, av in items):
            return None
        return re.compile("[" + "".join(_class_item(op, av) for op, av in items) + "]", rx.flags)
    except (_Unreadable, re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        return None


def _starts_with_lookaround(data: Any) -> bool:
    op, av = data[0]
    while op is _C.SUBPATTERN and av[3].data:
        op, av = av[3].data[0]
    return op in (_C.ASSERT, _C.ASSERT_NOT)


def _first(data: Any) -> tuple[list, bool]:
    """(class items a match of ``data`` can begin with, whether ``data`` can match the empty string)."""
    out: list = []
    for op, av in data:
        if op in _ZERO_WIDTH:  # lookarounds and anchors consume nothing: the next item gives the character
            continue
        if op is _C.LITERAL:
            return out + [(op, av)], False
        if op is _C.IN:
            if any(o is _C.NEGATE for o, _ in av):
                raise _Unreadable
            return out + list(av), False
        first, nullable = _first_of(op, av)
        out += first
        if not nullable:
            return out, False
    return out, True


def _first_of(op: Any, av: Any) -> tuple[list, bool]:
    """``_first`` of a group, an alternation or a repeat."""
    if op is _C.SUBPATTERN:
        if av[1] or av[2]:  # inline flags change what the characters match
            raise _Unreadable
        return _first(av[3].data)
    if op is _C.BRANCH:
        parts = [_first(p.data) for p in av[1]]
        return [x for part, _ in parts for x in part], any(nullable for _, nullable in parts)
    if op in _REPEATS:
        first, nullable = _first(av[2].data)
        return first, nullable or av[0] == 0
    raise _Unreadable


def _rare(op: Any, av: Any, flags: int) -> bool:
    """Whether a class item stands for characters that are rare in running text: digits and punctuation, and
    upper-case ASCII letters when the pattern is case-sensitive (letters, spaces: every few characters)."""
    if op is _C.CATEGORY:
        return av is _C.CATEGORY_DIGIT
    lo, hi = (av, av) if op is _C.LITERAL else av if op is _C.RANGE else (None, None)
    if lo is None:
        return False
    chars = [chr(c) for c in range(lo, min(hi, lo + 64) + 1)]
    return hi - lo < 64 and all(_rare_char(ch, flags) for ch in chars)


def _rare_char(ch: str, flags: int) -> bool:
    if ch.isdigit() or not (ch.isalpha() or ch.isspace()):
        return not ch.isspace()
    return not flags & re.IGNORECASE and "A" <= ch <= "Z"


def _class_item(op: Any, av: Any) -> str:
    if op is _C.LITERAL:
        return "\\U%08x" % av
    if op is _C.RANGE:
        return "\\U%08x-\\U%08x" % av
    if op is _C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unreadable


# -- strings every match contains ---------------------------------------------------------------------------------
# Why: a pattern such as ``\b[Tt]his year\b`` or a blocker such as ``US\$|\$|€...`` is run over every sentence or
# over the whole text, and ``re`` tries it at every position though most texts hold none of its words. Every match
# contains one of a few literal strings ("This year", "this year"; "$", "€", ...), read here from the parsed
# pattern: a span holding none of them has no match, and ``str.find`` tells that far faster than the scan.
MAX_REQUIRED = 16  # more alternatives than this: no filter (each costs a ``find``)


def required_strings(rx: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``rx`` contains (none containing another), or None when none
    are known: a case-insensitive pattern, scoped flags, back-references and classes give none."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        found = _required(_P.parse(rx.pattern, rx.flags).data)
    except (_Unreadable, re.error, RecursionError, TypeError, ValueError, AttributeError, IndexError):
        return None
    if not found:
        return None
    return tuple(sorted(s for s in found if not any(t != s and t in s for t in found)))


def _required(data: Any) -> set[str] | None:
    """The most selective set of strings one of which every match of the sequence ``data`` contains: runs of
    consecutive items matching few known strings (``_exact``, concatenated), or one item's own requirement."""
    best: set[str] | None = None
    run: set[str] = {""}
    for op, av in data:
        exact = _exact(op, av)
        if exact is None:
            best, run = _better(best, _required_of(op, av)), {""}
            continue
        grown = _cross(run, exact)
        run = grown if grown is not None else exact
        best = _better(best, run)
    return best if best and "" not in best else None


def _required_of(op: Any, av: Any) -> set[str] | None:
    """``_required`` of a group, an alternation (one of its branches' strings) or a repeat done at least once."""
    if op is _C.SUBPATTERN:
        return None if av[1] or av[2] else _required(av[3].data)
    if op is _C.BRANCH:
        parts = [_required(p.data) for p in av[1]]
        return None if any(p is None for p in parts) else _capped(set().union(*parts))
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2].data)
    return None


def _exact(op: Any, av: Any) -> set[str] | None:
    """Every string the item matches when they are few and literal; zero-width assertions match ""."""
    if op is _C.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is _C.SUBPATTERN:
        return None if av[1] or av[2] else _exact_sequence(av[3].data)
    if op is _C.BRANCH:
        parts = [_exact_sequence(p.data) for p in av[1]]
        return None if any(p is None for p in parts) else _capped(set().union(*parts))
    if op in _REPEATS and av[1] == 1:  # optional or once
        body = _exact_sequence(av[2].data)
        return None if body is None else (body | {""} if av[0] == 0 else body)
    if op is _C.IN and all(o is _C.LITERAL for o, _ in av):
        return _capped({chr(c) for _, c in av})
    return None


def _exact_sequence(data: Any) -> set[str] | None:
    out: set[str] | None = {""}
    for op, av in data:
        exact = _exact(op, av)
        out = None if exact is None else _cross(out, exact)
        if out is None:
            return None
    return out


def _cross(left: set[str], right: set[str]) -> set[str] | None:
    return _capped({a + b for a in left for b in right})


def _capped(strings: set[str]) -> set[str] | None:
    return strings if len(strings) <= MAX_REQUIRED else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two string sets: the longer shortest string, then fewer strings; "" is no filter."""
    if not a or "" in a:
        return b if b and "" not in b else None
    if not b or "" in b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b
