"""The one record that flows through every stage, and the records stages add to it.

Offsets are always Python string indices into ``Document.text``: stages never rewrite the text, they add
layers (sentences, mentions, events) that point into it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Iterable

# Mention types: constants, not scattered strings.
ORG = "ORG"
DATE = "DATE"
AGREEMENT = "AGREEMENT"
EVENT = "EVENT"
LOC = "LOC"
MENTION_TYPES = (ORG, DATE, AGREEMENT, EVENT, LOC)


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable id fragment from the given parts (never from paths, run times or memory addresses)."""
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass
class Sentence:
    start: int
    end: int
    excluded: bool = False  # boilerplate (navigation, not content): extractors skip it


@dataclass
class Mention:
    type: str
    start: int
    end: int
    text: str
    extractor: str
    confidence: float = 1.0
    value: Any = None
    entity_id: str | None = None
    sentence: int = -1
    lang: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)  # type-specific extras (qualifier, kind, reason...)



@dataclass
class Event:
    type: str
    trigger: Mention
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    location: str | None = None
    status: str = "past"
    plover: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    canonical_id: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    # (start, end) of the AGREEMENT mentions the event signs/adopts; reconciliation turns them into ids
    agreement_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Document:
    """A document and every layer the stages have added so far."""

    source: str
    text: str
    lang: str | None = None
    lang_given: bool = False
    title: str | None = None
    published: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # word tokens of every sentence (pipeline.text.tokens.DocTokens), made once by the tokenise stage and read by
    # every later stage (pipeline.text.tokens.shared_tokens); never serialised
    words: Any = None
    provided: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    _sha256: str | None = field(default=None, repr=False)

    @property
    def sha256(self) -> str:
        """Hash of the text, computed once (a light copy keeps it after dropping the text)."""
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return self._sha256

    @property
    def doc_id(self) -> str:
        """Stable: from the content, not the path or the run."""
        return "doc-" + self.sha256[:16]

    def content_sentences(self) -> list[tuple[int, Sentence]]:
        """Sentences extractors read: everything but boilerplate."""
        return [(i, s) for i, s in enumerate(self.sentences) if not s.excluded]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (binary search over sentence starts)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def is_excluded(self, start: int, end: int) -> bool:
        i = self.sentence_index(start)
        return i >= 0 and self.sentences[i].excluded

    def add_mention(self, mention: Mention) -> Mention | None:
        """Add a mention unless it falls in boilerplate; fill in its sentence and language."""
        if not (0 <= mention.start < mention.end <= len(self.text)):
            raise ValueError(f"mention offsets {mention.start}:{mention.end} outside the text of {self.source}")
        if self.text[mention.start : mention.end] != mention.text:
            raise ValueError(f"mention text {mention.text!r} does not match offsets in {self.source}")
        sentence = self.sentence_index(mention.start)  # once: it says both where the mention is and if it counts
        if sentence >= 0 and self.sentences[sentence].excluded:
            return None
        mention.sentence = sentence
        mention.lang = mention.lang or self.lang
        self.mentions.append(mention)
        return mention

    def mentions_of(self, type_: str) -> list[Mention]:
        return sorted((m for m in self.mentions if m.type == type_), key=lambda m: (m.start, m.end))


def mention_to_dict(m: Mention) -> dict[str, Any]:
    return {"type": m.type, "start": m.start, "end": m.end, "text": m.text, "extractor": m.extractor,
            "confidence": m.confidence, "value": m.value, "entity_id": m.entity_id, "sentence": m.sentence,
            "lang": m.lang, "attrs": m.attrs}


def event_to_dict(e: Event) -> dict[str, Any]:
    return {"type": e.type, "trigger": mention_to_dict(e.trigger), "date": e.date, "participants": e.participants,
            "agreements": e.agreements, "location": e.location, "status": e.status, "plover": e.plover,
            "confidence": e.confidence, "canonical_id": e.canonical_id, "attrs": e.attrs,
            "agreement_spans": [list(s) for s in e.agreement_spans]}


