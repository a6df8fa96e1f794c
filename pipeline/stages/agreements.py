"""Agreements: named instruments found by their kind head, and reconciled across documents and languages.

A mention spans the instrument's name (head, its modifiers and complements); its kind, parties (the
organisations inside the name), date and period (a date inside or right after the name) are attributes.
Across documents, mentions denoting the same instrument share one id: the knowledge base of well-known
instruments first, then the resolution number, then kind + parties + date or period.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from pipeline.document import AGREEMENT, DATE, ORG, Document, Mention, short_hash
from pipeline.knowledge.kb import KnowledgeBase
from pipeline.text.matching import TOKEN, Trie, fold_token, matches_at, phrase_key, tokens, walk
from pipeline.registry import register
from pipeline.knowledge.resources import Resources
from pipeline.text.normalise import ArabicFolder, is_arabic

PUNCT_STOP = re.compile(r"[,;:()\[\]\"“”„«»!?؟،؛]|\.\s")


@dataclass
class AgreementParams:
    date_window_chars: int = 30  # a date this close after a name ("(2021-2025)", "للفترة 2016-2020") belongs to it


@dataclass
class AgreementResources:
    kb_trie: Trie
    kb: dict[str, dict[str, Any]]
    langs: dict[str, dict[str, Any]]
    arabic: ArabicFolder


def load_agreement_resources(resources: Resources) -> AgreementResources:
    def build() -> AgreementResources:
        arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
        trie = Trie()
        kb = {}
        for rec in resources.yaml("agreements/kb.yaml") or []:
            kb[rec["id"]] = rec
            for forms in rec["names"].values():
                for form in forms:
                    if phrase_key(form, arabic):
                        trie.add(phrase_key(form, arabic), rec["id"])
        langs = {}
        for lang, spec in resources.per_language("agreements.yaml").items():
            heads = Trie()
            for head, kind in spec["heads"].items():
                heads.add(phrase_key(head, arabic), kind)
            langs[lang] = {
                **spec,
                "_heads": heads,
                "_resolution": re.compile(spec["resolution_regex"]) if spec.get("resolution_regex") else None,
                "_adjectives": {arabic.fold(a) for a in spec.get("adjectives", [])},
                "_complements": {arabic.fold(a) for a in spec.get("complement_words", [])},
                "_stops": {fold_token(w, arabic) for w in spec.get("stop_words", []) if " " not in w},
                "_stop_phrases": [w for w in spec.get("stop_words", []) if " " in w],
                "_connectors": {c.casefold() for c in spec.get("connectors", [])},
            }
        return AgreementResources(trie, kb, langs, arabic)

    return resources.memo(("agreements",), build)


@dataclass
class Span:
    start: int
    end: int
    kind: str
    source: str
    kb_id: str | None = None
    number: str | None = None
    head_only: bool = False


@register("agreements", params=AgreementParams, requires=("sentences", "orgs", "dates"), provides=("agreements",))
class AgreementStage:
    def __init__(self, resources: Resources, params: AgreementParams) -> None:
        self.params = params
        self.r = load_agreement_resources(resources)

    def __call__(self, doc: Document) -> Document:
        spec = self.r.langs.get(doc.lang or "")
        text = doc.text
        orgs = doc.mentions_of(ORG)
        dates = doc.mentions_of(DATE)
        spans: list[Span] = []
        for _, sent in doc.content_sentences():
            toks = tokens(text, sent.start, sent.end)
            spans += self._kb_spans(text, toks)
            if spec:
                spans += self._head_spans(text, toks, spec, orgs, sent)
                if spec["_resolution"]:
                    for m in spec["_resolution"].finditer(text, sent.start, sent.end):
                        spans.append(Span(m.start(), m.end(), "resolution", "resolution-number", number=m.group("number")))
        chosen = _resolve(spans, orgs)
        previous: list[Mention] = []
        for sp in chosen:
            m = self._mention(doc, sp, orgs, dates, previous)
            if m is not None and doc.add_mention(m) is not None:
                previous.append(m)
        return doc

    # -- finding names ------------------------------------------------------------------------------
    def _kb_spans(self, text: str, toks: list) -> list[Span]:
        out = []
        for i, (s, e, t) in enumerate(toks):
            for strip, end_i, ids in matches_at(self.r.kb_trie, toks, i, text, self.r.arabic):
                rec = self.r.kb[ids[0]]
                out.append(Span(s + strip, toks[end_i][1], rec["kind"], "kb", kb_id=rec["id"]))
        return out

    def _head_spans(self, text: str, toks: list, spec: dict, orgs: list[Mention], sent) -> list[Span]:
        out = []
        fold = lambda x: fold_token(x, self.r.arabic)  # noqa: E731
        for i, (s, e, t) in enumerate(toks):
            variants = self.r.arabic.clitic_variants(t) if is_arabic(t) else [(0, t.casefold())]
            for strip, first in variants:
                hits = walk(spec["_heads"].root, first, toks, i, text, fold)
                if not hits:
                    continue
                head_end, kinds = hits[-1]
                if not is_arabic(t) and not t[:1].isupper():
                    break  # a lowercase "agreement" is a common noun, not a name
                if "adjectives" in spec:
                    end_i = self._extend_arabic(text, toks, head_end, spec, orgs)
                elif "max_tokens" in spec:
                    end_i = self._extend_syllabic(text, toks, head_end, spec)
                else:
                    end_i = self._extend_latin(text, toks, head_end, spec)
                start_i = self._extend_left(text, toks, i, orgs) if not is_arabic(t) else i
                start = toks[start_i][0] if start_i != i else s + strip
                out.append(Span(start, toks[end_i][1], kinds[0], "head", head_only=(end_i == head_end and start_i == i)))
                break
        return out

    def _extend_left(self, text: str, toks: list, i: int, orgs: list[Mention]) -> int:
        """Capitalised words, years and organisation names before a Latin head ("ASEAN-UN Plan of Action")."""
        a = i
        while a - 1 >= 0:
            gap = text[toks[a - 1][1] : toks[a][0]]
            w = toks[a - 1][2]
            if not re.fullmatch(r"[\s\-–'’]*", gap) or not (w[:1].isupper() or w.isdigit()) or w in ("The", "A", "An", "La", "Le", "Les", "L"):
                break
            if w == "s" or gap.strip() in ("'", "’"):
                break
            a -= 1
        # possessives: "Chairman's Statement"
        if a == i and i >= 2 and toks[i - 1][2] == "s" and text[toks[i - 2][1] : toks[i - 1][0]] in ("'", "’") and toks[i - 2][2][:1].isupper():
            a = i - 2
        return a

    def _extend_latin(self, text: str, toks: list, head_end: int, spec: dict) -> int:
        conn = spec["_connectors"]
        coord_after = {c.casefold() for c in spec.get("coordination_after", [])}
        coordinators = {c.casefold() for c in spec.get("coordinators", [])}
        b, j, n = head_end, head_end + 1, len(toks)
        seen: set[str] = set()
        while j < n:
            k = j
            blocked = False
            while k < n and toks[k][2].casefold() in conn and _plain_gap(text, toks[k - 1], toks[k]):
                w = toks[k][2].casefold()
                if w in coordinators and not (seen & coord_after):
                    blocked = True  # "Vision 2025 and the UN": two things, not one name
                    break
                seen.add(w)
                k += 1
            if blocked:
                break
            if k < n and (toks[k][2][:1].isupper() or toks[k][2].isdigit()) and _plain_gap(text, toks[k - 1], toks[k]):
                b, j = k, k + 1
            else:
                break
        return b

    def _extend_syllabic(self, text: str, toks: list, head_end: int, spec: dict) -> int:
        b, n = head_end, len(toks)
        heads_root = spec["_heads"].root
        for k in range(head_end + 1, min(n, head_end + 1 + int(spec["max_tokens"]))):
            gap = text[toks[k - 1][1] : toks[k][0]]
            if PUNCT_STOP.search(gap) or "\n" in gap:
                break
            w = toks[k][2].casefold()
            if w in spec["_stops"] or any(text[toks[k][0] :].casefold().startswith(p.casefold()) for p in spec["_stop_phrases"]):
                break
            fold = lambda x: fold_token(x, self.r.arabic)  # noqa: E731
            if walk(heads_root, w, toks, k, text, fold) or (
                    w == "và" and k + 1 < n and walk(heads_root, fold(toks[k + 1][2]), toks, k + 1, text, fold)):
                break  # the next instrument's name starts here
            b = k
        return b

    def _extend_arabic(self, text: str, toks: list, head_end: int, spec: dict, orgs: list[Mention]) -> int:
        fold = self.r.arabic.fold
        b, k, n = head_end, head_end + 1, len(toks)
        head_definite = fold(toks[head_end][2]).startswith("ال")
        org_at = {m.start: m for m in orgs}
        construct_used = False
        in_complement = False
        while k < n:
            gap = text[toks[k - 1][1] : toks[k][0]]
            if PUNCT_STOP.search(gap) or "\n" in gap:
                break
            w = fold(toks[k][2])
            bare = w[1:] if w[:1] == "و" and len(w) > 3 else w
            org = org_at.get(toks[k][0]) or org_at.get(toks[k][0] + 1) or org_at.get(toks[k][0] + 2)
            if org is not None:  # an organisation: a party of the name, after the head or in a complement
                while k < n and toks[k][1] <= org.end:
                    k += 1
                b = k - 1
                construct_used = True
                continue
            if w in spec["_stops"] or bare in spec["_stops"]:
                break
            if w in spec["_adjectives"] or bare in spec["_adjectives"]:
                b, k = k, k + 1
                continue
            if w in spec["_complements"]:
                in_complement = True
                b, k = k, k + 1
                continue
            if in_complement and (w.startswith("ال") or bare.startswith("ال")):
                b, k = k, k + 1
                continue
            if w.startswith("ل") and not w.startswith("لل") and k + 1 < n or w.startswith("لل"):
                # purpose complement "لقانون البحار": the ل-word and the definite nouns after it
                b, k = k, k + 1
                while k < n and fold(toks[k][2]).startswith("ال") and fold(toks[k][2]) not in spec["_stops"] and not PUNCT_STOP.search(text[toks[k - 1][1] : toks[k][0]]):
                    b, k = k, k + 1
                break
            if not head_definite and not construct_used and w.startswith("ال"):
                b, k, construct_used = k, k + 1, True  # construct state: "بيان الرئيس"
                continue
            break
        return b

    # -- attributes ---------------------------------------------------------------------------------
    def _mention(self, doc: Document, sp: Span, orgs: list[Mention], dates: list[Mention], previous: list[Mention]) -> Mention | None:
        text = doc.text
        parties = []
        for o in orgs:
            if sp.start <= o.start and o.end <= sp.end and o.entity_id and o.entity_id not in parties:
                parties.append(o.entity_id)
        date = period = None
        for d in dates:
            inside = sp.start <= d.start and d.end <= sp.end
            near = sp.end <= d.start <= sp.end + self.params.date_window_chars and not re.search(r"[.;؛]", text[sp.end : d.start])
            if (inside or near) and d.value:
                if "/" in d.value:
                    period = d.value
                else:
                    date = d.value
                break
        attrs: dict[str, Any] = {"kind": sp.kind, "parties": parties, "date": date, "period": period}
        if sp.number:
            attrs["number"] = sp.number
        if sp.kb_id:
            key = f"kb:{sp.kb_id}"
        elif sp.number:
            key = f"res:{sp.number}"
        elif sp.head_only or (not parties and not date and not period):
            antecedent = next((p for p in reversed(previous) if p.attrs["kind"] == sp.kind), None)
            if antecedent is not None and (sp.head_only or len(text[sp.start : sp.end]) < 40):
                key = antecedent.attrs["agreement_key"]
                attrs.update({"anaphor": True, "parties": antecedent.attrs["parties"], "date": antecedent.attrs["date"],
                              "period": antecedent.attrs["period"]})
            elif sp.head_only:
                return None  # a bare "Declaration" with nothing to refer to is not a named instrument
            else:
                key = f"n:{sp.kind}|" + " ".join(fold_token(t, self.r.arabic) for t in TOKEN.findall(text[sp.start : sp.end]))
        else:
            key = f"k:{sp.kind}|{','.join(sorted(parties))}|{period or (date or '')[:4]}"
        attrs["agreement_key"] = key
        return Mention(AGREEMENT, sp.start, sp.end, text[sp.start : sp.end], f"agreements:{sp.source}",
                       0.9 if sp.source != "head" else 0.8, attrs=attrs)


def _plain_gap(text: str, left, right) -> bool:
    return bool(re.fullmatch(r"[\s\-–'’]*", text[left[1] : right[0]]))


def _resolve(spans: list[Span], orgs: list[Mention]) -> list[Span]:
    """Longest first; the knowledge base and resolution numbers win ties; no span may sit inside an ORG name."""
    rank = {"kb": 0, "resolution-number": 1, "head": 2}
    chosen: list[Span] = []
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), rank[s.source], s.start)):
        if any(o.start <= sp.start and sp.end <= o.end for o in orgs):
            continue
        clash = [c for c in chosen if not (sp.end <= c.start or c.end <= sp.start)]
        if not clash:
            chosen.append(sp)
        elif sp.number and all(c.number is None and c.kind == "resolution" for c in clash):
            for c in clash:
                c.number = sp.number
    return sorted(chosen, key=lambda s: s.start)


# -- reconciliation across documents ------------------------------------------------------------------
def reconcile_agreements(docs: list[Document], resources: Resources, settings: dict[str, Any]) -> list[dict[str, Any]]:
    r = load_agreement_resources(resources)
    kb = KnowledgeBase.load(resources)
    mentions = [(d, m) for d in docs for m in d.mentions if m.type == AGREEMENT]
    # date-less "kind + parties" keys join the one dated instrument with the same kind and parties
    dated: dict[str, set[str]] = defaultdict(set)
    for _, m in mentions:
        key = m.attrs["agreement_key"]
        if key.startswith("k:") and not key.endswith("|"):
            dated[key.rsplit("|", 1)[0]].add(key)
    final_key: dict[str, str] = {}
    for _, m in mentions:
        key = m.attrs["agreement_key"]
        if key.startswith("k:") and key.endswith("|") and len(dated.get(key.rsplit("|", 1)[0], ())) == 1:
            key = next(iter(dated[key.rsplit("|", 1)[0]]))
        final_key[id(m)] = key
    groups: dict[str, list[tuple[Document, Mention]]] = defaultdict(list)
    for d, m in mentions:
        agreement_id = "agr-" + short_hash(final_key[id(m)])
        m.entity_id = agreement_id
        groups[agreement_id].append((d, m))
    records = []
    for agreement_id, items in sorted(groups.items()):
        key = final_key[id(items[0][1])]
        kinds = Counter(m.attrs["kind"] for _, m in items)
        kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        names: dict[str, set[str]] = defaultdict(set)
        parties: list[str] = []
        dates, periods = Counter(), Counter()
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
        records.append({
            "agreement_id": agreement_id,
            "kind": kind,
            "name": _english_name(key, kind, names, parties, date, period, r, kb),
            "names": {lang: sorted(forms) for lang, forms in sorted(names.items())},
            "parties": parties,
            "date": date,
            "period": period,
            "doc_ids": sorted({d.doc_id for d, _ in items}),
            "mention_count": len(items),
        })
    return records


def _english_name(key: str, kind: str, names: dict, parties: list[str], date, period, r: AgreementResources, kb: KnowledgeBase) -> str:
    if key.startswith("kb:"):
        return r.kb[key[3:]]["name"]
    if names.get("en"):
        return sorted(names["en"], key=lambda s: (-len(s), s))[0]
    labels = []
    for p in parties:
        rec = kb.by_entity_id(p)
        labels.append(rec.acronyms[0] if rec and rec.acronyms else (rec.name if rec else p.split(":", 1)[-1]))
    title = kind.replace("_", " ").title().replace("Of", "of")
    if key.startswith("res:"):
        return f"Resolution {key[4:]}"
    when = period or date
    return " ".join(x for x in ["-".join(labels), title, f"({when})" if when else ""] if x)
