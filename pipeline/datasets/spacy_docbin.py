"""A run as a spaCy ``DocBin`` for training: mentions in ``doc.spans["ie"]``, non-overlapping ORG/DATE in
``doc.ents``.

spaCy spans are token spans, and Arabic mentions often start inside a whitespace token (``والأمم المتحدة``:
the conjunction و is a clitic, the organisation starts after it). Each Doc is therefore built from words
split at every mention boundary: the language's blank tokenizer first (``xx`` where spaCy has none that
loads offline), then each token cut where a mention starts or ends, keeping the exact text and whitespace,
so every mention is a whole token span and ``doc.text`` equals the run's text.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from pipeline.datasets.gold_import import RunDoc

SPAN_KEY = "ie"
ENT_TYPES = ("ORG", "DATE")


def _tokenizer(lang: str | None, cache: dict[str, Any]):
    import spacy

    key = lang or "xx"
    if key not in cache:
        try:
            cache[key] = spacy.blank(key)
        except Exception:  # a language whose tokenizer needs extra packages (vi: pyvi) or does not exist
            cache[key] = cache.get("xx") or spacy.blank("xx")
    return cache[key]


def split_words(tokens: list[tuple[int, str, str]], cuts: list[int]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags from ``(offset, text, whitespace)`` tokens, each token cut at the
    sorted offsets ``cuts`` that fall strictly inside it."""
    words: list[str] = []
    spaces: list[bool] = []
    for idx, text, ws in tokens:
        pieces, last = [], idx
        i = bisect_right(cuts, idx)
        while i < len(cuts) and cuts[i] < idx + len(text):
            pieces.append(text[last - idx : cuts[i] - idx])
            last = cuts[i]
            i += 1
        pieces.append(text[last - idx :])
        for j, piece in enumerate(pieces):
            words.append(piece)
            spaces.append(bool(ws) and j == len(pieces) - 1)  # spaCy: ws is "" or " "; more is a token
    return words, spaces


def _entities(spans: list[Any]) -> list[Any]:
    """ORG/DATE spans that do not overlap, longest first at each position (spaCy's ``doc.ents`` rule)."""
    chosen, taken = [], set()
    for s in sorted((s for s in spans if s.label_ in ENT_TYPES), key=lambda s: (s.start, -(s.end - s.start))):
        if not taken.intersection(range(s.start, s.end)):
            chosen.append(s)
            taken.update(range(s.start, s.end))
    return sorted(chosen, key=lambda s: s.start)


def build_doc(doc: RunDoc, tokenizers: dict[str, Any]):
    """The spaCy ``Doc`` of one document, with its mentions as spans (``kb_id_`` = entity id, ``id_`` =
    mention id) and the mention values in ``user_data``."""
    from spacy.tokens import Doc

    nlp = _tokenizer(doc.lang, tokenizers)
    cuts = sorted({m["start"] for m in doc.mentions} | {m["end"] for m in doc.mentions})
    tokens = [(t.idx, t.text, t.whitespace_) for t in nlp.make_doc(doc.text)]
    words, spaces = split_words(tokens, cuts)
    sdoc = Doc(nlp.vocab, words=words, spaces=spaces)
    if sdoc.text != doc.text:
        raise ValueError(f"{doc.source}: the words do not rebuild the text")
    spans = []
    for m in sorted(doc.mentions, key=lambda m: (m["start"], m["end"], m["type"])):
        span = sdoc.char_span(m["start"], m["end"], label=m["type"], kb_id=m.get("entity_id") or "",
                              span_id=m.get("mention_id") or "")
        if span is None:
            raise ValueError(f"{doc.source}: mention {m['start']}:{m['end']} is not a token span")
        spans.append(span)
    sdoc.spans[SPAN_KEY] = spans
    sdoc.ents = _entities(spans)
    sdoc.user_data.update({"doc_id": doc.doc_id, "source": doc.source, "lang": doc.lang or "",
                           "values": {m["mention_id"]: m.get("value") for m in doc.mentions
                                      if m.get("mention_id") and m.get("value") is not None}})
    return sdoc


def write_docbin(docs: list[RunDoc], path: str | Path) -> int:
    """Write ``path`` (a ``.spacy`` file) atomically; returns the number of documents."""
    from spacy.tokens import DocBin

    from pipeline.datasets.export import write_outputs

    tokenizers: dict[str, Any] = {}
    bin_ = DocBin(store_user_data=True)
    for doc in docs:
        bin_.add(build_doc(doc, tokenizers))
    path = Path(path)
    write_outputs(path.parent if str(path.parent) else Path("."), {path.name: bin_.to_bytes()})
    return len(docs)
