"""The one record that flows through every stage, and the records stages add to it.

Offsets are always Python string indices into ``Document.text``: stages never rewrite the text, they add
layers (sentences, mentions, events) that point into it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# Mention types: constants, not scattered strings.
ORG = "ORG"
DATE = "DATE"
AGREEMENT = "AGREEMENT"
EVENT = "EVENT"
LOC = "LOC"
MENTION_TYPES = (ORG, DATE, AGREEMENT, EVENT, LOC)


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable id fragment from the given parts (never from paths, run times or memory addresses)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
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

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


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
    tokens: Any = None  # the spaCy Doc, when the tokenise stage ran; never serialised
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
        if self.sentences and self.is_excluded(mention.start, mention.end):
            return None
        mention.sentence = self.sentence_index(mention.start)
        mention.lang = mention.lang or self.lang
        self.mentions.append(mention)
        return mention

    def mentions_of(self, type_: str) -> list[Mention]:
        return sorted((m for m in self.mentions if m.type == type_), key=lambda m: (m.start, m.end))


def mention_to_dict(m: Mention) -> dict[str, Any]:
    return {"type": m.type, "start": m.start, "end": m.end, "text": m.text, "extractor": m.extractor,
            "confidence": m.confidence, "value": m.value, "entity_id": m.entity_id, "sentence": m.sentence,
            "lang": m.lang, "attrs": m.attrs}


def document_to_dict(doc: Document) -> dict[str, Any]:
    """Everything the stages produced, as plain data (no spaCy objects): for the per-document cache."""
    return {
        "source": doc.source, "text": doc.text, "lang": doc.lang, "lang_given": doc.lang_given, "title": doc.title,
        "published": doc.published, "url": doc.url, "meta": doc.meta, "notes": doc.notes,
        "sentences": [[s.start, s.end, s.excluded] for s in doc.sentences],
        "mentions": [mention_to_dict(m) for m in doc.mentions],
        "events": [
            {"type": e.type, "trigger": mention_to_dict(e.trigger), "date": e.date, "participants": e.participants,
             "agreements": e.agreements, "location": e.location, "status": e.status, "plover": e.plover,
             "confidence": e.confidence, "canonical_id": e.canonical_id, "attrs": e.attrs}
            for e in doc.events
        ],
    }


def document_from_dict(d: dict[str, Any]) -> Document:
    doc = Document(source=d["source"], text=d["text"], lang=d["lang"], lang_given=d["lang_given"], title=d["title"],
                   published=d["published"], url=d["url"], meta=d["meta"], notes=d["notes"])
    doc.sentences = [Sentence(s, e, x) for s, e, x in d["sentences"]]
    doc.mentions = [Mention(**m) for m in d["mentions"]]
    for e in d["events"]:
        trigger = Mention(**e["trigger"])
        # the trigger is the same object as its EVENT mention when that mention is in the list
        for m in doc.mentions:
            if m.type == trigger.type and m.start == trigger.start and m.end == trigger.end:
                trigger = m
                break
        doc.events.append(Event(**{**e, "trigger": trigger}))
    return doc
