"""Organisations across documents: canonical entities, and acronyms defined in one document linked in another.

Reads mention records only (light copies, no text): cheap, linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from pipeline.document import ORG, Document
from pipeline.knowledge.kb import ENTITY_PREFIX, KnowledgeBase
from pipeline.text.normalise import fold_latin


def build_entities(docs: list[Document], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One record per canonical organisation seen, with every surface form grouped by language."""
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


def link_acronyms_across_documents(docs: list[Document], kb: KnowledgeBase) -> dict[str, str]:
    """Corpus level: an unknown organisation's acronym seen alone in one document ("(MRC)" with no name before
    it: entity ``org:x-mrc``) is the organisation defined with a name and that acronym in another document
    ("Mekong River Commission (MRC)"), when exactly one named organisation outside the KB has that acronym.
    Rewrites the entity ids of mentions, event participants and agreement parties; returns the mapping."""
    kb_acronyms = {a for r in kb.records.values() for a in r.acronyms}
    named: dict[str, set[str]] = {}
    bare: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for doc in docs:
        for m in doc.mentions:
            eid = m.entity_id or ""
            acr = m.attrs.get("entity_acronym")
            if m.type != ORG or not eid.startswith(ENTITY_PREFIX + "x-") or not acr or acr in kb_acronyms:
                continue
            name = m.attrs.get("entity_name")
            # the acronym alone, or a name in a non-Latin script (Arabic), is linked to the one Latin-script name
            # with that acronym
            if name in (None, acr) or not fold_latin(name).isascii():
                bare.setdefault(acr, set()).add(eid)
            else:
                named.setdefault(acr, set()).add(eid)
                names.setdefault(eid, m.attrs["entity_name"])
    remap = {}
    for acr, ids in bare.items():
        targets = named.get(acr, set())
        if len(targets) == 1:
            target = next(iter(targets))
            remap.update({i: target for i in ids if i != target and i not in targets})
    if not remap:
        return remap
    for doc in docs:
        for m in doc.mentions:
            if m.type == ORG and m.entity_id in remap:
                m.entity_id = remap[m.entity_id]
                m.attrs = {**m.attrs, "entity_name": names[m.entity_id]}
            parties = m.attrs.get("parties")
            if isinstance(parties, list) and any(p in remap for p in parties):
                m.attrs["parties"] = list(dict.fromkeys(remap.get(p, p) for p in parties))
        for e in doc.events:
            if any(p in remap for p in e.participants):
                e.participants = list(dict.fromkeys(remap.get(p, p) for p in e.participants))
    return remap

