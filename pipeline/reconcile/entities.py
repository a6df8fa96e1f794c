"""Organisations across documents: canonical entities, and acronyms defined in one document linked in another.

Reads mention records only: cheap, linear in the number of mentions. Built to stream: the corpus state is a few
dictionaries keyed by entity id and acronym (``AcronymLinker``, ``EntityTable``), never the mentions
themselves, so a run can feed it one document at a time and memory grows with the number of distinct
organisations, not with the corpus.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from typing import Any, Iterable

from pipeline.document import ORG, Document
from pipeline.knowledge.kb import ENTITY_PREFIX, KnowledgeBase
from pipeline.text.normalise import fold_latin

# (acronym, entity id, name or None when the mention is "bare") of one unknown organisation's mention
Evidence = tuple[str, str, "str | None"]


def build_entities(docs: list[Document], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One record per canonical organisation seen, with every surface form grouped by language."""
    link_acronyms_across_documents(docs, kb)  # "(MRC)" alone in one document -> the MRC named in another
    table = EntityTable()
    for doc in docs:
        table.add(doc)
    return table.records(kb)


class EntityTable:
    """Per canonical organisation: surface forms per language, mention count, documents, first name seen."""

    def __init__(self) -> None:
        self.names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.counts: Counter[str] = Counter()
        self.doc_ids: dict[str, set[str]] = defaultdict(set)
        self.attrs: dict[str, dict[str, Any]] = {}

    def add(self, doc: Document) -> None:
        """Count one document's ORG mentions (documents must come in reconciliation order)."""
        doc_id = sys.intern(doc.doc_id)  # one string per document, however many entities name it
        for m in doc.mentions:
            if m.type != ORG or not m.entity_id:
                continue
            self.names[m.entity_id][m.lang or doc.lang or "und"].add(m.text)
            self.counts[m.entity_id] += 1
            self.doc_ids[m.entity_id].add(doc_id)
            if "entity_name" in m.attrs:
                self.attrs.setdefault(m.entity_id, {"name": m.attrs["entity_name"], "acronym": m.attrs.get("entity_acronym")})

    def records(self, kb: KnowledgeBase) -> list[dict[str, Any]]:
        return [self._record(entity_id, kb) for entity_id in sorted(self.counts)]

    def _record(self, entity_id: str, kb: KnowledgeBase) -> dict[str, Any]:
        rec = kb.by_entity_id(entity_id)
        if rec is not None:
            name, acronym, ext = rec.name, (rec.acronyms[0] if rec.acronyms else None), dict(sorted(rec.kb.items()))
        else:
            guess = self.attrs.get(entity_id) or {}
            forms = self.names[entity_id]
            fallback = sorted(forms.get("en") or next(iter(forms.values())), key=lambda s: (-len(s), s))[0]
            name, acronym, ext = guess.get("name") or fallback, guess.get("acronym"), {}
        return {
            "entity_id": entity_id,
            "type": ORG,
            "name": name,
            "acronym": acronym,
            "names": {lang: sorted(forms) for lang, forms in sorted(self.names[entity_id].items())},
            "kb": ext,
            "mention_count": self.counts[entity_id],
            "doc_ids": sorted(self.doc_ids[entity_id]),
        }


def acronym_evidence(doc: Document) -> list[Evidence]:
    """What linking needs of one document: its unknown organisations that carry an acronym (usually none), so a
    run keeps a few tuples per document instead of its mentions."""
    out: list[Evidence] = []
    for m in doc.mentions:
        eid = m.entity_id or ""
        acr = m.attrs.get("entity_acronym")
        if m.type != ORG or not eid.startswith(ENTITY_PREFIX + "x-") or not acr:
            continue
        name = m.attrs.get("entity_name")
        # the acronym alone, or a name in a non-Latin script (Arabic), is linked to the one Latin-script name
        # with that acronym
        bare = name in (None, acr) or not fold_latin(name).isascii()
        out.append((acr, eid, None if bare else name))
    return out


class AcronymLinker:
    """Corpus level: an unknown organisation's acronym seen alone in one document ("(MRC)" with no name before
    it: entity ``org:x-mrc``) is the organisation defined with a name and that acronym in another document
    ("Mekong River Commission (MRC)"), when exactly one named organisation outside the KB has that acronym."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb_acronyms = {a for r in kb.records.values() for a in r.acronyms}
        self.named: dict[str, set[str]] = {}
        self.bare: dict[str, set[str]] = {}
        self.names: dict[str, str] = {}
        self.remap: dict[str, str] = {}

    def add(self, evidence: Iterable[Evidence]) -> None:
        """One document's evidence (documents in reconciliation order: the first name seen is kept)."""
        for acr, eid, name in evidence:
            if acr in self.kb_acronyms:
                continue
            if name is None:
                self.bare.setdefault(acr, set()).add(eid)
            else:
                self.named.setdefault(acr, set()).add(eid)
                self.names.setdefault(eid, name)

    def link(self) -> dict[str, str]:
        """The entity id mapping, once every document's evidence is in."""
        remap = {}
        for acr, ids in self.bare.items():
            targets = self.named.get(acr, set())
            if len(targets) == 1:
                target = next(iter(targets))
                remap.update({i: target for i in ids if i != target and i not in targets})
        self.remap = remap
        return remap

    def relink(self, doc: Document) -> None:
        """Rewrite the entity ids of one document's mentions, event participants and agreement parties."""
        remap = self.remap
        if not remap:
            return
        for m in doc.mentions:
            if m.type == ORG and m.entity_id in remap:
                m.entity_id = remap[m.entity_id]
                m.attrs = {**m.attrs, "entity_name": self.names[m.entity_id]}
            parties = m.attrs.get("parties")
            if isinstance(parties, list) and any(p in remap for p in parties):
                m.attrs["parties"] = list(dict.fromkeys(remap.get(p, p) for p in parties))
        for e in doc.events:
            if any(p in remap for p in e.participants):
                e.participants = list(dict.fromkeys(remap.get(p, p) for p in e.participants))


def link_acronyms_across_documents(docs: list[Document], kb: KnowledgeBase) -> dict[str, str]:
    """``AcronymLinker`` over a list of documents, rewritten in place; returns the mapping."""
    linker = AcronymLinker(kb)
    for doc in docs:
        linker.add(acronym_evidence(doc))
    remap = linker.link()
    for doc in docs:
        linker.relink(doc)
    return remap
