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
    """``rx.finditer`` with a jump between the characters a match can start with, when that pays."""

    __slots__ = ("rx", "first", "finditer")

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self.first = first_characters(rx)
        self.finditer = self._jump if self.first is not None else rx.finditer

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
