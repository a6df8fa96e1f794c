"""Tokens and sentences with spaCy blank pipelines, and boilerplate lines marked as not content.

Sentences never cross a line break. A sentence ends at a final punctuation token (``. ! ? ؟ …``); the
tokenizer gets an extra suffix rule so a full stop glued to digits (``2020.``, which spaCy's Arabic tokenizer
keeps whole) is its own token and still ends the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.document import Document, Sentence
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.grammar import load_grammars
from pipeline.text.normalise import fold_latin
from pipeline.text.spacy_tokenizer import factored_tokenizer
from pipeline.text.tokens import DocTokens


YEAR_RX = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a four-digit number: a byline's date, never a breadcrumb

@dataclass
class TokeniseParams:
    # spaCy language used to tokenise a language, overriding its grammar's ``spacy_lang``
    # (models/<lang>/grammar.yaml); a language with neither uses its own blank pipeline, else the fallback.
    spacy_lang: dict[str, str] = field(default_factory=dict)
    sentence_final: list[str] = field(default_factory=lambda: [".", "!", "?", "؟", "…", "。", "۔"])
    max_chars_per_chunk: int = 200_000  # spaCy's Doc is built per line block; bounds memory on giant lines
    fallback_spacy_lang: str = "xx"  # spaCy's multi-language blank pipeline


def build_nlp(resources: Resources, spacy_lang: str, fallback: str = TokeniseParams.fallback_spacy_lang,
              factored: bool = False):
    """A blank spaCy pipeline (tokenizer only) with a suffix rule splitting a full stop off digits, per process.

    ``factored`` (a grammar's ``spacy_factored_token_match: true``): the language's own tokenizer, built from
    spaCy's files with its token_match regex compiled in factored form (pipeline/text/spacy_tokenizer.py)."""
    def build():
        import spacy

        if factored:  # a blank multi-language pipeline (no language import) holding the language's tokenizer
            nlp = spacy.blank("xx")
            try:
                nlp.tokenizer = factored_tokenizer(nlp.vocab, spacy_lang, nlp.Defaults.url_match, _with_digit_stop([]))
                return nlp
            except Exception:  # another spaCy release laid its files out differently: the slow, plain way below
                pass
        spacy.registry.tokenizers.register(DIGIT_STOP_TOKENIZER, func=_digit_stop_tokenizer)
        config = {"nlp": {"tokenizer": {"@tokenizers": DIGIT_STOP_TOKENIZER}}}
        try:
            return spacy.blank(spacy_lang, config=config)
        except Exception:  # no such language in spaCy, or it needs a missing tokeniser package
            return spacy.blank(fallback, config=config)

    return resources.memo(("spacy", spacy_lang, str(factored)), build)


DIGIT_STOP_TOKENIZER = "pipeline.digit_stop_tokenizer.v1"  # spaCy registry name of ``_digit_stop_tokenizer``


def _digit_stop_tokenizer():
    """spaCy's own tokenizer factory (``spacy.Tokenizer.v1``) with ``_with_digit_stop`` suffixes. Why not
    ``spacy.blank`` and then a new ``suffix_search``: that compiles the suffix regex twice and loads the
    language's thousands of special cases twice (setting ``suffix_search`` reloads them), ~0.15 s per process."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    def factory(nlp) -> Tokenizer:
        d = nlp.Defaults
        return Tokenizer(nlp.vocab, rules=d.tokenizer_exceptions,
                         prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
                         suffix_search=compile_suffix_regex(_with_digit_stop(d.suffixes)).search,
                         infix_finditer=compile_infix_regex(d.infixes).finditer if d.infixes else None,
                         token_match=d.token_match, url_match=d.url_match)

    return factory


def _with_digit_stop(suffixes) -> list[str]:
    """spaCy's suffixes plus a full stop after a digit (``2020.``), which the Arabic tokenizer keeps whole."""
    return list(suffixes or []) + [r"(?<=[0-9٠-٩۰-۹])\."]


@register("tokenise", params=TokeniseParams, requires=("lang",), provides=("tokens", "sentences"))
class TokeniseStage:
    def __init__(self, resources: Resources, params: TokeniseParams) -> None:
        self.resources = resources
        self.params = params
        self.final = set(params.sentence_final)
        self.final_firsts = {f[0] for f in self.final if f}  # what a sentence-final token can begin with
        self.boilerplate = Boilerplate.from_resources(resources)
        # models/<lang>/grammar.yaml ``spacy_lang``: a language whose own spaCy tokenizer does not fit (Vietnamese:
        # spaCy's 'vi' needs pyvi or splits on whitespace only, leaving punctuation glued to words)
        grammars = load_grammars(resources.per_language("grammar.yaml"))
        self.spacy_lang = {lang: str(g.extra["spacy_lang"]) for lang, g in grammars.items() if g.extra.get("spacy_lang")}
        self.spacy_lang.update(params.spacy_lang)
        self.languages = set(grammars) | set(params.spacy_lang)
        # ``spacy_factored_token_match: true``: spaCy codes whose tokenizer is built without the slow token_match regex
        self.factored = {str(g.extra.get("spacy_lang", lang)) for lang, g in grammars.items()
                         if g.extra.get("spacy_factored_token_match") is True}

    def nlp_for(self, lang: str | None):
        code = self.spacy_lang.get(lang or "", lang or self.params.fallback_spacy_lang)
        return build_nlp(self.resources, code, self.params.fallback_spacy_lang, factored=code in self.factored)

    def warm(self) -> None:
        """The pipelines of every language with a grammar (the languages documents are expected in), built ahead
        of the first document: a process pool's parent builds them once for all its forked workers."""
        for lang in sorted(self.languages):
            self.nlp_for(lang)

    def __call__(self, doc: Document) -> Document:
        nlp = self.nlp_for(doc.lang)
        doc.sentences = []
        for line_start, line_end in _lines(doc.text):
            for chunk_start in range(line_start, line_end, self.params.max_chars_per_chunk):
                chunk_end = min(line_end, chunk_start + self.params.max_chars_per_chunk)
                chunk = doc.text[chunk_start:chunk_end]
                self._sentences(nlp(chunk), chunk, chunk_start, doc)
        self.boilerplate.mark(doc)
        # one word tokenisation per document, read by every later stage (pipeline/text/tokens.py)
        doc.words = DocTokens(doc.text, [(s.start, s.end) for s in doc.sentences])
        return doc

    def _sentences(self, sdoc, chunk: str, offset: int, doc: Document) -> None:
        """Sentences of one chunk from its tokens' offsets, lengths and flags, read as one array (``to_array``)
        rather than through a spaCy ``Token`` object per token; a token's text is its span of ``chunk``. A token that
        is no punctuation and does not begin with a final character is neither final nor closing: it only ends the
        previous sentence or extends the current one, without its text being sliced and compared."""
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

        start = None
        prev_final = False
        final, firsts = self.final, self.final_firsts
        for idx, length, space, punct in sdoc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT]).tolist():
            if space:
                continue
            if not punct and length and chunk[idx] not in firsts:  # a word: neither final nor closing (most tokens)
                if prev_final and start is not None:
                    doc.sentences.append(_trimmed(doc.text, start, offset + idx))
                    start = None
                if start is None:
                    start = offset + idx
                prev_final = False
                end = offset + idx + length
                continue
            text = chunk[idx : idx + length]
            is_final = text in final or (length > 1 and set(text) <= final)
            closing = punct and not is_final and text in "\"'”’»)]"
            if start is not None and prev_final and not is_final and not closing:
                doc.sentences.append(_trimmed(doc.text, start, offset + idx))
                start = None
            if start is None:
                start = offset + idx
            prev_final = is_final or (prev_final and closing)
            end = offset + idx + length
        if start is not None:
            doc.sentences.append(_trimmed(doc.text, start, end))


