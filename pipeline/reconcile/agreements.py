"""Agreements across documents and languages: mentions denoting the same instrument share one id.

The key comes from the typed attributes the agreements stage wrote: a mention that refers back (an anaphor or
an acronym: ``antecedent``) takes its antecedent's key; then the knowledge-base instrument, the resolution
number, the document symbol; then kind + parties + date or period; an unnamed instrument with neither
parties nor date stays inside its document; a named one without them is keyed by its folded name.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline.document import AGREEMENT, Document, Mention, short_hash
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.knowledge.resources import Resources
from pipeline.stages.agreements import AgreementResources, load_agreement_resources
from pipeline.text.matching import TOKEN, fold_token

NAME_LANGUAGE = "en"  # canonical names are English where known (README: agreements.jsonl "name")


def mention_key(doc: Document, m: Mention, keys_at: dict[tuple[int, int], str], r: AgreementResources) -> str:
    """The instrument key of one mention (``keys_at``: keys of the earlier mentions of the same document)."""
    a = m.attrs
    if a.get("antecedent") and tuple(a["antecedent"]) in keys_at:
        return keys_at[tuple(a["antecedent"])]
    if a.get("instrument"):
        return f"kb:{a['instrument']}"
    if a.get("number"):
        return f"res:{a['number']}"
    if a.get("symbol"):
        return f"doc:{a['symbol']}"
    parties, when = a.get("parties") or [], a.get("period") or (a.get("date") or "")[:4]
    if parties or when:
        return f"k:{a['kind']}|{','.join(sorted(parties))}|{when}"
    if a.get("unnamed"):
        return f"u:{doc.doc_id}:{a['kind']}:{m.start}"
    return f"n:{a['kind']}|" + " ".join(fold_token(t, r.arabic) for t in TOKEN.findall(m.text))


def document_keys(doc: Document, r: AgreementResources) -> list[tuple[Mention, str]]:
    keys_at: dict[tuple[int, int], str] = {}
    out = []
    for m in sorted((m for m in doc.mentions if m.type == AGREEMENT), key=lambda m: (m.start, m.end)):
        key = mention_key(doc, m, keys_at, r)
        keys_at[(m.start, m.end)] = key
        out.append((m, key))
    return out


def _final_keys(keys: Iterable[str]) -> dict[str, str]:
    """A date-less "kind + parties" key joins the one dated instrument with the same kind and parties."""
    keys = set(keys)
    dated: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key.startswith("k:") and not key.endswith("|"):
            dated[key.rsplit("|", 1)[0]].add(key)
    final: dict[str, str] = {}
    for key in keys:
        final[key] = key
        if key.startswith("k:") and key.endswith("|") and len(dated.get(key.rsplit("|", 1)[0], ())) == 1:
            final[key] = next(iter(dated[key.rsplit("|", 1)[0]]))
    return final


@dataclass
class _Group:
    """What an instrument's record needs of its mentions, summed as they stream by (not the mentions)."""

    kinds: Counter = field(default_factory=Counter)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parties: dict[str, tuple[int, int]] = field(default_factory=dict)  # party -> where it was first seen
    dates: Counter = field(default_factory=Counter)
    periods: Counter = field(default_factory=Counter)
    doc_ids: set[str] = field(default_factory=set)
    count: int = 0

    def add(self, doc_id: str, lang: str, m: Mention, seq: int) -> None:
        self.kinds[m.attrs["kind"]] += 1
        self.names[lang].add(m.text)
        for j, p in enumerate(m.attrs.get("parties") or []):
            self.parties.setdefault(p, (seq, j))
        if m.attrs.get("date"):
            self.dates[m.attrs["date"]] += 1
        if m.attrs.get("period"):
            self.periods[m.attrs["period"]] += 1
        self.doc_ids.add(doc_id)
        self.count += 1

    def merge(self, other: "_Group") -> None:
        self.kinds.update(other.kinds)
        for lang, forms in other.names.items():
            self.names[lang] |= forms
        for p, where in other.parties.items():
            self.parties[p] = min(where, self.parties.get(p, where))
        self.dates.update(other.dates)
        self.periods.update(other.periods)
        self.doc_ids |= other.doc_ids
        self.count += other.count


class AgreementTable:
    """Instrument keys of a corpus streamed one document at a time: per key, the summed facts its record needs.

    The keys of one document depend only on that document (and the acronym links made before), so ``assign``
    recomputes them when the document comes back, instead of every mention being kept until the end."""

    def __init__(self, resources: Resources) -> None:
        self.r = load_agreement_resources(resources)
        self.kb = KnowledgeBase.load(resources)
        self.groups: dict[str, _Group] = {}  # raw key -> facts, in order of first mention
        self.final: dict[str, str] = {}
        self.seq = 0  # position of a mention in the corpus (documents in reconciliation order)

    def add(self, doc: Document) -> None:
        doc_id = sys.intern(doc.doc_id)
        for m, key in document_keys(doc, self.r):
            if key not in self.groups:
                self.groups[key] = _Group()
            self.groups[key].add(doc_id, m.lang or doc.lang or "und", m, self.seq)
            self.seq += 1

    def records(self) -> list[dict[str, Any]]:
        """One record per instrument, once every document was added."""
        self.final = _final_keys(self.groups)
        merged: dict[str, tuple[str, _Group]] = {}
        for key, group in self.groups.items():
            final = self.final[key]
            agreement_id = "agr-" + short_hash(final)
            if agreement_id not in merged:
                merged[agreement_id] = (final, _Group())
            merged[agreement_id][1].merge(group)
        return [_record(agreement_id, group, final, self.r, self.kb) for agreement_id, (final, group) in sorted(merged.items())]

    def assign(self, doc: Document) -> None:
        """Set the ``entity_id`` of a document's AGREEMENT mentions (after ``records``)."""
        for m, key in document_keys(doc, self.r):
            m.entity_id = "agr-" + short_hash(self.final.get(key, key))


def _record(agreement_id: str, group: _Group, key: str, r: AgreementResources, kb: KnowledgeBase) -> dict[str, Any]:
    kind = sorted(group.kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    parties = sorted(group.parties, key=group.parties.__getitem__)
    names = group.names
    dates, periods = group.dates, group.periods
    date = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if dates else None
    period = sorted(periods.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if periods else None
    return {
        "agreement_id": agreement_id,
        "kind": kind,
        "name": _english_name(key, kind, names, parties, date, period, r, kb),
        "names": {lang: sorted(forms) for lang, forms in sorted(names.items())},
        "parties": parties,
        "date": date,
        "period": period,
        "doc_ids": sorted(group.doc_ids),
        "mention_count": group.count,
    }


def _english_name(key: str, kind: str, names: dict, parties: list[str], date, period, r: AgreementResources, kb: KnowledgeBase) -> str:
    if key.startswith("kb:"):
        return r.kb[key[3:]]["name"]
    if key.startswith("res:"):
        num = key[4:]
        return f"Security Council resolution {num[2:]}" if num.startswith("S/") else f"Resolution {num}"
    if key.startswith("doc:"):
        return key[4:]
    if names.get(NAME_LANGUAGE):
        return sorted(names[NAME_LANGUAGE], key=lambda s: (-len(s), s))[0]
    labels = []
    for p in parties:
        rec = kb.by_entity_id(p)
        labels.append(rec.acronyms[0] if rec and rec.acronyms else (rec.name if rec else p.split(":", 1)[-1]))
    title = kind.replace("_", " ").title().replace("Of", "of")
    when = period or date
    return " ".join(x for x in ["-".join(labels), title, f"({when})" if when else ""] if x)
