"""A spaCy language's tokenizer built from its own files, with its token_match regex compiled in factored form.

Why: importing spaCy's French compiles its token_match (words of letters, hyphens and apostrophes kept whole:
"vingt-sept", "aujourd'hui") as one regex of 266 alternatives, each repeating a Unicode letter class that Python
compiles case-insensitively, code point by code point: ~2-4 s in every process, every ``--jobs`` worker included.
The same alternatives grouped by their shared tail (``(?:^a|^b)TAIL`` for ``(?:^aTAIL)|(?:^bTAIL)``) match exactly
the same strings and compile in ~0.1 s. The token_match cannot simply be dropped: without it "vingt-sept." splits
into "vingt", "-", "sept." (the month abbreviation) and a sentence end is lost.

The language's modules are run from spaCy's files without the package ``__init__`` (which would compile the
regex) and without the ``TOKEN_MATCH`` line; tests/text/test_spacy_tokenizer.py checks the result against spaCy.
"""

from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable


def factored_tokenizer(vocab, spacy_lang: str, url_match, extra_suffixes: list[str]):
    """spaCy's tokenizer of ``spacy_lang`` (exceptions, prefixes, suffixes + ``extra_suffixes``, infixes, and the
    token_match its tokenizer_exceptions module joins from ``_regular_exp``), compiled without the slow regex."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    punct = spacy_module(spacy_lang, "punctuation")
    exceptions = spacy_module(spacy_lang, "tokenizer_exceptions", drop=frozenset({"TOKEN_MATCH"}))
    return Tokenizer(vocab, rules=exceptions["TOKENIZER_EXCEPTIONS"],
                     prefix_search=compile_prefix_regex(punct["TOKENIZER_PREFIXES"]).search,
                     suffix_search=compile_suffix_regex(list(punct["TOKENIZER_SUFFIXES"]) + extra_suffixes).search,
                     infix_finditer=compile_infix_regex(punct["TOKENIZER_INFIXES"]).finditer,
                     token_match=factored_match(exceptions["_regular_exp"], "(?iu)"), url_match=url_match)


def factored_match(alternatives: list[str], flags: str = "") -> Callable[[str], Any]:
    """``re.compile(flags + "|".join("(?:%s)" % a for a in alternatives)).match``, as the same language written
    with alternatives that end in the same character-class tail grouped: ``(?:(?:h1|h2)TAIL)``."""
    counts = Counter(alt[i:] for alt in alternatives for i in _class_starts(alt))
    groups: dict[str, list[str]] = defaultdict(list)
    for alt in alternatives:
        shared = [alt[i:] for i in _class_starts(alt) if counts[alt[i:]] > 1]
        tail = max(shared, key=len) if shared else ""
        groups[tail].append(alt[: len(alt) - len(tail)])
    return re.compile(flags + "|".join(f"(?:(?:{'|'.join(heads)}){tail})" for tail, heads in groups.items())).match


def _class_starts(pattern: str) -> list[int]:
    """Offsets of the ``[`` opening each character class outside any group: where a shared tail may start."""
    starts: list[int] = []
    depth = 0
    for m in _SYNTAX.finditer(pattern):
        c = m.group()
        if c == "(" or c == ")":
            depth += 1 if c == "(" else -1
        elif c[0] == "[" and depth == 0:
            starts.append(m.start())
    return starts


# an escape, a whole character class (a leading "]" is a member) or a parenthesis; other characters are skipped
_SYNTAX = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()]", re.S)


def spacy_module(spacy_lang: str, name: str, drop: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The top-level names of ``spacy/lang/<spacy_lang>/<name>.py`` run without the assignments to ``drop``; its
    ``from .sibling import ...`` lines are served the same way, so the language package itself is never imported."""
    import spacy.lang

    path = Path(spacy.lang.__file__).parent / spacy_lang / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    namespace: dict[str, Any] = {"__name__": f"spacy.lang.{spacy_lang}.{name}", "__package__": f"spacy.lang.{spacy_lang}",
                                 "__file__": str(path)}
    body = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in drop for t in node.targets):
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            sibling = spacy_module(spacy_lang, node.module)
            namespace.update({a.asname or a.name: sibling[a.name] for a in node.names})
            continue
        body.append(node)
    tree.body = body
    exec(compile(tree, str(path), "exec"), namespace)  # noqa: S102 -- spaCy's own file, minus ``drop``
    return namespace