def document_head(doc: Document) -> dict[str, Any]:
    """Everything but the mentions and events: what a cache entry stores before them, one record a line."""
    return {
        "source": doc.source, "text": doc.text, "lang": doc.lang, "lang_given": doc.lang_given, "title": doc.title,
        "published": doc.published, "url": doc.url, "meta": doc.meta, "notes": doc.notes,
        "sentences": [[s.start, s.end, s.excluded] for s in doc.sentences],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """Everything the stages produced, as plain data (no spaCy objects)."""
    return {**document_head(doc), "mentions": [mention_to_dict(m) for m in doc.mentions],
            "events": [event_to_dict(e) for e in doc.events]}


_MENTION_FIELDS = frozenset(f.name for f in fields(Mention))
_EVENT_FIELDS = frozenset(f.name for f in fields(Event))
_HEAD_FIELDS = {"source": str, "text": str, "lang_given": bool, "meta": dict, "notes": list, "sentences": list}


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"cached document: {what}")


_MENTION_REQUIRED = frozenset({"type", "start", "end", "text"})


def _mention_from_dict(m: Any, text: str) -> Mention:
    """A mention from the cache, checked: its fields, their types, and that its offsets slice its text (the key
    views are compared as sets in C: every mention of every document is read back twice per run)."""
    _require(isinstance(m, dict) and m.keys() <= _MENTION_FIELDS and m.keys() >= _MENTION_REQUIRED, "mention fields")
    start, end = m["start"], m["end"]
    _require(isinstance(start, int) and isinstance(end, int) and isinstance(m.get("sentence", -1), int), "offsets")
    _require(isinstance(m["type"], str) and isinstance(m["text"], str) and isinstance(m.get("attrs", {}), dict), "mention types")
    _require(text[start:end] == m["text"], "mention text does not match its offsets")
    return Mention(**m)


def document_from_dict(d: Any) -> Document:
    """The inverse of ``document_to_dict``, validating as it goes (a wrong cache entry raises ValueError and is
    re-extracted)."""
    _require(isinstance(d, dict), "not an object")
    for key in ("mentions", "events"):
        _require(isinstance(d.get(key), list), f"field {key!r}")
    return document_from_parts(d, d["mentions"], d["events"])


def document_from_parts(head: Any, mentions: Iterable[Any], events: Iterable[Any]) -> Document:
    """A document from its head (``document_head``) and its mention and event records, validated; the records
    may be a stream, read once in order (mentions first), so a long document never has them all as dicts.
    Linear: event triggers find their mention through a dictionary, not a scan per event."""
    _require(isinstance(head, dict), "not an object")
    for key, kind in _HEAD_FIELDS.items():
        _require(isinstance(head.get(key), kind), f"field {key!r}")
    for key in ("lang", "title", "published", "url"):
        _require(head.get(key) is None or isinstance(head[key], str), f"field {key!r}")
    doc = Document(source=head["source"], text=head["text"], lang=head["lang"], lang_given=head["lang_given"],
                   title=head["title"], published=head["published"], url=head["url"], meta=head["meta"],
                   notes=head["notes"])
    doc.sentences = [Sentence(s, e, x) for s, e, x in head["sentences"]]
    doc.mentions = [_mention_from_dict(m, doc.text) for m in mentions]
    # the trigger is the same object as its EVENT mention when that mention is in the list (the first one)
    by_span = {(m.type, m.start, m.end): m for m in reversed(doc.mentions)}
    doc.events = [_event_from_dict(e, doc.text, by_span) for e in events]
    return doc


def _event_from_dict(e: Any, text: str, by_span: dict[tuple[str, int, int], Mention]) -> Event:
    _require(isinstance(e, dict) and set(e) <= _EVENT_FIELDS and {"type", "trigger"} <= set(e), "event fields")
    trigger = _mention_from_dict(e["trigger"], text)
    trigger = by_span.get((trigger.type, trigger.start, trigger.end), trigger)
    event = Event(**{**e, "trigger": trigger})
    event.agreement_spans = [tuple(span) for span in event.agreement_spans]  # JSON has no tuples
    return event
