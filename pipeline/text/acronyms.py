"""Long forms of acronyms defined in parentheses, by the Schwartz & Hearst (2003) alignment.

"Réseau de prévention des crises alimentaires (RPCA)": the acronym's letters are found, right to left, in the
words before the parenthesis, its first letter at the start of a word; the shortest such run of words is the
long form. Language-neutral: it needs letters, not a word list.
"""

from __future__ import annotations

import re

from pipeline.text.normalise import fold_latin

WORD = re.compile(r"\S+")


def long_form_start(short: str, text: str, start: int, end: int, max_words: int | None = None) -> int | None:
    """Offset in ``text`` where the long form of ``short`` written in ``text[start:end]`` begins, or None.

    Looks at most ``max_words`` words back (Schwartz & Hearst: min(|A| + 5, 2|A|), a little more here because
    French and Vietnamese names carry more function words)."""
    letters = [fold_latin(c) for c in short if c.isalnum()]
    if len(letters) < 2:
        return None
    limit = max_words or min(len(letters) + 7, 2 * len(letters) + 2)
    words = [m.start() for m in WORD.finditer(text, start, end)][-limit:]
    if not words:
        return None
    lo = words[0]
    window = fold_latin(text[lo:end])
    if len(window) != end - lo:  # folding changed the length (rare ligatures): give up rather than misplace
        return None
    li = len(window) - 1
    for si in range(len(letters) - 1, -1, -1):
        c = letters[si]
        while li >= 0 and (window[li] != c or (si == 0 and li > 0 and window[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    return lo + li + 1  # the first letter sits at a word start ("l'Union": the long form starts at "Union")