def _lines(text: str):
    pos = 0
    for m in re.finditer(r"\n", text):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end)


@dataclass
class Boilerplate:
    """Lines that are navigation, not content: listed phrases, breadcrumbs and tiny lines at the edges."""

    phrases: set[str]
    prefixes: tuple[str, ...]
    separators: tuple[str, ...]
    breadcrumb_max_words: int
    edge_lines: int
    edge_max_words: int

    @classmethod
    def from_resources(cls, resources: Resources) -> "Boilerplate":
        def build() -> "Boilerplate":
            rules = resources.yaml("boilerplate.yaml")
            phrases: set[str] = set()
            prefixes: list[str] = []
            for data in resources.per_language("boilerplate.yaml").values():
                phrases.update(_fold(p) for p in data.get("phrases", []))
                prefixes.extend(_fold(p) for p in data.get("prefixes", []))
            return cls(
                phrases=phrases,
                prefixes=tuple(sorted(prefixes)),
                separators=tuple(rules["breadcrumb_separators"]),
                breadcrumb_max_words=int(rules["breadcrumb_max_words"]),
                edge_lines=int(rules["edge_lines"]),
                edge_max_words=int(rules["edge_max_words"]),
            )

        return resources.memo(("boilerplate",), build)

    def is_boilerplate(self, line: str, at_edge: bool) -> bool:
        folded = _fold(line)
        if not folded:
            return False
        words = folded.split()
        if folded in self.phrases or folded.startswith(self.prefixes):
            return True
        if len(words) <= self.breadcrumb_max_words and any(s in line for s in self.separators):
            # a byline with its date ("Thu Hằng | 08:40, 16/ 5/ 2025") is the page's own line, not navigation
            if not re.search(r"[.!?؟]\s*$", line.strip()) and not YEAR_RX.search(line):
                return True
        if at_edge and len(words) <= self.edge_max_words and not re.search(r"\d|\b[A-Z]{2,}\b", line):
            return True
        return False

    def mark(self, doc: Document) -> None:
        lines = list(_lines(doc.text))
        bad: list[tuple[int, int]] = []
        for i, (s, e) in enumerate(lines):
            at_edge = i < self.edge_lines or i >= len(lines) - self.edge_lines
            if self.is_boilerplate(doc.text[s:e], at_edge):
                bad.append((s, e))
        if not bad:
            return
        j = 0
        for sent in doc.sentences:
            while j < len(bad) and bad[j][1] <= sent.start:
                j += 1
            if j < len(bad) and bad[j][0] <= sent.start and sent.end <= bad[j][1]:
                sent.excluded = True
        doc.meta["boilerplate_lines"] = len(bad)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold_latin(text)).split())
