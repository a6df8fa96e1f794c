"""Agreements across documents and languages: mentions denoting the same instrument share one id.

The key comes from the typed attributes the agreements stage wrote: a mention that refers back (an anaphor or
an acronym: ``antecedent``) takes its antecedent's key; then the knowledge-base instrument, the resolution
number, the document symbol; then kind + parties + date or period; an unnamed instrument with neither
parties nor date stays inside its document; a named one without them is keyed by its folded name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

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


def _join_undated(keyed: list[tuple[Document, Mention, str]]) -> dict[int, str]:
    """A date-less "kind + parties" key joins the one dated instrument with the same kind and parties."""
    dated: dict[str, set[str]] = defaultdict(set)
    for _, _, key in keyed:
        if key.startswith("k:") and not key.endswith("|"):
            dated[key.rsplit("|", 1)[0]].add(key)
    final: dict[int, str] = {}
    for _, m, key in keyed:
        if key.startswith("k:") and key.endswith("|") and len(dated.get(key.rsplit("|", 1)[0], ())) == 1:
            key = next(iter(dated[key.rsplit("|", 1)[0]]))
        final[id(m)] = key
    return final


def reconcile_agreements(docs: list[Document], resources: Resources, settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Set each AGREEMENT mention's ``entity_id`` and return one record per instrument."""
    r = load_agreement_resources(resources)
    kb = KnowledgeBase.load(resources)
    keyed = [(d, m, key) for d in docs for m, key in document_keys(d, r)]
    final_key = _join_undated(keyed)
    groups: dict[str, list[tuple[Document, Mention]]] = defaultdict(list)
    for d, m, _ in keyed:
        agreement_id = "agr-" + short_hash(final_key[id(m)])
        m.entity_id = agreement_id
        groups[agreement_id].append((d, m))
    return [_record(agreement_id, items, final_key[id(items[0][1])], r, kb) for agreement_id, items in sorted(groups.items())]


def _record(agreement_id: str, items: list, key: str, r: AgreementResources, kb: KnowledgeBase) -> dict[str, Any]:
    kinds = Counter(m.attrs["kind"] for _, m in items)
    kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    names: dict[str, set[str]] = defaultdict(set)
    parties: list[str] = []
    dates: Counter[str] = Counter()
    periods: Counter[str] = Counter()
    for d, m in items:
        names[m.lang or d.lang or "und"].add(m.text)
        for p in m.attrs.get("parties") or []:
            if p not in parties:
                parties.append(p)
        if m.attrs.get("date"):
            dates[m.attrs["date"]] += 1
        if m.attrs.get("period"):
            periods[m.attrs["period"]] += 1
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
        "doc_ids": sorted({d.doc_id for d, _ in items}),
        "mention_count": len(items),
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
