"""Corpus-level reconciliation: mentions from every document become canonical entities and agreements.

Runs over all documents after the per-document stages (it is cheap: it only reads mention records).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import AGREEMENT, ORG, Document
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.knowledge.resources import Resources


@dataclass
class CorpusResult:
    entities: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)


def reconcile(docs: list[Document], resources: Resources, settings: dict[str, Any] | None = None) -> CorpusResult:
    from pipeline.stages import agreements as agreements_mod
    from pipeline.stages import events as events_mod

    kb = KnowledgeBase.load(resources)
    result = CorpusResult(entities=build_entities(docs, kb))
    result.agreements = agreements_mod.reconcile_agreements(docs, resources, settings or {})
    events_mod.reconcile_events(docs, resources, settings or {})
    return result


def build_entities(docs: list[Document], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One record per canonical organisation seen, with every surface form grouped by language."""
    from pipeline.stages.orgs import link_acronyms_across_documents

    link_acronyms_across_documents(docs, kb)  # "(MRC)" alone in one document -> the MRC named in another
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    counts: Counter[str] = Counter()
    doc_ids: dict[str, set[str]] = defaultdict(set)
    attrs: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.type != ORG or not m.entity_id:
                continue
            names[m.entity_id][m.lang or doc.lang or "und"].add(m.text)
            counts[m.entity_id] += 1
            doc_ids[m.entity_id].add(doc.doc_id)
            if "entity_name" in m.attrs:
                attrs.setdefault(m.entity_id, {"name": m.attrs["entity_name"], "acronym": m.attrs.get("entity_acronym")})
    records = []
    for entity_id in sorted(counts):
        rec = kb.by_entity_id(entity_id)
        if rec is not None:
            name, acronym, ext = rec.name, (rec.acronyms[0] if rec.acronyms else None), dict(sorted(rec.kb.items()))
        else:
            guess = attrs.get(entity_id) or {}
            forms = names[entity_id]
            fallback = sorted(forms.get("en") or next(iter(forms.values())), key=lambda s: (-len(s), s))[0]
            name, acronym, ext = guess.get("name") or fallback, guess.get("acronym"), {}
        records.append(
            {
                "entity_id": entity_id,
                "type": ORG,
                "name": name,
                "acronym": acronym,
                "names": {lang: sorted(forms) for lang, forms in sorted(names[entity_id].items())},
                "kb": ext,
                "mention_count": counts[entity_id],
                "doc_ids": sorted(doc_ids[entity_id]),
            }
        )
    return records


def agreement_mentions(docs: list[Document]) -> list[tuple[Document, Any]]:
    return [(d, m) for d in docs for m in d.mentions if m.type == AGREEMENT]
